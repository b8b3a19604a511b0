# SPDX-License-Identifier: EUPL-1.2
"""The demo kaart: ~150 organisations and ~300 services over all 13 levensdomeinen, all soorten,
all doelgroepen and every wijk and buurt."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from wijkteam.demo.generator import generate
from wijkteam.gebieden.models import Buurt, Wijk
from wijkteam.sociale_kaart.models import (
    LINK_TYPE_BY_TAXONOMY,
    Attribute,
    LinkEntity,
    Location,
    LocationType,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

SEED, SCALE = 42, 20


@pytest.fixture
def kaart(db: None) -> dict[str, int]:
    return generate(seed=SEED, scale=SCALE)


def test_about_150_organisations_and_300_services(kaart: dict[str, int]) -> None:
    organisations, services = Organization.objects.count(), Service.objects.count()

    assert 135 <= organisations <= 165
    assert 270 <= services <= 330
    assert (kaart["kaart_organisaties"], kaart["kaart_aanbod"]) == (organisations, services)
    per_org = Counter(Service.objects.values_list("organization_id", flat=True))
    assert len(per_org) == organisations, "every organisation offers something"
    assert sum(1 for n in per_org.values() if n == 1) >= 60, "many small organisations with one service"
    assert sum(1 for n in per_org.values() if n >= 4) >= 10, "and larger ones with several"


def test_every_term_of_the_three_taxonomies_is_used(kaart: dict[str, int]) -> None:
    expected = {"levensdomeinen": 13, "soort-aanbod": 8, "doelgroep": 7}
    for slug, count in expected.items():
        codes = list(TaxonomyTerm.objects.filter(taxonomy__slug=slug).values_list("code", flat=True))
        assert len(codes) == count
        for code in codes:
            assert Service.objects.with_term(code, taxonomy=slug).count() >= 3, f"{code} hardly used"


def test_each_service_has_levensdomein_soort_and_doelgroep_as_attribute_rows(kaart: dict[str, int]) -> None:
    per_service: dict[object, Counter[str]] = defaultdict(Counter)
    rows = Attribute.objects.filter(link_entity=LinkEntity.SERVICE).values_list(
        "link_id", "taxonomy_term__taxonomy__slug", "link_type"
    )
    for link_id, slug, link_type in rows:
        assert slug is not None and link_type == LINK_TYPE_BY_TAXONOMY[slug], "what Service.add_term would store"
        per_service[link_id][slug] += 1

    assert set(per_service) == set(Service.objects.values_list("id", flat=True))
    for counts in per_service.values():
        assert counts["levensdomeinen"] >= 1
        assert counts["soort-aanbod"] == 1
        assert counts["doelgroep"] >= 1


def test_every_wijk_and_buurt_has_locations_with_services(kaart: dict[str, int]) -> None:
    physical = Location.objects.filter(location_type=LocationType.PHYSICAL)
    assert not physical.filter(buurt__isnull=True).exists()
    assert set(physical.values_list("buurt__code", flat=True)) == set(Buurt.objects.values_list("code", flat=True))
    offered_in = Counter(
        ServiceAtLocation.objects.filter(location__buurt__isnull=False).values_list(
            "location__buurt__wijk__code", flat=True
        )
    )
    assert set(offered_in) == set(Wijk.objects.values_list("code", flat=True))
    assert min(offered_in.values()) >= 30
    assert not Service.objects.filter(service_at_locations__isnull=True).exists()
