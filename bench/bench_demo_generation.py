# SPDX-License-Identifier: EUPL-1.2
"""How fast the demo generator fills a fresh SQLite database.

    .venv/bin/python bench/run.py demo_generation                    # 100,000 households
    .venv/bin/python bench/run.py demo_generation --scale 1000000    # the 1M figure
    BENCH_SCALE=1000000 .venv/bin/python bench/bench_demo_generation.py

Times generate() alone (not migrate), with the same SQLite bulk settings `demo_gemeente` uses.
"""

from __future__ import annotations

import argparse
import base64
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCALE = 100_000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=int(os.environ.get("BENCH_SCALE", DEFAULT_SCALE)))
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args(argv)


def configure(var_dir: Path) -> None:
    """A throwaway environment: its own database and keys, set before Django reads its settings."""
    os.environ.update(
        WIJKTEAM_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="wijkteam.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKTEAM_FIELD_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )


def main() -> None:
    args = parse_args(sys.argv[1:])
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        configure(Path(tmp))
        import django

        django.setup()
        from django.core.management import call_command
        from django.core.management.base import OutputWrapper

        from wijkteam.demo.generator import generate, sqlite_bulk_mode

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        with sqlite_bulk_mode():
            counts = generate(seed=args.seed, scale=args.scale, stdout=OutputWrapper(sys.stdout))
        seconds = time.perf_counter() - start
        rows = sum(counts.values())
        size_mb = (Path(tmp) / "bench.sqlite3").stat().st_size / 1e6
        print(f"scale          {args.scale:>12,} households (seed {args.seed})")
        for kind in ("huishoudens", "personen", "adressen", "toestemmingen"):
            print(f"{kind:<14} {counts.get(kind, 0):>12,}")
        print(f"rows total     {rows:>12,}")
        print(f"seconds        {seconds:>12.1f}")
        print(f"rows/s         {rows / seconds:>12,.0f}")
        print(f"households/s   {counts.get('huishoudens', 0) / seconds:>12,.0f}")
        print(f"database       {size_mb:>12,.0f} MB")


if __name__ == "__main__":
    main()
