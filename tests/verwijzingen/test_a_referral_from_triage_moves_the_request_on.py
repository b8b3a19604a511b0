# SPDX-License-Identifier: EUPL-1.2
"""A referral made from a triaged request (the triage screen's next step, ?hulpvraag=) moves that request on to
"doorgezet" in the same transaction, naming the organisation in its history; a request still in intake stays."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_verwijzingen as fv
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.hulpvragen.models import HulpvraagStatus
from wijkteam.verwijzingen.models import Verwijzing

pytestmark = pytest.mark.django_db


def _request_and_service(place: Any, users: Any, status: str) -> tuple[Any, Any]:
    persoon = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, voornamen="Fatima", achternaam="El Amrani",
                               telefoon="0612345678")
    hulpvraag = HulpvraagFactory(persoon=persoon, huishouden=persoon.huishouden, team=place.team_a, status=status,
                                 behandelaar=users.medewerker)
    return hulpvraag, fv.partner_service(users.partner.organisatie, name="Maatjesproject Samen")


def _refer(client: Any, hulpvraag: Any, service: Any) -> Any:
    return client.post(f"{reverse('verwijzingen:nieuw')}?hulpvraag={hulpvraag.pk}", {
        "service": str(service.pk), "soort": "collectief", "persoon": hulpvraag.persoon_id,
        "gedeeld": ["naam", "contact"], "samenvatting": "Voelt zich eenzaam sinds de scheiding.",
        "levensdomeinen": ["LD11"], "verwezen_op": "2026-11-25"})


def test_the_triaged_request_moves_on(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    hulpvraag, service = _request_and_service(place, users, HulpvraagStatus.GETRIEERD)
    response = _refer(client_for(users.medewerker), hulpvraag, service)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Verwijzing.objects.get().hulpvraag_id == hulpvraag.pk
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.DOORGEZET
    last = hulpvraag.historie.order_by("id").last()
    assert last is not None and users.partner.organisatie.naam in last.toelichting


def test_a_request_in_intake_stays_where_it_is(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    hulpvraag, service = _request_and_service(place, users, HulpvraagStatus.IN_BEHANDELING)
    assert _refer(client_for(users.medewerker), hulpvraag, service).status_code == 302
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.IN_BEHANDELING


def test_another_teams_worker_cannot_refer_from_the_request(place: Any, users: Any, client_for: Any,
                                                            frozen_time: Any) -> None:
    hulpvraag, service = _request_and_service(place, users, HulpvraagStatus.GETRIEERD)
    assert _refer(client_for(users.medewerker_b), hulpvraag, service).status_code == 403
    assert not Verwijzing.objects.exists()
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.GETRIEERD
