# SPDX-License-Identifier: EUPL-1.2
"""Search performance with 10,000 services behind gunicorn: latency beside raw SQL, and throughput.

    .venv/bin/python bench/bench_search_performance.py                 # SQLite file in a temp dir
    .venv/bin/python bench/bench_search_performance.py --postgres      # also PostgreSQL
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/run.py search_performance

For each engine: a fresh database (PostgreSQL: a new database named wijkteam_bench_<random> on the
server of --postgres-url / DATABASE_URL, dropped afterwards) with N realistic services (the corpus
of bench_search_relevance, bulk-inserted) and its search index; then gunicorn (DEBUG off,
WIJKTEAM_SSL_REDIRECT=0, --workers, bound to 127.0.0.1 on a free port) as a subprocess, and:

(a) single client, keep-alive, sequential: p50/p95 of the HSDS API search
    (/api/hsds/services?search=...), the public search page (/sociale-kaart/zoeken/?q=...) and
    search_ranked() in-process, beside the SAME retrieval SQL run directly on the engine
    (sqlite3 / psycopg, no Django), with the ratio;
(b) throughput: open-loop offered load (requests sent on a fixed schedule, whatever the answers
    do, latency measured from the scheduled moment so queueing counts) from a separate process,
    in rising steps (25, 50, 100, 150, 200, 400 req/s by default, --step-seconds each) of varied queries
    against the public search page and the API; prints p50/p95, achieved rps and errors per step.
    A step whose p95 passes 5 s ends the ladder (the server is saturated; higher steps would only
    queue). The load draws from ~100 distinct everyday queries (the judged relevance set plus the
    list above) with a Zipf distribution: a few popular searches and a long tail, as on a real site.

Both (a) and (b) run twice: with the answer cache OFF (WIJKTEAM_PUBLIC_CACHE_SECONDS=0: every
request runs the search, renders and serialises; the honest cost of a search nobody asked before)
and ON (the default, 60 s per process; see wijkteam/sociale_kaart/answer_cache.py). Single-client
rounds repeat the same 16 queries, so with the cache on they measure cache hits.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import bench_search_relevance as corpus_bench  # noqa: E402

DRAIN_SECONDS = 15.0
# An endpoint slower than this for ONE client cannot carry even the first load step: skip its ladder.
LADDER_MAX_SINGLE_P50 = 1.0

QUERIES = [
    "ik kan mijn huur niet betalen",
    "eenzaam",
    "schuldhulp verlening",
    "eenzaamheid ouderen",
    "hulp bij formulieren invullen",
    "mantelzorg voor mijn moeder zwaar",
    "ik heb schulden en ben somber",
    "taalcursus nederlands",
    "ik zoek werk",
    "geen geld voor boodschappen",
    "burenruzie",
    "shuldhulp",
    "mijn zoon blowt te veel",
    "dagbesteding",
    "thuiszorg",
    "juridisch advies",
]


def load_pool(size: int = 20_000, seed: int = 20261125) -> list[str]:
    """The throughput mix: ~100 distinct queries drawn Zipf-like (rank r has weight 1/r)."""
    import json
    import random

    judged = json.loads((BENCH / "data" / "relevance_judgements.json").read_text(encoding="utf-8"))["queries"]
    distinct = list(dict.fromkeys([*QUERIES, *(q["q"] for q in judged)]))
    rng = random.Random(seed)
    rng.shuffle(distinct)
    weights = [1.0 / (rank + 1) for rank in range(len(distinct))]
    return rng.choices(distinct, weights=weights, k=size)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=int(os.environ.get("BENCH_SEARCH_SERVICES", 10_000)))
    # The production settings (gunicorn.conf.py: 2 x cores + 1 gthread workers, 2 threads each,
    # keep-alive); --workers / --threads override them.
    parser.add_argument("--workers", type=int, default=0, help="default: gunicorn.conf.py")
    parser.add_argument("--threads", type=int, default=0, help="default: gunicorn.conf.py")
    parser.add_argument("--rates", default="25,50,100,150,200,400")
    parser.add_argument("--step-seconds", type=float, default=10.0)
    parser.add_argument("--repeats", type=int, default=6, help="single-client rounds over the query list")
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--only-postgres", action="store_true")
    parser.add_argument("--cache", choices=("both", "off", "on"), default="both", help="answer cache runs")
    parser.add_argument("--kinds", default="page,api", help="endpoints with a throughput ladder")
    return parser.parse_args(argv)


# --- Statistics -------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f}"


# --- Database set-up (runs in a child process: Django can be set up once per process) --------


def prepare_database(database_url: str, var_dir: str, services: int, result: Any) -> None:
    corpus_bench.configure(Path(var_dir), database_url)
    import django

    django.setup()
    from django.core.management import call_command

    from wijkteam.sociale_kaart.search import reindex_all

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    corpus_bench.load_corpus(corpus_bench.build(services))
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    reindex_all()
    indexed = time.perf_counter() - start
    result.put((loaded, indexed))


def measure_in_process(database_url: str, var_dir: str, repeats: int, result: Any) -> None:
    """search_ranked() (what the page runs) and the raw retrieval SQL on the engine, same queries."""
    corpus_bench.configure(Path(var_dir), database_url)
    import django

    django.setup()
    from django.db import connection

    from wijkteam.sociale_kaart.search import SearchQuery, retrieval_sql_for, search_ranked

    statements = {q: retrieval_sql_for(SearchQuery(text=q)) for q in QUERIES}
    raw_connection = open_raw(connection.vendor, connection.settings_dict)
    raw: list[float] = []
    function: list[float] = []
    for _ in range(2):  # warm caches (vocabulary, page cache, plans)
        for q in QUERIES:
            run_raw(raw_connection, connection.vendor, *statements[q])
            search_ranked(SearchQuery(text=q))
    for _ in range(repeats):
        for q in QUERIES:
            start = time.perf_counter()
            run_raw(raw_connection, connection.vendor, *statements[q])
            raw.append(time.perf_counter() - start)
            start = time.perf_counter()
            search_ranked(SearchQuery(text=q))
            function.append(time.perf_counter() - start)
    matches = {}
    for q in QUERIES:
        matches[q] = search_ranked(SearchQuery(text=q)).total
    raw_connection.close()
    settings = {k: connection.settings_dict.get(k) for k in ("NAME", "USER", "PASSWORD", "HOST", "PORT")}
    result.put((raw, function, matches, connection.vendor, statements, settings))


def open_raw(vendor: str, settings: dict[str, Any]) -> Any:
    if vendor == "sqlite":
        import sqlite3

        return sqlite3.connect(settings["NAME"])
    import psycopg

    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
    )


def run_raw(raw_connection: Any, vendor: str, sql: str, params: list[Any]) -> None:
    if vendor == "sqlite":
        cursor = raw_connection.execute(sql.replace("%s", "?"), params)
        cursor.fetchall()
    else:
        with raw_connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()


def cpu_busy(seconds: float = 1.0) -> float:
    """Share of the machine's CPU time that was busy over `seconds` (from /proc/stat)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return idle, sum(fields)

    idle1, total1 = sample()
    time.sleep(seconds)
    idle2, total2 = sample()
    return 1.0 - (idle2 - idle1) / max(1, total2 - total1)


