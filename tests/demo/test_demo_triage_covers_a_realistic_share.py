# SPDX-License-Identifier: EUPL-1.2
"""The demo's assessments and triage: a realistic share of the requests past intake is assessed (2-4 domains,
the safety question answered) and triaged (mostly following the proposal, every deviation with its reason),
some re-assessed weeks later; a year of earlier requests went through triage, onwards and closed, spread over
the months; the same seed gives the same decisions; a reset removes them all."""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import pytest
from django.db.models import Count

from wijkteam.demo.generator import generate
from wijkteam.demo.hulpvragen.steps import demo_requests
from wijkteam.hulpvragen.models import (
    Assessment,
    Hulpvraag,
    HulpvraagStatus,
    HulpvraagStatusHistorie,
    TriageBesluit,
)
from wijkteam.hulpvragen.triage.choices import Ondersteuning

SCALE = 800


@pytest.fixture
def town(db: None) -> dict[str, int]:
    return generate(seed=42, scale=SCALE, stdout=io.StringIO())


def snapshot() -> list[tuple[Any, ...]]:
    """The decisions without database ids (those differ after a reset)."""
    return list(
        # Every column compared is in the order: a tie would leave the rows' order to the database.
        TriageBesluit.objects.order_by("tijdstip", "hulpvraag__omschrijving", "domein", "hulpvraag__persoon__bsn_hash",
                                       "niveau", "voorstel", "besluit", "reden").values_list(
            "hulpvraag__persoon__bsn_hash", "domein", "niveau", "voorstel", "besluit", "reden", "tijdstip"
        )
    )


def test_a_realistic_share_is_assessed_triaged_and_moved_on(town: dict[str, int]) -> None:
    # One town for all three checks: generating it is the slow part.
    a_realistic_share_is_assessed_and_triaged(town)
    decisions_mostly_follow_the_proposal_and_every_deviation_has_a_reason()
    earlier_requests_moved_on_and_were_closed()


def a_realistic_share_is_assessed_and_triaged(town: dict[str, int]) -> None:
    requests = demo_requests()
    assessments = Assessment.objects.filter(hulpvraag__in=requests)
    assert town["assessments"] == assessments.values("hulpvraag").distinct().count() > 0
    # Part 1: of the recent open requests past intake, about 70% assessed and 60% of those triaged.
    recent = requests.filter(status__in=[HulpvraagStatus.IN_BEHANDELING, HulpvraagStatus.GETRIEERD])
    assessed = recent.filter(assessments__isnull=False).distinct().count()
    triaged = recent.filter(status=HulpvraagStatus.GETRIEERD).count()
    assert recent.count() >= 5
    assert 0.4 <= assessed / recent.count() <= 0.95
    assert 0 < triaged <= assessed
    # Data minimisation: 2-4 domains per first assessment; the safety question is always answered.
    for assessment in assessments.annotate(n=Count("scores")):
        assert 2 <= assessment.n <= 4
        assert assessment.veiligheid
        assert assessment.datum >= assessment.hulpvraag.ontvangen.date()
    # Re-assessments weeks later show progress on the same domains.
    again = Hulpvraag.objects.annotate(n=Count("assessments")).filter(n__gt=1)
    assert town["herbeoordelingen"] == again.count() > 0
    improved = 0
    for hulpvraag in again:
        first, second = hulpvraag.assessments.order_by("datum", "id")[:2]
        assert (second.datum - first.datum).days >= 28
        before = dict(first.scores.values_list("domein__code", "niveau"))
        after = dict(second.scores.values_list("domein__code", "niveau"))
        assert set(before) == set(after)
        improved += sum(after[c] > before[c] for c in before)
    assert improved > 0


def decisions_mostly_follow_the_proposal_and_every_deviation_has_a_reason() -> None:
    decisions = TriageBesluit.objects.filter(hulpvraag__in=demo_requests())
    total = decisions.count()
    assert total >= 30
    deviating = [d for d in decisions if d.wijkt_af]
    assert 0.05 * total <= len(deviating) <= 0.35 * total
    assert all(d.reden.strip() for d in deviating)
    chosen = Counter(decisions.values_list("besluit", flat=True))
    assert chosen[Ondersteuning.COLLECTIEF] and chosen[Ondersteuning.INDIVIDUEEL] and chosen[Ondersteuning.BEIDE]
    assert chosen[Ondersteuning.TWEEDE_LIJN] or chosen[Ondersteuning.GEEN]
    # Spread over the year, so the page has months to show.
    months = {d.tijdstip.strftime("%Y-%m") for d in decisions}
    assert len(months) >= 6


def earlier_requests_moved_on_and_were_closed() -> None:
    closed = demo_requests().filter(status=HulpvraagStatus.AFGESLOTEN, triagebesluiten__isnull=False).distinct()
    assert closed.exists()
    moved_on = HulpvraagStatusHistorie.objects.filter(hulpvraag__in=closed, naar=HulpvraagStatus.DOORGEZET)
    assert moved_on.exists()
    for hulpvraag in closed:
        steps = list(hulpvraag.historie.order_by("tijdstip", "id").values_list("naar", "tijdstip"))
        # The history reads in order: nieuw, in behandeling, getrieerd, (doorgezet), afgesloten.
        assert [naar for naar, _t in steps][:3] == [HulpvraagStatus.NIEUW, HulpvraagStatus.IN_BEHANDELING,
                                                    HulpvraagStatus.GETRIEERD]
        assert steps[-1][0] == HulpvraagStatus.AFGESLOTEN
        assert hulpvraag.afgesloten == steps[-1][1]


def test_the_same_seed_gives_the_same_decisions_and_a_reset_removes_them(town: dict[str, int]) -> None:
    first = snapshot()
    generate(seed=42, scale=SCALE, stdout=io.StringIO(), reset_first=True)
    second = snapshot()
    assert [row[:-1] for row in first] == [row[:-1] for row in second]
    generate(seed=43, scale=100, stdout=io.StringIO(), reset_first=True)
    assert TriageBesluit.objects.exclude(hulpvraag__in=demo_requests()).count() == 0
    assert Assessment.objects.exclude(hulpvraag__in=demo_requests()).count() == 0
