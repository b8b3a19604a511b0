#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Run the benchmarks: `.venv/bin/python bench/run.py [name ...] [-- bench arguments]`.

Every bench/bench_*.py module exposes `main() -> None` that prints its own figures. Each runs in a
fresh interpreter, because a bench configures Django (database, environment) before
django.setup() and Django can be set up only once per process. Names may be given with or
without the `bench_` prefix; no names runs them all. Arguments after `--` go to every bench.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def discover() -> list[str]:
    return sorted(path.stem for path in BENCH_DIR.glob("bench_*.py"))


def select(requested: list[str], available: list[str]) -> list[str]:
    if not requested:
        return available
    chosen = []
    for name in requested:
        module = name if name.startswith("bench_") else f"bench_{name}"
        if module.endswith(".py"):
            module = module[:-3]
        if module not in available:
            sys.exit(f"Unknown bench {name!r}; available: {', '.join(available)}")
        chosen.append(module)
    return chosen


def run_one(module: str, args: list[str]) -> int:
    code = f"import sys; sys.argv[1:] = {args!r}; import {module}; {module}.main()"
    env_path = f"{BENCH_DIR}:{ROOT}"
    start = time.perf_counter()
    print(f"== {module}", flush=True)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**_environ(), "PYTHONPATH": env_path}, check=False
    )
    print(f"== {module}: exit {result.returncode} after {time.perf_counter() - start:.1f} s", flush=True)
    return result.returncode


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


def main(argv: list[str]) -> int:
    names, args = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    # Options given without `--` (like --scale 1000000) are passed on too, for convenience.
    args = [a for a in names if a.startswith("-") or a.isdigit()] + args
    names = [n for n in names if not (n.startswith("-") or n.isdigit())]
    failures = sum(run_one(module, args) != 0 for module in select(names, discover()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
