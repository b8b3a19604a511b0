# SPDX-License-Identifier: EUPL-1.2
"""Another supplier's sociale kaart: the relevance bench's corpus as an HSDS package whose taxonomy
and term ids are its own (bench/bench_search_relevance.py: foreign_package), imported through the
importer the way a beheerder's upload is."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from bench.bench_search_relevance import JUDGEMENTS, CorpusService, build, foreign_package, ground_truth, zipped
from wijkteam.sociale_kaart.hsds_io.services import ImportResult, import_bytes
from wijkteam.sociale_kaart.models import TaxonomyTerm

# The frozen test day (tests/conftest.py FROZEN_NOW).
TODAY = dt.date(2026, 11, 25)
HIDDEN = 12


def package(corpus: list[CorpusService]) -> bytes:
    return zipped(foreign_package(corpus, today=TODAY, hidden=HIDDEN))


def import_corpus(count: int, capture: Any) -> tuple[list[CorpusService], ImportResult]:
    """Import `count` corpus services (plus stale and inactive copies); the index follows on commit."""
    corpus = build(count)
    with capture(execute=True):
        result = import_bytes(package(corpus), "andere-leverancier.zip")
    assert result.errors == [], [str(p) for p in result.errors[:5]]
    return corpus, result


def truth(corpus: list[CorpusService]) -> dict[uuid.UUID, set[str]]:
    return ground_truth(corpus)


def judged_queries() -> list[dict[str, Any]]:
    queries: list[dict[str, Any]] = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))["queries"]
    return queries


def foreign_term(code: str) -> TaxonomyTerm:
    """The other supplier's term for our `code` (its id is derived from our code, see foreign_package)."""
    from bench.bench_search_relevance import FOREIGN_NAMESPACE

    return TaxonomyTerm.objects.get(id=uuid.uuid5(uuid.UUID(FOREIGN_NAMESPACE), f"term/{code}"))
