# SPDX-License-Identifier: EUPL-1.2
"""The case's status workflow (issue 19 item 1): only the steps of CASUS_TRANSITIONS, each with an append-only
history row; closing needs a reason and an outcome; a closed case can be reopened; only the regisseur and the
team lead change the status; a stale form (the case changed meanwhile) is refused."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import CASUS_TRANSITIONS, Casus, CasusStatus

from .support import case_world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("van", "naar"), [
    (van, naar) for van, naar in itertools.product(CasusStatus.values, CasusStatus.values)
    if naar not in CASUS_TRANSITIONS[van]])
def test_every_step_outside_the_table_is_refused(van: str, naar: str, place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, status=van)
    history = casus.statushistorie.count()
    with pytest.raises(services.TransitionNotAllowed):
        services.change_case_status(casus, naar, by=users.medewerker, sluitreden="anders", uitkomst="onbekend")
    casus.refresh_from_db()
    assert casus.status == van and casus.statushistorie.count() == history


def test_the_page_walks_the_case_through_its_life(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users, aangemeld=True)
    url = reverse("casussen:casus_status", args=[w.casus.pk])
    client = client_for(users.medewerker)

    def post(**data: Any) -> Any:
        w.casus.refresh_from_db()
        return client.post(url, {"versie": w.casus.versie, **data})

    refused = post(actie="status", naar="uitvoering")
    assert refused.status_code == 400
    for step in ("intake", "plan", "uitvoering", "afronding"):
        assert post(actie="status", naar=step).status_code == 302, step
    missing = post(actie="sluiten", **{"sluiten-versie": w.casus.versie})
    assert missing.status_code == 400
    assert "Kies waarom" in missing.content.decode() or "Dit veld is verplicht" in missing.content.decode()
    w.casus.refresh_from_db()
    closed = client.post(url, {"actie": "sluiten", "sluiten-versie": w.casus.versie,
                               "sluiten-sluitreden": "doelen_bereikt", "sluiten-uitkomst": "bereikt",
                               "sluiten-toelichting": "Huur weer op orde."})
    assert closed.status_code == 302
    w.casus.refresh_from_db()
    assert w.casus.status == CasusStatus.AFGESLOTEN and w.casus.gesloten is not None
    assert w.casus.sluitreden == "doelen_bereikt" and w.casus.uitkomst == "bereikt"
    reopened = client.post(url, {"actie": "heropenen", "heropenen-versie": w.casus.versie,
                                 "heropenen-toelichting": "Nieuwe achterstand."})
    assert reopened.status_code == 302
    w.casus.refresh_from_db()
    assert w.casus.status == CasusStatus.HEROPEND and w.casus.gesloten is None and w.casus.sluitreden == ""
    steps = list(w.casus.statushistorie.values_list("van", "naar"))
    assert steps == [("", "aangemeld"), ("aangemeld", "intake"), ("intake", "plan"), ("plan", "uitvoering"),
                     ("uitvoering", "afronding"), ("afronding", "afgesloten"), ("afgesloten", "heropend")]


def test_closing_without_reason_and_outcome_is_refused_by_the_service(place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker)
    with pytest.raises(ValidationError):
        services.close_case(casus, sluitreden="", uitkomst="", by=users.medewerker)
    casus.refresh_from_db()
    assert casus.status == CasusStatus.UITVOERING


def test_reopening_is_refused_while_the_household_has_another_open_case(place: Any, users: Any) -> None:
    old = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, afgesloten=True)
    fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, huishouden=old.huishouden)
    with pytest.raises(services.TransitionNotAllowed):
        services.reopen_case(old, by=users.medewerker)


def test_a_stale_status_form_is_refused(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    stale = w.casus.versie
    services.change_case_status(w.casus, "afronding", by=users.teamleider)
    response = client_for(users.medewerker).post(reverse("casussen:casus_status", args=[w.casus.pk]),
                                                 {"actie": "status", "naar": "uitvoering", "versie": stale})
    assert response.status_code == 400
    assert "intussen gewijzigd" in response.content.decode()
    assert Casus.objects.get(pk=w.casus.pk).status == "afronding"


def test_a_coworker_may_not_change_the_status(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    response = client_for(w.coworker).post(reverse("casussen:casus_status", args=[w.casus.pk]),
                                           {"actie": "status", "naar": "afronding", "versie": w.casus.versie})
    assert response.status_code == 403
    assert Casus.objects.get(pk=w.casus.pk).status == CasusStatus.UITVOERING
