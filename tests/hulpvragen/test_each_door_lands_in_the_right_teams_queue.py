# SPDX-License-Identifier: EUPL-1.2
"""Every door (web, self-help, phone, desk, partner's warm handover) lands the request in the queue of the
team whose wijk holds the address; an unknown address or none goes to the central queue (team None)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Doel, Persoon, Toestemming
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus, Kanaal
from wijkteam.hulpvragen.services import Aanvrager, Contact, create_request

from .support import POSTCODE_A, POSTCODE_B, POSTCODE_ELDERS, adres, postcodes

pytestmark = pytest.mark.django_db

ANNA = Aanvrager(achternaam="Jansen", voornamen="Anna", geboortedatum=dt.date(1990, 4, 2))


@pytest.mark.parametrize("kanaal", [Kanaal.WEB, Kanaal.ZELFHULP, Kanaal.TELEFOON, Kanaal.BALIE])
def test_a_request_goes_to_the_team_of_the_addresss_wijk(place: Any, users: Any, frozen_time: Any,
                                                          kanaal: str) -> None:
    postcodes(place)
    worker = users.medewerker if kanaal in (Kanaal.TELEFOON, Kanaal.BALIE) else None
    a = create_request(kanaal=kanaal, omschrijving="Ik kan de huur niet meer betalen.", levensdomeinen=["LD04", "LD01"],
                       aanvrager=ANNA, adres=adres(POSTCODE_A), contact=Contact(telefoon="0612345678"),
                       toestemmingen={Doel.CONTACT_OPNEMEN: True}, by=worker,
                       system="" if worker else "webformulier")
    b = create_request(kanaal=kanaal, omschrijving="Ik voel me alleen.", levensdomeinen=["LD11"],
                       aanvrager=Aanvrager(achternaam="Bakker", geboortedatum=dt.date(1950, 1, 1)),
                       adres=adres(POSTCODE_B), by=worker, system="" if worker else "webformulier")
    assert (a.team_id, b.team_id) == (place.team_a.pk, place.team_b.pk)
    assert a.levensdomeinen == ["LD01", "LD04"]
    assert a.status == HulpvraagStatus.NIEUW and a.historie.get().naar == HulpvraagStatus.NIEUW
    # The resident's phone is on the person (one place), not copied onto the request.
    assert a.persoon is not None and a.persoon.telefoon == "0612345678" and a.aangeleverd == {}
    assert a.huishouden is not None and a.huishouden.adres.buurt_id == place.buurt_a.pk
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="hulpvragen.hulpvraag",
                                     object_id=str(a.pk), person_id=a.persoon_id).exists()
    # A worker recorded consent as read out: a Toestemming row; a web form only keeps its snapshot.
    assert a.toestemmingen == {"contact": True}
    assert Toestemming.objects.filter(persoon=a.persoon, doel=Doel.CONTACT_OPNEMEN).exists() == bool(worker)


def test_an_address_outside_every_wijk_and_no_address_go_to_the_central_queue(place: Any, frozen_time: Any) -> None:
    postcodes(place)
    elders = create_request(kanaal=Kanaal.WEB, omschrijving="Hulp bij post.", aanvrager=ANNA,
                            adres=adres(POSTCODE_ELDERS), system="webformulier")
    zonder = create_request(kanaal=Kanaal.WEB, omschrijving="Hulp bij post.", contact=Contact(email="a@voorbeeld.nl"),
                            system="webformulier")
    assert elders.team_id is None and elders.huishouden is not None
    assert zonder.team_id is None and zonder.huishouden is None and zonder.persoon is None
    assert zonder.aangeleverd == {"email": "a@voorbeeld.nl"}


def test_the_same_resident_twice_is_one_person(place: Any, frozen_time: Any) -> None:
    postcodes(place)
    first = create_request(kanaal=Kanaal.WEB, omschrijving="Geldzorgen", aanvrager=ANNA, adres=adres(),
                           system="webformulier")
    second = create_request(kanaal=Kanaal.WEB, omschrijving="Nog steeds geldzorgen", aanvrager=ANNA,
                            adres=adres(), system="webformulier")
    assert first.persoon_id == second.persoon_id
    assert Persoon.objects.filter(achternaam="Jansen").count() == 1


def test_an_ambiguous_person_is_left_to_the_worker(place: Any, frozen_time: Any) -> None:
    postcodes(place)
    first = create_request(kanaal=Kanaal.WEB, omschrijving="x", aanvrager=ANNA, adres=adres(), system="webformulier")
    twin = f.PersoonFactory(huishouden=first.huishouden, achternaam="Jansen", voornamen="Anna",
                            geboortedatum=ANNA.geboortedatum)
    third = create_request(kanaal=Kanaal.WEB, omschrijving="y", aanvrager=ANNA, adres=adres(),
                           contact=Contact(telefoon="0687654321"), system="webformulier")
    assert third.persoon is None and third.persoon_onzeker
    assert set(third.kandidaten.all()) == {first.persoon, twin}
    assert third.aangeleverd["telefoon"] == "0687654321" and "bsn" not in third.aangeleverd
    assert third.team_id == place.team_a.pk


def test_a_partners_warm_handover_needs_consent_and_a_note(place: Any, users: Any, frozen_time: Any) -> None:
    postcodes(place)
    with pytest.raises(ValidationError) as refused:
        create_request(kanaal=Kanaal.WARME_OVERDRACHT, omschrijving="Huurachterstand", aanvrager=ANNA,
                       adres=adres(), by=users.partner, verwijzer=users.partner, overdracht_notitie="",
                       toestemmingen={})
    assert set(refused.value.message_dict) == {"overdracht_notitie", "toestemmingen"}
    assert not Hulpvraag.objects.exists()
    done = create_request(kanaal=Kanaal.WARME_OVERDRACHT, omschrijving="Huurachterstand", aanvrager=ANNA,
                          adres=adres(), by=users.partner, verwijzer=users.partner,
                          overdracht_notitie="Mevrouw wil graag gebeld worden na 14 uur.",
                          toestemmingen={Doel.CONTACT_OPNEMEN: True})
    assert done.team_id == place.team_a.pk
    assert done.verwijzer_organisatie_id == users.partner.organisatie_id
    assert Toestemming.objects.get(persoon=done.persoon, doel=Doel.CONTACT_OPNEMEN).vastgelegd_door == users.partner


def test_bad_input_names_the_field_and_writes_nothing(place: Any, frozen_time: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        create_request(kanaal=Kanaal.WEB, omschrijving="x", levensdomeinen=["LD99"], system="webformulier")
    assert "LD99" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        create_request(kanaal=Kanaal.WEB, omschrijving="", system="webformulier")
    assert {"omschrijving", "telefoon"} <= set(refused.value.message_dict)
    assert not Hulpvraag.objects.exists() and not Persoon.objects.exists()