def settle(limit: float = 60.0) -> None:
    """Wait until the machine is quiet (a saturated step leaves queued requests and workers behind):
    a measurement must not pay for the one before it."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if cpu_busy() < 0.15:
                return
        except OSError:  # no /proc: fall back to a fixed pause
            time.sleep(5)
            return


# --- gunicorn ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(env: dict[str, str], port: int, workers: int = 0, *, threads: int = 0) -> subprocess.Popen[bytes]:
    """The app as in production (gunicorn.conf.py), on a free local port; workers/threads override."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "wijkteam.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--backlog",
        "2048",
    ]
    if workers:
        command += ["--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    # The server's own log goes to a file: a pipe nobody reads fills up and blocks the workers.
    log_file = tempfile.NamedTemporaryFile(prefix="wijkteam-bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {Path(log_file.name).read_text(errors='replace')[-2000:]}")
        try:
            status, _ = get(port, "/healthz")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not come up within 60 s")


def get(port: int, path: str, connection: http.client.HTTPConnection | None = None) -> tuple[int, int]:
    own = connection is None
    conn = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "User-Agent": "wijkteam-bench"})
        response = conn.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        if own:
            conn.close()


def urls(kind: str, query: str) -> str:
    encoded = urllib.parse.quote(query)
    if kind == "healthz":
        return "/healthz"
    if kind == "api":
        return f"/api/hsds/services?search={encoded}"
    return f"/sociale-kaart/zoeken/?q={encoded}"


