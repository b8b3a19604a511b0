# SPDX-License-Identifier: EUPL-1.2
"""A case's weight over time (caseload trends): opening writes the first weight row, and every write path that
changes the weight adds one (by whom, from when); a save that leaves the weight as it was, or is refused, adds
none. An empty weight is "derived from the life domains", kept as such."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories as f
from wijkteam.casussen import services
from wijkteam.casussen.models import Casus, CasusGewichtHistorie, Gewicht

from .support import case_world

pytestmark = pytest.mark.django_db


def _weights(casus: Casus) -> list[tuple[str, Any]]:
    return list(CasusGewichtHistorie.objects.filter(casus=casus).order_by("vanaf", "id")
                .values_list("gewicht", "door"))


def test_every_weight_through_the_services_is_kept(place: Any, users: Any) -> None:
    lead, worker = users.teamleider, users.medewerker
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    casus = services.open_case(household, regisseur=worker, team=place.team_a, by=lead, gewicht=Gewicht.ZWAAR)
    assert _weights(casus) == [(Gewicht.ZWAAR, lead.pk)]

    # The people form with the weight unchanged: no weight row.
    coworker = f.UserFactory(medewerker=True, teams=[place.team_a])
    assert services.update_case_people(casus, regisseur=worker, medewerkers=[coworker], gewicht=Gewicht.ZWAAR,
                                       versie=casus.versie, by=lead)
    assert len(_weights(casus)) == 1

    assert services.update_case_people(casus, regisseur=worker, medewerkers=[coworker], gewicht=Gewicht.MIDDEL,
                                       versie=casus.versie, by=lead)
    assert services.set_weight(casus, None, by=worker)  # back to derived from the domains
    assert not services.set_weight(casus, "", by=worker)  # unchanged: nothing written
    assert _weights(casus) == [(Gewicht.ZWAAR, lead.pk), (Gewicht.MIDDEL, lead.pk), ("", worker.pk)]
    rows = list(CasusGewichtHistorie.objects.filter(casus=casus).order_by("vanaf", "id"))
    assert [row.afgeleid for row in rows] == [False, False, True]
    assert rows[0].vanaf <= rows[1].vanaf <= rows[2].vanaf
    casus.refresh_from_db()
    assert casus.gewicht == ""  # the case holds the latest, the history all


def test_a_refused_change_writes_no_weight_row(place: Any, users: Any) -> None:
    w = case_world(place, users, gewicht=Gewicht.LICHT)
    before = _weights(w.casus)
    assert before == [(Gewicht.LICHT, users.medewerker.pk)]  # as opening writes it
    with pytest.raises(services.StaleVersion):
        services.update_case_people(w.casus, regisseur=users.medewerker, medewerkers=[], gewicht=Gewicht.ZWAAR,
                                    versie=w.casus.versie - 1, by=users.teamleider)
    with pytest.raises(ValidationError):
        services.update_case_people(w.casus, regisseur=users.medewerker, medewerkers=[users.medewerker_b],
                                    gewicht=Gewicht.ZWAAR, versie=w.casus.versie, by=users.teamleider)
    with pytest.raises(ValidationError):
        services.set_weight(w.casus, "loodzwaar", by=users.medewerker)
    assert _weights(w.casus) == before


def test_the_pages_keep_the_weight_at_opening_and_each_change(place: Any, users: Any, client_for: Any) -> None:
    household = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a).huishouden
    client = client_for(users.medewerker)
    opened = client.post(reverse("casussen:casus_openen"), {
        "huishouden": household.pk, "team": place.team_a.pk, "regisseur": users.medewerker.pk, "gewicht": "middel"})
    assert opened.status_code == 302
    casus = Casus.objects.get(huishouden=household)
    url = reverse("casussen:casus_team", args=[casus.pk])

    def people(gewicht: str) -> Any:
        casus.refresh_from_db()
        return client_for(users.teamleider).post(url, {"team-versie": casus.versie,
                                                       "team-regisseur": users.medewerker.pk, "team-reden": "",
                                                       "team-gewicht": gewicht})

    assert people("zwaar").status_code == 302
    assert people("zwaar").status_code == 302  # saved again as it was
    assert people("").status_code == 302
    assert _weights(casus) == [("middel", users.medewerker.pk), ("zwaar", users.teamleider.pk),
                               ("", users.teamleider.pk)]
