# SPDX-License-Identifier: EUPL-1.2
"""Concurrent searches against gunicorn (threads, as in production): no 5xx, and every answer equals
the answer the same query gets when asked alone.

    .venv/bin/python bench/bench_concurrent_search.py                 # SQLite, 3,000 searches, 32 clients
    .venv/bin/python bench/bench_concurrent_search.py --postgres      # also PostgreSQL

Why: the Snowball stemmer keeps its working word on the object; one stemmer shared by a worker's
threads gave 500s (IndexError in find_among_b) and wrong stems under 50 concurrent clients. Equal
answers under load prove the stems are right end to end (a wrong stem finds other services).
The answer cache is OFF, so every request runs the search.

Prints: requests, clients, errors by status, answers that differ from the reference, wall time, rps.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import bench_search_performance as perf  # noqa: E402


def answer(conn: http.client.HTTPConnection, kind: str, query: str) -> tuple[int, str]:
    """(status, a fingerprint of the answer: the ordered service ids, or the result names on the page)."""
    encoded = urllib.parse.quote(query)
    if kind == "api":
        path = f"/api/hsds/services?search={encoded}&per_page=20"
    else:
        path = f"/sociale-kaart/zoeken/?q={encoded}"
    conn.request("GET", path, headers={"Host": "127.0.0.1", "User-Agent": "wijkteam-bench"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        return response.status, ""
    if kind == "api":
        return 200, ",".join(item["id"] for item in json.loads(body)["contents"])
    # The page: the ordered service links are what a resident sees.
    text = body.decode("utf-8", "replace")
    return 200, ",".join(part.split('"', 1)[0] for part in text.split('href="/sociale-kaart/aanbod/')[1:])


def run(port: int, requests: int, clients: int) -> None:
    pool = perf.load_pool(requests)
    distinct = sorted(set(pool))
    reference: dict[tuple[str, str], str] = {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for query in distinct:
        for kind in ("api", "page"):
            status, fingerprint = answer(conn, kind, query)
            if status != 200:
                raise SystemExit(f"reference request failed: {status} for {kind} {query!r}")
            reference[(kind, query)] = fingerprint
    conn.close()
    print(f"reference answers: {len(reference)} ({len(distinct)} distinct queries x page/API), asked one at a time")

    statuses: collections.Counter[int] = collections.Counter()
    differ: list[tuple[str, str]] = []
    lock = threading.Lock()
    work = [("api" if i % 2 else "page", q) for i, q in enumerate(pool)]
    chunks = [work[i::clients] for i in range(clients)]

    def client(chunk: list[tuple[str, str]]) -> None:
        own = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for kind, query in chunk:
            try:
                status, fingerprint = answer(own, kind, query)
            except (OSError, http.client.HTTPException):
                own.close()
                own = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status, fingerprint = -1, ""
            with lock:
                statuses[status] += 1
                if status == 200 and fingerprint != reference[(kind, query)]:
                    differ.append((kind, query))
        own.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as executor:
        list(executor.map(client, chunks))
    wall = time.perf_counter() - start
    errors = sum(n for s, n in statuses.items() if s != 200)
    print(f"concurrent: {len(work)} searches from {clients} clients in {wall:.1f} s ({len(work) / wall:.0f}/s)")
    print(f"statuses: {dict(sorted(statuses.items()))}; non-200: {errors}; 5xx: "
          f"{sum(n for s, n in statuses.items() if s >= 500)}")
    print(f"answers different from the one-at-a-time reference: {len(differ)}"
          + (f" e.g. {differ[:3]}" if differ else ""))


def bench_engine(label: str, database_url: str, args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        print(f"\n=== {label}: {args.services:,} services ===", flush=True)
        perf.run_child(perf.prepare_database, database_url, tmp, args.services)
        env = dict(os.environ)
        perf.corpus_bench.configure(Path(tmp), database_url)
        env.update(os.environ)
        env.update(DEBUG="0", WIJKTEAM_SSL_REDIRECT="0", WIJKTEAM_SECURE_COOKIES="0", WIJKTEAM_HSTS_SECONDS="0",
                   WIJKTEAM_MANIFEST_STATIC="0", ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="ERROR",
                   PYTHONPATH=str(perf.ROOT), WIJKTEAM_PUBLIC_CACHE_SECONDS="0")
        port = perf.free_port()
        server = perf.start_gunicorn(env, port)
        try:
            run(port, args.requests, args.clients)
        finally:
            server.send_signal(signal.SIGQUIT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=3_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; gunicorn -c gunicorn.conf.py (gthread workers)")
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-db-") as db_dir:
        bench_engine("SQLite", f"sqlite:///{db_dir}/bench.sqlite3", args)
    if args.postgres:
        url, drop = perf.postgres_database(args.postgres_url or "postgres://postgres@127.0.0.1:5432/postgres")
        try:
            bench_engine("PostgreSQL", url, args)
        finally:
            drop()


if __name__ == "__main__":
    main()
