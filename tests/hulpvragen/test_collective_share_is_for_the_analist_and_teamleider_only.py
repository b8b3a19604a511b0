# SPDX-License-Identifier: EUPL-1.2
"""Who reaches the collective share (page and CSV): the analist (the whole gemeente) and the teamleider (the
own teams' wijken); medewerkers, partners, the privacy officer and the beheerder get 403 with a DENIED audit
row, anonymous visitors the login page. The page holds no personal data, its reads are audited, it runs a
bounded number of queries, and the menu offers it to exactly those who may open it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.html import escape

from tests.hulpvragen.collective_share_support import PARAMS, build_world
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.models import Hulpvraag, TriageBesluit

URLS = ("hulpvragen:collective_share", "hulpvragen:collective_share_csv")


@pytest.fixture
def world(place, frozen_time):
    build_world(place, per_month=20)


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("role", ["medewerker", "medewerker_b", "partner", "privacy", "beheerder"])
def test_other_roles_are_refused_and_audited(world, users, client_for, name, role) -> None:
    user = getattr(users, role)
    assert client_for(user).get(reverse(name), PARAMS).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()


@pytest.mark.parametrize("name", URLS)
def test_anonymous_goes_to_login(world, client, name) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_a_teamleider_without_the_second_factor_is_refused(world, users, client_for) -> None:
    response = client_for(users.teamleider, verified=False).get(reverse("hulpvragen:collective_share"))
    assert response.status_code in (302, 403)


def test_the_page_holds_no_personal_data_and_its_reads_are_audited(world, users, client_for,
                                                                   django_assert_max_num_queries) -> None:
    client = client_for(users.analist)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("hulpvragen:collective_share"), PARAMS)
    assert response.status_code == 200
    csv_text = client.get(reverse("hulpvragen:collective_share_csv"), PARAMS).content.decode("utf-8")
    page = response.content.decode()
    assert "Financiën" in page and "Sociaal netwerk" in csv_text
    for text in (page, csv_text):
        for persoon in Persoon.objects.all():
            assert persoon.achternaam not in text and escape(persoon.achternaam) not in text
        for omschrijving in Hulpvraag.objects.values_list("omschrijving", flat=True):
            assert omschrijving not in text
        for reden in TriageBesluit.objects.exclude(reden="").values_list("reden", flat=True):
            assert reden not in text
    assert AuditEvent.objects.filter(action=Action.READ, user_id=users.analist.pk,
                                     object_type="hulpvragen.rapportage").exists()
    assert AuditEvent.objects.filter(action=Action.EXPORT, user_id=users.analist.pk,
                                     object_type="hulpvragen.rapportage").exists()


def test_the_teamleider_sees_fewer_decisions_than_the_analist(world, users, client_for) -> None:
    def total(user) -> str:
        text = client_for(user).get(reverse("hulpvragen:collective_share_csv"), PARAMS).content.decode("utf-8")
        line = next(line for line in text.splitlines() if line.startswith("hele periode;Alle levensdomeinen;"))
        return line.split(";")[2]

    analist, teamleider = total(users.analist), total(users.teamleider)
    assert int(teamleider) < int(analist)


def test_the_menu_offers_it_to_those_who_may_open_it(world, users, client_for) -> None:
    url = reverse("hulpvragen:collective_share")
    for role, offered in (("analist", True), ("teamleider", True), ("medewerker", False)):
        home = client_for(getattr(users, role)).get(reverse("accounts:werkomgeving")).content.decode()
        assert (f'href="{url}"' in home) is offered, role


def test_a_bad_month_is_named_in_dutch(world, users, client_for) -> None:
    response = client_for(users.analist).get(reverse("hulpvragen:collective_share"),
                                             {"van": "2026-13", "tot": "2026-10"})
    assert response.status_code == 200
    assert "Vul een maand in als jjjj-mm" in response.content.decode()
