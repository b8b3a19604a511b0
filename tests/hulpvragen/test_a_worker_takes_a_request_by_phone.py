# SPDX-License-Identifier: EUPL-1.2
"""A worker takes a request by phone: the form stores the request in the team's queue through the write path,
records each consent as read out (and nothing for a question not asked), and shows what to tell the resident.
Bad input names the field and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.huishoudens.models import Doel, Persoon, Toestemming
from wijkteam.hulpvragen.models import Hulpvraag, Kanaal

from .support import POSTCODE_B, postcodes

pytestmark = pytest.mark.django_db
URL = reverse("hulpvragen:intake_new")


def _form(**overrides: str | list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kanaal": "telefoon", "achternaam": "Yilmaz", "voornamen": "Ayse", "geboortedatum": "02-04-1988",
        "postcode": "3511ab", "huisnummer": "12a", "straat": "Havenstraat", "woonplaats": "Voorbeeld",
        "telefoon": "0612345678", "contactvoorkeur": "telefoon", "bereikbaar": "na 14 uur",
        "omschrijving": "Alleenstaande moeder, huurachterstand, voelt zich sinds de scheiding erg alleen.",
        "levensdomeinen": ["LD01", "LD11"], "toestemming_contact": "ja", "toestemming_delen_partners": "nee",
        "voorgelezen": "on",
    }
    data.update(overrides)
    return data


def test_the_request_lands_in_the_queue_with_consent_as_read_out(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    postcodes(place)
    client = client_for(users.medewerker)
    assert client.get(URL).status_code == 200
    response = client.post(URL, _form(), follow=True)
    assert response.status_code == 200
    hv = Hulpvraag.objects.get()
    assert hv.kanaal == Kanaal.TELEFOON and hv.team_id == place.team_a.pk and hv.aangemaakt_door == users.medewerker
    assert hv.levensdomeinen == ["LD01", "LD11"] and hv.bereikbaar == "na 14 uur"
    person = Persoon.objects.get(achternaam="Yilmaz")
    assert hv.persoon == person and person.telefoon == "0612345678"
    assert person.huishouden.adres.huisletter == "A" and person.huishouden.adres.postcode == "3511 AB"
    consents = {t.doel: t.gegeven for t in Toestemming.objects.filter(persoon=person)}
    assert consents == {Doel.CONTACT_OPNEMEN: True, Doel.GEGEVENS_DELEN_PARTNERS: False}  # research: not asked
    assert all(t.vastgelegd_door == users.medewerker for t in Toestemming.objects.all())
    html = response.content.decode()
    assert "Vertel de bewoner dit" in html and "binnen 3 werkdagen" in html and "maandag 30 november" in html
    assert reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk}) in html


def test_a_resident_of_another_wijk_goes_to_that_team_and_the_worker_still_gets_the_confirmation(
        place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    postcodes(place)
    response = client_for(users.medewerker).post(URL, _form(postcode=POSTCODE_B), follow=True)
    hv = Hulpvraag.objects.get()
    assert hv.team_id == place.team_b.pk
    html = response.content.decode()
    assert "Wijkteam Noord" in html and "binnen 3 werkdagen" in html
    # The worker filed it, but it is team B's now: no link to a page they may not open.
    assert reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk}) not in html


def test_bad_input_names_the_field_and_writes_nothing(place: Any, users: Any, client_for: Any,
                                                      frozen_time: Any) -> None:
    response = client_for(users.medewerker).post(URL, _form(
        postcode="35 11", geboortedatum="31-02-1988", omschrijving="", voorgelezen="", levensdomeinen=["LD99"]))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze postcode klopt niet" in html
    assert "Lees de vragen over toestemming voor" in html
    assert "Er is nog niets opgeslagen" in html
    form = response.context["form"]
    assert {"postcode", "geboortedatum", "omschrijving", "voorgelezen", "levensdomeinen"} <= set(form.errors)
    assert not Hulpvraag.objects.exists() and not Persoon.objects.exists()


@pytest.mark.parametrize("role", ["partner", "analist", "privacy"])
def test_only_wijkteam_workers_take_requests(place: Any, users: Any, client_for: Any, role: str) -> None:
    assert client_for(getattr(users, role)).post(URL, _form()).status_code == 403
    assert not Hulpvraag.objects.exists()
