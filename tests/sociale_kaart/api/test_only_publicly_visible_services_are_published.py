# SPDX-License-Identifier: EUPL-1.2
"""Inactive, defunct and stale (unchecked for over a year) services are not in the API: not in lists,
not nested in their organisation or location, and their own URL is a 404 like an unknown id."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.models import ServiceStatus

from .conftest import get, get_json, ids

pytestmark = pytest.mark.django_db


def test_lists_hold_public_services_only(kaart):
    public = {str(s.id) for s in (kaart.geld, kaart.taal, kaart.klus, kaart.online)}
    assert set(ids(get_json("/services", per_page=50))) == public
    sal_services = {item["service"]["id"] for item in get_json("/service_at_locations")["contents"]}
    assert sal_services == public


@pytest.mark.parametrize("which", ["inactive", "stale"])
def test_hidden_service_urls_are_404(kaart, which):
    service = getattr(kaart, which)
    assert get(f"/services/{service.id}").status_code == 404
    sal = service.service_at_locations.get()
    assert get(f"/service_at_locations/{sal.id}").status_code == 404


def test_hidden_services_are_not_nested_in_their_organization(kaart):
    for params in ({}, {"full_service": "true"}):
        org = get_json(f"/organizations/{kaart.org_a.id}", **params)
        assert sorted(s["name"] for s in org["services"]) == ["Inloop geldzaken", "Taalcafé"]
    listed = get_json("/organizations", full="true")["contents"]
    names = sorted(s["name"] for org in listed for s in org["services"])
    assert names == ["Inloop geldzaken", "Klussendienst", "Online geldcoach", "Taalcafé"]


def test_temporarily_closed_stays_visible_with_its_alert(kaart):
    kaart.taal.status = ServiceStatus.TEMPORARILY_CLOSED
    kaart.taal.alert = "Tijdelijk dicht wegens verbouwing."
    kaart.taal.save()
    data = get_json(f"/services/{kaart.taal.id}")
    assert (data["status"], data["alert"]) == ("temporarily closed", "Tijdelijk dicht wegens verbouwing.")
