# SPDX-License-Identifier: EUPL-1.2
"""The matching rules of `find_duplicates` on realistic near-duplicates and look-alikes that are not
duplicates, so the thresholds in duplicates.py are pinned down."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories_sociale_kaart import LocationFactory, OrganizationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.duplicates import (
    NAME_ALONE,
    NAME_WITH_EVIDENCE,
    address_key,
    find_duplicates,
    name_score,
    normalise_name,
    normalise_phone,
)
from wijkteam.sociale_kaart.models import Phone


@pytest.mark.parametrize(("a", "b"), [
    ("Taalcafé De Brug", "Taal café de Brug"),
    ("Taalcafé De Brug", "TAALCAFE DE BRUG"),
    ("Stichting Voedselbank Utrecht", "Voedselbank Utrecht"),
    ("Formulierenhulp", "Formulieren hulp"),
    ("Maatjesproject Samen", "Maatjes-project 'Samen'"),
    ("Voedselbank Utrecht", "Voedselbnak Utrecht"),
])
def test_same_thing_spelled_differently_matches_on_name_alone(a: str, b: str) -> None:
    assert name_score(a, b) >= NAME_ALONE


@pytest.mark.parametrize(("a", "b"), [
    ("Inloopspreekuur geldzaken", "Inloopspreekuur"),
    ("Schuldhulp", "Schuldhulpverlening"),
    ("Voedselbank", "Dierenvoedselbank"),
    ("Amber begeleiding", "Amber woonbegeleiding"),
    ("Huurteam", "Huurteam Voorbeeld"),
])
def test_one_name_extending_the_other_needs_evidence(a: str, b: str) -> None:
    assert NAME_WITH_EVIDENCE <= name_score(a, b) < NAME_ALONE


@pytest.mark.parametrize(("a", "b"), [
    ("Jongerenwerk Centrum", "Jongerenwerk Noord"),
    ("Repair Café Oost", "Repair Cafe West"),
    ("Taalcafé De Brug", "Taalcafé Het Anker"),
    ("Inloopspreekuur geldzaken 1", "Inloopspreekuur geldzaken 2"),
    ("Huiswerkbegeleiding", "Huiswerkklas"),
    # An extra word naming a target group or part of town makes it another service.
    ("Koffieochtend", "Koffie-ochtend voor ouderen"),
    ("Schuldhulp", "Schuldhulp jongeren"),
    ("Buurtbemiddeling", "Buurtbemiddeling Noord"),
])
def test_different_things_do_not_match_even_with_evidence(a: str, b: str) -> None:
    assert name_score(a, b) < NAME_WITH_EVIDENCE


def test_normalisation() -> None:
    assert normalise_name("Stichting Taalcafé De Brug") == "taalcafe brug"
    assert normalise_phone("030-1234567") == normalise_phone("+31301234567") == "0301234567"
    assert normalise_phone("+31 (0)30 123 45 67") == normalise_phone("0031 30 1234567") == "0301234567"
    assert normalise_phone("+32 3 123 45 67") != normalise_phone("03 123 45 67")
    assert normalise_phone("112") == ""
    assert address_key("Havenstraat 12 A", "3511 ak") == address_key("Havenstraat 12a", "3511AK") == "3511AK|12a"
    assert address_key("Havenstraat 12", "3511AK") != address_key("Havenstraat 14", "3511AK")
    assert address_key("Postbus 12", "") == ""


@pytest.mark.django_db
def test_find_duplicates_on_name_phone_and_address(db: Any) -> None:
    org = OrganizationFactory(name="Stichting Buurtkracht")
    brug = ServiceFactory(organization=org, name="Taalcafé De Brug")
    Phone.objects.create(service=brug, number="030-1234567")
    location = LocationFactory(organization=org, address__address_1="Havenstraat 12a", address__postal_code="3511 AK")
    ServiceAtLocationFactory(service=brug, location=location)
    spreekuur = ServiceFactory(organization=org, name="Inloopspreekuur geldzaken")
    Phone.objects.create(service=spreekuur, number="030 123 45 67")
    ServiceAtLocationFactory(service=spreekuur, location=location)

    (match,) = find_duplicates("Taal café de Brug", phone="+31301234567")
    assert match.service == brug
    assert match.same_phone and not match.same_address
    assert match.score == 100
    assert match.reasons == ["naam lijkt erop (100%)", "zelfde telefoonnummer"]

    # Same building and switchboard but a different name: another service, not a duplicate.
    assert find_duplicates("Koffieochtend", "Havenstraat 12 A", "3511ak", "0301234567") == []

    # A name that only extends another counts when address or phone agree.
    assert find_duplicates("Inloopspreekuur") == []
    (extended,) = find_duplicates("Inloopspreekuur", "Havenstraat 12A", "3511 AK")
    assert extended.service == spreekuur and extended.same_address

    # Excluding the record itself (used when checking an existing service).
    assert find_duplicates("Taalcafé De Brug", exclude_id=brug.pk) == []


@pytest.mark.django_db
def test_find_duplicates_can_include_organisations(db: Any) -> None:
    org = OrganizationFactory(name="Stichting Voedselbank Utrecht")
    matches = find_duplicates("Voedselbank Utrecht", include_organizations=True)
    assert [m.organization for m in matches if m.kind == "organization"] == [org]
