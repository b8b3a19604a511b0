# SPDX-License-Identifier: EUPL-1.2
"""--reset removes the demo municipality only; another gemeente's rows stay untouched."""

from __future__ import annotations

import pytest

from tests import factories as f
from wijkteam.demo.generator import generate, is_generated
from wijkteam.gebieden.models import Gemeente
from wijkteam.huishoudens.models import Adres, Persoon

from .conftest import SCALE, SEED


@pytest.mark.django_db
def test_reset_leaves_other_municipalities_alone(demo_town: dict[str, int]) -> None:
    elders = f.GemeenteFactory(code="GM0001", naam="Elders")
    wijk = f.WijkFactory(gemeente=elders, code="WK000101", naam="Elders-Centrum")
    buurt = f.BuurtFactory(wijk=wijk, code="BU00010101", naam="Dorp")
    persoon = f.PersoonFactory(
        huishouden__adres__buurt=buurt, huishouden__adres__postcode="9999 ZZ", bsn=f.TEST_BSNS[0]
    )

    counts = generate(seed=SEED, scale=SCALE // 2, reset_first=True)

    assert is_generated()
    assert counts["huishoudens"] == SCALE // 2
    assert Gemeente.objects.filter(code="GM0001").exists()
    assert Adres.objects.filter(buurt=buurt).count() == 1
    assert Persoon.objects.get(pk=persoon.pk).bsn == f.TEST_BSNS[0]
    assert Persoon.objects.count() == counts["personen"] + 1
