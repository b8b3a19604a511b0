# SPDX-License-Identifier: EUPL-1.2
"""Two workers press "Zelf oppakken" at the same moment: both read the request as new. Assigning decides
on the locked row, so the second one only changes the behandelaar: no error (and no 500 after half an
action), and the request went into intake exactly once, with one history row for it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.hulpvragen import access
from wijkteam.hulpvragen.intake import views
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus
from wijkteam.hulpvragen.services import assign

pytestmark = pytest.mark.django_db


def _intake_rows(hulpvraag: Hulpvraag) -> int:
    return hulpvraag.historie.filter(naar=HulpvraagStatus.IN_BEHANDELING).count()


def test_assigning_a_stale_new_request_takes_the_status_from_the_database(place: Any, users: Any,
                                                                        frozen_time: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    stale = Hulpvraag.objects.get(pk=hv.pk)  # the second worker's page: still "nieuw"
    assign(hv, users.teamleider, by=users.teamleider)  # the first worker was quicker
    assert stale.status == HulpvraagStatus.NIEUW

    assign(stale, users.medewerker, by=users.medewerker)

    assert stale.status == HulpvraagStatus.IN_BEHANDELING and stale.behandelaar == users.medewerker
    hv.refresh_from_db()
    assert hv.status == HulpvraagStatus.IN_BEHANDELING and hv.behandelaar == users.medewerker
    assert _intake_rows(hv) == 1


def test_the_second_click_on_zelf_oppakken_is_no_server_error(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any, monkeypatch: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)

    def read_then_lose_the_race(request: Any, pk: int, *, purpose: str = "read") -> Hulpvraag:
        # The view has read the request as new; the teamleider takes it before this worker's write.
        hulpvraag = access.get_hulpvraag_for_user(request, pk, purpose=purpose)
        assign(Hulpvraag.objects.get(pk=pk), users.teamleider, by=users.teamleider)
        return hulpvraag

    monkeypatch.setattr(views, "get_hulpvraag_for_user", read_then_lose_the_race)
    url = reverse("hulpvragen:assign", kwargs={"pk": hv.pk})
    response = client_for(users.medewerker).post(url, {"actie": "zelf"})

    assert response.status_code == 302
    assert response["Location"] == reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk})
    hv.refresh_from_db()
    assert hv.status == HulpvraagStatus.IN_BEHANDELING and hv.behandelaar == users.medewerker
    assert _intake_rows(hv) == 1
