# SPDX-License-Identifier: EUPL-1.2
"""The scan after an import prefilters names with rapidfuzz (NameIndex) instead of scoring every
pair in Python; it must find exactly what comparing every pair finds."""

from __future__ import annotations

import random

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.duplicates import NAME_WITH_EVIDENCE, NameIndex, find_duplicates_of, name_score
from wijkteam.sociale_kaart.models import Service

pytestmark = pytest.mark.django_db

WORDS = [
    "taalcafe", "taal", "cafe", "de", "brug", "voedselbank", "schuldhulp", "schuldhulpverlening", "buurthuis",
    "centrum", "noord", "zuid", "oost", "west", "maatje", "maatjesproject", "inloop", "geldzaken", "spreekuur",
    "repaircafe", "mantelzorg", "steunpunt", "jongeren", "ouderen", "1", "2", "het", "anker", "stichting",
    "voedselbnak", "taal-cafe", "buurt", "huis", "wijk", "team", "hulp", "bij", "geld",
]


def _names(count: int) -> list[str]:
    rng = random.Random(20261125)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).title() for _ in range(count)]


def test_the_prefilter_never_drops_a_pair_that_could_match():
    names = _names(400)
    index = NameIndex((i, n) for i, n in enumerate(names))  # type: ignore[misc]
    close = 0
    for name in names[:120]:
        kept = {n for _i, n in index.similar(name)}
        assert len(kept) < len(set(names))  # it does filter
        for other in names:
            if name_score(name, other) >= NAME_WITH_EVIDENCE:
                close += 1
                assert other in kept, (name, other, name_score(name, other))
    assert close > 120  # more than each name matching itself


def test_scan_results_equal_the_pairwise_results():
    for name in [*_names(60), "Taalcafé De Brug", "Taal café de Brug", "Voedselbank", "Voedselbank Utrecht",
                 "Schuldhulp", "Schuldhulpverlening", "Buurthuis Centrum", "Buurthuis Noord"]:
        ServiceFactory(name=name, terms=["LD01"])
    index = NameIndex(Service.objects.values_list("id", "name"))
    found = 0
    for service in Service.objects.all():
        pairwise = [(m.obj.pk, m.score) for m in find_duplicates_of(service)]
        indexed = [(m.obj.pk, m.score) for m in find_duplicates_of(service, names=index)]
        assert indexed == pairwise, service.name
        found += len(pairwise)
    assert found >= 6  # the planted look-alikes, at least
