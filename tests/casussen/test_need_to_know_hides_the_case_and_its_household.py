# SPDX-License-Identifier: EUPL-1.2
"""Need to know (issue 19 item 6): a case and its household's personal data are for the regisseur, the
co-workers and the team lead. A medewerker of the same team outside the case gets 403, audited, on the case
page AND on the household and person pages of its members (the wijk grant alone would show them). Partners,
analisten and the privacy officer never open a case; the privacy officer still sees the household (for a
data-subject request). Once the case is closed, the household is the team's again."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen import services

from .support import case_world

pytestmark = pytest.mark.django_db


def _pages(w: Any) -> dict[str, str]:
    return {
        "casus": reverse("casussen:casus_detail", args=[w.casus.pk]),
        "plan": reverse("casussen:plan_edit", args=[w.casus.pk]),
        "pdf": reverse("casussen:plan_pdf", args=[w.casus.pk]),
        "huishouden": reverse("huishoudens:household_detail", args=[w.casus.huishouden_id]),
        "ouder": reverse("huishoudens:person_detail", args=[w.ouder.pk]),
        "kind": reverse("huishoudens:person_detail", args=[w.kind.pk]),
    }


def test_regisseur_coworker_and_team_lead_see_the_case_and_household(place: Any, users: Any,
                                                                     client_for: Any) -> None:
    w = case_world(place, users)
    for user in (users.medewerker, w.coworker, users.teamleider):
        client = client_for(user)
        for name, url in _pages(w).items():
            assert client.get(url).status_code == 200, (user.username, name)


def test_a_medewerker_of_the_team_outside_the_case_is_refused_everywhere(place: Any, users: Any,
                                                                         client_for: Any) -> None:
    w = case_world(place, users)
    client = client_for(w.outsider)
    for name, url in _pages(w).items():
        before = AuditEvent.objects.filter(action=Action.DENIED, user_id=w.outsider.pk).count()
        response = client.get(url)
        assert response.status_code == 403, name
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=w.outsider.pk).count() == before + 1, name
    # The refusal names the household, so it shows up in the resident's own trail.
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=w.outsider.pk,
                                     household_id=w.casus.huishouden_id).count() >= 4
    # Nothing of the household leaked into the 403 pages.
    body = client.get(_pages(w)["casus"]).content.decode()
    assert "Bakker" not in body and str(w.casus.huishouden.adres.straat) not in body


def test_the_outsider_still_sees_other_residents_of_the_wijk(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    neighbour = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client = client_for(w.outsider)
    assert client.get(reverse("huishoudens:person_detail", args=[neighbour.pk])).status_code == 200
    response = client.get(reverse("huishoudens:person_search"), {"q": "Bakker"})
    assert "Samira" not in response.content.decode()


@pytest.mark.parametrize("role", ["medewerker_b", "partner", "analist", "privacy", "beheerder"])
def test_other_roles_never_open_a_case(role: str, place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    user = getattr(users, role)
    client = client_for(user)
    for name in ("casus", "plan", "pdf"):
        assert client.get(_pages(w)[name]).status_code == 403, name
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()


def test_anonymous_goes_to_the_login_page(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    response = client_for(None).get(_pages(w)["casus"])
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_the_privacy_officer_keeps_seeing_the_household(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    client = client_for(users.privacy)
    assert client.get(_pages(w)["huishouden"]).status_code == 200
    assert client.get(_pages(w)["ouder"]).status_code == 200


def test_after_closing_the_household_is_the_teams_again_but_the_case_is_not(place: Any, users: Any,
                                                                            client_for: Any) -> None:
    w = case_world(place, users)
    services.close_case(w.casus, sluitreden="doelen_bereikt", uitkomst="bereikt", by=users.medewerker)
    client = client_for(w.outsider)
    assert client.get(_pages(w)["huishouden"]).status_code == 200
    assert client.get(_pages(w)["casus"]).status_code == 403


def test_a_regisseur_sees_the_household_also_after_it_moved_out_of_the_wijk(place: Any, users: Any,
                                                                            client_for: Any) -> None:
    w = case_world(place, users)
    adres = w.casus.huishouden.adres
    adres.buurt = place.buurt_b
    adres.save()
    assert client_for(users.medewerker).get(_pages(w)["ouder"]).status_code == 200
    # ... and the other team, whose wijk it now is, does not: the case is open.
    assert client_for(users.medewerker_b).get(_pages(w)["ouder"]).status_code == 403
