# SPDX-License-Identifier: EUPL-1.2
"""Marking absence, the redistribution and the caseload page are the team lead's, for their own team only
(issue 19 item 5): a medewerker gets 403 (audited), another team's team lead 403 (audited), a partner or analist
403, anonymous the login page. A refused apply writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from tests.casussen.continuiteit_support import leaving_team
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.services import set_totp_secret
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Afwezigheid, Casus, Overdracht

pytestmark = pytest.mark.django_db


def _lead_b(place: Any) -> Any:
    lead = f.UserFactory(username="teamleider_noord", teamleider=True, teams=[place.team_b])
    set_totp_secret(lead, TEST_TOTP_KEY)
    return lead


def test_a_medewerker_may_not_mark_absence_or_apply(place: Any, users: Any, client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    client = client_for(users.medewerker)
    for name, args in [("afwezigheden", []), ("herverdeling", [afwezigheid.pk]), ("belasting", [])]:
        assert client.get(reverse(f"casussen:{name}", args=args)).status_code == 403
    response = client.post(reverse("casussen:afwezigheden"), {"medewerker": team.leaver.pk, "soort": "ziek",
                                                             "vanaf": "2026-12-01"})
    assert response.status_code == 403
    data = {"casussen": ",".join(str(c.pk) for c in team.cases)} | {f"naar_{c.pk}": users.medewerker.pk
                                                                    for c in team.cases}
    assert client.post(reverse("casussen:herverdeling", args=[afwezigheid.pk]), data).status_code == 403
    assert Afwezigheid.objects.count() == 1
    assert Casus.objects.filter(regisseur=team.leaver).count() == len(team.cases)
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker.pk).count() == 5


def test_another_team_s_lead_is_refused(place: Any, users: Any, client_for: Any) -> None:
    team = leaving_team(place)
    afwezigheid = fc.AfwezigheidFactory(medewerker=team.leaver, team=place.team_a)
    lead_b = _lead_b(place)
    client = client_for(lead_b)
    assert client.get(reverse("casussen:herverdeling", args=[afwezigheid.pk])).status_code == 403
    data = {"casussen": ",".join(str(c.pk) for c in team.cases)} | {f"naar_{c.pk}": team.anna.pk
                                                                    for c in team.cases}
    assert client.post(reverse("casussen:herverdeling", args=[afwezigheid.pk]), data).status_code == 403
    for name in ("afwezigheden", "belasting", "teambord"):
        assert client.get(reverse(f"casussen:{name}") + f"?team={place.team_a.pk}").status_code == 403
    assert client.post(reverse("casussen:afwezigheden"), {"team": place.team_a.pk, "medewerker": team.leaver.pk,
                                                          "soort": "vertrek", "vanaf": "2026-12-01"}).status_code == 403
    assert not Overdracht.objects.exists() and Afwezigheid.objects.count() == 1
    denied = AuditEvent.objects.filter(action=Action.DENIED, user_id=lead_b.pk)
    assert denied.filter(object_type="casussen.afwezigheid", object_id=str(afwezigheid.pk)).count() == 2
    assert denied.filter(object_type="accounts.team").count() == 4
    # Their own team's page works: the refusal is about the team, not the role.
    assert client.get(reverse("casussen:afwezigheden")).status_code == 200


def test_a_team_lead_cannot_pick_a_worker_of_another_team_as_absent(place: Any, users: Any,
                                                                    client_for: Any) -> None:
    response = client_for(users.teamleider).post(reverse("casussen:afwezigheden"), {
        "medewerker": users.medewerker_b.pk, "soort": "ziek", "vanaf": "2026-12-01"})
    assert response.status_code == 400
    assert "Kies een medewerker van het team" in response.content.decode()
    assert not Afwezigheid.objects.exists()


@pytest.mark.parametrize("role", ["partner", "analist", "privacy", "beheerder"])
def test_other_roles_are_refused(place: Any, users: Any, client_for: Any, role: str) -> None:
    afwezigheid = fc.AfwezigheidFactory(medewerker=users.medewerker, team=place.team_a)
    client = client_for(getattr(users, role))
    for name, args in [("afwezigheden", []), ("herverdeling", [afwezigheid.pk]), ("belasting", []),
                       ("mijn_casussen", []), ("teambord", [])]:
        assert client.get(reverse(f"casussen:{name}", args=args)).status_code == 403, name


def test_anonymous_goes_to_the_login_page(place: Any, client: Any) -> None:
    for name in ("afwezigheden", "belasting", "mijn_casussen", "teambord"):
        response = client.get(reverse(f"casussen:{name}"))
        assert response.status_code == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL))
