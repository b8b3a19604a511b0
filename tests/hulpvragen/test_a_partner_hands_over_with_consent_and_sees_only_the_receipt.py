# SPDX-License-Identifier: EUPL-1.2
"""A partner's warm handover: filed with the resident's consent and a note, it lands in the team's queue;
afterwards the partner sees that it was received, when, and by which team — never the file. Without consent
nothing is written."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.huishoudens.models import Doel, Toestemming
from wijkteam.hulpvragen.models import Hulpvraag, Kanaal

from .support import postcodes

pytestmark = pytest.mark.django_db
URL = reverse("hulpvragen:handover_new")
LIST = reverse("hulpvragen:handovers")


def _form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "achternaam": "de Vries", "geboortedatum": "1961-03-14", "postcode": "3511 AB", "huisnummer": "7",
        "telefoon": "0201234567", "omschrijving": "Meneer heeft een huurachterstand en vindt de post te veel.",
        "levensdomeinen": ["LD01", "LD04"], "overdracht_notitie": "Graag eerst bellen, meneer is slechthorend.",
        "toestemming_contact": "on",
    }
    data.update(overrides)
    return data


def test_the_handover_lands_in_the_queue_and_the_partner_sees_only_the_receipt(
        place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    postcodes(place)
    client = client_for(users.partner)
    assert client.get(URL).status_code == 200
    response = client.post(URL, _form(), follow=True)
    hv = Hulpvraag.objects.get()
    assert hv.kanaal == Kanaal.WARME_OVERDRACHT and hv.team_id == place.team_a.pk
    assert hv.verwijzer == users.partner and hv.verwijzer_organisatie == users.partner.organisatie
    assert hv.overdracht_notitie.startswith("Graag eerst bellen")
    consent = Toestemming.objects.get(persoon=hv.persoon, doel=Doel.CONTACT_OPNEMEN)
    assert consent.gegeven and consent.vastgelegd_door == users.partner
    assert Toestemming.objects.get(persoon=hv.persoon, doel=Doel.GEGEVENS_DELEN_PARTNERS).gegeven is False
    html = response.content.decode()
    assert "Geef de bewoner deze tekst door" in html and "Wijkteam Centrum" in html
    assert reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk}) not in html
    listing = client.get(LIST).content.decode()
    assert f"HV-{hv.pk}" in listing and "Wijkteam Centrum" in listing
    for personal in ("de Vries", "huurachterstand", "slechthorend", "0201234567"):
        assert personal not in listing
    # The team sees the note on the request page.
    page = client_for(users.medewerker).get(reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk}))
    assert "slechthorend" in page.content.decode() and users.partner.organisatie.naam in page.content.decode()


def test_without_the_residents_consent_nothing_is_written(place: Any, users: Any, client_for: Any,
                                                          frozen_time: Any) -> None:
    postcodes(place)
    response = client_for(users.partner).post(URL, _form(toestemming_contact=""))
    assert response.status_code == 400
    assert "Zonder toestemming van de bewoner" in response.content.decode()
    assert not Hulpvraag.objects.exists()


def test_a_partner_sees_only_the_own_organisations_handovers(place: Any, users: Any, client_for: Any) -> None:
    other = f.UserFactory(partner=True)
    theirs = HulpvraagFactory(team=place.team_a, kanaal=Kanaal.WARME_OVERDRACHT, verwijzer=other,
                              verwijzer_organisatie=other.organisatie)
    assert f"HV-{theirs.pk}" not in client_for(users.partner).get(LIST).content.decode()


@pytest.mark.parametrize("role", ["medewerker", "analist", "privacy"])
def test_handover_pages_are_for_partners(place: Any, users: Any, client_for: Any, role: str) -> None:
    client = client_for(getattr(users, role))
    assert client.get(URL).status_code == 403
    assert client.get(LIST).status_code == 403
