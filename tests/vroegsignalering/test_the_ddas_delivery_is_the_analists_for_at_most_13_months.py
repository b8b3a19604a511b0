# SPDX-License-Identifier: EUPL-1.2
"""The DDAS delivery holds every team's signals record by record: it is the gemeente's task, so only the
analist downloads it; a teamleider gets an audited 403 (and keeps the funnel of the own wijken). The period
covers at most 13 months: a longer one is refused with a Dutch error at "Tot en met", nothing exported."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.rapportage.views import ddas_period_end

pytestmark = pytest.mark.django_db
URL = "vroegsignalering:rapportage_ddas"


@pytest.fixture
def world(place, frozen_time):
    build_world(place, per_month=2)


def test_the_teamleider_may_not_download_it(world, users, client_for) -> None:
    client = client_for(users.teamleider)
    assert client.get(reverse(URL)).status_code == 403
    assert client.get(reverse(URL), {"van": "2026-09-01", "tot": "2026-09-30"}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.teamleider.pk,
                                     object_id="vroegsignalering:rapportage_ddas").count() == 2
    assert not AuditEvent.objects.filter(action=Action.EXPORT, object_type="vroegsignalering.ddas").exists()
    assert client.get(reverse("vroegsignalering:rapportage_funnel")).status_code == 200


def test_the_analist_downloads_13_months_and_no_more(world, users, client_for) -> None:
    client = client_for(users.analist)
    response = client.get(reverse(URL), {"van": "2025-10-01", "tot": "2026-10-31"})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]

    response = client.get(reverse(URL), {"van": "2025-10-01", "tot": "2026-11-01"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tot en met: kies een datum binnen 13 maanden na de begindatum (uiterlijk 31 oktober 2026)." in page
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_type="vroegsignalering.ddas").count() == 1


@pytest.mark.parametrize(("van", "end"), [("2026-01-01", "2027-02-01"), ("2026-01-31", "2027-02-28"),
                                          ("2025-12-15", "2027-01-15")])
def test_the_period_ends_13_months_after_the_start(van, end) -> None:
    assert ddas_period_end(dt.date.fromisoformat(van)) == dt.date.fromisoformat(end)
