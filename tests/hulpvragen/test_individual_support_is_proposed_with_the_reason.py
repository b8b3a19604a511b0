# SPDX-License-Identifier: EUPL-1.2
"""Individual support is proposed, with the reason, when a score is 1 or 2, when no suitable collective
provision is within reach, or when safety is at stake (the safety question every assessment asks)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wijkteam.hulpvragen.triage.choices import Ondersteuning, Veiligheid
from wijkteam.hulpvragen.triage.services import proposals_for

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db


def _by_code(proposals):
    return {p.code: p for p in proposals}


def test_a_score_of_1_on_huisvesting_proposes_individual_support(place, users, frozen_time):
    provision("Woonspreekuur", ["LD04", "SA01"], km=0.4, free=True)
    index()
    hulpvraag = single_mother(place)
    assessment = assess(hulpvraag, users.medewerker, {"LD04": 1})

    huisvesting = _by_code(proposals_for(hulpvraag, assessment))["LD04"]

    assert huisvesting.naam == "Huisvesting"
    assert huisvesting.advies == Ondersteuning.INDIVIDUEEL
    assert huisvesting.reden == "Score 1 (acute problematiek): individuele ondersteuning is nodig."
    # The collective provision is still shown, for later.
    assert [o.naam for o in huisvesting.options] == ["Woonspreekuur"]


def test_no_collective_provision_within_reach_proposes_individual_support(place, users, frozen_time, settings):
    provision("Woonspreekuur ver weg", ["LD04", "SA01"], km=2.0)
    index()
    settings.WIJKTEAM_TRIAGE_MAX_KM = 1.5  # configurable reach
    hulpvraag = single_mother(place, levensdomeinen=["LD04"])
    assessment = assess(hulpvraag, users.medewerker, {"LD04": 3})

    huisvesting = _by_code(proposals_for(hulpvraag, assessment))["LD04"]

    assert huisvesting.advies == Ondersteuning.INDIVIDUEEL
    assert huisvesting.options == ()
    assert huisvesting.reden == "Geen passend collectief aanbod binnen 1,5 km."

    settings.WIJKTEAM_TRIAGE_MAX_KM = 2.5
    assert _by_code(proposals_for(hulpvraag, assessment))["LD04"].advies == Ondersteuning.COLLECTIEF


@pytest.mark.parametrize(
    ("veiligheid", "advies", "reason"),
    [
        (Veiligheid.ZORGEN, Ondersteuning.BEIDE, "Er zijn zorgen over de veiligheid"),
        (Veiligheid.ACUUT, Ondersteuning.INDIVIDUEEL, "Iemand in het huishouden is nu niet veilig"),
    ],
)
def test_safety_at_stake_adds_individual_support_and_huiselijke_relaties(place, users, frozen_time, veiligheid,
                                                                         advies, reason):
    provision("Inloopspreekuur geldzaken", ["LD01", "SA01"], km=0.5)
    index()
    hulpvraag = single_mother(place, levensdomeinen=["LD01"])
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3}, veiligheid=veiligheid)

    proposals = _by_code(proposals_for(hulpvraag, assessment))

    assert set(proposals) == {"LD01", "LD05"}
    assert proposals["LD01"].advies == advies
    assert reason in proposals["LD01"].reden
    # Nothing collective for Huiselijke relaties nearby: individual support, and the safety reason first.
    assert proposals["LD05"].advies == Ondersteuning.INDIVIDUEEL
    assert proposals["LD05"].redenen[0].startswith(reason)


def test_the_safety_question_must_be_answered(place, users):
    hulpvraag = single_mother(place)
    with pytest.raises(ValidationError) as refused:
        assess(hulpvraag, users.medewerker, {"LD01": 3}, veiligheid="")
    assert refused.value.message_dict["veiligheid"] == ["Beantwoord de vraag over veiligheid."]
    assert not hulpvraag.assessments.exists()
