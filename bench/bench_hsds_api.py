# SPDX-License-Identifier: EUPL-1.2
"""HSDS import, export and API speed on a synthetic kaart.

    .venv/bin/python bench/run.py hsds_api                   # 2,000 services
    .venv/bin/python bench/run.py hsds_api --services 10000

Builds a CSV package (organisations, services, locations, addresses, service_at_location, phones,
schedules, taxonomy links), imports it into a fresh SQLite database through the same service function
as the beheerder's page, imports it again (nothing changes), exports it as CSV and JSON, and times the
main API calls with their query counts.
"""

from __future__ import annotations

import argparse
import base64
import csv
import io
import os
import secrets
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NAMESPACE = uuid.UUID("9b0f7d3c-5a4e-4c1b-8d2f-0a6e3b7c1d5e")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=int(os.environ.get("BENCH_SCALE", 2000)))
    return parser.parse_args(argv)


def configure(var_dir: Path) -> None:
    os.environ.update(
        WIJKTEAM_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="wijkteam.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKTEAM_FIELD_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        # Tasks are only queued (as for the db_worker): the import's duplicate scan is timed on its own.
        WIJKTEAM_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        # Every GET does its work: the per-process answer cache would answer repeats from memory.
        WIJKTEAM_PUBLIC_CACHE_SECONDS="0",
        ALLOWED_HOSTS="testserver",
        WIJKTEAM_SSL_REDIRECT="0",
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )


def uid(*parts: Any) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, parts))))


def package(services: int) -> dict[str, bytes]:
    from wijkteam.sociale_kaart.hsds_io.tables import tables
    from wijkteam.sociale_kaart.models import TaxonomyTerm

    terms = list(TaxonomyTerm.objects.filter(code__startswith="LD").values_list("id", flat=True))
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables()}
    organisations = max(1, services // 5)
    for o in range(organisations):
        rows["organization"].append({"id": uid("org", o), "name": f"Stichting {o}", "description": "Welzijn."})
    for n in range(services):
        org = uid("org", n % organisations)
        sid, lid = uid("service", n), uid("location", n)
        rows["service"].append({
            "id": sid, "organization_id": org, "name": f"Aanbod {n}", "status": "active",
            "description": "Hulp bij geldzaken en formulieren.", "assured_date": "2026-11-01", "minimum_age": "18",
        })
        rows["location"].append({
            "id": lid, "location_type": "physical", "organization_id": org, "name": f"Buurthuis {n}",
            "latitude": f"{52.0 + (n % 100) * 0.002:.4f}", "longitude": f"{5.1 + (n // 100 % 100) * 0.002:.4f}",
        })
        rows["address"].append({
            "id": uid("address", n), "location_id": lid, "address_1": f"Havenstraat {n % 200 + 1}",
            "city": "Voorbeeld", "state_province": "Utrecht", "postal_code": f"{3500 + n % 90} AB",
            "country": "NL", "address_type": "physical",
        })
        rows["service_at_location"].append({"id": uid("sal", n), "service_id": sid, "location_id": lid})
        rows["phone"].append({"id": uid("phone", n), "service_id": sid, "number": "030 123 45 67", "type": "voice"})
        rows["schedule"].append({"id": uid("schedule", n), "service_id": sid, "freq": "WEEKLY", "byday": "WE",
                                 "opens_at": "09:00", "closes_at": "12:00"})
        for k in range(2):
            rows["attribute"].append({"id": uid("attribute", n, k), "link_id": sid, "link_entity": "service",
                                      "taxonomy_term_id": str(terms[(n + k) % len(terms)]), "link_type": "topic"})
    files = {}
    for name, table_rows in rows.items():
        if not table_rows:
            continue
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=[c.name for c in tables()[name].columns], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table_rows)
        files[tables()[name].csv_name] = out.getvalue().encode()
    return files


def timed(label: str, func: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<46} {seconds:>8.2f} s")
    return result, seconds


def main() -> None:
    args = parse_args(sys.argv[1:])
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        configure(Path(tmp))
        (Path(tmp) / "static").mkdir()
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from wijkteam.sociale_kaart.hsds_io.exporters import export_csv_package, export_json
        from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
        from wijkteam.sociale_kaart.hsds_io.services import import_raw

        call_command("migrate", verbosity=0)
        files = package(args.services)
        raw = read_csv_files(files)
        print(f"{'services':<46} {args.services:>8,}")
        print(f"{'rows in package':<46} {raw.total:>8,}")
        result, seconds = timed("import (check + write + search index)", lambda: import_raw(raw))
        assert result.ok, [str(p) for p in result.errors[:5]]
        print(f"{'rows/s':<46} {raw.total / seconds:>8,.0f}")
        from wijkteam.sociale_kaart.duplicates import scan_for_duplicates
        from wijkteam.sociale_kaart.models import Service

        sample = list(Service.objects.order_by("id")[:200])
        _open, scan_seconds = timed("duplicate scan of 200 imported services (task)", lambda: scan_for_duplicates(
            sample, source="import"))
        print(f"{'  per service (compares with every name)':<46} {scan_seconds / len(sample) * 1000:>8.0f} ms")
        again, _seconds = timed("import again (nothing changes)", lambda: import_raw(read_csv_files(files)))
        assert again.ok and again.services_changed == 0
        timed("export CSV package (zip)", lambda: export_csv_package(io.BytesIO()))
        timed("export JSON (all full services)", lambda: export_json(io.StringIO()))
        client = Client()
        for label, path, params in [
            ("GET /services?full=true&per_page=50", "/api/hsds/services", {"full": "true", "per_page": 50}),
            ("GET /services?per_page=50", "/api/hsds/services", {"per_page": 50}),
            ("GET /services?minimal=true (all)", "/api/hsds/services", {"minimal": "true"}),
            ("GET /service_at_locations?postcode&proximity", "/api/hsds/service_at_locations",
             {"postcode": "3510 AB", "proximity": "2000"}),
            ("GET /services/{id}", f"/api/hsds/services/{uid('service', 0)}", {}),
        ]:
            best = float("inf")
            for _ in range(3):
                with CaptureQueriesContext(connection) as ctx:
                    start = time.perf_counter()
                    response = client.get(path, params)
                    best = min(best, time.perf_counter() - start)
                assert response.status_code == 200, response.content[:300]
            print(f"{label:<46} {best * 1000:>8.0f} ms  {len(ctx.captured_queries):>3} queries")
        start = time.perf_counter()
        response = client.get("/api/hsds/services", {"format": "ndjson", "full": "true"})
        lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
        seconds = time.perf_counter() - start
        print(f"{'GET /services?format=ndjson&full=true':<46} {seconds:>8.2f} s  {lines:,} lines")


if __name__ == "__main__":
    main()
