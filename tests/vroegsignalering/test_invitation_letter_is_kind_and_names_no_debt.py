# SPDX-License-Identifier: EUPL-1.2
"""The invitation letter (PDF, B1 Dutch) is addressed to the resident the signal is about at the household's
address, says what the team offers and how to reach it (the team's phone and e-mail), proposes the visit
moment the worker chose, and names no creditor, kind of debt or amount. Its download is an audited export;
a visit date in the past is refused with a Dutch error naming the field."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from wijkteam.audit.models import Action, AuditEvent

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_letter_invites_without_naming_the_debt(place, users, client_for, frozen_time):
    world = zaak_world(place)
    url = reverse("vroegsignalering:zaak_brief", args=[world.zaak.pk])
    response = client_for(users.medewerker).get(url, {"bezoek_datum": "2026-12-01", "bezoek_tijd": "10:30"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    pdf = response.content
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1  # a letter, not a brochure
    text = _text(pdf)

    # Addressed to the resident the signal is about (Jan, not Els), at the household's address.
    assert "J. de Vries" in text and "Beste J. de Vries," in text
    assert "Bakker" not in text
    assert "Havenstraat 12" in text and "3511 AB" in text and "Voorbeeld" in text
    # Who we are, what we offer, how to reach us, the proposed visit.
    assert "Wijkteam Centrum" in text
    assert "030 123 45 67" in text and "centrum@wijkteam.test" in text
    assert "gratis" in text and "U hoeft niets" in text
    assert "We hebben gehoord dat het misschien lastig is om alle rekeningen te betalen." in text
    assert "dinsdag 1 december 2026 om 10.30 uur" in text
    # No creditor, no amount, no crisis wording.
    for secret in ("Woonstichting", "Haven ", "1234", "1.234", "€", "huurachterstand", "ontruiming", "crisis"):
        assert secret.lower() not in text.lower(), secret

    assert AuditEvent.objects.filter(action=Action.EXPORT, object_id=str(world.zaak.pk),
                                     household_id=world.zaak.huishouden_id, user_id=users.medewerker.pk,
                                     detail__document="uitnodigingsbrief").exists()


def test_without_a_visit_the_letter_asks_the_resident_to_choose(place, users, client_for, frozen_time):
    world = zaak_world(place)
    response = client_for(users.teamleider).get(reverse("vroegsignalering:zaak_brief", args=[world.zaak.pk]))
    text = _text(response.content)
    assert "Wilt u dat we bij u langskomen?" in text
    assert "We komen graag bij u langs op" not in text


def test_a_visit_in_the_past_is_refused(place, users, client_for, frozen_time):
    world = zaak_world(place)
    response = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_brief", args=[world.zaak.pk]),
                                                {"bezoek_datum": "2026-11-01"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "De datum van het huisbezoek ligt in het verleden." in page
    assert 'id="id_bezoek_datum-error"' in page
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()
