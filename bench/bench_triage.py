# SPDX-License-Identifier: EUPL-1.2
"""Triage proposals for one household with 10,000 services on the map: p50/p95, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_triage.py                       # SQLite (a file in a temp dir)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/run.py triage
    .venv/bin/python bench/bench_triage.py --services 10000 --runs 200 --postgres-url postgres://...

Per engine, in a fresh process (Django is set up once per process): a new database (PostgreSQL: a new
database wijkteam_bench_<random> on the server of --postgres-url / DATABASE_URL, dropped afterwards) with
N services of the relevance corpus (bench_search_relevance, bulk-inserted: organisation, location,
address, terms, costs, languages) plus one weekly opening per service, and the search index. Then a
household in the middle of the corpus's town (a mother and a child), a request naming Financiën and
Sociaal netwerk, and an assessment scoring those 3 and Huisvesting 2.

Measured: `proposals_for(hulpvraag, assessment)`, what the triage screen runs: read the household
(address point, wijk, members' ages), one retrieval over the search index for all domains, the ranking in
Python, the shortlisted cards, the reason lines. "Cold": nothing of the proposals is cached between runs
(there is no cache); the engine's page cache is warm after the first run, as on a running server, and the
first run after start is printed apart. Also the worst case: all 13 domains at once.
Target (issue 18 item 7): p95 < 300 ms.

Measured 2026-12-03 on the shared 2-core machine (load average 4-6: eight sessions; wall-clock includes
waiting for a core, the in-process CPU time is the steadier figure), 10,000 services, 200 runs:

    engine      3 domains p50 / p95 (CPU p50)      all 13 domains p50 / p95 (CPU p50)
    SQLite      33-65 ms / 50-124 ms (19-29 ms)    161-280 ms / 329-568 ms (80-115 ms)
    PostgreSQL  57-126 ms / 148-322 ms (19-37 ms)  120-417 ms / 232-764 ms (60-124 ms)

Where the time goes (profile): the one retrieval over the narrow index (every service carrying one of
the domains: ~2,600 rows for 3 domains), building its rows, and the distance per row. On PostgreSQL the
shared retrieval statement sorts all matches by name (twice, with collation) and counts them, which the
triage does not need: a filter-only read of the same columns measured 21 ms against 55 ms (p50, same
load). That read belongs in sociale_kaart.search.backends (not this app's module); see the report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import bench_search_relevance as corpus_bench  # noqa: E402

TARGET_P95_MS = 300.0
DAYS = ("MO", "TU", "WE", "TH", "FR")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--child", choices=("sqlite", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def add_schedules() -> int:
    """One weekly opening per service (a morning, afternoon or evening on a weekday), bulk-inserted."""
    from wijkteam.sociale_kaart.models import Frequency, Schedule, Service, Weekday

    rows = []
    for index, service_id in enumerate(Service.objects.order_by("id").values_list("id", flat=True)):
        opens = (9, 13, 19)[index % 3]
        rows.append(Schedule(service_id=service_id, freq=Frequency.WEEKLY, wkst=Weekday.MO, interval=1,
                             byday=DAYS[index % len(DAYS)], opens_at=dt.time(opens, 0),
                             closes_at=dt.time(opens + 3, 0), description="Wekelijks."))
    Schedule.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def make_household() -> Any:
    """A household in the middle of the corpus's town, with a request and an assessment."""
    from django.utils import timezone

    from wijkteam.accounts.models import Role, Team, User
    from wijkteam.gebieden.models import Buurt, Gemeente, Wijk
    from wijkteam.huishoudens.models import Adres, Huishouden, Persoon
    from wijkteam.hulpvragen.assessment.services import DomainScore, record_assessment
    from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus, Kanaal

    gemeente = Gemeente.objects.create(code="GM0999", naam="Voorbeeld")
    wijk = Wijk.objects.create(gemeente=gemeente, code="WK099901", naam="Centrum")
    buurt = Buurt.objects.create(wijk=wijk, code="BU09990101", naam="Oude Haven", latitude=52.088, longitude=5.125)
    team = Team.objects.create(gemeente=gemeente, naam="Wijkteam Centrum")
    team.wijken.add(wijk)
    worker = User.objects.create_user(username="bench", password="x", role=Role.MEDEWERKER)  # noqa: S106
    team.leden.add(worker)
    adres = Adres.objects.create(postcode="3511AB", huisnummer=12, straat="Havenstraat", woonplaats="Voorbeeld",
                                 buurt=buurt, latitude=52.0885, longitude=5.1262)
    huishouden = Huishouden.objects.create(adres=adres)
    moeder = Persoon.objects.create(huishouden=huishouden, achternaam="Jansen", geboortedatum=dt.date(1992, 5, 1))
    Persoon.objects.create(huishouden=huishouden, achternaam="Jansen", geboortedatum=dt.date(2020, 9, 1))
    now = timezone.now()
    hulpvraag = Hulpvraag.objects.create(
        huishouden=huishouden, persoon=moeder, buurt=buurt, team=team, kanaal=Kanaal.TELEFOON,
        status=HulpvraagStatus.NIEUW, omschrijving="Huurachterstand, voelt zich erg alleen.",
        levensdomeinen=["LD01", "LD11"], ontvangen=now, reactie_uiterlijk=timezone.localdate(now),
    )
    assessment = record_assessment(
        hulpvraag, {"LD01": DomainScore(3), "LD11": DomainScore(3), "LD04": DomainScore(2)},
        veiligheid="veilig", by=worker,
    )
    return hulpvraag, assessment


