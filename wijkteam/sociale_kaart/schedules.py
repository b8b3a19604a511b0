# SPDX-License-Identifier: EUPL-1.2
"""Opening times: HSDS schedule rows (RFC 5545 RRULE fields) in plain words and as "open now?".

Residents read `describe` / `describe_all` ("elke 2e dinsdag van de maand, 10:00-12:00"); the
search and the service page ask `is_open_at`, `open_on_weekday` and `next_opening`.

The rules we understand are the ones HSDS publishers use for opening hours: freq WEEKLY or MONTHLY
with interval, byday (plain "TU", or with an ordinal "2TU" / "-1FR" in a monthly rule), bymonthday,
limited by valid_from/valid_to, dtstart/until/count. opens_at/closes_at are local wall-clock times
in Europe/Amsterdam (the importer converts offsets), so comparing wall-clock times is correct
across daylight saving time. byweekno and byyearday are not interpreted: such a row is shown by its
own description and never counts as "open now" (better to say nothing than to say something wrong).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Frequency, Schedule, Weekday

__all__ = [
    "DAY_CODES",
    "ScheduleRule",
    "by_appointment",
    "day_name",
    "describe",
    "describe_all",
    "format_date",
    "format_time",
    "is_open_at",
    "next_opening",
    "open_on_weekday",
    "opening_intervals_on",
]

TZ = ZoneInfo("Europe/Amsterdam")
# iCal day codes in Python's weekday order (date.weekday(): Monday == 0).
DAY_CODES: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# How far ahead next_opening looks. A monthly rule with interval 12 still opens within 13 months.
_HORIZON_DAYS = 400
# Between times ("10:00-12:00"), as Dutch typography writes a range.
EN_DASH = "\u2013"
# Upper bound when expanding `count`: protects against absurd imported values.
_MAX_COUNT_SCAN_DAYS = 366 * 30


def day_name(code: str) -> str:
    """Dutch name of an iCal day code ("TU" -> "dinsdag")."""
    return str(Weekday(code).label)


def format_time(value: dt.time) -> str:
    """Hours without a leading zero, as people write them: 9:00, 17:30."""
    return f"{value.hour}:{value.minute:02d}"


def format_date(value: dt.date, *, year: bool = False) -> str:
    """ "1 september" (or "1 september 2026")."""
    text = f"{value.day} {MONTHS[value.month]}"
    return f"{text} {value.year}" if year else text


def _number_ordinal(n: int) -> str:
    """2 → "2e" in Dutch, "2nd" in English: a suffix gettext cannot express with one template."""
    if translation.get_language() and translation.get_language().startswith("en"):
        suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return f"{n}e"


def _ordinal(n: int) -> str:
    if n == -1:
        return _("laatste")
    if n == -2:
        return _("op één na laatste")
    if n < 0:
        return _("%(ordinal)s van achteren") % {"ordinal": _number_ordinal(-n)}
    return _number_ordinal(n)


# --- Parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleRule:
    """One schedule row parsed once: which days it occurs on, and when it opens and closes."""

    schedule: Schedule
    freq: str  # WEEKLY, MONTHLY or "" when we cannot tell
    interval: int
    # (ordinal or None, day code): None means every such weekday.
    days: tuple[tuple[int | None, str], ...]
    monthdays: tuple[int, ...]
    wkst: int
    anchor: dt.date | None  # dtstart, else valid_from: where interval counting starts
    first: dt.date | None  # no occurrence before
    last: dt.date | None  # no occurrence after (valid_to, until, count)
    opens_at: dt.time | None
    closes_at: dt.time | None
    understood: bool  # False: only the description can tell residents what this row means

    @classmethod
    def parse(cls, schedule: Schedule) -> ScheduleRule:
        days: list[tuple[int | None, str]] = []
        understood = not (schedule.byweekno or schedule.byyearday)
        for token in _split(schedule.byday):
            code = token[-2:].upper()
            if code not in DAY_CODES:
                understood = False
                continue
            ordinal_text = token[:-2].strip()
            try:
                ordinal = int(ordinal_text) if ordinal_text not in ("", "+") else None
            except ValueError:
                understood = False
                continue
            if ordinal == 0 or (ordinal is not None and abs(ordinal) > 5):
                # No month has a 6th weekday: such a rule never occurs.
                understood = False
                continue
            days.append((ordinal, code))
        monthdays: list[int] = []
        for token in _split(schedule.bymonthday):
            try:
                number = int(token)
            except ValueError:
                understood = False
                continue
            if number == 0 or abs(number) > 31:
                understood = False
                continue
            monthdays.append(number)

        freq = schedule.freq or ""
        if not freq:
            # Publishers sometimes leave freq out; "TU" alone then means every Tuesday.
            if days and all(o is None for o, _c in days) and not monthdays:
                freq = Frequency.WEEKLY
            elif days or monthdays:
                freq = Frequency.MONTHLY
        if freq == Frequency.WEEKLY:
            # An ordinal has no meaning in a weekly rule (RFC 5545); keep the weekday.
            days = [(None, code) for _o, code in days]
            monthdays = []
        anchor = schedule.dtstart or schedule.valid_from
        if freq and not days and not monthdays:
            # RFC 5545: without BYxxx the rule repeats on dtstart's weekday / day of the month.
            if schedule.dtstart is None:
                understood = False
            elif freq == Frequency.WEEKLY:
                days = [(None, DAY_CODES[schedule.dtstart.weekday()])]
            else:
                monthdays = [schedule.dtstart.day]
        if freq not in (Frequency.WEEKLY, Frequency.MONTHLY):
            understood = False

        interval = schedule.interval or 1
        starts = [d for d in (schedule.valid_from, schedule.dtstart) if d is not None]
        ends = [d for d in (schedule.valid_to, schedule.until) if d is not None]
        rule = cls(
            schedule=schedule,
            freq=freq,
            interval=max(interval, 1),
            days=tuple(dict.fromkeys(days)),
            monthdays=tuple(dict.fromkeys(monthdays)),
            wkst=DAY_CODES.index(schedule.wkst) if schedule.wkst in DAY_CODES else 0,
            anchor=anchor,
            first=max(starts) if starts else None,
            last=min(ends) if ends else None,
            opens_at=schedule.opens_at,
            closes_at=schedule.closes_at,
            understood=understood,
        )
        if understood and schedule.count:
            count_end = rule._count_end(schedule.count)
            if count_end is not None and (rule.last is None or count_end < rule.last):
                rule = _replace_last(rule, count_end)
        return rule

    # --- Occurrence ---------------------------------------------------------------------------
    # Hand-written rather than dateutil.rrule on purpose (bench/bench_schedule_occurrence.py): on 2,000
    # random weekly/monthly rules (ordinals, bymonthday, interval 2 from a 2024 dtstart) over 134 days
    # of 2026 both give the same answer for all 268,000 checks, but `_matches_pattern` takes 2-3 us a
    # check and rrule(...).after() 260-380 us (cached per rule or built per check: it walks every
    # occurrence since dtstart), about 100x slower. The search's "nu open" filter asks this for every
    # candidate's schedules on two days, so rrule would add a few tenths of a second to a search.

    def occurs_on(self, day: dt.date) -> bool:
        if not self.understood:
            return False
        if self.first is not None and day < self.first:
            return False
        if self.last is not None and day > self.last:
            return False
        return self._matches_pattern(day)

    def _matches_pattern(self, day: dt.date) -> bool:
        if self.freq == Frequency.WEEKLY:
            if DAY_CODES[day.weekday()] not in {code for _o, code in self.days}:
                return False
            if self.interval > 1:
                if self.anchor is None:
                    # "Om de week" without a start date: we cannot know which weeks.
                    return False
                weeks = (self._week_start(day) - self._week_start(self.anchor)).days // 7
                if weeks % self.interval:
                    return False
            return True
        # MONTHLY
        if self.interval > 1:
            if self.anchor is None:
                return False
            months = (day.year - self.anchor.year) * 12 + day.month - self.anchor.month
            if months % self.interval:
                return False
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        if self.days and not any(self._day_matches(day, o, c, days_in_month) for o, c in self.days):
            return False
        return not self.monthdays or any(day.day == (n if n > 0 else days_in_month + n + 1) for n in self.monthdays)

    @staticmethod
    def _day_matches(day: dt.date, ordinal: int | None, code: str, days_in_month: int) -> bool:
        if DAY_CODES[day.weekday()] != code:
            return False
        if ordinal is None:
            return True
        if ordinal > 0:
            return (day.day - 1) // 7 + 1 == ordinal
        return (days_in_month - day.day) // 7 + 1 == -ordinal

    def _week_start(self, day: dt.date) -> dt.date:
        return day - dt.timedelta(days=(day.weekday() - self.wkst) % 7)

    def _count_end(self, count: int) -> dt.date | None:
        """Date of the `count`-th occurrence from the anchor (RFC 5545 COUNT)."""
        start = self.first or self.anchor
        if start is None:
            return None
        seen = 0
        day = start
        for _i in range(_MAX_COUNT_SCAN_DAYS):
            if self.last is not None and day > self.last:
                return None  # the rule ends before reaching `count`
            if self._matches_pattern(day):
                seen += 1
                if seen >= count:
                    return day
            day += dt.timedelta(days=1)
        return None

    # --- Times --------------------------------------------------------------------------------

    @property
    def has_times(self) -> bool:
        return self.opens_at is not None and self.closes_at is not None

    def intervals_on(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Aware (open, close) moments of this rule that touch `day` (incl. a night from the day before)."""
        result: list[tuple[dt.datetime, dt.datetime]] = []
        if not self.has_times:
            return result
        assert self.opens_at is not None and self.closes_at is not None
        for start_day in (day - dt.timedelta(days=1), day):
            if not self.occurs_on(start_day):
                continue
            opens = dt.datetime.combine(start_day, self.opens_at, tzinfo=TZ)
            close_day = start_day if self.closes_at > self.opens_at else start_day + dt.timedelta(days=1)
            closes = dt.datetime.combine(close_day, self.closes_at, tzinfo=TZ)
            if close_day >= day:
                result.append((opens, closes))
        return result


