# SPDX-License-Identifier: EUPL-1.2
"""`postcode` (+ `proximity`) on /service_at_locations (and /services): only results within the
distance of the postcode, nearest first; a service whose GeoJSON service area leaves the postcode out
is not offered there. `proximity` is in metres, as the HSDS document says; "2km" is understood too.

Distances in the kaart fixture from postcode 3512 CD (a known resident address): Buurthuis De Schakel
(Inloop geldzaken) about 1.0 km, Wijkcentrum Noord (Taalcafé) about 2.2 km, the Dorpshuis
(Klussendienst) about 35 km; Online geldcoach has no position.
"""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.api.filters import distance_km, postcode_to_point

from .conftest import get, get_json, schema_errors

pytestmark = pytest.mark.django_db


def _services(path, **params):
    data = get_json(path, **params)
    assert schema_errors(path, data) == []
    if path == "/service_at_locations":
        return [item["service"]["name"] for item in data["contents"]]
    return [item["name"] for item in data["contents"]]


def test_the_fixture_distances_are_what_the_tests_assume(kaart):
    point = postcode_to_point("3512cd")
    assert point == (52.1, 5.125)
    assert 0.9 < distance_km(point, (52.0907, 5.1214)) < 1.2
    assert 2.0 < distance_km(point, (52.12, 5.13)) < 2.5
    assert distance_km(point, (52.30, 5.50)) > 30


@pytest.mark.parametrize("path", ["/service_at_locations", "/services"])
def test_within_proximity_nearest_first(kaart, path):
    assert _services(path, postcode="3512 CD", proximity="3000") == ["Inloop geldzaken", "Taalcafé"]
    assert _services(path, postcode="3512CD", proximity="1500") == ["Inloop geldzaken"]
    assert _services(path, postcode="3512 CD", proximity="2km") == ["Inloop geldzaken"]
    assert _services(path, postcode="3512 CD", proximity="50 km") == ["Inloop geldzaken", "Taalcafé", "Klussendienst"]


@pytest.mark.parametrize("path", ["/service_at_locations", "/services"])
def test_postcode_alone_sorts_by_distance_and_keeps_services_without_a_position_last(kaart, path):
    assert _services(path, postcode="3512 CD") == ["Inloop geldzaken", "Taalcafé", "Klussendienst", "Online geldcoach"]


@pytest.mark.parametrize("path", ["/service_at_locations", "/services"])
def test_a_service_area_that_leaves_the_postcode_out_excludes_the_service(kaart, path):
    # 3800 AA is the Dorpshuis, far outside the Centrum area of Inloop geldzaken.
    assert _services(path, postcode="3800 AA") == ["Klussendienst", "Taalcafé", "Online geldcoach"]


def test_postcode_combines_with_the_other_filters(kaart):
    assert _services("/service_at_locations", postcode="3512 CD", proximity="3000",
                     organization_id=str(kaart.org_a.id), search="taal") == ["Taalcafé"]


def test_hidden_services_stay_hidden_near_a_postcode(kaart):
    names = _services("/service_at_locations", postcode="3511 AB", proximity="100")
    assert names == ["Inloop geldzaken"]  # not the inactive or stale services at the same address


@pytest.mark.parametrize(
    "params",
    [{"postcode": "9999 ZZ"}, {"proximity": "1000"}, {"postcode": "3512 CD", "proximity": "dichtbij"}],
    ids=["unknown-postcode", "proximity-without-postcode", "bad-proximity"],
)
def test_unusable_postcode_or_proximity_is_a_400(kaart, params):
    response = get("/service_at_locations", **params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_service_area_named_by_cbs_code_counts_once_the_point_can_be_placed(kaart, place):
    from wijkteam.sociale_kaart.models import ServiceArea

    # Taalcafé serves wijk Noord only (a CBS code in the area's uri, as the kaart's own pages read it).
    ServiceArea.objects.create(service=kaart.taal, name="Noord", uri=f"https://www.cbs.nl/{place.wijk_b.code}")
    # Without buurt boundaries we cannot tell where 3512 CD lies: the area says nothing.
    assert "Taalcafé" in _services("/services", postcode="3512 CD")
    # Buurt Oude Haven (wijk Centrum) gets a boundary around 3512 CD: now Taalcafé is not offered there.
    place.buurt_a.grens = {"type": "Polygon", "coordinates": [[[5.11, 52.09], [5.14, 52.09], [5.14, 52.11],
                                                                [5.11, 52.11], [5.11, 52.09]]]}
    place.buurt_a.save()
    assert "Taalcafé" not in _services("/services", postcode="3512 CD")
    assert "Taalcafé" not in _services("/service_at_locations", postcode="3512 CD")
    assert _services("/services", postcode="3512 CD") == ["Inloop geldzaken", "Klussendienst", "Online geldcoach"]
