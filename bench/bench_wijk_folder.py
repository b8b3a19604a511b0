# SPDX-License-Identifier: EUPL-1.2
"""How long and how thick the wijk folder "Wat is er in mijn wijk?" is, per wijk of the demo.

    .venv/bin/python bench/run.py wijk_folder
    .venv/bin/python bench/bench_wijk_folder.py --database var/wijkteam.sqlite3   # an existing demo

Builds the demo gemeente (its sociale kaart is the same at any household scale) in a throwaway
SQLite database, then for every wijk times the folder as the view makes it (query + layout +
ReportLab PDF), warm (best of three), and counts its services and PDF pages (pypdf). Also one
levensdomein per wijk. The target of issue 16: a few pages, under a second.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_demo_generation import configure

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="an existing SQLite demo database (read only)")
    parser.add_argument("--households", type=int, default=200)
    return parser.parse_args(argv)


def measure() -> None:
    import pypdf
    from django.utils import timezone

    from wijkteam.gebieden.models import Wijk
    from wijkteam.sociale_kaart.public import leaflet_pdf
    from wijkteam.sociale_kaart.public.views import build_folder

    # CPU seconds beside wall-clock ones: on a shared machine the wall clock also counts waiting.
    print(f"{'wijk':<24} {'topic':<6} {'services':>8} {'pages':>6} {'seconds':>8} {'cpu s':>8}")
    for wijk in Wijk.objects.select_related("gemeente").order_by("code"):
        for domain in (None, "LD11"):
            timings, cpu = [], []
            for _attempt in range(3):
                start, start_cpu = time.perf_counter(), time.process_time()
                folder = build_folder(wijk, domain, online_url="https://kaart.voorbeeld.test/w", now=timezone.now(),
                                      more_url="https://kaart.voorbeeld.test/zoeken/")
                data = leaflet_pdf.render_pdf(folder)
                timings.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
            print(f"{wijk.naam:<24} {domain or 'alle':<6} {folder.count:>8} {pages:>6} "
                  f"{min(timings):>8.3f} {min(cpu):>8.3f}")


def main() -> None:
    args = parse_args(sys.argv[1:])
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        configure(Path(tmp))
        if args.database:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.database).resolve()}"
        import django

        django.setup()
        if not args.database:
            from django.core.management import call_command

            from wijkteam.demo.generator import generate, sqlite_bulk_mode

            call_command("migrate", verbosity=0)
            with sqlite_bulk_mode():
                generate(scale=args.households)
        measure()


if __name__ == "__main__":
    main()
