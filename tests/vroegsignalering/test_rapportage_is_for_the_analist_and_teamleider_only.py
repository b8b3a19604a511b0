# SPDX-License-Identifier: EUPL-1.2
"""Who reaches the funnel (page and CSV) and the DDAS delivery: the analist (the whole gemeente, aggregates
only, no personal data on the page) and, for the funnel, the teamleider (the own team's wijken; the DDAS
delivery is the analist's alone, see test_the_ddas_delivery_is_the_analists_for_at_most_13_months.py);
everyone else 403, anonymous to the login page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.html import escape

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.huishoudens.models import Persoon

URLS = ("vroegsignalering:rapportage_funnel", "vroegsignalering:rapportage_funnel_csv",
        "vroegsignalering:rapportage_ddas")
PARAMS = {"van": "2026-08", "tot": "2026-10"}


@pytest.fixture
def world(place, frozen_time):
    build_world(place, per_month=4)


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("role", ["medewerker", "medewerker_b", "partner", "privacy", "beheerder"])
def test_other_roles_are_refused(world, users, client_for, name, role) -> None:
    assert client_for(getattr(users, role)).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", URLS)
def test_anonymous_goes_to_login(world, client, name) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))


@pytest.mark.parametrize("name", URLS)
def test_without_the_second_factor_refused(world, users, client_for, name) -> None:
    response = client_for(users.teamleider, verified=False).get(reverse(name))
    assert response.status_code in (302, 403)


def test_the_analist_sees_the_whole_gemeente_and_no_personal_data(world, place, users, client_for,
                                                                  django_assert_max_num_queries) -> None:
    client = client_for(users.analist)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("vroegsignalering:rapportage_funnel"), PARAMS)
    assert response.status_code == 200
    page = response.content.decode()
    assert place.wijk_a.naam in page and place.wijk_b.naam in page
    for persoon in Persoon.objects.all():
        assert escape(persoon.achternaam) not in page
    for huis in Persoon.objects.values_list("huishouden__adres__straat", flat=True):
        assert huis not in page
    csv_text = client.get(reverse("vroegsignalering:rapportage_funnel_csv"), PARAMS).content.decode()
    for persoon in Persoon.objects.all():
        assert persoon.achternaam not in csv_text


def test_the_teamleider_sees_the_own_wijken_only(world, place, users, client_for) -> None:
    response = client_for(users.teamleider).get(reverse("vroegsignalering:rapportage_funnel"), PARAMS)
    assert response.status_code == 200
    page = response.content.decode()
    assert place.wijk_a.naam in page and place.wijk_b.naam not in page
    csv_text = client_for(users.teamleider).get(reverse("vroegsignalering:rapportage_funnel_csv"),
                                                PARAMS).content.decode("utf-8")
    assert place.wijk_a.naam in csv_text and place.wijk_b.naam not in csv_text


def test_a_bad_month_is_named_in_dutch(world, users, client_for) -> None:
    response = client_for(users.analist).get(reverse("vroegsignalering:rapportage_funnel"),
                                             {"van": "2026-13", "tot": "2026-10"})
    assert response.status_code == 200
    assert "Vul een maand in als jjjj-mm" in response.content.decode()
