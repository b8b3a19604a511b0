# SPDX-License-Identifier: EUPL-1.2
"""Who may see the collective share (aggregates of the triage decisions, no personal data) and over which wijken.

The analist reads the whole gemeente; a teamleider the wijken of their own teams (steering their team's work).
Medewerkers, partners, the privacy officer and the beheerder have no need for these figures: 403, audited by
the view guard. The wijk scope is the one vroegsignalering's figures use, reused so both pages agree.
"""

from __future__ import annotations

from typing import Any

from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, is_verified
from wijkteam.vroegsignalering.access import rapportage_wijk_ids


def may_view_collective_share(user: Any) -> bool:
    return is_verified(user) and has_role(user, Role.ANALIST, Role.TEAMLEIDER)


def collective_share_wijk_ids(user: Any) -> list[int] | None:
    """The wijken whose decisions this user sees: None for the whole gemeente (analist), else the own teams'.

    A decision without a wijk (a request without address, routed by hand) counts only in the gemeente's figures.
    """
    return rapportage_wijk_ids(user)
