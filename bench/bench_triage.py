# SPDX-License-Identifier: EUPL-1.2
"""Triage proposals for one household with 10,000 services on the map: cold, p50/p95, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_triage.py                       # SQLite (a file in a temp dir)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/run.py triage
    .venv/bin/python bench/bench_triage.py --services 10000 --runs 200 --cold-starts 5 --postgres-url postgres://...
    .venv/bin/python bench/bench_triage.py --gc-freeze           # as a server that calls gc.freeze() after start

Per engine a new database (PostgreSQL: wijkteam_bench_<random> on the server of --postgres-url /
DATABASE_URL, dropped afterwards) with N services of the relevance corpus (bench_search_relevance,
bulk-inserted: organisation, location, address, terms, costs, languages), one weekly opening per service
and the search index; a household in the middle of the corpus's town (a mother and a child), a request
naming Financiën and Sociaal netwerk, and an assessment scoring those 3 and Huisvesting 2.

Three kinds of process, so that "cold" means cold:
1. a loader (migrate, corpus, index, household; ANALYZE on PostgreSQL) that measures nothing;
2. --cold-starts - 1 fresh processes that set Django up, open the database connection (timed apart: a
   request has it open before the view runs), read the request and its assessment, and time their FIRST
   `proposals_for`: nothing of the app is warm (the proposals keep no cache; the translation catalogue,
   the taxonomy names and the connection's statement and page caches are first used here). The OS page
   cache (SQLite's file) and PostgreSQL's shared buffers are warm from the loading, as on a running server;
3. the measuring process: its own first call (one more cold figure), then 200 warm calls of
   `proposals_for` (3 domains: what the triage screen runs) and 50 of `propose` for all 13 domains.
Beside the wall clock, the CPU time of this process (thread_time): the machine is shared, so the wall
clock includes waiting for a core. PostgreSQL's own work is in its server process, not in that figure.
Target (issue 18 item 7): p95 < 300 ms.

What one call does: read the household (point, wijk, members' ages); ONE filter-only read of the narrow
search index for all domains (sociale_kaart.search.candidates_for_domains: visibility, age, doelgroep and
"not individual support alone" in SQL, no sort, no count, rows streamed from the cursor; the distance to
the nearest location in Python, dropping what is out of reach); the rank value per candidate and one sort;
a walk down the sorted list until every domain has its shortlist; one read of the shortlisted cards; the
reason lines. Two queries of the index whatever the number of domains.

Measured 2026-12-03, 10,000 services, the shared 2-core machine (other sessions' load varied: the load
average is given per run). ms, wall p50 / p95 (CPU of this process p50 / p95); cold: min / median / max
over 5 fresh processes.

    load ~1.3, this code         3 domains                 all 13 domains            cold (3 domains)
    SQLite                       16.5 / 20.8 (16.5 / 20.8)   36.2 / 87.8 (36.2 / 87.8)  16.3 / 19.4 / 26.2
    PostgreSQL                   23.0 / 27.0 (13.9 / 16.4)   57.4 / 67.4 (41.2 / 49.1)  29.0 / 30.6 / 33.1
    load ~1.5, the code before (commit d9fc26e: the shared retrieval statement, ordered and counted)
    SQLite                       40.7 / 51.8 (CPU p50 40.1)  116.6 / 216.8 (115.6)      (first run 39.8)
    PostgreSQL                   41.6 / 116.7 (24.3)         131.2 / 246.5 (100.7)      (first run 47.6)
    load 3.5-4.2, this code
    SQLite                       43.2 / 73.4 (20.0 / 23.3)   84.7 / 325.7 (45.9 / 106.4)  32.5 / 48.5 / 65.1
    PostgreSQL                   20.0 / 28.7 (12.0 / 15.3)   48.6 / 62.0 (36.2 / 43.3)   18.5 / 26.9 / 62.7
    load 2.9-3.8, this code, --gc-freeze
    SQLite                       21.4 / 45.7 (19.9 / 22.2)   57.4 / 105.0 (44.1 / 56.1)  13.9 / 26.0 / 50.2
    PostgreSQL                   16.3 / 26.3 (9.4 / 12.8)    45.2 / 111.5 (26.5 / 36.4)  16.9 / 19.7 / 23.4
    load ~0.8, this code
    SQLite                       11.5 / 16.2 (11.5 / 16.2)   34.1 / 75.6 (34.1 / 75.5)  12.3 / 14.0 / 21.3
    PostgreSQL                   20.2 / 24.1 (12.7 / 15.2)   42.8 / 59.9 (32.3 / 45.3)  20.5 / 25.6 / 27.9
    load 5.5, the first version of this change (de85d95: rows fetched in one list, a tuple per candidate)
    SQLite                       42.9 / 65.7 (17.2 / 20.9)   122.1 / 278.4 (49.2 / 109.4)  191 / 223 / 248
    PostgreSQL                   45.1 / 73.3 (12.2 / 14.9)   90.6 / 238.0 (25.4 / 86.5)   51.8 / 60.1 / 71.3
    (its SQLite cold calls each met the process's first full garbage collection: CPU 79 ms, see below)
The request the triage screen runs (3 domains) is far under the target on both engines, cold and warm.
All 13 domains at once (the worst case, rare in practice) stays under it except when the machine is
heavily shared: its wall p95 under load is the CPU p95 (~100 ms, with a full garbage collection) times
the wait for a core (SQLite at load ~4: 326 ms). The next lever, not taken: numeric point columns in the
narrow table and a box prefilter in SQL (a migration); on this corpus (a town of 5 x 7.5 km, 3 km of
reach) the box would keep ~70 % of the rows, so it was not worth its schema change here.

Where the time goes now (13 domains, SQLite, CPU): the read ~15-20 ms (~6,000 rows; SQLite's per-row
cost in the driver is most of it: even `SELECT rid` of 10,000 rows takes 12 ms here), the distances
~7 ms, the rank values and sort ~7 ms, cards and reasons ~8 ms. On PostgreSQL the read's server side is
3-5 ms (a sequential scan of the 6.5 MB narrow table: at 30-90 % of the rows matching, the planner
rightly skips the GIN index, and a GIN prefilter saved ~2 ms for 3 domains only, so no new index or
migration); codes are matched with strpos/instr, because LIKE '% LD01 %' cost 15 ms there against 5.
The p95 tail is Python's garbage collector: a full collection of a Django process (~100,000 objects)
cost 60-170 ms on this machine and came every 10-20 calls of the 13-domain case; the code keeps few
live objects per call (streamed rows, two sorts on strings and floats), and `gc.freeze()` after start
(--gc-freeze; a server setting, not this code's) takes the full collections down to ~2 ms.
Ranked as before: on this corpus the proposals (options, order, distances, reason lines) of this code
equal those of the code before, on both engines, for 13 domains with and without a point, a language,
doelgroepen, another wijk, and 3 and 0.5 km of reach (compared as JSON; tests/hulpvragen cover the rest).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import secrets
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
KEYS = ("SECRET_KEY", "WIJKTEAM_FIELD_KEYS", "WIJKTEAM_HASH_KEY")
DAYS = ("MO", "TU", "WE", "TH", "FR")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--cold-starts", type=int, default=5, help="fresh processes timing their first call")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() after Django is set up, as a server may do after start (see the docstring)")
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--child", choices=("load", "cold", "measure"), help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    parser.add_argument("--var-dir", default="", help=argparse.SUPPRESS)
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


def setup_django(var_dir: str, database_url: str) -> None:
    """Django on the bench database, with the keys the parent made (every child reads the same data)."""
    corpus_bench.configure(Path(var_dir), database_url or None)
    os.environ.update({k: os.environ[f"BENCH_TRIAGE_{k}"] for k in KEYS if f"BENCH_TRIAGE_{k}" in os.environ})
    import django

    django.setup()
    if os.environ.get("BENCH_TRIAGE_GC_FREEZE"):
        import gc

        gc.collect()
        gc.freeze()


def load(services: int) -> None:
    """Child 1: the database, the corpus, the index and the household. Measures nothing."""
    from django.core.management import call_command
    from django.db import connection

    from wijkteam.sociale_kaart.search import reindex_all

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    corpus_bench.load_corpus(corpus_bench.build(services))
    schedules = add_schedules()
    reindex_all()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics, as autovacuum gives a running server
            cursor.execute("ANALYZE")
    make_household()
    print(f"{connection.vendor}: {services} services ({schedules} openings) loaded and indexed in "
          f"{time.perf_counter() - start:.1f} s", flush=True)


def first_call() -> tuple[float, float, float, Any]:
    """In a process that has only set Django up: open the connection (timed apart: a request has one
    open before the view runs), then the first proposals_for. Returns (connect ms, wall ms, CPU ms, result)."""
    from django.db import connection

    from wijkteam.hulpvragen.models import Hulpvraag
    from wijkteam.hulpvragen.triage.services import latest_assessment, proposals_for

    start = time.perf_counter()
    connection.ensure_connection()
    connect_ms = (time.perf_counter() - start) * 1000
    hulpvraag = Hulpvraag.objects.select_related("huishouden__adres__buurt__wijk", "buurt__wijk", "persoon").get()
    assessment = latest_assessment(hulpvraag)
    w, c = time.perf_counter(), time.thread_time()
    result = proposals_for(hulpvraag, assessment)
    return connect_ms, (time.perf_counter() - w) * 1000, (time.thread_time() - c) * 1000, result


def cold() -> None:
    """A cold-start child: one first call, printed as a machine-readable line for the parent."""
    connect_ms, wall_ms, cpu_ms, _result = first_call()
    print(f"COLD {connect_ms:.2f} {wall_ms:.2f} {cpu_ms:.2f}", flush=True)


def measure(runs: int) -> None:
    """The measuring child: its own first call (cold), then `runs` warm calls for 3 and for 13 domains."""
    from django.db import connection

    from wijkteam.hulpvragen.models import Hulpvraag
    from wijkteam.hulpvragen.triage.proposals import Need, propose
    from wijkteam.hulpvragen.triage.services import household_for, latest_assessment, proposals_for

    connect_ms, wall_ms, cpu_ms, first = first_call()
    print(f"COLD {connect_ms:.2f} {wall_ms:.2f} {cpu_ms:.2f}", flush=True)
    summary = ", ".join(f"{p.code} {p.advies} ({len(p.options)} opties)" for p in first)
    print(f"  {connection.vendor}: {summary}")
    if first and first[0].options:
        print(f"  e.g. {first[0].options[0].naam}: {first[0].options[0].reden}")
    hulpvraag = Hulpvraag.objects.get()
    assessment = latest_assessment(hulpvraag)

    load_before = os.getloadavg()
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        w, c = time.perf_counter(), time.thread_time()
        proposals_for(hulpvraag, assessment)
        cpu.append(time.thread_time() - c)
        wall.append(time.perf_counter() - w)
    report("proposals_for, 3 domains, warm", wall, cpu, load_before)

    household = household_for(hulpvraag)
    all_domains = [Need(code=f"LD{i:02d}", niveau=3) for i in range(1, 14)]
    load_before = os.getloadavg()
    wall, cpu = [], []
    for _ in range(max(20, runs // 4)):
        w, c = time.perf_counter(), time.thread_time()
        propose(household, all_domains)
        cpu.append(time.thread_time() - c)
        wall.append(time.perf_counter() - w)
    report("propose, all 13 domains, warm", wall, cpu, load_before)


def report(label: str, wall: list[float], cpu: list[float], load_before: tuple[float, float, float]) -> None:
    p50, p95 = pct(wall, 50) * 1000, pct(wall, 95) * 1000
    verdict = "OK" if p95 < TARGET_P95_MS else f"OVER the {TARGET_P95_MS:.0f} ms target"
    print(f"  {label}: n={len(wall)} p50 {p50:.1f} ms, p95 {p95:.1f} ms, mean {statistics.mean(wall) * 1000:.1f} ms; "
          f"CPU in this process p50 {pct(cpu, 50) * 1000:.1f} ms, p95 {pct(cpu, 95) * 1000:.1f} ms; "
          f"load average {load_before[0]:.1f} -> {os.getloadavg()[0]:.1f} -> {verdict}", flush=True)


def report_cold(engine: str, lines: list[str]) -> None:
    """The first call of each fresh process (the measuring one included): min, median and max."""
    values = [tuple(float(v) for v in line.split()[1:]) for line in lines]
    if not values:
        print("  cold: no figures (a child failed)")
        return
    connect, wall, cpu = ([v[i] for v in values] for i in range(3))
    worst = max(wall)
    verdict = "OK" if worst < TARGET_P95_MS else f"OVER the {TARGET_P95_MS:.0f} ms target"
    print(f"  {engine} cold, first call after process start (3 domains), {len(values)} processes: wall min "
          f"{min(wall):.1f} / median {statistics.median(wall):.1f} / max {worst:.1f} ms; CPU median "
          f"{statistics.median(cpu):.1f} ms; connecting before it: median {statistics.median(connect):.1f} ms; "
          f"load average {os.getloadavg()[0]:.1f} -> {verdict}", flush=True)


def fresh_postgres(admin_url: str) -> tuple[str, Any]:
    """A new database wijkteam_bench_<random> on the server of `admin_url`, and its drop function (this
    parent process has no Django set up, so it drops with psycopg alone)."""
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


def run_child(role: str, url: str, var_dir: str, args: argparse.Namespace, env: dict[str, str]) -> tuple[int, str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", role, "--database-url", url,
               "--var-dir", var_dir, "--services", str(args.services), "--runs", str(args.runs)]
    done = subprocess.run(command, cwd=ROOT, env=env, check=False, capture_output=True, text=True)
    for line in done.stdout.splitlines():
        if not line.startswith("COLD "):
            print(line, flush=True)
    if done.returncode:
        print(done.stderr[-3000:], file=sys.stderr)
    return done.returncode, done.stdout


def main() -> None:
    args = parse_args(sys.argv[1:])
    if args.child:
        setup_django(args.var_dir, args.database_url)
        {"load": lambda: load(args.services), "cold": cold, "measure": lambda: measure(args.runs)}[args.child]()
        return
    engines: list[tuple[str, str]] = [("sqlite", "")]
    if args.postgres_url.startswith(("postgres://", "postgresql://")):
        engines.append(("postgres", args.postgres_url))
    else:
        print("PostgreSQL: skipped (no postgres:// URL in --postgres-url or DATABASE_URL)")
    # The same keys for every child of a run: the loader writes what the measuring children read.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"BENCH_TRIAGE_SECRET_KEY": secrets.token_urlsafe(50),
                "BENCH_TRIAGE_WIJKTEAM_FIELD_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
                "BENCH_TRIAGE_WIJKTEAM_HASH_KEY": secrets.token_urlsafe(32)})
    if args.gc_freeze:
        env["BENCH_TRIAGE_GC_FREEZE"] = "1"
        print("gc.freeze() after Django setup in the measuring processes")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    failures = 0
    for engine, admin_url in engines:
        drop = None
        url = ""
        if engine == "postgres":
            url, drop = fresh_postgres(admin_url)
        try:
            with tempfile.TemporaryDirectory(prefix="wijkteam-bench-triage-") as var_dir:
                code, _out = run_child("load", url, var_dir, args, env)
                failures += code != 0
                if code:
                    continue
                cold_lines: list[str] = []
                for _ in range(max(0, args.cold_starts - 1)):
                    code, out = run_child("cold", url, var_dir, args, env)
                    failures += code != 0
                    cold_lines += [line for line in out.splitlines() if line.startswith("COLD ")]
                code, out = run_child("measure", url, var_dir, args, env)
                failures += code != 0
                cold_lines += [line for line in out.splitlines() if line.startswith("COLD ")]
                report_cold(engine, cold_lines)
        finally:
            if drop is not None:
                drop()
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