@dataclass
class RawRunner:
    """The retrieval SQL of each query, run on the engine from this process: interleaved with the
    HTTP requests, so the ratio compares the two under the same machine conditions."""

    vendor: str
    settings: dict[str, Any]
    statements: dict[str, tuple[str, list[Any]]]
    connection: Any = None

    def __call__(self, query: str) -> float:
        if self.connection is None:
            self.connection = open_raw(self.vendor, self.settings)
        start = time.perf_counter()
        run_raw(self.connection, self.vendor, *self.statements[query])
        return time.perf_counter() - start

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def single_client(
    port: int, kind: str, repeats: int, raw_runner: RawRunner | None = None
) -> tuple[list[float], int, str, list[float]]:
    """Sequential requests over the query list; with `raw_runner`, each query's raw SQL is timed
    right before its request (returned as the fourth value)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status, _ = get(port, urls(kind, QUERIES[0]), conn)
    if status == 404:
        return [], status, "404: URL not there in this build", []
    timings: list[float] = []
    raw: list[float] = []
    errors = 0
    for _ in range(2):
        for q in QUERIES:
            get(port, urls(kind, q), conn)
            if raw_runner is not None:
                raw_runner(q)
    for _ in range(repeats):
        for q in QUERIES:
            if raw_runner is not None:
                raw.append(raw_runner(q))
            start = time.perf_counter()
            try:
                status, _ = get(port, urls(kind, q), conn)
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 0
            timings.append(time.perf_counter() - start)
            errors += status != 200
    conn.close()
    return timings, errors, "", raw


# --- Open-loop load (separate process) --------------------------------------------------------


@dataclass
class StepResult:
    rate: int
    sent: int
    ok: int
    errors: int
    seconds: float
    latencies: list[float]
    load: float = 0.0  # 1-minute load average after the step: other work on the machine shows here


def load_step(port: int, kind: str, rate: int, seconds: float) -> StepResult:
    """Send `rate` req/s for `seconds` on a fixed schedule; latency counts from the scheduled time."""
    local = threading.local()
    latencies: list[float] = []
    lock = threading.Lock()
    counts = {"ok": 0, "errors": 0}

    def one(path: str, scheduled: float) -> None:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            status, _ = get(port, path, conn)
            good = status == 200
        except (OSError, http.client.HTTPException):
            local.conn.close()
            local.conn = None
            good = False
        elapsed = time.perf_counter() - scheduled
        with lock:
            latencies.append(elapsed)
            counts["ok" if good else "errors"] += 1

    total = int(rate * seconds)
    interval = 1.0 / rate
    mix = load_pool()
    # Enough threads that the pool itself never throttles the offered load (bounded all the same).
    pool = ThreadPoolExecutor(max_workers=min(256, max(16, rate)))
    futures = []
    start = time.perf_counter()
    for n in range(total):
        scheduled = start + n * interval
        delay = scheduled - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        futures.append(pool.submit(one, urls(kind, mix[n % len(mix)]), scheduled))
    # Bounded: what has not even started DRAIN_SECONDS after the schedule ended is dropped and
    # counted as an error (a saturated server would otherwise keep the bench busy for minutes).
    deadline = time.perf_counter() + DRAIN_SECONDS
    while time.perf_counter() < deadline and not all(f.done() for f in futures):
        time.sleep(0.1)
    dropped = sum(1 for f in futures if f.cancel())
    pool.shutdown(wait=True)
    duration = time.perf_counter() - start
    return StepResult(rate, total, counts["ok"], counts["errors"] + dropped, duration, latencies, os.getloadavg()[0])


def load_ladder(port: int, kind: str, rates: list[int], seconds: float, result: Any) -> None:
    steps = []
    for rate in rates:
        step = load_step(port, kind, rate, seconds)
        steps.append(step)
        if pct(step.latencies, 95) > 5.0:
            break
    result.put(steps)


# --- Orchestration ----------------------------------------------------------------------------


def run_child(target: Any, *args: Any) -> Any:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    value = queue.get()
    process.join()
    return value


def bench_engine(label: str, database_url: str, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        print(f"\n=== {label}: {args.services:,} services ===", flush=True)
        loaded, indexed = run_child(prepare_database, database_url, tmp, args.services)
        print(f"bulk load {loaded:.1f} s, search index (reindex_all) {indexed:.1f} s")
        raw, function, matches, vendor, statements, db_settings = run_child(
            measure_in_process, database_url, tmp, args.repeats
        )
        print(
            f"matches per query: min {min(matches.values())}, median {statistics.median(matches.values()):.0f}, "
            f"max {max(matches.values())}"
        )

        env = dict(os.environ)
        corpus_bench.configure(Path(tmp), database_url)
        env.update(os.environ)
        env.update(
            DEBUG="0",
            WIJKTEAM_SSL_REDIRECT="0",
            WIJKTEAM_SECURE_COOKIES="0",
            WIJKTEAM_HSTS_SECONDS="0",
            WIJKTEAM_MANIFEST_STATIC="0",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            LOG_LEVEL="ERROR",
            PYTHONPATH=str(ROOT),
        )
        settings_runs = {"off": "0", "on": "60"}
        for cache in ("off", "on") if args.cache == "both" else (args.cache,):
            env["WIJKTEAM_PUBLIC_CACHE_SECONDS"] = settings_runs[cache]
            serve_and_measure(env, args, raw, function, cache, RawRunner(vendor, db_settings, statements))
        del vendor


def serve_and_measure(
    env: dict[str, str],
    args: argparse.Namespace,
    raw: list[float],
    function: list[float],
    cache: str,
    raw_runner: RawRunner,
) -> None:
    port = free_port()
    server = start_gunicorn(env, port, args.workers, threads=args.threads)
    try:
        shape = f"{args.workers or 'default'} workers x {args.threads or 'default'} threads"
        print(
            f"\n--- answer cache {cache.upper()} --- gunicorn -c gunicorn.conf.py ({shape}) on "
            f"127.0.0.1:{port}; load average {os.getloadavg()[0]:.1f}"
        )
        settle()
        rows = [("raw SQL on the engine", raw, 0, "", raw)]
        rows.append(("search_ranked() in process", function, 0, "", raw))
        single: dict[str, list[float]] = {}
        for kind, title in (
            ("healthz", "/healthz (server floor, no search)"),
            ("api", "HSDS API /api/hsds/services?search="),
            ("page", "page /sociale-kaart/zoeken/?q="),
        ):
            runner = raw_runner if kind != "healthz" else None
            timings, errors, note, beside = single_client(port, kind, args.repeats, runner)
            single[kind] = timings
            if beside:
                rows.append((f"  raw SQL, interleaved with {kind}", beside, 0, "", beside))
            rows.append((title, timings, errors, note, beside or raw))
        raw_runner.close()
        print(f"\n(a) single client, {len(raw)} searches each ({len(QUERIES)} varied queries, repeated)")
        print("    ratios: to the raw SQL timed right before each request (interleaved), else to the first row")
        print(f"{'what':<40} {'p50 ms':>8} {'p95 ms':>8} {'x raw p50':>10} {'x raw p95':>10} {'errors':>7}")
        for title, timings, errors, note, base in rows:
            if not timings:
                print(f"{title:<40} {note}")
                continue
            p50, p95 = pct(timings, 50), pct(timings, 95)
            ratio50, ratio95 = p50 / pct(base, 50), p95 / pct(base, 95)
            print(f"{title:<40} {ms(p50)} {ms(p95)} {ratio50:>10.1f} {ratio95:>10.1f} {errors:>7}")

        rates = [int(r) for r in args.rates.split(",") if r.strip()]
        wanted = {k.strip() for k in args.kinds.split(",")}
        for kind, title in (("page", "public search page"), ("api", "HSDS API search")):
            if kind not in wanted:
                continue
            if not single.get(kind) or pct(single[kind], 50) > LADDER_MAX_SINGLE_P50:
                print(f"\n(b) throughput, {title}: skipped (single-client p50 above {LADDER_MAX_SINGLE_P50:.0f} s)")
                continue
            settle()
            steps = run_child(load_ladder, port, kind, rates, args.step_seconds)
            print(
                f"\n(b) throughput, {title}, open loop, {args.step_seconds:.0f} s per step, "
                "Zipf mix of ~100 distinct queries"
            )
            print(
                f"{'offered rps':>11} {'achieved rps':>12} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7} "
                f"{'sent':>6} {'load':>5}"
            )
            for step in steps:
                achieved = step.ok / max(step.seconds, 1e-9)
                print(
                    f"{step.rate:>11} {achieved:>12.1f} {ms(pct(step.latencies, 50))} "
                    f"{ms(pct(step.latencies, 95))} {step.errors:>7} {step.sent:>6} {step.load:>5.1f}"
                )
    finally:
        # SIGQUIT: gunicorn's quick shutdown; requests still queued from a saturated step are dropped.
        server.send_signal(signal.SIGQUIT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        settle()


def postgres_database(admin_url: str) -> tuple[str, Any]:
    """A fresh database on the server of `admin_url`; returns its URL and a drop function."""
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
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    if not args.only_postgres:
        with tempfile.TemporaryDirectory(prefix="wijkteam-bench-db-") as db_dir:
            bench_engine("SQLite", f"sqlite:///{db_dir}/bench.sqlite3", args)
    if args.postgres or args.only_postgres:
        admin_url = args.postgres_url or "postgres://postgres@127.0.0.1:5432/postgres"
        if not admin_url.startswith("postgres"):
            sys.exit("--postgres needs --postgres-url or a postgres:// DATABASE_URL")
        url, drop = postgres_database(admin_url)
        try:
            bench_engine("PostgreSQL", url, args)
        finally:
            drop()


if __name__ == "__main__":
    main()
