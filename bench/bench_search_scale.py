# SPDX-License-Identifier: EUPL-1.2
"""Search retrieval at regional scale: 10,000 and 100,000 services, SQLite and PostgreSQL, cold.

    .venv/bin/python bench/bench_search_scale.py                              # 10k and 100k, both engines
    .venv/bin/python bench/bench_search_scale.py --services 100000 --engines sqlite
    .venv/bin/python bench/bench_search_scale.py --keep /var/tmp/search-scale  # build once, reuse after

For each engine and size: a database with N services of the relevance corpus (bench_search_relevance,
bulk-inserted) and its search index (reindex_all). Then, in a fresh process, every distinct query of
the judged relevance set plus the everyday list of bench_search_performance (87 queries), one
warm-up round and --repeats measured rounds, each query timed as:

- retrieval SQL: the exact statement search_ranked() runs (retrieval_sql_for), on Django's
  connection, rows fetched: what the issue calls the retrieval; wall-clock, and the CPU time the
  engine spent on it (SQLite: this thread's CPU time; PostgreSQL: the server backend's on-CPU
  time from /proc/<pid>/schedstat, when the server runs on this machine). On a shared machine
  the CPU figure is the steadier one: wall-clock includes waiting for a core;
- search_ranked(): the whole search as the page runs it without its answer cache (understanding,
  retrieval, re-rank): "cold" means no answer cache; the engine's own page cache is warm (the
  warm-up round), as on a server that has been running for a while;
- full-text match only: the same match counted, without scores, filters or sort (the floor any
  plan on this engine pays; PostgreSQL: GIN bitmap scan; SQLite: FTS5 doclists).

--keep DIR keeps the databases (SQLite files in DIR, PostgreSQL databases wijkteam_search_scale_<N>)
so a later run (after a code change) measures the same corpus; migrations run first, so a new
migration is applied to the kept database. Without --keep everything is thrown away.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import bench_search_relevance as corpus_bench  # noqa: E402
from bench_search_performance import QUERIES, pct, prepare_database, run_child  # noqa: E402

TARGET_P95_MS = 25.0


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", default=os.environ.get("BENCH_SCALE_SERVICES", "10000,100000"))
    parser.add_argument("--engines", default="sqlite,postgres")
    parser.add_argument("--repeats", type=int, default=3, help="measured rounds over the query list")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--keep", default="", help="directory in which to keep (and reuse) the databases")
    return parser.parse_args(argv)


def queries() -> list[str]:
    judged = json.loads((BENCH / "data" / "relevance_judgements.json").read_text(encoding="utf-8"))["queries"]
    return list(dict.fromkeys([*QUERIES, *(q["q"] for q in judged)]))


# --- Child processes (Django can be set up once per process) ---------------------------------


def measure(database_url: str, var_dir: str, repeats: int, result: Any) -> None:
    corpus_bench.configure(Path(var_dir), database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from wijkteam.sociale_kaart.search import SearchQuery, match_only_sql_for, retrieval_sql_for, search_ranked

    call_command("migrate", verbosity=0)
    texts = queries()
    statements = {q: retrieval_sql_for(SearchQuery(text=q)) for q in texts}
    floors = {q: match_only_sql_for(SearchQuery(text=q)) for q in texts}
    timings: dict[str, list[float]] = {
        "retrieval SQL": [],
        "retrieval SQL, engine CPU": [],
        "search_ranked()": [],
        "full-text match only": [],
    }
    engine_clock = cpu_clock(connection)
    worst: dict[str, float] = {}
    totals: dict[str, int] = {}

    def run(sql: str, params: list[Any]) -> tuple[float, float]:
        with connection.cursor() as cursor:
            cpu = engine_clock()
            start = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            return time.perf_counter() - start, engine_clock() - cpu

    for round_ in range(repeats + 1):
        for q in texts:
            sql_seconds, sql_cpu = run(*statements[q])
            floor_seconds = run(*floors[q])[0] if floors[q][0] else 0.0
            start = time.perf_counter()
            totals[q] = search_ranked(SearchQuery(text=q)).total
            ranked_seconds = time.perf_counter() - start
            if round_ == 0:
                continue  # warm-up: vocabulary, the engine's page cache, plans
            timings["retrieval SQL"].append(sql_seconds)
            timings["retrieval SQL, engine CPU"].append(sql_cpu)
            timings["search_ranked()"].append(ranked_seconds)
            timings["full-text match only"].append(floor_seconds)
            worst[q] = max(worst.get(q, 0.0), sql_seconds)
    slowest = sorted(worst.items(), key=lambda item: -item[1])[:5]
    result.put((connection.vendor, timings, totals, [(q, s, totals[q]) for q, s in slowest]))


def cpu_clock(connection: Any) -> Any:
    """Seconds of CPU the engine has used so far, for the connection's queries (NaN if unknown)."""
    if connection.vendor == "sqlite":
        return time.thread_time  # SQLite runs in this thread
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    stat = Path(f"/proc/{pid}/schedstat")

    def backend_cpu() -> float:
        try:
            return int(stat.read_text().split()[0]) / 1e9
        except OSError:  # the server runs elsewhere
            return float("nan")

    return backend_cpu


