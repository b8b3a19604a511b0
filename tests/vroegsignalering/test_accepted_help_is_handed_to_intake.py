# SPDX-License-Identifier: EUPL-1.2
""""Hulp geaccepteerd" hands the household to intake in one transaction: with an intake handoff registered,
its help request is created and the zaak keeps its id and links to it; without one, the zaak still moves
to "doorgezet naar intake" and its page names the next step. When intake refuses, nothing is written. A
zaak whose resident was not reached yet is refused with a Dutch message saying what to do first."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import ZaakStatus, ZaakStatusHistorie

from .zaken_support import intake_handoff, zaak_world

pytestmark = pytest.mark.django_db


class FakeIntake:
    """Records what it received; answers with a fixed id, or raises like a refusing intake would."""

    def __init__(self, *, fail: bool = False) -> None:
        self.received: list[tuple[int, Any]] = []
        self.fail = fail

    def receive(self, zaak: Any, *, by: Any, request: Any) -> int:
        self.received.append((zaak.pk, by))
        if self.fail:
            raise RuntimeError("intake weigert")
        return 4711

    def handoff(self) -> handoff.IntakeHandoff:
        return handoff.IntakeHandoff(receive=self.receive, url=lambda pk: f"/werk/hulpvragen/{pk}/")


def _accept(client, zaak):
    return client.post(reverse("vroegsignalering:zaak_hulp_geaccepteerd", args=[zaak.pk]))


def test_with_an_intake_the_help_request_is_made_and_linked(place, users, client_for):
    zaak = zaak_world(place, status=ZaakStatus.IN_GESPREK).zaak
    fake = FakeIntake()
    client = client_for(users.medewerker)
    with intake_handoff(fake.handoff()):
        response = _accept(client, zaak)
        assert response.status_code == 302 and response["Location"].endswith("#intake")
        page = client.get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).content.decode()
    assert fake.received == [(zaak.pk, users.medewerker)]
    zaak.refresh_from_db()
    assert (zaak.status, zaak.hulp_geaccepteerd, zaak.intake_id) == (ZaakStatus.NAAR_INTAKE, True, 4711)
    assert 'href="/werk/hulpvragen/4711/"' in page
    assert "Maak een hulpvraag aan" not in page
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(zaak.pk), detail__intake_id=4711).exists()


def test_without_an_intake_the_page_names_the_next_step(place, users, client_for):
    zaak = zaak_world(place, status=ZaakStatus.IN_GESPREK).zaak
    client = client_for(users.teamleider)
    with intake_handoff(None):
        assert _accept(client, zaak).status_code == 302
        page = client.get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).content.decode()
    zaak.refresh_from_db()
    assert (zaak.status, zaak.hulp_geaccepteerd, zaak.intake_id) == (ZaakStatus.NAAR_INTAKE, True, None)
    assert "Maak een hulpvraag aan voor dit huishouden:" in page
    assert f"vroegsignaalzaak {zaak.pk}" in page


def test_when_intake_refuses_nothing_is_written(place, users, client_for):
    zaak = zaak_world(place, status=ZaakStatus.IN_GESPREK).zaak
    history = ZaakStatusHistorie.objects.filter(zaak=zaak).count()
    fake = FakeIntake(fail=True)
    with intake_handoff(fake.handoff()):
        response = _accept(client_for(users.medewerker), zaak)
    assert response.status_code == 400
    assert "De hulpvraag kon niet worden aangemaakt, daarom is er niets opgeslagen." in response.content.decode()
    assert fake.received  # it was asked
    zaak.refresh_from_db()
    assert (zaak.status, zaak.hulp_geaccepteerd, zaak.intake_id) == (ZaakStatus.IN_GESPREK, None, None)
    assert ZaakStatusHistorie.objects.filter(zaak=zaak).count() == history
    assert not AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(zaak.pk)).exists()


@pytest.mark.parametrize(("status", "message"), [
    (ZaakStatus.NIEUW, "Leg eerst een contactpoging vast waarbij u de inwoner heeft bereikt."),
    (ZaakStatus.CONTACT_GEZOCHT, "Leg eerst een contactpoging vast waarbij u de inwoner heeft bereikt."),
    (ZaakStatus.GESLOTEN, "hulp accepteren kan alleen bij een zaak die in gesprek is."),
])
def test_only_a_zaak_in_conversation_accepts_help(place, users, client_for, status, message):
    zaak = zaak_world(place, status=status).zaak
    fake = FakeIntake()
    with intake_handoff(fake.handoff()):
        response = _accept(client_for(users.medewerker), zaak)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert fake.received == []
    zaak.refresh_from_db()
    assert (zaak.status, zaak.intake_id) == (status, None)


def test_the_registered_intake_of_hulpvragen_makes_the_help_request(place, users, client_for):
    # No fake: the handoff hulpvragen registers at start-up.
    assert handoff.intake() is not None
    zaak = zaak_world(place, status=ZaakStatus.IN_GESPREK).zaak
    client = client_for(users.medewerker)
    assert _accept(client, zaak).status_code == 302
    zaak.refresh_from_db()
    hulpvraag = zaak.hulpvragen.get()
    assert zaak.intake_id == hulpvraag.pk
    assert hulpvraag.huishouden_id == zaak.huishouden_id
    page = client.get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).content.decode()
    assert f'href="{handoff.intake().url(hulpvraag.pk)}"' in page
