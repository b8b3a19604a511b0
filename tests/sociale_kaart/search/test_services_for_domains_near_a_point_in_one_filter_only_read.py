# SPDX-License-Identifier: EUPL-1.2
"""candidates_for_domains: every visible service carrying one of the domains near a point, in one query that
filters and nothing else (no order, no count), for callers that rank every match themselves (the triage).

Within reach: a location within max_km (the nearest of several counts), a location in or serving the wijk
asked for, or no mapped location at all (online, by phone). The visibility rule, the age range, the
doelgroepen and "not only this kind" are applied in SQL; the read never touches the wide index row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import pytest
from django.db import connection

from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory
from wijkteam.sociale_kaart.models import Location, Service
from wijkteam.sociale_kaart.search import (
    DomainCandidate,
    SearchQuery,
    backends,
    candidates_for_domains,
    reindex_all,
    search_services,
    visibility_filter,
)

from .conftest import make_service

pytestmark = pytest.mark.django_db

HOME = (52.0900, 5.1200)
NEAR = (52.0950, 5.1200)  # ~0.56 km north of HOME
FAR = (52.1400, 5.1200)  # ~5.6 km north of HOME


def _named(found: Sequence[DomainCandidate]) -> dict[str, DomainCandidate]:
    names = dict(Service.objects.values_list("id", "name"))
    return {names[c.service_id]: c for c in found}


def _service(name: str, terms: list[str], point: tuple[float, float] | None = None, **kwargs) -> Service:
    lat, lon = point if point is not None else (None, None)
    return make_service(name, "Hulp in de buurt.", terms, lat=lat, lon=lon, **kwargs)


def test_within_reach_means_near_in_the_wijk_or_without_a_place(place):
    _service("Dichtbij", ["LD01", "SA01"], NEAR)
    _service("Ver weg", ["LD01", "SA01"], FAR)
    _service("Online", ["LD11", "SA06"])
    in_wijk = _service("Ver weg maar in de wijk", ["LD11", "SA05"])
    ServiceAtLocationFactory(
        service=in_wijk,
        location=LocationFactory(organization=in_wijk.organization, latitude=FAR[0], longitude=FAR[1],
                                 buurt=place.buurt_a),
    )
    two_places = _service("Twee plekken", ["LD01", "SA02"], FAR)
    second = cast(Location, LocationFactory(organization=two_places.organization, latitude=NEAR[0], longitude=NEAR[1]))
    ServiceAtLocationFactory(service=two_places, location=second)
    _service("Ander domein", ["LD04", "SA01"], NEAR)
    reindex_all()

    found = _named(candidates_for_domains(["LD01", "LD11"], point=HOME, max_km=3, wijk=place.wijk_a.code))

    assert set(found) == {"Dichtbij", "Online", "Ver weg maar in de wijk", "Twee plekken"}
    assert found["Dichtbij"].km == pytest.approx(0.56, abs=0.01)
    assert found["Twee plekken"].km == pytest.approx(0.56, abs=0.01)  # the nearest of its two locations
    assert found["Twee plekken"].location_hex == second.id.hex
    assert found["Online"].km is None and found["Online"].location_hex is None
    assert found["Ver weg maar in de wijk"].in_wijk
    assert (found["Ver weg maar in de wijk"].km or 0) > 3
    assert not found["Dichtbij"].in_wijk
    assert found["Dichtbij"].carries("LD01") and not found["Dichtbij"].carries("LD11")
    assert found["Dichtbij"].speaks("nl")


def test_without_a_point_every_match_counts_and_no_distance_is_given(place):
    _service("Dichtbij", ["LD01"], NEAR)
    _service("Ver weg", ["LD01"], FAR)
    reindex_all()

    found = _named(candidates_for_domains(["LD01"], max_km=3))

    assert set(found) == {"Dichtbij", "Ver weg"}
    assert all(c.km is None for c in found.values())


def test_visibility_age_doelgroep_and_not_only_are_filtered_in_the_query(place):
    _service("Voor iedereen", ["LD01", "SA01"], NEAR)
    _service("Verouderd", ["LD01", "SA01"], NEAR, stale=True)
    _service("Gestopt", ["LD01", "SA01"], NEAR, inactive=True)
    _service("Voor ouderen", ["LD01", "SA01", "DG05"], NEAR)
    _service("Voor ouders en ouderen", ["LD01", "SA01", "DG03", "DG05"], NEAR)
    _service("Vanaf 50", ["LD01", "SA01"], NEAR, minimum_age=50)
    _service("Alleen begeleiding", ["LD01", "SA07"], NEAR)
    _service("Begeleiding en groep", ["LD01", "SA07", "SA03"], NEAR)
    _service("Geen soort", ["LD01"], NEAR)
    reindex_all()

    found = _named(
        candidates_for_domains(["LD01"], point=HOME, max_km=3, leeftijd=34, doelgroepen=["DG03", "DG04"],
                               not_only=["SA07"])
    )
    assert set(found) == {"Voor iedereen", "Voor ouders en ouderen", "Begeleiding en groep", "Geen soort"}

    editors = _named(candidates_for_domains(["LD01"], point=HOME, max_km=3, include_hidden=True))
    assert "Verouderd" in editors and "Gestopt" not in editors


def test_the_same_services_as_the_public_search_with_the_same_filters(place):
    for i, terms in enumerate([["LD01"], ["LD11", "DG05"], ["LD01", "LD11"], ["LD04"], ["LD11", "SA07"]]):
        _service(f"Aanbod {i}", terms, NEAR if i % 2 else FAR, minimum_age=(70 if i == 2 else None))
    _service("Oud", ["LD01"], NEAR, stale=True)
    reindex_all()

    for leeftijd in (None, 30, 80):
        found = candidates_for_domains(["LD01", "LD11"], leeftijd=leeftijd)
        public = search_services(SearchQuery(levensdomeinen=("LD01", "LD11"), leeftijd=leeftijd, per_page=100))
        assert {c.service_id for c in found} == {hit.service.id for hit in public.hits}


def test_one_query_over_the_narrow_table_without_order_or_count(place, django_assert_num_queries):
    _service("Dichtbij", ["LD01"], NEAR)
    reindex_all()
    statuses, checked_from = visibility_filter(include_hidden=False)
    sql, _params = backends.domain_candidates_sql(
        ["LD01", "LD11"], leeftijd=30, doelgroepen=["DG04"], not_only=["SA07"], statuses=statuses,
        checked_from=checked_from,
    )
    assert "sk_search_key" in sql
    for absent in ("sk_search_entry", "ORDER BY", "COUNT", "LIMIT"):
        assert absent not in sql.upper()

    with django_assert_num_queries(1):
        assert len(candidates_for_domains(["LD01", "LD11"], point=HOME, max_km=3, leeftijd=30)) == 1
    with connection.cursor() as cursor:  # the wide rows spoiled: still found, from the narrow table alone
        cursor.execute("UPDATE sk_search_entry SET codes = ' ', status = 'x', points = ''")
    assert len(candidates_for_domains(["LD01"], point=HOME, max_km=3)) == 1


def test_no_codes_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert candidates_for_domains([], point=HOME, max_km=3) == []
        assert candidates_for_domains(["not a code"], point=HOME, max_km=3) == []