# --- Databases --------------------------------------------------------------------------------


def postgres_database(admin_url: str, name: str) -> tuple[str, bool]:
    """The URL of database `name` on the server of `admin_url`, created if missing; True if it existed."""
    import psycopg

    parsed = urllib.parse.urlsplit(admin_url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return parsed._replace(path=f"/{name}").geturl(), exists


def drop_postgres(admin_url: str, name: str) -> None:
    import psycopg

    admin = urllib.parse.urlsplit(admin_url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_one(engine: str, services: int, args: argparse.Namespace, work_dir: Path) -> None:
    label = f"{'SQLite' if engine == 'sqlite' else 'PostgreSQL'}, {services:,} services"
    print(f"\n=== {label} ===", flush=True)
    marker = work_dir / f"search-scale-{engine}-{services}.built"
    admin_url = args.postgres_url or "postgres://postgres@127.0.0.1:5432/postgres"
    name = f"wijkteam_search_scale_{services}" if args.keep else f"wijkteam_search_scale_{os.getpid()}_{services}"
    if engine == "sqlite":
        url = f"sqlite:///{work_dir / f'search-scale-{services}.sqlite3'}"
    else:
        url, existed = postgres_database(admin_url, name)
        if existed and not marker.exists():  # a build that did not finish: start again
            drop_postgres(admin_url, name)
            url, _ = postgres_database(admin_url, name)
    try:
        if marker.exists():
            print("database kept from an earlier run (--keep): not rebuilt")
        else:
            if engine == "sqlite":
                Path(urllib.parse.urlsplit(url).path[1:]).unlink(missing_ok=True)
            loaded, indexed = run_child(prepare_database, url, str(work_dir), services)
            print(f"bulk load {loaded:.1f} s, search index (reindex_all) {indexed:.1f} s")
            marker.touch()
        _vendor, timings, totals, slowest = run_child(measure, url, str(work_dir), args.repeats)
        counts = list(totals.values())
        print(
            f"{len(counts)} distinct queries x {args.repeats} rounds; matches per query: median "
            f"{statistics.median(counts):,.0f}, max {max(counts):,}"
        )
        print(f"{'what':<26} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for what, values in timings.items():
            print(f"{what:<26} {pct(values, 50) * 1000:8.1f} {pct(values, 95) * 1000:8.1f} {max(values) * 1000:8.1f}")
        for what in ("retrieval SQL", "retrieval SQL, engine CPU"):
            p95 = pct(timings[what], 95) * 1000
            verdict = "meets" if p95 <= TARGET_P95_MS else "misses"
            print(f"{what} p95 {p95:.1f} ms {verdict} the target of {TARGET_P95_MS:.0f} ms")
        print("slowest queries (retrieval SQL, worst round):")
        for q, seconds, total in slowest:
            print(f"  {seconds * 1000:7.1f} ms  {total:>7,} matches  {q!r}")
    finally:
        if not args.keep:
            marker.unlink(missing_ok=True)
            if engine == "postgres":
                drop_postgres(admin_url, name)


def main() -> None:
    args = parse_args(sys.argv[1:])
    sizes = [int(s) for s in args.services.split(",") if s.strip()]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    if args.keep:
        work_dir = Path(args.keep)
        work_dir.mkdir(parents=True, exist_ok=True)
        for engine in engines:
            for services in sizes:
                bench_one(engine, services, args, work_dir)
        return
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-scale-") as tmp:
        for engine in engines:
            for services in sizes:
                bench_one(engine, services, args, Path(tmp))


if __name__ == "__main__":
    main()
