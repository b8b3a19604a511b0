# SPDX-License-Identifier: EUPL-1.2
"""The bulk variant (used by the demo) writes the same rows as the single write path, household memberships
included; audit aside (and so the memberships' `door`: a system writes in bulk, no user)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.bulk import HouseholdBulkWriter, NewAdres, NewPerson
from wijkteam.huishoudens.models import Adres, Doel, Huishouden, HuishoudenLidmaatschap, Persoon, Toestemming
from wijkteam.huishoudens.services import add_person, find_or_create_adres, household_at, record_consent

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
CONSENT_AT = dt.datetime(2025, 6, 1, 9, 30, tzinfo=dt.UTC)


def intake(buurt_id):
    """Two addresses with households: spelled loosely, as an import would bring them."""
    return [
        (NewAdres("3511ab", 12, "a", "", "Havenstraat", "Voorbeeld", buurt_id, 52.09, 5.12), dt.date(2010, 4, 1), [
            NewPerson("J.", "Jan", "de", "Vries", dt.date(1970, 1, 2), "111222333", "06-12345678", "jan@example.org"),
            NewPerson("A.M.", "Anna Maria", "", "Bakker", dt.date(1972, 3, 4)),
        ]),
        (NewAdres("3511 AB", 14, "", "hs", "Havenstraat", "Voorbeeld", buurt_id, None, None), None, [
            NewPerson("P.", "Piet", "van der", "Berg", dt.date(2001, 5, 6), "123456782"),
        ]),
    ]


def snapshot():
    adressen = list(Adres.objects.order_by("pk").values(
        "postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "straat", "woonplaats", "buurt", "latitude",
        "longitude"))
    huishoudens = list(Huishouden.objects.order_by("pk").values("adres__postcode", "adres__huisnummer", "sinds",
                                                                "aangemaakt"))
    personen = [
        (p.huishouden.adres.huisnummer, p.voorletters, p.voornamen, p.tussenvoegsel, p.achternaam, p.geboortedatum,
         p.bsn, p.bsn_hash, p.telefoon, p.email, p.aangemaakt, p.gewijzigd)
        for p in Persoon.objects.select_related("huishouden__adres").order_by("pk")
    ]
    toestemmingen = list(Toestemming.objects.order_by("pk").values(
        "persoon__achternaam", "doel", "gegeven", "vastgelegd_door", "tijdstip", "toelichting"))
    lidmaatschappen = list(HuishoudenLidmaatschap.objects.order_by("pk").values_list(
        "persoon__achternaam", "huishouden__adres__huisnummer", "vanaf", "tot"))
    return adressen, huishoudens, personen, toestemmingen, lidmaatschappen


def clear():
    for model in (Toestemming, HuishoudenLidmaatschap, Persoon, Huishouden, Adres):
        model.objects.all().delete()


def test_bulk_rows_equal_single_path_rows(place, users):
    households = intake(place.buurt_a.pk)
    with time_machine.travel(NOW, tick=False):
        for adres, sinds, members in households:
            row = find_or_create_adres(postcode=adres.postcode, huisnummer=adres.huisnummer,
                                       huisletter=adres.huisletter, toevoeging=adres.toevoeging, straat=adres.straat,
                                       woonplaats=adres.woonplaats, buurt_id=adres.buurt_id,
                                       latitude=adres.latitude, longitude=adres.longitude)
            household = household_at(row, by=users.medewerker, sinds=sinds)
            people = [add_person(household, by=users.medewerker, bsn=p.bsn, voorletters=p.voorletters,
                                 voornamen=p.voornamen, tussenvoegsel=p.tussenvoegsel, achternaam=p.achternaam,
                                 geboortedatum=p.geboortedatum, telefoon=p.telefoon, email=p.email) for p in members]
        with time_machine.travel(CONSENT_AT, tick=False):
            record_consent(people[0], Doel.CONTACT_OPNEMEN, gegeven=True, by=users.medewerker)
    single = snapshot()
    assert set(HuishoudenLidmaatschap.objects.values_list("door", flat=True)) == {users.medewerker.pk}
    clear()

    writer = HouseholdBulkWriter(now=NOW, system="test-import")
    for adres, sinds, members in households:
        ids = writer.add_household(adres, sinds=sinds, members=members)
    writer.add_consent(ids[0], Doel.CONTACT_OPNEMEN, gegeven=True, by_id=users.medewerker.pk, tijdstip=CONSENT_AT)
    counts = writer.finish()
    bulk = snapshot()

    assert bulk == single
    assert single[0][0]["postcode"] == "3511 AB" and single[0][1]["huisnummertoevoeging"] == "HS"
    assert single[4] == [("Vries", 12, NOW, None), ("Bakker", 12, NOW, None), ("Berg", 14, NOW, None)]
    assert set(HuishoudenLidmaatschap.objects.values_list("door", flat=True)) == {None}
    assert counts == {"adressen": 2, "huishoudens": 2, "personen": 3, "toestemmingen": 1, "lidmaatschappen": 3}
    # Audit by design: one summary row naming the system, ids only.
    event = AuditEvent.objects.filter(action=Action.CREATE, username="test-import").get()
    assert event.detail["personen"] == 3 and "Vries" not in str(event.detail)


def test_new_ids_continue_after_a_bulk_write(place):
    writer = HouseholdBulkWriter(now=NOW, system="test-import")
    writer.add_household(NewAdres("3511AB", 1, "", "", "Havenstraat", "Voorbeeld", place.buurt_a.pk, None, None),
                         sinds=None, members=[NewPerson("J.", "Jan", "", "Smit", None)])
    writer.finish()
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    assert person.pk > Persoon.objects.exclude(pk=person.pk).get().pk
