# SPDX-License-Identifier: EUPL-1.2
"""The demo municipality "Gemeente Voorbeeld": one deterministic run of ordered steps.

`generate(seed, scale, stdout)` runs every registered step inside one transaction, so a demo is
either there completely or not at all; that is what makes `demo_gemeente` safely idempotent.

Extending: a later capability (sociale kaart, signals, cases, referrals) adds a `demo_steps.py` to
its own app that calls `register(Step(...))` with an `order` after the built-in steps:

    from wijkteam.demo.generator import DemoContext, Step, register

    def run(ctx: DemoContext) -> None: ...          # create its rows; ctx.rng("signalen") etc.
    def reset(ctx: DemoContext) -> None: ...        # delete them again (runs before earlier steps')

    register(Step(name="signalen", order=50, run=run, reset=reset))

Each step draws from its own random stream (`ctx.rng(name)`, `ctx.faker(name)`), so adding or
changing one step never changes what the other steps generate for the same seed.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

import structlog
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from faker import Faker

from wijkteam.gebieden.models import Gemeente

log = structlog.get_logger(__name__)

GEMEENTE_CODE = "GM0999"
GEMEENTE_NAAM = "Gemeente Voorbeeld"
WOONPLAATS = "Voorbeeld"
DEFAULT_SEED = 42
DEFAULT_SCALE = 5000
# "Today" for the generated world (ages, consent dates). Fixed, so the same seed gives the same
# birth dates next year too; only the created-at columns carry the real clock.
REFERENCE_DATE = dt.date(2026, 1, 1)


class Output(Protocol):
    """Anything with write(str): Django's OutputWrapper, sys.stdout, io.StringIO."""

    def write(self, text: str, /) -> object: ...


class _Silent:
    def write(self, text: str, /) -> object:
        return None


@dataclass
class DemoContext:
    """What every step gets: the seed, the size, an output for progress and shared counts."""

    seed: int
    scale: int
    out: Output
    # One clock reading for all created-at columns, so a run is internally consistent.
    now: dt.datetime = field(default_factory=timezone.now)
    counts: dict[str, int] = field(default_factory=dict)

    def rng(self, stream: str) -> random.Random:
        # A string seed is hashed with SHA-512 by random.Random: stable across processes and
        # Python runs, unlike hash(), which PYTHONHASHSEED randomises.
        return random.Random(f"wijkteam-demo:{self.seed}:{stream}")

    def faker(self, stream: str) -> Faker:
        fake = Faker("nl_NL")
        fake.seed_instance(f"wijkteam-demo:{self.seed}:{stream}")
        return fake

    def say(self, line: str) -> None:
        self.out.write(line + "\n")

    def progress(self, label: str, total: int) -> Progress:
        return Progress(self, label, total)


class Progress:
    """Prints "label: 30% (300/1000) 1.2 s" each time another tenth of the work is done."""

    def __init__(self, ctx: DemoContext, label: str, total: int) -> None:
        self._ctx, self._label, self._total = ctx, label, total
        self._next_tenth = 1
        self._start = time.perf_counter()

    def update(self, done: int) -> None:
        if self._total <= 0:
            return
        reached = min(10, done * 10 // self._total)
        if reached >= self._next_tenth:  # one line however many tenths this update passed
            elapsed = time.perf_counter() - self._start
            self._ctx.say(f"  {self._label}: {reached * 10:3d}% ({done}/{self._total}) {elapsed:.1f} s")
            self._next_tenth = reached + 1


@dataclass(frozen=True)
class Step:
    name: str
    order: int
    run: Callable[[DemoContext], None]
    # Deletes what `run` created. Steps are reset in reverse order, so a later step's rows (which
    # point at earlier ones) are gone before the rows they point at.
    reset: Callable[[DemoContext], None] | None = None


_REGISTRY: dict[str, Step] = {}


def register(step: Step) -> Step:
    """Add (or replace, on re-import) a generator step."""
    _REGISTRY[step.name] = step
    return step


def steps() -> list[Step]:
    """All steps in run order: the built-in ones plus each installed app's `demo_steps` module."""
    # Here, not at the top: each step module imports this one (Step, register), so a top-level import is a cycle.
    from . import households, places, staff  # noqa: F401 - importing registers the built-in steps
    from .casussen import steps as _casussen_steps  # noqa: F401 - registers the cases step
    from .hulpvragen import steps as _hulpvragen_steps  # noqa: F401 - registers the hulpvragen step
    from .hulpvragen import triage_steps as _hulpvragen_triage_steps  # noqa: F401 - registers the triage step
    from .sociale_kaart import steps as _sociale_kaart_steps  # noqa: F401 - registers the sociale kaart step
    from .verwijzingen import steps as _verwijzingen_steps  # noqa: F401 - registers the referrals step
    from .vroegsignalering import steps as _vroegsignalering_steps  # noqa: F401 - registers the signals step

    autodiscover_modules("demo_steps")
    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.name))


class DemoAlreadyGenerated(Exception):
    """generate() was asked to build a demo on top of an existing one without reset."""


def is_generated() -> bool:
    return Gemeente.objects.filter(code=GEMEENTE_CODE).exists()


def reset(ctx: DemoContext) -> None:
    for step in reversed(steps()):
        if step.reset is not None:
            step.reset(ctx)
            ctx.say(f"  reset {step.name}")


def generate(
    seed: int = DEFAULT_SEED, scale: int = DEFAULT_SCALE, stdout: Output | None = None, *, reset_first: bool = False
) -> dict[str, int]:
    """Build Gemeente Voorbeeld with `scale` households; returns row counts per kind."""
    if scale < 0:
        raise ValueError("scale must be zero or more households")
    ctx = DemoContext(seed=seed, scale=scale, out=stdout or _Silent())
    start = time.perf_counter()
    # One transaction: the demo appears completely or not at all (a Ctrl-C halfway leaves nothing),
    # and on SQLite one long write transaction is also the fastest way to load millions of rows.
    with transaction.atomic():
        if reset_first:
            reset(ctx)
        elif is_generated():
            raise DemoAlreadyGenerated(GEMEENTE_CODE)
        for step in steps():
            step_start = time.perf_counter()
            step.run(ctx)
            ctx.say(f"{step.name}: done in {time.perf_counter() - step_start:.1f} s")
    seconds = time.perf_counter() - start
    ctx.say(f"Generated in {seconds:.1f} s: " + ", ".join(f"{n} {k}" for k, n in ctx.counts.items()))
    log.info("demo_generated", seed=seed, scale=scale, seconds=round(seconds, 1), **ctx.counts)
    return dict(ctx.counts)


@contextmanager
def sqlite_bulk_mode() -> Iterator[None]:
    """Faster SQLite settings for one bulk load, restored afterwards (no-op on other databases).

    synchronous=OFF skips fsyncs: a power cut during the load may cost the demo database, which
    `--reset` rebuilds anyway. A large page cache keeps the random-order indexes (BSN hash, names)
    in memory. PRAGMA synchronous cannot change inside a transaction, hence the atomic check.
    """
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        saved = {}
        for pragma in ("synchronous", "cache_size", "temp_store"):
            cursor.execute(f"PRAGMA {pragma}")
            saved[pragma] = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA cache_size=-262144")  # KiB: 256 MiB
        cursor.execute("PRAGMA temp_store=MEMORY")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for pragma, value in saved.items():
                cursor.execute(f"PRAGMA {pragma}={int(value)}")
