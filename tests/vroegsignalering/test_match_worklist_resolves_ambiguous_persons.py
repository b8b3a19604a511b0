# SPDX-License-Identifier: EUPL-1.2
"""The match worklist: a signal whose person ingest could not decide (two residents with the same surname and
birthday at the address, or a BSN nobody has yet) waits for a worker of the address's team, who chooses a
candidate or "nieuwe persoon". The choice links the signal through the household write path, closes the item,
and is audited; a second choice, or a person who is not on the list, changes nothing. Other teams, partners
and analisten never see the list's residents."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory, signal_row
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Persoon
from wijkteam.huishoudens.services import find_or_create_adres, household_at
from wijkteam.vroegsignalering.models import MatchWerklijstItem, WerklijstStatus
from wijkteam.vroegsignalering.services import ingest_signal

from .support import place_postcode

pytestmark = pytest.mark.django_db


def _twins(place):
    """Piet and Paul Jansen, both born 1 January 1990, at Havenstraat 7 (team A's buurt)."""
    place_postcode(place)
    adres = find_or_create_adres(postcode="3511 AB", huisnummer=7, straat="Havenstraat", woonplaats="Voorbeeld")
    household = household_at(adres, system="test")
    piet = f.PersoonFactory(huishouden=household, voornamen="Piet", achternaam="Jansen",
                            geboortedatum=dt.date(1990, 1, 1))
    paul = f.PersoonFactory(huishouden=household, voornamen="Paul", achternaam="Jansen",
                            geboortedatum=dt.date(1990, 1, 1))
    result = ingest_signal(signal_row(huisnummer="7", achternaam="Jansen", geboortedatum="01-01-1990",
                                      voorletters="P.", telefoonnummer="0612345678"), system="test")
    assert result.on_worklist and result.signaal is not None
    item = MatchWerklijstItem.objects.get(signaal=result.signaal)
    return item, piet, paul


def test_the_team_chooses_a_candidate(place, users, client_for):
    item, piet, paul = _twins(place)
    client = client_for(users.medewerker)
    index = client.get(reverse("vroegsignalering:werklijst_index"))
    assert index.status_code == 200
    assert reverse("vroegsignalering:werklijst_item", args=[item.pk]) in index.content.decode()
    assert AuditEvent.objects.filter(action=Action.READ, object_type="vroegsignalering.signaal",
                                     object_id=str(item.signaal_id), user_id=users.medewerker.pk).exists()

    url = reverse("vroegsignalering:werklijst_item", args=[item.pk])
    page = client.get(url).content.decode()
    assert "Piet Jansen" in page and "Paul Jansen" in page
    assert AuditEvent.objects.filter(action=Action.READ, person_id=paul.pk, user_id=users.medewerker.pk).exists()

    response = client.post(url, {"keuze": str(paul.pk)})
    assert response.status_code == 302
    assert response["Location"] == reverse("vroegsignalering:zaak_detail", args=[item.signaal.zaak_id])
    item.refresh_from_db()
    item.signaal.refresh_from_db()
    assert (item.status, item.opgelost_door, item.signaal.persoon) == (WerklijstStatus.OPGELOST, users.medewerker,
                                                                        paul)
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(item.signaal_id), person_id=paul.pk,
                                     detail__keuze="bestaand").exists()
    # Gone from the list; choosing again changes nothing.
    assert url not in client.get(reverse("vroegsignalering:werklijst_index")).content.decode()
    again = client.post(url, {"keuze": str(piet.pk)}).content.decode()
    assert f"Al gekozen door {users.medewerker.get_full_name()}" in again
    item.signaal.refresh_from_db()
    assert item.signaal.persoon == paul


def test_a_new_person_is_added_to_the_household(place, users, client_for):
    item, piet, paul = _twins(place)
    response = client_for(users.teamleider).post(reverse("vroegsignalering:werklijst_item", args=[item.pk]),
                                                 {"keuze": "nieuw"})
    assert response.status_code == 302
    item.signaal.refresh_from_db()
    new = item.signaal.persoon
    assert new not in (None, piet, paul)
    assert (new.huishouden_id, new.achternaam, new.geboortedatum, new.voorletters, new.telefoon) == (
        piet.huishouden_id, "Jansen", dt.date(1990, 1, 1), "P.", "0612345678")
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="huishoudens.persoon", person_id=new.pk,
                                     user_id=users.teamleider.pk).exists()


def test_a_person_not_on_the_list_is_refused(place, users, client_for):
    item, _piet, _paul = _twins(place)
    stranger = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    url = reverse("vroegsignalering:werklijst_item", args=[item.pk])
    for data in ({"keuze": str(stranger.pk)}, {}):
        response = client_for(users.medewerker).post(url, data)
        assert response.status_code == 400
        assert "Kies" in response.content.decode() and 'id="keuze-fout"' in response.content.decode()
    item.refresh_from_db()
    assert item.status == WerklijstStatus.OPEN


def test_a_bsn_nobody_has_offers_the_household_and_no_new_nameless_person(place, users, client_for):
    _item, piet, _paul = _twins(place)
    result = ingest_signal(signal_row(huisnummer="7", bsn="111222333", achternaam="", partnertype="Water",
                                      partnernaam="Waterbedrijf"), system="test")
    item = MatchWerklijstItem.objects.get(signaal=result.signaal)
    assert not item.kandidaten.exists()
    url = reverse("vroegsignalering:werklijst_item", args=[item.pk])
    client = client_for(users.medewerker)
    response = client.post(url, {"keuze": "nieuw"})
    assert response.status_code == 400
    assert "De signaalpartner gaf geen achternaam door" in response.content.decode()
    count = Persoon.objects.count()
    assert client.post(url, {"keuze": str(piet.pk)}).status_code == 302  # a member of the household
    assert Persoon.objects.count() == count


def test_only_the_addresss_team_sees_the_worklist(place, users, client_for):
    item, _piet, _paul = _twins(place)
    url = reverse("vroegsignalering:werklijst_item", args=[item.pk])
    other = client_for(users.medewerker_b)
    assert "Havenstraat 7" not in other.get(reverse("vroegsignalering:werklijst_index")).content.decode()
    assert other.get(url).status_code == 403
    assert other.post(url, {"keuze": "nieuw"}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker_b.pk, object_id=str(item.pk),
                                     household_id=item.signaal.huishouden_id).count() == 2
    for user in (users.partner, users.analist, users.privacy, users.beheerder):
        client = client_for(user)
        assert client.get(reverse("vroegsignalering:werklijst_index")).status_code == 403
        assert client.get(url).status_code == 403
    response = client_for(None).get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    item.refresh_from_db()
    assert item.status == WerklijstStatus.OPEN


def test_the_list_runs_a_bounded_number_of_queries(place, users, client_for, django_assert_max_num_queries):
    client = client_for(users.medewerker)
    url = reverse("vroegsignalering:werklijst_index")
    client.get(url)
    for _ in range(8):
        zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a)
        signaal = SignaalFactory(persoon=None, huishouden=zaak.huishouden, adres=zaak.huishouden.adres, zaak=zaak)
        item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd={"achternaam": "Jansen"})
        item.kandidaten.set([f.PersoonFactory(huishouden=zaak.huishouden)])
    # A fixed handful of SELECTs, plus one audit INSERT per row shown (at most a page of 50).
    with django_assert_max_num_queries(8 + 8):
        response = client.get(url)
    assert response.content.decode().count(reverse("vroegsignalering:werklijst_item", args=[item.pk])) == 1
