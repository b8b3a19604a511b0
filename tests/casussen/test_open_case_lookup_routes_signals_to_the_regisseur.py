# SPDX-License-Identifier: EUPL-1.2
"""The open-case lookup registered with vroegsignalering.handoff: a new vroegsignaal for a household with an
open case goes to that case's regisseur instead of outreach; a closed case routes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories_casussen as fc
from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import POSTCODE, place_postcode
from wijkteam.huishoudens.services import find_or_create_adres, household_at
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Route
from wijkteam.vroegsignalering.services import ingest_signal

pytestmark = pytest.mark.django_db


def _household(number: str) -> Any:
    adres = find_or_create_adres(postcode=POSTCODE, huisnummer=number, straat="Havenstraat", woonplaats="Voorbeeld")
    return household_at(adres, system="test")


def test_the_lookup_answers_for_many_households_at_once(place: Any, users: Any,
                                                        django_assert_max_num_queries: Any) -> None:
    cases = [fc.CasusFactory(team=place.team_a, regisseur=users.medewerker) for _ in range(5)]
    closed = fc.CasusFactory(team=place.team_a, regisseur=users.teamleider, afgesloten=True)
    with django_assert_max_num_queries(1):
        found = handoff.open_cases_for([c.huishouden_id for c in cases] + [closed.huishouden_id, 999999])
    assert set(found) == {c.huishouden_id for c in cases}
    ref = found[cases[0].huishouden_id]
    assert ref.case_id == cases[0].pk and ref.regisseur_id == users.medewerker.pk
    assert ref.url == reverse("casussen:casus_detail", args=[cases[0].pk])


def test_the_lookup_for_a_monthly_files_households_matches_the_same_cases(place: Any, users: Any,
                                                                          django_assert_max_num_queries: Any) -> None:
    # Above LOOKUP_CHUNK households the hook reads the open cases in the asked id range instead of an IN list:
    # it must answer exactly as for a few households (only the asked ones, open cases only).
    from wijkteam.casussen.hooks import LOOKUP_CHUNK

    cases = [fc.CasusFactory(team=place.team_a, regisseur=users.medewerker) for _ in range(3)]
    closed = fc.CasusFactory(team=place.team_a, regisseur=users.teamleider, afgesloten=True)
    not_asked = cases.pop(1)  # its household id lies inside the asked range but is not asked for
    asked = [c.huishouden_id for c in cases] + [closed.huishouden_id]
    asked += [900_000 + n for n in range(LOOKUP_CHUNK + 1)]  # households without any case
    with django_assert_max_num_queries(1):
        found = handoff.open_cases_for(asked)
    assert set(found) == {c.huishouden_id for c in cases}
    assert not_asked.huishouden_id not in found
    assert found[cases[0].huishouden_id].case_id == cases[0].pk
    assert found == handoff.open_cases_for([c.huishouden_id for c in cases])


def test_a_new_signal_for_a_household_with_an_open_case_goes_to_its_regisseur(place: Any, users: Any,
                                                                              frozen_time: Any) -> None:
    place_postcode(place)
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.teamleider, huishouden=_household("7"))
    result = ingest_signal(signal_row(huisnummer="7"), system="test")
    zaak = result.signaal.zaak  # type: ignore[union-attr]
    zaak.refresh_from_db()  # the routing wrote it set-based, behind this instance
    assert zaak.huishouden_id == casus.huishouden_id
    assert zaak.route == Route.REGISSEUR
    assert zaak.toegewezen_aan_id == users.teamleider.pk


def test_without_an_open_case_the_signal_goes_to_outreach(place: Any, users: Any, frozen_time: Any) -> None:
    place_postcode(place)
    fc.CasusFactory(team=place.team_a, regisseur=users.teamleider, huishouden=_household("8"), afgesloten=True)
    zaak = ingest_signal(signal_row(huisnummer="8"), system="test").signaal.zaak  # type: ignore[union-attr]
    zaak.refresh_from_db()
    assert zaak.route == Route.OUTREACH
