# SPDX-License-Identifier: EUPL-1.2
"""Every filter on its own and combined (AND across filters, OR within one facet)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories_sociale_kaart import (
    AccessibilityFactory,
    CostOptionFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.models import Language, Service
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import names

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(db: None, frozen_time: object) -> dict[str, Service]:
    """Services that differ in exactly the things the filters look at."""
    services: dict[str, Service] = {}
    services["kind"] = ServiceFactory(name="Kinderclub", terms=["LD03", "SA05", "DG01"])
    services["jongeren"] = ServiceFactory(name="Jongerenwerk", terms=["LD03", "DG02"])
    services["ouderen"] = ServiceFactory(name="Seniorensoos", terms=["LD11", "SA05", "DG05"])
    services["volwassen18"] = ServiceFactory(name="Budgetcursus", terms=["LD01", "SA02"], minimum_age=18)
    services["iedereen"] = ServiceFactory(name="Buurtkamer", terms=["LD11", "SA05"])
    services["betaald"] = ServiceFactory(name="Yoga in de wijk", terms=["LD07"])
    CostOptionFactory(service=services["betaald"], amount=Decimal("5.00"))
    services["gratis"] = ServiceFactory(name="Gratis spreekuur", terms=["LD01", "SA01"], free=True)
    services["ook_gratis"] = ServiceFactory(name="Eetcafé", terms=["LD11"])
    CostOptionFactory(service=services["ook_gratis"], amount=Decimal("4.00"), option="Maaltijd")
    CostOptionFactory(service=services["ook_gratis"], amount=Decimal(0), option="Met stadspas")
    services["rolstoel"] = ServiceFactory(name="Rolstoelvriendelijk buurthuis", terms=["LD11"], wheelchair=True)
    trap = LocationFactory(name="Bovenzaal")
    AccessibilityFactory(location=trap, description="Niet rolstoeltoegankelijk: alleen een trap.")
    services["trap"] = ServiceFactory(name="Bovenzaal ontmoeting", terms=["LD11"])
    ServiceAtLocationFactory(service=services["trap"], location=trap)
    services["engels"] = ServiceFactory(name="Expat desk", terms=["LD12"])
    Language.objects.create(service=services["engels"], name="Engels", code="")
    services["arabisch"] = ServiceFactory(name="Vrouwengroep", terms=["LD12"])
    Language.objects.create(service=services["arabisch"], name="Arabisch", code="ar")
    services["woensdag"] = ServiceFactory(name="Inloop woensdag", terms=["LD01", "SA01"])
    ScheduleFactory(service=services["woensdag"])  # Wednesday 9-12: open at the frozen moment
    services["maandag"] = ServiceFactory(name="Inloop maandagavond", terms=["LD01", "SA01"])
    ScheduleFactory(service=services["maandag"], monthly=True)  # first Monday 19-21
    reindex_all()
    return services


def test_levensdomein_filter_any_of_the_chosen(varied, search):
    assert set(names(search(levensdomeinen=("LD01",)))) == {
        "Budgetcursus",
        "Gratis spreekuur",
        "Inloop woensdag",
        "Inloop maandagavond",
    }
    both = set(names(search(levensdomeinen=("LD01", "LD07"))))
    assert both == {"Budgetcursus", "Gratis spreekuur", "Inloop woensdag", "Inloop maandagavond", "Yoga in de wijk"}


def test_soort_and_doelgroep_filters(varied, search):
    assert set(names(search(soorten=("SA02",)))) == {"Budgetcursus"}
    assert set(names(search(doelgroepen=("DG05",)))) == {"Seniorensoos"}


def test_age_uses_service_ages_and_doelgroep_ages(varied, search):
    found = set(names(search(leeftijd=8, per_page=50)))
    assert "Kinderclub" in found  # DG01: 0-11
    assert "Jongerenwerk" not in found  # DG02: 12-23
    assert "Seniorensoos" not in found  # DG05: 65+
    assert "Budgetcursus" not in found  # minimum_age 18 on the service itself
    assert "Buurtkamer" in found  # no age: for everyone
    found = set(names(search(leeftijd=70, per_page=50)))
    assert {"Seniorensoos", "Budgetcursus", "Buurtkamer"} <= found
    assert not {"Kinderclub", "Jongerenwerk"} & found


def test_free_means_no_price_or_an_explicit_free_option(varied, search):
    found = set(names(search(gratis=True, per_page=50)))
    assert "Yoga in de wijk" not in found
    assert {"Gratis spreekuur", "Eetcafé", "Buurtkamer"} <= found


def test_wheelchair_needs_an_accessible_location(varied, search):
    assert names(search(rolstoel=True)) == ["Rolstoelvriendelijk buurthuis"]


def test_language_by_code_or_by_name(varied, search):
    assert names(search(taal="en")) == ["Expat desk"]
    assert names(search(taal="ar")) == ["Vrouwengroep"]
    assert names(search(taal="pl")) == []


def test_open_now_and_open_on_a_weekday(varied, search, frozen_time):
    assert names(search(nu_open=True)) == ["Inloop woensdag"]
    assert names(search(dag="MO")) == ["Inloop maandagavond"]
    assert names(search(dag="WE")) == ["Inloop woensdag"]
    assert names(search(dag="SU")) == []


def test_open_now_at_another_moment(varied, search):
    monday_evening = dt.datetime(2026, 12, 7, 19, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert names(search(nu_open=True, moment=monday_evening)) == ["Inloop maandagavond"]


def test_filters_combine_with_and(varied, search):
    assert names(search(levensdomeinen=("LD01",), gratis=True, nu_open=True)) == ["Inloop woensdag"]
    assert names(search(levensdomeinen=("LD11",), rolstoel=True, gratis=True)) == ["Rolstoelvriendelijk buurthuis"]
    assert names(search(levensdomeinen=("LD11",), doelgroepen=("DG05",), leeftijd=30)) == []


def test_filters_combine_with_words(varied, search):
    # "spreekuur" is in the name of one, in the soort aanbod (Inloop / spreekuur) of two more;
    # Budgetcursus is free and in Financiën but says nothing about a spreekuur.
    result = search("spreekuur", levensdomeinen=("LD01",), gratis=True)
    assert names(result)[0] == "Gratis spreekuur"
    assert set(names(result)) == {"Gratis spreekuur", "Inloop woensdag", "Inloop maandagavond"}
    assert result.total == 3
