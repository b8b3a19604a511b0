# SPDX-License-Identifier: EUPL-1.2
"""The demo's year of signals: 3-4 per 1,000 inhabitants per month, health insurers the largest partner
group, zaken in every stage with DDAS results, through the write paths; the same seed gives the same year;
the demo start prints a working API token for the demo signal partner."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from wijkteam.accounts.api_tokens import hash_secret
from wijkteam.accounts.models import ApiToken
from wijkteam.demo.generator import generate
from wijkteam.demo.vroegsignalering.steps import DEMO_MONTHS, DEMO_PARTNER
from wijkteam.demo.vroegsignalering.token import demo_token_lines
from wijkteam.huishoudens.models import Persoon
from wijkteam.vroegsignalering.models import Contactpoging, Signaal, Vroegsignaalzaak, ZaakStatus
from wijkteam.vroegsignalering.rapportage.ddas_export import build_uitwisselmodel, validation_errors

SCALE = 1500


@pytest.fixture
def town(db: None) -> dict[str, int]:
    return generate(seed=42, scale=SCALE, stdout=io.StringIO())


def test_rate_partners_and_stages(town) -> None:
    inhabitants = Persoon.objects.count()
    signals = Signaal.objects.filter(soort="financieel")
    per_1000_per_month = signals.count() / len(DEMO_MONTHS) / inhabitants * 1000
    assert 3.0 <= per_1000_per_month <= 4.0, per_1000_per_month
    by_type = Counter(signals.values_list("partnertype", flat=True))
    insurers = by_type["Zorg"] + by_type["CAK Zorgverzekeringen"]
    assert insurers > max(n for t, n in by_type.items() if t not in ("Zorg", "CAK Zorgverzekeringen"))
    assert {s.month for s in signals.dates("signaaldatum", "month")} == {m.month for m in DEMO_MONTHS}
    statuses = set(Vroegsignaalzaak.objects.values_list("status", flat=True))
    assert {ZaakStatus.GESLOTEN, ZaakStatus.CONTACT_GEZOCHT} <= statuses
    assert statuses & {ZaakStatus.IN_GESPREK, ZaakStatus.NAAR_INTAKE}
    closed = Vroegsignaalzaak.objects.filter(status=ZaakStatus.GESLOTEN)
    assert not closed.filter(eindresultaat="").exists()
    assert closed.filter(hulp_geaccepteerd=True).exists() and closed.filter(hulp_geaccepteerd=False).exists()
    assert Contactpoging.objects.filter(bereikt=True).exists()
    # Received dates lie in the demo year, not on the day the demo was built.
    assert not Vroegsignaalzaak.objects.exclude(ontvangen__range=(DEMO_MONTHS[0], DEMO_MONTHS[-1].replace(day=28))
                                                ).exists()
    document = build_uitwisselmodel(DEMO_MONTHS[0], DEMO_MONTHS[-1].replace(day=30))
    assert validation_errors(document) == []


def test_the_same_seed_gives_the_same_year(town) -> None:
    first = list(Signaal.objects.order_by("signaaldatum", "partnertype", "bedrag")
                 .values_list("signaaldatum", "partnertype", "bedrag"))
    generate(seed=42, scale=SCALE, stdout=io.StringIO(), reset_first=True)
    again = list(Signaal.objects.order_by("signaaldatum", "partnertype", "bedrag")
                 .values_list("signaaldatum", "partnertype", "bedrag"))
    assert first == again and first


def test_the_demo_start_prints_a_fresh_token(town) -> None:
    lines = demo_token_lines()
    secret = next(line.split("Bearer ")[1] for line in lines if "Bearer " in line)
    token = ApiToken.objects.get(hash=hash_secret(secret))
    assert token.organisatie.naam == DEMO_PARTNER and token.ingetrokken_op is None
    second = next(line.split("Bearer ")[1] for line in demo_token_lines() if "Bearer " in line)
    token.refresh_from_db()
    assert second != secret and token.ingetrokken_op is not None
