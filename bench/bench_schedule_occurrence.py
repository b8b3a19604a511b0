# SPDX-License-Identifier: EUPL-1.2
"""The schedules module's own RRULE occurrence test beside dateutil.rrule: same answers, and the time.

    .venv/bin/python bench/bench_schedule_occurrence.py

2,000 random weekly and monthly rules (one to three days, ordinals such as "2TU" / "-1FR",
bymonthday, interval 2 counted from a dtstart in 2024), each asked about 134 days of 2026. Prints
how many answers differ (must be 0) and the microseconds per check of ScheduleRule._matches_pattern,
of dateutil.rrule built per check, and of one cached rrule per rule. The figures are quoted in
wijkteam/sociale_kaart/schedules.py where it says why the hand-written test stays. No database.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_demo_generation import configure  # noqa: E402  (the bench directory is not a package)

RULES = 2000
DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 400, 3)]
TIMED_DAYS = 20


def measure() -> None:
    from dateutil import rrule

    from wijkteam.sociale_kaart.models import Schedule
    from wijkteam.sociale_kaart.schedules import DAY_CODES, ScheduleRule

    weekdays = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]

    def as_rrule(rule: ScheduleRule, start: dt.date, *, cache: bool = False) -> Any:
        byweekday = [weekdays[DAY_CODES.index(c)](o) if o else weekdays[DAY_CODES.index(c)] for o, c in rule.days]
        return rrule.rrule(rrule.WEEKLY if rule.freq == "WEEKLY" else rrule.MONTHLY, interval=rule.interval,
                           wkst=rule.wkst, dtstart=dt.datetime.combine(start, dt.time()),
                           byweekday=byweekday or None, bymonthday=list(rule.monthdays) or None, cache=cache)

    def start_for(rule: ScheduleRule, day: dt.date) -> dt.date:
        # Without a dtstart an interval-1 rule may start anywhere: the week or month of `day` is cheapest.
        if rule.anchor is not None:
            return rule.anchor
        if rule.freq == "WEEKLY":
            return day - dt.timedelta(days=(day.weekday() - rule.wkst) % 7)
        return day.replace(day=1)

    def per_check(rule: ScheduleRule, day: dt.date) -> bool:
        if rule.interval > 1 and rule.anchor is None:
            return False
        moment = dt.datetime.combine(day, dt.time())
        return bool(as_rrule(rule, start_for(rule, day)).after(moment, inc=True) == moment)

    built: dict[int, Any] = {}

    def cached(rule: ScheduleRule, day: dt.date) -> bool:
        if rule.interval > 1 and rule.anchor is None:
            return False
        if id(rule) not in built:
            built[id(rule)] = as_rrule(rule, rule.anchor or dt.date(2020, 1, 6), cache=True)
        moment = dt.datetime.combine(day, dt.time())
        return bool(built[id(rule)].after(moment, inc=True) == moment)

    rng = random.Random(1)
    rules = []
    for _i in range(RULES):
        freq = rng.choice(["WEEKLY", "MONTHLY"])
        byday, bymonthday = "", ""
        if freq == "WEEKLY":
            byday = ",".join(rng.sample(DAY_CODES, rng.randint(1, 3)))
        elif rng.random() < 0.7:
            byday = ",".join(f"{rng.choice([1, 2, 3, 4, -1])}{rng.choice(DAY_CODES)}" for _ in range(rng.randint(1, 2)))
        else:
            bymonthday = ",".join(str(rng.choice([1, 15, 28, -1])) for _ in range(rng.randint(1, 2)))
        interval = rng.choice([1, 1, 1, 2])
        dtstart = dt.date(2024, rng.randint(1, 12), rng.randint(1, 28)) if interval > 1 or rng.random() < 0.3 else None
        rule = ScheduleRule.parse(Schedule(freq=freq, interval=interval, byday=byday, bymonthday=bymonthday,
                                           wkst="MO", dtstart=dtstart, opens_at=dt.time(9), closes_at=dt.time(17)))
        if rule.understood:
            rules.append(rule)

    differences = sum(
        1 for r in rules for d in DAYS if not (r._matches_pattern(d) == per_check(r, d) == cached(r, d))
    )
    print(f"{len(rules)} rules x {len(DAYS)} days: {differences} answers differ")
    built.clear()
    checks = len(rules) * TIMED_DAYS
    for label, test in (("hand-written", ScheduleRule._matches_pattern), ("rrule per check", per_check),
                        ("rrule cached per rule", cached)):
        start = time.perf_counter()
        for r in rules:
            for d in DAYS[:TIMED_DAYS]:
                test(r, d)
        print(f"{label:<24} {(time.perf_counter() - start) / checks * 1e6:8.1f} us/check")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-") as tmp:
        configure(Path(tmp))
        import django

        django.setup()
        measure()


if __name__ == "__main__":
    main()
