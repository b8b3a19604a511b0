# SPDX-License-Identifier: EUPL-1.2
"""A case's weight is what the worker set, else derived (issue 19 item 4): the number of life domains scored 1 or 2
in the household's latest assessment; without one, the number of life domains with a plan goal. 0-1 light,
2-3 medium, 4+ heavy. The rule is said in words on the pages that use it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.casussen.continuiteit import services
from wijkteam.casussen.models import Casus, Gewicht, Levensdomein
from wijkteam.hulpvragen.assessment.services import DomainScore, record_assessment

pytestmark = pytest.mark.django_db


def _weight(casus: Casus) -> tuple[str, bool]:
    return services.effective_weight(services.with_weights(Casus.objects.filter(pk=casus.pk)).get())


def _case(place: Any, users: Any, **kwargs: Any) -> Casus:
    return fc.CasusFactory(team=place.team_a, regisseur=users.medewerker,
                           huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a), **kwargs)


def test_a_set_weight_wins(place: Any, users: Any) -> None:
    casus = _case(place, users, gewicht=Gewicht.ZWAAR)
    assert _weight(casus) == (Gewicht.ZWAAR, False)


def test_derived_from_plan_goals_without_an_assessment(place: Any, users: Any) -> None:
    casus = _case(place, users)
    assert _weight(casus) == (Gewicht.LICHT, True)
    for domein in (Levensdomein.LD01, Levensdomein.LD01, Levensdomein.LD04):  # the same domain counts once
        fc.PlanDoelFactory(plan=casus.plan, levensdomein=domein)
    assert _weight(casus) == (Gewicht.MIDDEL, True)
    for domein in (Levensdomein.LD06, Levensdomein.LD11):
        fc.PlanDoelFactory(plan=casus.plan, levensdomein=domein)
    assert _weight(casus) == (Gewicht.ZWAAR, True)


def test_the_latest_assessment_decides_over_the_plan(place: Any, users: Any) -> None:
    casus = _case(place, users)
    for domein in (Levensdomein.LD01, Levensdomein.LD04, Levensdomein.LD06, Levensdomein.LD11):
        fc.PlanDoelFactory(plan=casus.plan, levensdomein=domein)
    hulpvraag = HulpvraagFactory(persoon=f.PersoonFactory(huishouden=casus.huishouden), team=place.team_a)
    record_assessment(hulpvraag, {"LD01": DomainScore(1), "LD04": DomainScore(2), "LD05": DomainScore(2),
                                  "LD06": DomainScore(1), "LD11": DomainScore(4)},
                      veiligheid="veilig", by=users.medewerker, datum=dt.date(2026, 9, 1))
    assert _weight(casus) == (Gewicht.ZWAAR, True)  # four domains at 1 or 2
    record_assessment(hulpvraag, {"LD01": DomainScore(3), "LD04": DomainScore(2), "LD06": DomainScore(4)},
                      veiligheid="veilig", by=users.medewerker, datum=dt.date(2026, 11, 1))
    assert _weight(casus) == (Gewicht.LICHT, True)  # things improved: one domain left at 2


def test_the_rule_is_on_the_page(place: Any, users: Any, client_for: Any) -> None:
    _case(place, users)
    html = client_for(users.medewerker).get(reverse("casussen:mijn_casussen")).content.decode()
    assert "Licht" in html and "afgeleid" in html
    assert "0 of 1 domein is licht, 2 of 3 is middel, 4 of meer is zwaar" in html
