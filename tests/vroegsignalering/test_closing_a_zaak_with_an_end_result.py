# SPDX-License-Identifier: EUPL-1.2
"""A zaak closes with an end result from the DDAS list; "hulp geaccepteerd" follows from it. A zaak already
closed, an unknown result, or a result without help after the household accepted help is refused with a
Dutch message and changes nothing. A "niet opgepakt" result becomes the status of the zaak's signals."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import Eindresultaat, SignaalStatus, ZaakStatus
from wijkteam.vroegsignalering.services import TransitionNotAllowed
from wijkteam.vroegsignalering.zaken.services import HULP_RESULTATEN, close_zaak

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db


def _close(client, zaak, resultaat):
    return client.post(reverse("vroegsignalering:zaak_sluiten", args=[zaak.pk]), {"eindresultaat": resultaat})


def test_closing_through_the_page(place, users, client_for, frozen_time):
    zaak = zaak_world(place, status=ZaakStatus.IN_GESPREK).zaak
    client = client_for(users.medewerker)
    assert _close(client, zaak, Eindresultaat.VERVOLG_FINANCIEEL).status_code == 302
    zaak.refresh_from_db()
    assert (zaak.status, zaak.eindresultaat, zaak.hulp_geaccepteerd) == (
        ZaakStatus.GESLOTEN, Eindresultaat.VERVOLG_FINANCIEEL, True)
    assert zaak.gesloten is not None
    page = client.get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).content.decode()
    assert "Vervolghulp en/of verwijzing financieel" in page
    assert reverse("vroegsignalering:zaak_contactpoging", args=[zaak.pk]) not in page  # closed: no form
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(zaak.pk),
                                     detail__eindresultaat=Eindresultaat.VERVOLG_FINANCIEEL).exists()

    response = _close(client, zaak, Eindresultaat.GEEN_CONTACT)
    assert response.status_code == 400
    assert "Deze zaak is al gesloten met eindresultaat" in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.eindresultaat == Eindresultaat.VERVOLG_FINANCIEEL


@pytest.mark.parametrize(("resultaat", "message"), [
    ("", "Kies een eindresultaat om de zaak te sluiten."),
    ("Opgelost door een wonder", "Kies een eindresultaat uit de lijst."),
])
def test_a_missing_or_unknown_result_is_refused(place, users, client_for, resultaat, message):
    zaak = zaak_world(place).zaak
    response = _close(client_for(users.medewerker), zaak, resultaat)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'id="id_eindresultaat-error"' in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.NIEUW


@pytest.mark.parametrize("resultaat", Eindresultaat.values)
def test_help_accepted_follows_from_the_result(place, users, resultaat):
    zaak = zaak_world(place, status=ZaakStatus.CONTACT_GEZOCHT).zaak
    close_zaak(zaak, eindresultaat=resultaat, by=users.medewerker)
    assert zaak.hulp_geaccepteerd is (resultaat in HULP_RESULTATEN)


def test_after_accepted_help_only_a_result_with_help_closes(place, users):
    zaak = zaak_world(place, status=ZaakStatus.NAAR_INTAKE, hulp_geaccepteerd=True).zaak
    with pytest.raises(ValidationError) as refused:
        close_zaak(zaak, eindresultaat=Eindresultaat.GEEN_HULP_NODIG, by=users.medewerker)
    assert "De inwoner heeft hulp geaccepteerd" in refused.value.messages[0]
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.NAAR_INTAKE
    close_zaak(zaak, eindresultaat=Eindresultaat.ADVIES_QUICK_FIX, by=users.medewerker)
    assert (zaak.status, zaak.hulp_geaccepteerd) == (ZaakStatus.GESLOTEN, True)
    with pytest.raises(TransitionNotAllowed):
        close_zaak(zaak, eindresultaat=Eindresultaat.ADVIES_QUICK_FIX, by=users.medewerker)


def test_a_not_taken_up_result_is_the_signals_status(place, users):
    world = zaak_world(place)
    close_zaak(world.zaak, eindresultaat=Eindresultaat.ONTERECHT, by=users.teamleider)
    world.signaal.refresh_from_db()
    assert world.signaal.status == SignaalStatus.ONTERECHT
    assert world.zaak.hulp_geaccepteerd is False
