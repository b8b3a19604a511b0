# SPDX-License-Identifier: EUPL-1.2
"""The teamleider edits the team's deadlines and routing rules (add, move up/down, delete) on one page that
works without JavaScript; a medewerker, another team's lead, a partner or analist get an audited 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.services import set_totp_secret
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import OutreachInstelling, RoutingRegel

pytestmark = pytest.mark.django_db


def settings_url(team):
    return reverse("vroegsignalering:outreach_settings", args=[team.pk])


def rule_url(team, regel):
    return reverse("vroegsignalering:routing_rule", args=[team.pk, regel.pk])


def rules(team):
    return list(RoutingRegel.objects.filter(team=team).order_by("volgorde").values_list(
        "volgorde", "buurt_id", "medewerker_id"))


def test_add_reorder_and_delete_rules(place, users, client_for):
    client = client_for(users.teamleider)
    url = settings_url(place.team_a)
    assert client.get(url).status_code == 200
    client.post(url, {"form": "regel", "buurt": place.buurt_a.pk, "medewerker": users.medewerker.pk})
    client.post(url, {"form": "regel", "buurt": "", "medewerker": ""})  # the rest: the team pool
    assert rules(place.team_a) == [(1, place.buurt_a.pk, users.medewerker.pk), (2, None, None)]
    page = client.get(url).content.decode()
    assert "Alle andere buurten" in page and "De pool van het team" in page

    second = RoutingRegel.objects.get(volgorde=2)
    client.post(rule_url(place.team_a, second), {"actie": "omhoog"})
    assert rules(place.team_a) == [(1, None, None), (2, place.buurt_a.pk, users.medewerker.pk)]
    client.post(rule_url(place.team_a, second), {"actie": "omlaag"})
    assert rules(place.team_a) == [(1, place.buurt_a.pk, users.medewerker.pk), (2, None, None)]
    client.post(rule_url(place.team_a, RoutingRegel.objects.get(volgorde=1)), {"actie": "verwijderen"})
    assert rules(place.team_a) == [(1, None, None)]
    assert AuditEvent.objects.filter(object_type="vroegsignalering.routingregel", action=Action.DELETE).exists()


def test_a_rule_must_stay_within_the_team(place, users, client_for):
    client = client_for(users.teamleider)
    response = client.post(settings_url(place.team_a), {"form": "regel", "buurt": place.buurt_b.pk,
                                                          "medewerker": users.medewerker_b.pk})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Selecteer een geldige keuze" in page or "geldige keuze" in page
    assert not RoutingRegel.objects.exists()


def test_deadlines_are_saved_with_clear_errors(place, users, client_for):
    client = client_for(users.teamleider)
    url = settings_url(place.team_a)
    response = client.post(url, {"form": "termijnen", "eerste_contact": "3", "eerste_contact_crisis": "5",
                                 "afsluiten": "2"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bij een crisis kan de termijn niet langer zijn" in page
    assert "Afsluiten kan niet eerder dan de eerste contactpoging" in page
    assert not OutreachInstelling.objects.exists()
    client.post(url, {"form": "termijnen", "eerste_contact": "4", "eerste_contact_crisis": "1", "afsluiten": "30"})
    saved = OutreachInstelling.objects.get(team=place.team_a)
    assert (saved.dagen_eerste_contact, saved.dagen_eerste_contact_crisis, saved.dagen_afsluiten) == (4, 1, 30)
    assert saved.gewijzigd_door == users.teamleider
    assert AuditEvent.objects.filter(object_type="vroegsignalering.outreachinstelling", action=Action.UPDATE).exists()


def test_only_the_teams_own_lead(place, users, client_for):
    regel = RoutingRegel.objects.create(team=place.team_a, volgorde=1, buurt=place.buurt_a)
    lead_b = f.UserFactory(username="teamleider_noord", teamleider=True, teams=[place.team_b])
    set_totp_secret(lead_b, TEST_TOTP_KEY)
    for user in (users.medewerker, users.medewerker_b, lead_b, users.partner, users.analist, users.privacy):
        client = client_for(user)
        assert client.get(settings_url(place.team_a)).status_code == 403, user.username
        assert client.post(rule_url(place.team_a, regel), {"actie": "verwijderen"}).status_code == 403
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() == 2
    assert RoutingRegel.objects.filter(pk=regel.pk).exists()
    response = client_for(None).get(settings_url(place.team_a))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
