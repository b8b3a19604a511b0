# SPDX-License-Identifier: EUPL-1.2
"""A zaak's status moves only along ZAAK_TRANSITIONS, with a history row per change; a refused move says so in
Dutch with both statuses' labels (not their codes) and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories_vroegsignalering as fvs
from wijkteam.vroegsignalering.models import ZaakStatus, ZaakStatusHistorie
from wijkteam.vroegsignalering.services import TransitionNotAllowed, change_zaak_status

pytestmark = pytest.mark.django_db


def test_a_refused_move_names_both_statuses_in_dutch(place: Any, users: Any, frozen_time: Any) -> None:
    zaak = fvs.VroegsignaalzaakFactory(team=place.team_a, buurt=place.buurt_a)
    with pytest.raises(TransitionNotAllowed) as refused:
        change_zaak_status(zaak, ZaakStatus.NAAR_INTAKE, by=users.medewerker)
    assert str(refused.value) == "Een zaak met status Nieuw kan niet naar Doorgezet naar intake."
    assert not ZaakStatusHistorie.objects.filter(zaak=zaak, naar=ZaakStatus.NAAR_INTAKE).exists()
    change_zaak_status(zaak, ZaakStatus.CONTACT_GEZOCHT, by=users.medewerker)
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.CONTACT_GEZOCHT
    assert ZaakStatusHistorie.objects.filter(zaak=zaak, van=ZaakStatus.NIEUW, naar=ZaakStatus.CONTACT_GEZOCHT,
                                             door=users.medewerker).count() == 1
