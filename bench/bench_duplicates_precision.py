# SPDX-License-Identifier: EUPL-1.2
"""Precision and recall of the duplicate scan (wijkteam.sociale_kaart.duplicates).

    .venv/bin/python bench/bench_duplicates_precision.py
    .venv/bin/python bench/run.py duplicates_precision -- --postgres-url postgres://postgres@127.0.0.1:5432/postgres

Two measurements in a throwaway database, both through `scan_for_duplicates`, the scan an import
runs:

1. The labelled records of tests/sociale_kaart/duplicates/labelled_records.json (real pairs and
   hard look-alikes: word-subset names of different organisations, one organisation's services in
   one building, generic one-word names). Precision: share of the pairs found that are real.
   Recall: share of the real pairs the worklist connects (directly or through a third record).
   Target ≥ 0.9 for both.
2. Another supplier's HSDS package (the relevance bench's corpus, bench_search_relevance.py, with
   its own taxonomy ids) imported into an empty database: the real pairs are the stale and inactive
   copies it carries of its own services; everything else found is a false alarm.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=300, help="services in the imported package")
    parser.add_argument("--postgres-url", help="measure on a fresh PostgreSQL database on this server")
    parser.add_argument("--verbose", action="store_true", help="list the wrong and missed pairs")
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args(sys.argv[1:])
    sys.path.insert(0, str(ROOT))
    import bench_search_relevance as relevance

    database_url, drop = relevance.fresh_postgres(args.postgres_url) if args.postgres_url else (None, None)
    try:
        with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
            run(Path(tmp), database_url, args)
    finally:
        if drop is not None:
            drop()


def _report(label: str, found: int, right: int, truth: int, connected: int, seconds: float) -> None:
    precision = right / found if found else 1.0
    recall = connected / truth if truth else 1.0
    print(f"{label:<34} {found:>6} {right:>6} {truth:>6} {precision:>10.3f} {recall:>7.3f} {seconds:>8.2f}")


def run(tmp: Path, database_url: str | None, args: argparse.Namespace) -> None:
    import bench_search_relevance as relevance

    relevance.configure(tmp, database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.sociale_kaart.duplicates.labelled import _connected_pairs, records, scan_and_measure
    from wijkteam.sociale_kaart.duplicates import scan_for_duplicates
    from wijkteam.sociale_kaart.models.werk import DuplicateCandidate

    call_command("migrate", verbosity=0)
    print(f"{connection.vendor}: duplicate scan, precision and recall (target >= 0.9 both)")
    print(f"{'set':<34} {'found':>6} {'right':>6} {'real':>6} {'precision':>10} {'recall':>7} {'seconds':>8}")

    start = time.perf_counter()
    labelled = scan_and_measure(records())
    _report(f"labelled records ({len(records())})", len(labelled.found), len(labelled.found & labelled.truth),
            len(labelled.truth), len(_connected_pairs(labelled.found) & labelled.truth),
            time.perf_counter() - start)

    corpus = relevance.build(args.services)
    relevance.import_foreign_corpus(corpus)  # empties the kaart first
    DuplicateCandidate.objects.all().delete()  # whatever the import's own task recorded: scan again
    start = time.perf_counter()
    scan_for_duplicates()
    seconds = time.perf_counter() - start
    copies = 12  # foreign_package(hidden=12): copy `extra` repeats corpus service `extra % len(corpus)`
    truth = {
        frozenset((str(uuid.UUID(int=len(corpus) + extra + 1)), str(uuid.UUID(int=extra % len(corpus) + 1))))
        for extra in range(copies)
    }
    found = {frozenset((str(a), str(b))) for a, b in DuplicateCandidate.objects.values_list("service_a", "service_b")}
    _report(f"other supplier's package ({len(corpus)}+{copies})", len(found), len(found & truth), len(truth),
            len(_connected_pairs(found) & truth), seconds)

    if args.verbose:
        print("\nlabelled, wrong:", labelled.wrong())
        print("labelled, missed:", labelled.missed())
        names = _names()
        print("package, wrong:", sorted(tuple(sorted(names[i] for i in pair)) for pair in found - truth))


def _names() -> dict[str, Any]:
    from wijkteam.sociale_kaart.models import Service

    return {str(pk): name for pk, name in Service.objects.values_list("id", "name")}


if __name__ == "__main__":
    main()
