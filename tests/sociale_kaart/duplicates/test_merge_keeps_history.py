# SPDX-License-Identifier: EUPL-1.2
"""The beheerder merges a duplicate pair after a confirmation page: the survivor takes over
locations, phones, schedules and terms (without doubles), the merged record stays as "inactive"
pointing to the survivor, and both sides get "merge" metadata rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import (
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    link_terms,
)
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.duplicates import find_duplicates_of, merged_into, record_candidates
from wijkteam.sociale_kaart.models import Language, Organization, Phone, Service
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, DuplicateSource, DuplicateStatus, ServiceMerge
from wijkteam.sociale_kaart.visibility import publicly_visible

from ..partner.conftest import metadata_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(own_org: Organization, other_org: Organization) -> tuple[Service, Service, DuplicateCandidate]:
    shared = LocationFactory(organization=own_org, name="Buurthuis De Schakel")
    survivor = ServiceFactory(organization=own_org, name="Taalcafé De Brug", email="", terms=["LD11"],
                              assured_date=dt.date(2026, 10, 1))
    ServiceAtLocationFactory(service=survivor, location=shared)
    Phone.objects.create(service=survivor, number="030-1234567")
    ScheduleFactory(service=survivor, byday="TU")

    merged = ServiceFactory(organization=other_org, name="Taal café de Brug", email="brug@voorbeeld.test",
                            terms=["LD11", "DG07"], assured_date=dt.date(2026, 6, 1))
    ServiceAtLocationFactory(service=merged, location=shared)
    ServiceAtLocationFactory(service=merged, location=LocationFactory(organization=other_org, name="Bibliotheek"))
    Phone.objects.create(service=merged, number="+31301234567")
    Phone.objects.create(service=merged, number="06-12345678")
    ScheduleFactory(service=merged, byday="TU")
    ScheduleFactory(service=merged, monthly=True, byday="2TU")
    Language.objects.create(service=merged, name="Arabisch", code="ar")

    (candidate,) = record_candidates(merged, find_duplicates_of(merged), source=DuplicateSource.SCAN)
    return survivor, merged, candidate


def test_merge(users: Any, pair: tuple[Service, Service, DuplicateCandidate], client_for: Any,
               frozen_time: Any) -> None:
    survivor, merged, candidate = pair
    client = client_for(users.beheerder)
    worklist = client.get(reverse("sociale_kaart_werk:dubbelingen")).content.decode()
    assert "Taalcafé De Brug" in worklist and "Taal café de Brug" in worklist

    url = reverse("sociale_kaart_werk:merge", args=[candidate.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Welk aanbod blijft bestaan?" in page.content.decode()
    merged.refresh_from_db()
    assert merged.status == "active"  # the GET changed nothing

    response = client.post(url, {"survivor": str(survivor.pk)})
    assert response.status_code == 302

    survivor.refresh_from_db()
    merged.refresh_from_db()
    assert {loc.name for loc in (sal.location for sal in survivor.service_at_locations.all())} == {
        "Buurthuis De Schakel", "Bibliotheek"}
    assert sorted(survivor.phones.values_list("number", flat=True)) == ["030-1234567", "06-12345678"]
    assert sorted(survivor.schedules.values_list("byday", flat=True)) == ["2TU", "TU"]
    assert sorted(survivor.terms().values_list("code", flat=True)) == ["DG07", "LD11"]
    assert list(survivor.languages.values_list("name", flat=True)) == ["Arabisch"]
    assert survivor.email == "brug@voorbeeld.test"
    assert survivor.assured_date == dt.date(2026, 10, 1)

    # The merged record is kept, inactive, pointing to the survivor; nothing of it is public.
    assert merged.status == "inactive"
    assert not merged.phones.exists() and not merged.service_at_locations.exists()
    assert ServiceMerge.objects.get(merged=merged).survivor == survivor
    assert merged_into(merged.pk) == survivor
    assert merged_into(survivor.pk) is None
    assert not publicly_visible(Service.objects.filter(pk=merged.pk)).exists()

    m, s = str(merged.pk), str(survivor.pk)
    assert {
        ("service", "merge", "id", m, s, "beheerder"),
        ("service", "merge", "email", "", "brug@voorbeeld.test", "beheerder"),
    } <= metadata_rows(resource_id=survivor.pk)
    assert metadata_rows(resource_id=merged.pk) == {
        ("service", "merge", "id", m, s, "beheerder"),
        ("service", "merge", "status", "active", "inactive", "beheerder"),
    }
    moved_phone = Phone.objects.get(number="06-12345678")
    assert metadata_rows(resource_id=moved_phone.pk) == {("phone", "merge", "service_id", m, s, "beheerder")}
    # The double phone number was dropped, and that too is on record.
    assert ("phone", "merge", "service_id", m, "", "beheerder") in metadata_rows(resource_type="phone")

    candidate.refresh_from_db()
    assert (candidate.status, candidate.resolved_by) == (DuplicateStatus.MERGED, "beheerder")
    event = AuditEvent.objects.get(action=Action.UPDATE, object_id=s)
    assert event.detail["merged_id"] == m
    # A merged pair cannot be merged twice.
    assert client.post(url, {"survivor": str(survivor.pk)}).status_code == 404


@pytest.mark.parametrize("role", ["partner", "medewerker", "teamleider", "analist"])
def test_only_the_beheerder_merges(role: str, users: Any, pair: tuple[Service, Service, DuplicateCandidate],
                                   client_for: Any) -> None:
    survivor, merged, candidate = pair
    client = client_for(getattr(users, role))
    assert client.get(reverse("sociale_kaart_werk:dubbelingen")).status_code == 403
    url = reverse("sociale_kaart_werk:merge", args=[candidate.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"survivor": str(survivor.pk)}).status_code == 403
    assert client.post(reverse("sociale_kaart_werk:dismiss", args=[candidate.pk])).status_code == 403
    merged.refresh_from_db()
    assert merged.status == "active"
    assert not ServiceMerge.objects.exists()
    assert AuditEvent.objects.filter(action=Action.DENIED, username=getattr(users, role).username).count() == 4


def test_dismiss_keeps_both(users: Any, pair: tuple[Service, Service, DuplicateCandidate], client_for: Any) -> None:
    _survivor, merged, candidate = pair
    client = client_for(users.beheerder)
    assert client.get(reverse("sociale_kaart_werk:dismiss", args=[candidate.pk])).status_code == 405
    response = client.post(reverse("sociale_kaart_werk:dismiss", args=[candidate.pk]))
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == DuplicateStatus.DISMISSED
    assert "Taal café de Brug" not in client.get(reverse("sociale_kaart_werk:dubbelingen")).content.decode()
    # Found again later: stays dismissed.
    record_candidates(merged, find_duplicates_of(merged), source=DuplicateSource.SCAN)
    candidate.refresh_from_db()
    assert candidate.status == DuplicateStatus.DISMISSED


def test_worklist_queries_are_bounded(users: Any, own_org: Organization, client_for: Any,
                                      django_assert_max_num_queries: Any) -> None:
    for i in range(30):
        a = ServiceFactory(organization=own_org, name=f"Buurtmaaltijd {chr(65 + i % 26)}{i}")
        b = ServiceFactory(organization=own_org, name=f"Buurt maaltijd {chr(65 + i % 26)}{i}")
        link_terms(a, "LD11")
        record_candidates(a, find_duplicates_of(a), source=DuplicateSource.SCAN)
        del b
    assert DuplicateCandidate.objects.count() >= 30
    client = client_for(users.beheerder)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("sociale_kaart_werk:dubbelingen"))
    assert response.status_code == 200