def _replace_last(rule: ScheduleRule, last: dt.date) -> ScheduleRule:
    return replace(rule, last=last)


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _rules(schedules: Iterable[Schedule]) -> list[ScheduleRule]:
    return [ScheduleRule.parse(s) for s in schedules]


def _local(moment: dt.datetime) -> dt.datetime:
    if timezone.is_naive(moment):
        return moment.replace(tzinfo=TZ)
    return moment.astimezone(TZ)


# --- Questions --------------------------------------------------------------------------------


def opening_intervals_on(schedules: Iterable[Schedule], day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """All (open, close) periods on a local date, sorted."""
    periods = [p for rule in _rules(schedules) for p in rule.intervals_on(day)]
    return sorted(periods)


def is_open_at(schedules: Iterable[Schedule], moment: dt.datetime) -> bool:
    """Whether any of the schedules is open at `moment` (a naive moment is taken as Amsterdam time).

    A row without opens_at/closes_at never counts: "open on Tuesday" without hours does not say
    someone is there now. Nor does a row "op afspraak": a resident walking in finds a closed door
    (the service page, the result cards and the "nu open" filter all ask here, so they agree).
    """
    local = _local(moment)
    for rule in _rules([s for s in schedules if not by_appointment(s)]):
        for opens, closes in rule.intervals_on(local.date()):
            if opens <= local < closes:
                return True
    return False


def open_on_weekday(schedules: Iterable[Schedule], weekday: str, *, today: dt.date | None = None) -> bool:
    """Whether any schedule can open on this day of the week ("MO".."SU"), now or in the future.

    A rule that has ended (valid_to / until before today) does not count. A rule on days of the
    month only (bymonthday "15") is not tied to a weekday and does not count either.
    """
    code = weekday.upper()
    if code not in DAY_CODES:
        raise ValueError(f"unknown weekday code {weekday!r}")
    today = today or timezone.localdate()
    for rule in _rules(schedules):
        if not rule.understood or (rule.last is not None and rule.last < today):
            continue
        if any(day_code == code for _o, day_code in rule.days):
            return True
    return False


def next_opening(schedules: Iterable[Schedule], moment: dt.datetime) -> dt.datetime | None:
    """The first opening moment at or after `moment` (aware, Europe/Amsterdam), or None within ~13 months."""
    local = _local(moment)
    rules = [r for r in _rules(schedules) if r.understood and r.has_times]
    if not rules:
        return None
    day = local.date()
    for _i in range(_HORIZON_DAYS):
        starts = [
            opens
            for rule in rules
            for opens, _closes in rule.intervals_on(day)
            if opens.date() == day and opens >= local
        ]
        if starts:
            return min(starts)
        if all(rule.last is not None and rule.last < day for rule in rules):
            return None
        day += dt.timedelta(days=1)
    return None


# --- Words ------------------------------------------------------------------------------------


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return _("%(first)s en %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def _day_phrase(codes: Iterable[str]) -> tuple[str, bool]:
    """("maandag t/m vrijdag", True) / ("dinsdag en donderdag", False): True when a range was used.

    Three or more consecutive days become a range; two stay a pair ("maandag en dinsdag").
    """
    indexes = sorted({DAY_CODES.index(c) for c in codes})
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    parts: list[str] = []
    used_range = False
    for run in runs:
        if len(run) >= 3:
            used_range = True
            parts.append(
                _("%(first)s t/m %(last)s")
                % {"first": day_name(DAY_CODES[run[0]]), "last": day_name(DAY_CODES[run[-1]])}
            )
        else:
            parts.extend(day_name(DAY_CODES[i]) for i in run)
    return _join(parts), used_range


def _times_phrase(opens: dt.time | None, closes: dt.time | None) -> str:
    if opens and closes:
        return f"{format_time(opens)}{EN_DASH}{format_time(closes)}"
    if opens:
        return _("vanaf %(time)s") % {"time": format_time(opens)}
    if closes:
        return _("tot %(time)s") % {"time": format_time(closes)}
    return ""


_BY_APPOINTMENT = gettext_lazy("op afspraak")
_WALK_IN = gettext_lazy("zonder afspraak")
# attending_type is free text in HSDS; the common values (ours and imported English) in words.
_ATTENDING = {
    "appointment": _BY_APPOINTMENT,
    "by appointment": _BY_APPOINTMENT,
    "op afspraak": _BY_APPOINTMENT,
    "drop in": _WALK_IN,
    "drop-in": _WALK_IN,
    "walk in": _WALK_IN,
    "walk-in": _WALK_IN,
    "inloop": _WALK_IN,
    "zonder afspraak": _WALK_IN,
}


def by_appointment(schedule: Schedule) -> bool:
    """Whether the row is for people with an appointment only (then it never makes "nu open")."""
    return _ATTENDING.get((schedule.attending_type or "").strip().lower()) is _BY_APPOINTMENT


def _attending_phrase(value: str) -> str:
    text = (value or "").strip()
    known = _ATTENDING.get(text.lower())
    return str(known) if known else text


def _period_phrase(rule: ScheduleRule, today: dt.date) -> str:
    s = rule.schedule
    start = s.valid_from
    if s.dtstart and (start is None or s.dtstart > start) and s.dtstart > today:
        # A future dtstart is news for residents ("vanaf 3 december"); a past one is only the
        # anchor for "om de week" and says nothing to them.
        start = s.dtstart
    ends = [d for d in (s.valid_to, s.until) if d is not None]
    end = min(ends) if ends else None
    if start and end:
        return _("van %(start)s tot %(end)s") % {"start": format_date(start), "end": format_date(end)}
    if start:
        return _("vanaf %(start)s") % {"start": format_date(start)}
    if end:
        return _("tot %(end)s") % {"end": format_date(end)}
    return ""


def _pattern_phrase(rule: ScheduleRule) -> str:
    """The recurrence in words, without times: "elke 2e dinsdag van de maand"."""
    if rule.freq == Frequency.WEEKLY:
        codes = [code for _o, code in rule.days]
        days, used_range = _day_phrase(codes)
        if rule.interval == 1:
            return days if used_range else _("elke %(days)s") % {"days": days}
        if rule.interval == 2:
            return _("om de week op %(days)s") % {"days": days}
        return _("om de %(n)s weken op %(days)s") % {"n": rule.interval, "days": days}

    # MONTHLY
    pieces: list[str] = []
    if rule.days:
        # Group ordinals per weekday: "2e en 4e dinsdag".
        by_code: dict[str, list[int | None]] = {}
        for ordinal, code in rule.days:
            by_code.setdefault(code, []).append(ordinal)
        day_parts: list[str] = []
        for code in sorted(by_code, key=DAY_CODES.index):
            ordinals = by_code[code]
            if None in ordinals:
                day_parts.append(_("elke %(day)s") % {"day": day_name(code)})
                continue
            ordered = sorted(o for o in ordinals if o is not None and o > 0) + sorted(
                (o for o in ordinals if o is not None and o < 0), reverse=True
            )
            day_parts.append(f"{_join([_ordinal(o) for o in ordered])} {day_name(code)}")
        text = _join(day_parts)
        if all(None in v for v in by_code.values()):
            pieces.append(text)
        else:
            pieces.append(_("elke %(days)s van de maand") % {"days": text})
    if rule.monthdays:
        numbers = sorted(n for n in rule.monthdays if n > 0)
        numbers += sorted((n for n in rule.monthdays if n < 0), reverse=True)
        words = [_monthday_word(n) for n in numbers]
        if rule.days:
            pieces.append(_("als dat de %(days)s van de maand is") % {"days": _join(words)})
        elif numbers == [-1]:
            pieces.append(_("elke maand op de laatste dag"))
        else:
            pieces.append(_("elke maand op de %(days)s") % {"days": _join(words)})
    text = " ".join(pieces)
    if rule.interval == 2:
        text = _("%(pattern)s, om de maand") % {"pattern": text}
    elif rule.interval > 2:
        text = _("%(pattern)s, om de %(n)s maanden") % {"pattern": text, "n": rule.interval}
    return text


def _monthday_word(n: int) -> str:
    if n == -1:
        return _("de laatste dag")
    if n > 0:
        return _number_ordinal(n)
    day = _("dag")
    return f"{_ordinal(n)} {day}"


def _compose(pattern: str, times: str, rule: ScheduleRule, today: dt.date) -> str:
    s = rule.schedule
    parts = [p for p in (pattern, times, _attending_phrase(s.attending_type), _period_phrase(rule, today)) if p]
    text = ", ".join(parts)
    notes = (s.notes or "").strip()
    if notes:
        text = f"{text}. {notes}" if text else notes
    return text


def describe(schedule: Schedule, *, today: dt.date | None = None) -> str:
    """One schedule row in plain Dutch (B1), starting lower case so it fits in a sentence or list.

    Falls back to the publisher's own description for rules we do not interpret.
    """
    today = today or timezone.localdate()
    rule = ScheduleRule.parse(schedule)
    if not rule.understood:
        base = (schedule.description or "").strip()
        notes = (schedule.notes or "").strip()
        return f"{base}. {notes}" if base and notes else base or notes
    return _compose(_pattern_phrase(rule), _times_phrase(rule.opens_at, rule.closes_at), rule, today)


def _is_plain_weekly(rule: ScheduleRule) -> bool:
    return rule.understood and rule.freq == Frequency.WEEKLY and rule.interval == 1


def describe_all(schedules: Iterable[Schedule], *, today: dt.date | None = None) -> list[str]:
    """All rows of one service/location as lines, weekly rows merged per day.

    Rows that open every week with the same extra conditions are folded together: days with the
    same hours form one line ("maandag t/m vrijdag, 9:00-17:00"), several periods on one day are
    joined ("9:00-12:00 en 13:00-17:00"). Other rows (monthly, every other week) get a line each,
    after the weekly ones. Lines are ordered by their first weekday; rows that have ended are left out.
    """
    today = today or timezone.localdate()
    rules = [r for r in _rules(schedules) if not (r.understood and r.last is not None and r.last < today)]
    # key: what must be equal to merge (period, attending type, notes); value: day -> times
    groups: dict[tuple[str, str, str], dict[str, list[tuple[dt.time | None, dt.time | None]]]] = {}
    group_rule: dict[tuple[str, str, str], ScheduleRule] = {}
    # (0 = every week / 1 = other rules, first weekday, text): the weekly routine first.
    lines: list[tuple[int, int, str]] = []
    for rule in rules:
        if _is_plain_weekly(rule):
            s = rule.schedule
            key = (_period_phrase(rule, today), _attending_phrase(s.attending_type), (s.notes or "").strip())
            per_day = groups.setdefault(key, {})
            group_rule.setdefault(key, rule)
            for _o, code in rule.days:
                slot = (rule.opens_at, rule.closes_at)
                if slot not in per_day.setdefault(code, []):
                    per_day[code].append(slot)
            continue
        text = describe(rule.schedule, today=today)
        if text:
            first_day = min((DAY_CODES.index(c) for _o, c in rule.days), default=7)
            lines.append((1, first_day, text))

    for key, per_day in groups.items():
        by_times: dict[tuple[tuple[dt.time | None, dt.time | None], ...], list[str]] = {}
        for code, day_slots in per_day.items():
            ordered = tuple(sorted(day_slots, key=lambda t: (t[0] or dt.time.min, t[1] or dt.time.min)))
            by_times.setdefault(ordered, []).append(code)
        for slots, codes in by_times.items():
            days, used_range = _day_phrase(codes)
            pattern = days if used_range else _("elke %(days)s") % {"days": days}
            times = _join([t for t in (_times_phrase(o, c) for o, c in slots) if t])
            text = _compose(pattern, times, group_rule[key], today)
            lines.append((0, min(DAY_CODES.index(c) for c in codes), text))

    seen: set[str] = set()
    result: list[str] = []
    for _kind, _first, text in sorted(lines, key=lambda item: (item[0], item[1])):
        if text not in seen:
            seen.add(text)
            result.append(text)
    return result