def child(engine: str, database_url: str, services: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-triage-") as tmp:
        corpus_bench.configure(Path(tmp), database_url or None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from wijkteam.hulpvragen.triage.proposals import Need, propose
        from wijkteam.hulpvragen.triage.services import household_for, proposals_for
        from wijkteam.sociale_kaart.search import reindex_all

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        corpus_bench.load_corpus(corpus_bench.build(services))
        schedules = add_schedules()
        reindex_all()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh statistics, as autovacuum gives a running server
                cursor.execute("ANALYZE")
        print(f"{connection.vendor}: {services} services ({schedules} openings) loaded and indexed in "
              f"{time.perf_counter() - start:.1f} s", flush=True)
        hulpvraag, assessment = make_household()

        start = time.perf_counter()
        first = proposals_for(hulpvraag, assessment)
        first_ms = (time.perf_counter() - start) * 1000
        summary = ", ".join(f"{p.code} {p.advies} ({len(p.options)} opties)" for p in first)
        print(f"  first run after start: {first_ms:.1f} ms -> {summary}")
        if first and first[0].options:
            print(f"  e.g. {first[0].options[0].naam}: {first[0].options[0].reden}")

        wall: list[float] = []
        cpu: list[float] = []
        for _ in range(runs):
            w, c = time.perf_counter(), time.thread_time()
            proposals_for(hulpvraag, assessment)
            cpu.append(time.thread_time() - c)
            wall.append(time.perf_counter() - w)
        report("proposals_for, 3 domains", wall, cpu)

        household = household_for(hulpvraag)
        all_domains = [Need(code=f"LD{i:02d}", niveau=3) for i in range(1, 14)]
        wall, cpu = [], []
        for _ in range(max(20, runs // 4)):
            w, c = time.perf_counter(), time.thread_time()
            propose(household, all_domains)
            cpu.append(time.thread_time() - c)
            wall.append(time.perf_counter() - w)
        report("propose, all 13 domains", wall, cpu)


def report(label: str, wall: list[float], cpu: list[float]) -> None:
    p50, p95 = pct(wall, 50) * 1000, pct(wall, 95) * 1000
    verdict = "OK" if p95 < TARGET_P95_MS else f"OVER the {TARGET_P95_MS:.0f} ms target"
    print(f"  {label}: n={len(wall)} p50 {p50:.1f} ms, p95 {p95:.1f} ms, mean {statistics.mean(wall) * 1000:.1f} ms, "
          f"CPU (this process) p50 {pct(cpu, 50) * 1000:.1f} ms -> {verdict}", flush=True)


def fresh_postgres(admin_url: str) -> tuple[str, Any]:
    """A new database wijkteam_bench_<random> on the server of `admin_url`, and its drop function (this
    parent process has no Django set up, so it drops with psycopg alone)."""
    import secrets
    import urllib.parse

    import psycopg

    parsed = urllib.parse.urlsplit(admin_url)
    name = f"wijkteam_bench_{secrets.token_hex(4)}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return parsed._replace(path=f"/{name}").geturl(), drop


def main() -> None:
    args = parse_args(sys.argv[1:])
    if args.child:
        child(args.child, args.database_url, args.services, args.runs)
        return
    engines: list[tuple[str, str]] = [("sqlite", "")]
    if args.postgres_url.startswith(("postgres://", "postgresql://")):
        engines.append(("postgres", args.postgres_url))
    else:
        print("PostgreSQL: skipped (no postgres:// URL in --postgres-url or DATABASE_URL)")
    failures = 0
    for engine, admin_url in engines:
        drop = None
        url = ""
        if engine == "postgres":
            url, drop = fresh_postgres(admin_url)
        try:
            command = [sys.executable, str(Path(__file__).resolve()), "--child", engine, "--database-url", url,
                       "--services", str(args.services), "--runs", str(args.runs)]
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            failures += subprocess.run(command, cwd=ROOT, env=env, check=False).returncode != 0
        finally:
            if drop is not None:
                drop()
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
