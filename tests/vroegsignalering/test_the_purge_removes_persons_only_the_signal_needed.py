# SPDX-License-Identifier: EUPL-1.2
"""Past the term, the purge also removes the persons and households the purged signals pointed at when nothing
else needs them: a person the signal file created holds the signal's name, BSN, birth date and contact details,
which must not outlive the signal. What another process still needs stays whole: a household with a case, a
person with consent (and so their household), a person with a live signal, a household someone moved out of."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tests import factories as f
from tests.factories_casussen import CasusFactory
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.audit.models import AuditEvent
from wijkteam.huishoudens import services as households
from wijkteam.huishoudens.models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.vroegsignalering.models import Doel, Signaal, SignaalSoort, ZaakStatus, ZorgBron
from wijkteam.vroegsignalering.retentie.services import purge_personal_data

pytestmark = pytest.mark.django_db

LATER = dt.date(2027, 12, 31)  # more than 12 months after the zaken below closed


def _closed_zaak_with_signal(person: Persoon) -> Signaal:
    zaak = VroegsignaalzaakFactory(huishouden=person.huishouden, status=ZaakStatus.GESLOTEN,
                                   gesloten=dt.date(2026, 10, 1), hulp_geaccepteerd=False)
    return SignaalFactory(persoon=person, zaak=zaak)


def _person(household: Huishouden | None = None, **fields) -> Persoon:
    household = household or f.HuishoudenFactory()
    return households.add_person(household, system="test", achternaam=fields.pop("achternaam", "Jansen"),
                                 geboortedatum=dt.date(1980, 5, 17), **fields)


def test_only_what_nothing_else_needs_is_removed(place, frozen_time) -> None:
    alone = _person(achternaam="Alleen")
    _closed_zaak_with_signal(alone)
    alone_household, alone_address = alone.huishouden_id, alone.huishouden.adres_id

    with_case = _person(achternaam="Casus")
    _closed_zaak_with_signal(with_case)
    CasusFactory(huishouden=with_case.huishouden)

    with_consent = _person(achternaam="Signaal")
    housemate = _person(with_consent.huishouden, achternaam="Toestemming")
    f.ToestemmingFactory(persoon=housemate)
    _closed_zaak_with_signal(with_consent)

    live = _person(achternaam="Nogbezig")
    _closed_zaak_with_signal(live)
    SignaalFactory(persoon=live, zaak=VroegsignaalzaakFactory(huishouden=live.huishouden))  # an open zaak

    left_behind = _person(achternaam="Achtergebleven")
    moved = _person(left_behind.huishouden, achternaam="Verhuisd")
    new_home = f.HuishoudenFactory()
    households.move_person(moved, new_home.adres, system="test")
    CasusFactory(huishouden=Persoon.objects.get(pk=moved.pk).huishouden)
    _closed_zaak_with_signal(left_behind)

    result = purge_personal_data(today=LATER)

    assert (result.huishoudens, result.personen) == (1, 1)
    assert not Persoon.objects.filter(pk=alone.pk).exists()
    assert not Huishouden.objects.filter(pk=alone_household).exists()
    assert not HuishoudenLidmaatschap.objects.filter(persoon_id=alone.pk).exists()
    assert Adres.objects.filter(pk=alone_address).exists()  # an address alone names no one
    for kept in (with_case, with_consent, housemate, live, left_behind, moved):
        assert Persoon.objects.filter(pk=kept.pk).exists(), kept.achternaam
    # The signals are anonymised either way; the counts stay.
    assert Signaal.objects.filter(geanonimiseerd__isnull=False).count() == 5
    # Each removal is on the trail under its own id, so an inquiry by id shows it; nothing else is in the row.
    removed = AuditEvent.objects.filter(action="delete", object_type__in=["huishoudens.persoon",
                                                                           "huishoudens.huishouden"])
    assert {(e.object_type, e.person_id, e.household_id) for e in removed} == {
        ("huishoudens.persoon", alone.pk, None), ("huishoudens.huishouden", None, alone_household)}


def test_the_command_reports_them_and_a_second_run_removes_nothing(place, frozen_time) -> None:
    for name in ("Een", "Twee"):
        _closed_zaak_with_signal(_person(achternaam=name))
    out = io.StringIO()
    call_command("purge_vroegsignalen", "--today", LATER.isoformat(), stdout=out)
    assert "2 huishoudens en 2 personen waar niets meer naar verwijst" in out.getvalue()
    assert not Persoon.objects.exists()

    again = purge_personal_data(today=LATER)
    assert (again.zaken, again.huishoudens, again.personen) == (0, 0, 0)
    assert AuditEvent.objects.filter(object_type="huishoudens.persoon", action="delete").count() == 2


def test_a_concern_signal_past_its_term_takes_its_person_along(place, frozen_time) -> None:
    person = _person(achternaam="Zorg")
    SignaalFactory(persoon=person, zaak=None, soort=SignaalSoort.ZORG, doel=Doel.ZORGSIGNAAL, partnertype="",
                   zorg_bron=ZorgBron.BUURTBEWONER, zorg="Buurman maakt zich zorgen", signaaldatum=dt.date(2026, 6, 1))
    result = purge_personal_data(today=LATER)
    assert (result.zorgsignalen, result.personen, result.huishoudens) == (1, 1, 1)
    assert not Persoon.objects.exists()


def test_a_member_who_moved_out_of_a_kept_household_keeps_its_history(place, frozen_time) -> None:
    # The case household's composition history names the child who moved out; the child's new household has
    # only a purged signal. Deleting the child would cut a row out of the case household's history.
    parent = _person(achternaam="Ouder")
    child = _person(parent.huishouden, achternaam="Kind")
    case_household = parent.huishouden
    CasusFactory(huishouden=case_household)
    households.move_person(child, f.AdresFactory(), system="test")
    child.refresh_from_db()
    _closed_zaak_with_signal(child)

    result = purge_personal_data(today=LATER)

    assert (result.huishoudens, result.personen) == (0, 0)
    assert HuishoudenLidmaatschap.objects.filter(huishouden=case_household).count() == 2
    assert Persoon.objects.filter(pk=child.pk).exists()


def test_the_ids_of_removed_persons_and_households_are_never_handed_out_again(place, frozen_time) -> None:
    # The audit trail names residents by id: a new resident with a removed one's id would inherit their trail.
    from wijkteam.huishoudens.bulk import next_id

    person = _person(achternaam="Laatste")
    _closed_zaak_with_signal(person)
    removed_person, removed_household = person.pk, person.huishouden_id
    assert purge_personal_data(today=LATER).personen == 1
    assert next_id(Persoon) > removed_person and next_id(Huishouden) > removed_household
    newcomer = _person(achternaam="Nieuw")
    assert newcomer.pk > removed_person and newcomer.huishouden_id > removed_household
