# SPDX-License-Identifier: EUPL-1.2
"""The team lead's overload badge for the staff menu (werk_base.html): `casus_overbelast`, the number of workers
above their team's norm. Lazy (a callable): only a page that shows the menu item pays its few queries, and only
for a team lead past the second factor. (accounts' context processor cannot count it: accounts is a base app.)"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpRequest

from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, is_verified

from . import services


def caseload(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not (is_verified(user) and has_role(user, Role.TEAMLEIDER)):
        return {}

    # A callable: the template calls it only when it reads the variable (once per render: cached).
    @cache
    def count() -> int:
        return services.overload_count(user)

    return {"casus_overbelast": count}
