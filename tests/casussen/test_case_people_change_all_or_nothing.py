# SPDX-License-Identifier: EUPL-1.2
"""Who works on a case (regisseur, co-workers, weight) changes in one step: all of it or nothing. The form
carries the case's version, so two team leads cannot silently overwrite each other; a refused part leaves
the regisseur as it was. Only the regisseur and the team lead change it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories as f
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.services import set_totp_secret
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen import services
from wijkteam.casussen.models import Gewicht, RegisseurHistorie

from .support import World, case_world

pytestmark = pytest.mark.django_db


def _url(w: World) -> str:
    return reverse("casussen:casus_team", args=[w.casus.pk])


def _form(*, regisseur: Any, medewerkers: list[Any], gewicht: str = "", reden: str = "", versie: int) -> dict:
    return {"team-regisseur": regisseur.pk, "team-medewerkers": [u.pk for u in medewerkers],
            "team-gewicht": gewicht, "team-reden": reden, "team-versie": versie}


def _second_lead(place: Any) -> Any:
    lead = f.UserFactory(username="teamleider2", teamleider=True, teams=[place.team_a])
    set_totp_secret(lead, TEST_TOTP_KEY)
    return lead


def test_regisseur_coworkers_and_weight_are_saved_as_one_new_version(place: Any, users: Any,
                                                                      client_for: Any) -> None:
    w = case_world(place, users)
    versie = w.casus.versie
    page = client_for(users.teamleider).get(reverse("casussen:casus_detail", args=[w.casus.pk]))
    assert f'name="team-versie" value="{versie}"' in page.content.decode()
    response = client_for(users.teamleider).post(_url(w), _form(
        regisseur=w.outsider, medewerkers=[w.coworker, users.medewerker], gewicht=Gewicht.ZWAAR,
        reden="Regisseur gaat met verlof", versie=versie))
    assert response.status_code == 302
    w.casus.refresh_from_db()
    assert w.casus.regisseur == w.outsider and w.casus.gewicht == Gewicht.ZWAAR
    assert set(w.casus.medewerkers.all()) == {w.coworker, users.medewerker}
    assert w.casus.versie == versie + 1  # one change, one version
    assert RegisseurHistorie.objects.filter(casus=w.casus, regisseur=w.outsider, vorige=users.medewerker,
                                            reden="Regisseur gaat met verlof").count() == 1
    audit = AuditEvent.objects.filter(action=Action.UPDATE, object_type="casussen.casus", object_id=str(w.casus.pk))
    assert audit.count() == 1 and audit.get().household_id == w.casus.huishouden_id


def test_the_second_of_two_team_leads_is_refused_and_overwrites_nothing(place: Any, users: Any,
                                                                        client_for: Any) -> None:
    w = case_world(place, users)
    shown = w.casus.versie  # both leads opened the page at this version
    first = client_for(users.teamleider).post(_url(w), _form(
        regisseur=w.outsider, medewerkers=[w.coworker], reden="Vaste regisseur ziek", versie=shown))
    assert first.status_code == 302
    second = client_for(_second_lead(place)).post(_url(w), _form(
        regisseur=users.medewerker, medewerkers=[], gewicht=Gewicht.LICHT, reden="Terug naar de vaste regisseur",
        versie=shown))
    assert second.status_code == 409
    assert "Iemand anders heeft deze casus intussen gewijzigd" in second.content.decode()
    w.casus.refresh_from_db()
    assert w.casus.regisseur == w.outsider and w.casus.gewicht == ""
    assert list(w.casus.medewerkers.all()) == [w.coworker]
    # The page shows the case as it is now, so a second try starts from the current version.
    assert f'name="team-versie" value="{w.casus.versie}"' in second.content.decode()


def test_a_refused_coworker_leaves_the_regisseur_as_it_was(place: Any, users: Any, client_for: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    w = case_world(place, users)
    versie = w.casus.versie
    check = services._check_team_worker

    def left_the_team_meanwhile(user: Any, team: Any, field: str) -> None:
        # The co-worker leaves the team between the form's check and the service's (another lead's change).
        if field == "medewerkers" and user == w.coworker:
            raise ValidationError({field: "Collega is geen medewerker van het team."})
        check(user, team, field)

    monkeypatch.setattr(services, "_check_team_worker", left_the_team_meanwhile)
    response = client_for(users.teamleider).post(_url(w), _form(
        regisseur=w.outsider, medewerkers=[w.coworker], gewicht=Gewicht.ZWAAR, reden="Verlof", versie=versie))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Collega is geen medewerker van het team." in body
    assert 'aria-invalid="true"' in body and 'id="id_team-medewerkers-error"' in body
    w.casus.refresh_from_db()
    assert w.casus.regisseur == users.medewerker and w.casus.versie == versie and w.casus.gewicht == ""
    assert not RegisseurHistorie.objects.filter(casus=w.casus, regisseur=w.outsider).exists()
    assert not AuditEvent.objects.filter(action=Action.UPDATE, object_type="casussen.casus").exists()


def test_the_service_refuses_a_stale_version_and_a_regisseur_outside_the_team(place: Any, users: Any) -> None:
    w = case_world(place, users)
    versie = w.casus.versie
    with pytest.raises(services.StaleVersion):
        services.update_case_people(w.casus, regisseur=w.outsider, medewerkers=[], gewicht="", versie=versie - 1,
                                    by=users.teamleider, reden="Verlof")
    with pytest.raises(ValidationError) as refused:
        services.update_case_people(w.casus, regisseur=users.medewerker_b, medewerkers=[], gewicht="",
                                    versie=versie, by=users.teamleider, reden="Verlof")
    assert "regisseur" in refused.value.message_dict
    w.casus.refresh_from_db()
    assert w.casus.regisseur == users.medewerker and w.casus.versie == versie
    assert list(w.casus.medewerkers.all()) == [w.coworker]


def test_saving_the_same_people_writes_nothing(place: Any, users: Any) -> None:
    w = case_world(place, users)
    versie = w.casus.versie
    changed = services.update_case_people(w.casus, regisseur=users.medewerker, medewerkers=[w.coworker],
                                          gewicht="", versie=versie, by=users.teamleider)
    assert changed is False
    w.casus.refresh_from_db()
    assert w.casus.versie == versie
    assert not AuditEvent.objects.filter(action=Action.UPDATE, object_type="casussen.casus").exists()


def test_the_regisseur_is_never_also_a_coworker(place: Any, users: Any) -> None:
    w = case_world(place, users)
    services.update_case_people(w.casus, regisseur=w.coworker, medewerkers=[w.coworker, users.medewerker],
                                gewicht="", versie=w.casus.versie, by=users.teamleider, reden="Overdracht")
    w.casus.refresh_from_db()
    assert w.casus.regisseur == w.coworker and list(w.casus.medewerkers.all()) == [users.medewerker]


@pytest.mark.parametrize("who", ["outsider", "coworker", "medewerker_b", "partner", "analist"])
def test_only_the_regisseur_and_team_lead_change_who_works_on_it(who: str, place: Any, users: Any,
                                                                 client_for: Any) -> None:
    w = case_world(place, users)
    user = getattr(w, who, None) or getattr(users, who)
    response = client_for(user).post(_url(w), _form(regisseur=user if who == "coworker" else users.medewerker,
                                                    medewerkers=[], reden="Ik neem het over",
                                                    versie=w.casus.versie))
    assert response.status_code == 403
    w.casus.refresh_from_db()
    assert w.casus.regisseur == users.medewerker and list(w.casus.medewerkers.all()) == [w.coworker]


def test_anonymous_goes_to_the_login_page(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    response = client_for(None).post(_url(w), _form(regisseur=users.medewerker, medewerkers=[],
                                                    versie=w.casus.versie))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
