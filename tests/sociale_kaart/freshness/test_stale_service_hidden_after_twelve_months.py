# SPDX-License-Identifier: EUPL-1.2
"""Twelve months after the last check a service disappears from public search, page and API
(`publicly_visible`), but stays on the editors' worklist /werk/sociale-kaart/verouderd/ (owning
partner and beheerder with a "klopt nog" button; wijkteam staff read-only; others refused)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import Organization, Service
from wijkteam.sociale_kaart.partner.services import verify_service
from wijkteam.sociale_kaart.visibility import is_publicly_visible, publicly_visible

pytestmark = pytest.mark.django_db

LAST_CHECK = dt.date(2025, 11, 25)


def visible_ids(today: str) -> set[Any]:
    with time_machine.travel(today, tick=False):
        return set(publicly_visible(Service.objects.all()).values_list("pk", flat=True))


def test_hidden_from_the_day_after_twelve_months(own_org: Organization) -> None:
    service = ServiceFactory(organization=own_org, assured_date=LAST_CHECK)
    # Exactly twelve months: still visible; one day later: hidden.
    assert service.pk in visible_ids("2026-11-25T10:00:00+01:00")
    assert service.pk not in visible_ids("2026-11-26T10:00:00+01:00")
    with time_machine.travel("2026-11-26T10:00:00+01:00", tick=False):
        assert not is_publicly_visible(service)
        # Not deleted or deactivated: it comes back when the organisation confirms it.
        assert Service.objects.public().filter(pk=service.pk).exists()
        verify_service(service, updated_by="partner")
    assert service.pk in visible_ids("2026-11-26T10:00:00+01:00")


def test_never_assured_service_counts_from_its_creation(own_org: Organization) -> None:
    with time_machine.travel("2025-06-01T10:00:00+02:00", tick=False):
        service = ServiceFactory(organization=own_org, assured_date=None)
    assert service.pk in visible_ids("2026-06-01T10:00:00+02:00")
    assert service.pk not in visible_ids("2026-06-02T10:00:00+02:00")


def test_hide_threshold_comes_from_settings(settings: Any, own_org: Organization) -> None:
    service = ServiceFactory(organization=own_org, assured_date=dt.date(2026, 8, 1))
    assert service.pk in visible_ids("2026-11-26T10:00:00+01:00")
    settings.WIJKTEAM_FRESHNESS_HIDE_MONTHS = 3
    assert service.pk not in visible_ids("2026-11-26T10:00:00+01:00")


def test_public_page_and_api_no_longer_show_it(own_org: Organization, client_for: Any) -> None:
    stale = ServiceFactory(organization=own_org, name="Oud spreekuur", assured_date=LAST_CHECK)
    fresh = ServiceFactory(organization=own_org, name="Nieuw spreekuur", assured_date=dt.date(2026, 11, 1))
    client = client_for(None)
    with time_machine.travel("2026-11-26T10:00:00+01:00", tick=False):
        assert client.get(reverse("sociale_kaart_public:service", args=[fresh.pk])).status_code == 200
        assert client.get(reverse("sociale_kaart_public:service", args=[stale.pk])).status_code == 404
        assert client.get(reverse("sociale_kaart_api:service_detail", kwargs={"id": fresh.pk})).status_code == 200
        assert client.get(reverse("sociale_kaart_api:service_detail", kwargs={"id": stale.pk})).status_code == 404


def test_worklist_for_editors(
    users: Any, own_org: Organization, other_org: Organization, client_for: Any,
    django_assert_max_num_queries: Any,
) -> None:
    hidden = ServiceFactory(organization=own_org, name="Oud spreekuur", assured_date=LAST_CHECK)
    ServiceFactory(organization=own_org, name="Bijna oud", assured_date=dt.date(2026, 4, 1))
    ServiceFactory(organization=own_org, name="Net gecontroleerd", assured_date=dt.date(2026, 11, 1))
    ServiceFactory(organization=other_org, name="Oud bij een ander", assured_date=LAST_CHECK)
    # Enough rows to fill a page: the number of queries must not grow with them.
    ServiceFactory.create_batch(55, organization=other_org, assured_date=LAST_CHECK)
    url = reverse("sociale_kaart_werk:verouderd")

    with time_machine.travel("2026-11-26T10:00:00+01:00", tick=False):
        partner_html = client_for(users.partner).get(url).content.decode()
        assert "Oud spreekuur" in partner_html and "Verborgen: te lang niet gecontroleerd" in partner_html
        assert "Bijna oud" in partner_html and "Controle nodig" in partner_html
        assert "Net gecontroleerd" not in partner_html
        assert "Oud bij een ander" not in partner_html
        assert "Klopt nog: Oud spreekuur" in partner_html

        beheerder_client = client_for(users.beheerder)
        with django_assert_max_num_queries(15):
            beheerder = beheerder_client.get(url)
        assert "Oud bij een ander" in beheerder.content.decode()

        # Wijkteam staff: read-only (no buttons, no edit links).
        staff_html = client_for(users.medewerker).get(url).content.decode()
        assert "Oud spreekuur" in staff_html and "Oud bij een ander" in staff_html
        assert "Klopt nog" not in staff_html
        assert reverse("sociale_kaart_werk:service_edit", args=[hidden.pk]) not in staff_html
        # ...and their verify POST is refused.
        refused = client_for(users.medewerker).post(reverse("sociale_kaart_werk:service_verify", args=[hidden.pk]))
        assert refused.status_code == 403

        assert client_for(users.analist).get(url).status_code == 403
        assert client_for(users.privacy).get(url).status_code == 403
