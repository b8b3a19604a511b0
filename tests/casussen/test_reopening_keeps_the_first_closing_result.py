# SPDX-License-Identifier: EUPL-1.2
"""Every closing keeps its reason and outcome on its status history row (monitoring counts outcomes per period):
reopening empties them on the case, as before, but the history row of the first closing keeps them, and a
second closing gets a row of its own. Rows that are not a closing carry none."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import Casus, CasusStatus, CasusStatusHistorie, Sluitreden, Uitkomst

from .support import case_world

pytestmark = pytest.mark.django_db


def _closings(casus: Casus) -> list[tuple[str, str, str]]:
    return list(casus.statushistorie.filter(naar=CasusStatus.AFGESLOTEN)
                .values_list("sluitreden", "uitkomst", "toelichting"))


def test_the_service_keeps_each_closing_on_its_own_row(place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker)
    by = users.medewerker
    services.close_case(casus, sluitreden=Sluitreden.DOELEN_BEREIKT, uitkomst=Uitkomst.BEREIKT, by=by,
                        toelichting="Huur weer op orde.")
    services.reopen_case(casus, by=by, toelichting="Nieuwe aanmaningen.")
    casus.refresh_from_db()
    assert (casus.sluitreden, casus.uitkomst, casus.sluit_toelichting) == ("", "", "")  # the case's fields: emptied
    assert _closings(casus) == [(Sluitreden.DOELEN_BEREIKT, Uitkomst.BEREIKT, "Huur weer op orde.")]

    services.change_case_status(casus, CasusStatus.UITVOERING, by=by)
    services.close_case(casus, sluitreden=Sluitreden.BEWONER_STOPT, uitkomst=Uitkomst.DEELS, by=by)
    assert _closings(casus) == [(Sluitreden.DOELEN_BEREIKT, Uitkomst.BEREIKT, "Huur weer op orde."),
                                (Sluitreden.BEWONER_STOPT, Uitkomst.DEELS, "")]
    others = casus.statushistorie.exclude(naar=CasusStatus.AFGESLOTEN)
    assert others.count() == 3 and not others.exclude(sluitreden="", uitkomst="").exists()


def test_reason_and_outcome_passed_with_another_step_are_not_kept(place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, status=CasusStatus.PLAN)
    services.change_case_status(casus, CasusStatus.UITVOERING, by=users.medewerker,
                                sluitreden=Sluitreden.ANDERS, uitkomst=Uitkomst.ONBEKEND)
    row = casus.statushistorie.get(naar=CasusStatus.UITVOERING)
    assert (row.sluitreden, row.uitkomst) == ("", "")


def test_the_database_refuses_a_result_on_a_row_that_is_not_a_closing(place: Any, users: Any) -> None:
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker)
    with pytest.raises(IntegrityError), transaction.atomic():
        CasusStatusHistorie.objects.create(casus=casus, van=CasusStatus.UITVOERING, naar=CasusStatus.AFRONDING,
                                           tijdstip=timezone.now(), sluitreden=Sluitreden.ANDERS)


def test_closing_and_reopening_on_the_page_keep_the_first_result(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    url = reverse("casussen:casus_status", args=[w.casus.pk])
    client = client_for(users.medewerker)

    def post(prefix: str, **data: str) -> Any:
        w.casus.refresh_from_db()
        return client.post(url, {"actie": prefix, f"{prefix}-versie": w.casus.versie,
                                 **{f"{prefix}-{k}": v for k, v in data.items()}})

    assert post("sluiten", sluitreden="overgedragen", uitkomst="deels", toelichting="Naar schuldhulp.")\
        .status_code == 302
    assert post("heropenen", toelichting="Bewoner meldt zich opnieuw.").status_code == 302
    w.casus.refresh_from_db()
    assert w.casus.status == CasusStatus.HEROPEND and w.casus.sluitreden == "" and w.casus.uitkomst == ""
    closing = w.casus.statushistorie.get(naar=CasusStatus.AFGESLOTEN)
    assert (closing.sluitreden, closing.uitkomst, closing.door) == ("overgedragen", "deels", users.medewerker)
    assert post("sluiten", sluitreden="geen_contact", uitkomst="onbekend").status_code == 302
    assert [row[:2] for row in _closings(w.casus)] == [("overgedragen", "deels"), ("geen_contact", "onbekend")]
