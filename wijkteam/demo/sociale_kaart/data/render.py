# SPDX-License-Identifier: EUPL-1.2
"""Turning the catalogue's short notations into field values: schedules, costs, phone numbers.

Pure functions of their arguments (and the random stream handed in), so they are easy to test and
the generator stays deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = dict(zip(DAY_CODES, ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
                     strict=True))
ORDINALS = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}
COUNT_WORDS = {3: "Drie", 4: "Vier", 5: "Vijf", 6: "Zes", 7: "Zeven", 8: "Acht", 10: "Tien"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
# Weeks of "every other week" rows count from this Monday (HSDS dtstart anchors the interval).
BIWEEKLY_ANCHOR = dt.date(2026, 1, 5)


@dataclass(frozen=True)
class ScheduleRow:
    """The HSDS schedule fields of one rule; everything else stays empty."""

    freq: str
    byday: str
    opens_at: dt.time
    closes_at: dt.time
    description: str
    interval: int = 1
    bymonthday: str = ""
    dtstart: dt.date | None = None
    count: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    attending_type: str = ""


def expand_days(text: str) -> list[str]:
    """"MO-FR" → MO..FR, "MO,WE" → [MO, WE]; each code checked."""
    days: list[str] = []
    for part in text.split(","):
        if "-" in part and not part.startswith("-"):
            first, last = part.split("-")
            days.extend(DAY_CODES[DAY_CODES.index(first): DAY_CODES.index(last) + 1])
        else:
            days.append(part)
    for code in days:
        if code[-2:] not in DAY_CODES:
            raise ValueError(f"unknown day {code!r} in {text!r}")
    return days


def next_weekday(start: dt.date, code: str) -> dt.date:
    return start + dt.timedelta(days=(DAY_CODES.index(code) - start.weekday()) % 7)


def clock(value: dt.time) -> str:
    return f"{value.hour}.{value.minute:02d}"


def date_text(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_list(days: list[str]) -> str:
    names = [DAY_NAMES[d] for d in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def weekly_phrase(text: str, days: list[str]) -> str:
    if "-" in text and len(days) > 2:
        if days == list(DAY_CODES):
            return "Elke dag"
        return f"{DAY_NAMES[days[0]].capitalize()} tot en met {DAY_NAMES[days[-1]]}"
    return f"Elke {day_list(days)}"


def monthly_phrase(byday: str) -> str:
    """"2FR,4FR" → "Elke tweede en vierde vrijdag van de maand"."""
    parts = byday.split(",")
    code = parts[0][-2:]
    if any(p[-2:] != code for p in parts):
        raise ValueError(f"one weekday per monthly rule, got {byday!r}")
    ordinals = [ORDINALS[int(p[:-2])] for p in parts]
    joined = ordinals[0] if len(ordinals) == 1 else ", ".join(ordinals[:-1]) + " en " + ordinals[-1]
    return f"Elke {joined} {DAY_NAMES[code]} van de maand"


def parse_when(option: str, rng: random.Random, reference: dt.date) -> list[ScheduleRow]:
    """Schedule rows for one `Template.when` option (see spec.Template)."""
    rows = []
    for part in option.split(";"):
        kind, days_text, times, *flags = part.split()
        opens_text, closes_text = times.split("-")
        opens, closes = dt.time.fromisoformat(opens_text), dt.time.fromisoformat(closes_text)
        attending = "op afspraak" if "afspraak" in flags else "inloop" if "inloop" in flags else ""
        around = f"van {clock(opens)} tot {clock(closes)} uur"
        days = expand_days(days_text) if kind != "MD" else []
        fields: dict[str, object] = {"freq": "WEEKLY", "byday": ",".join(days)}
        if kind == "W" and opens == dt.time(0, 0) and closes == dt.time(23, 59):
            text = "Dag en nacht, ook in het weekend."
        elif kind == "W":
            text = f"{weekly_phrase(days_text, days)} {around}."
        elif kind == "W2":
            start = next_weekday(BIWEEKLY_ANCHOR, days[0]) + dt.timedelta(weeks=rng.randint(0, 1))
            fields.update(interval=2, dtstart=start)
            text = f"Om de week op {day_list(days)}, {around}."
        elif kind == "M":
            fields.update(freq="MONTHLY", byday=days_text)
            text = f"{monthly_phrase(days_text)}, {around}."
        elif kind == "MD":
            fields.update(freq="MONTHLY", byday="", bymonthday=days_text)
            text = f"Elke maand op de {days_text}e, {around}."
        elif kind.startswith("C"):
            weeks = int(kind[1:])
            start = next_weekday(reference + dt.timedelta(days=14 + 7 * rng.randint(0, 6)), days[0])
            fields.update(dtstart=start, count=weeks * len(days))
            text = f"{COUNT_WORDS[weeks]} weken op {day_list(days)}, vanaf {date_text(start)}, {around}."
        elif kind == "S":  # the belastingaangifte season of the coming spring
            fields.update(valid_from=dt.date(reference.year + 1, 3, 1), valid_to=dt.date(reference.year + 1, 5, 31))
            text = f"In maart, april en mei: elke {day_list(days)} {around}."
        elif kind == "V":  # one week in the coming summer holiday
            monday = next_weekday(dt.date(reference.year + 1, 7, 15), "MO")
            fields.update(valid_from=monday, valid_to=monday + dt.timedelta(days=4))
            text = f"In de zomervakantie, van {date_text(monday)} tot en met de vrijdag, {around}."
        else:
            raise ValueError(f"unknown schedule kind {kind!r} in {option!r}")
        if attending == "op afspraak":
            text += " Alleen op afspraak."
        elif attending == "inloop":
            text += " Zonder afspraak."
        rows.append(ScheduleRow(opens_at=opens, closes_at=closes, description=text, attending_type=attending,
                                **fields))  # type: ignore[arg-type]
    return rows


# --- Costs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostRow:
    option: str
    amount: Decimal
    amount_description: str


def euro(amount: Decimal) -> str:
    """Decimal("2.50") → "€ 2,50"; whole amounts without cents: "€ 25"."""
    if amount == amount.to_integral():
        return f"€ {int(amount)}"
    return "€ " + f"{amount:.2f}".replace(".", ",")


def costs(spec: str) -> tuple[str, list[CostRow]]:
    """(fees_description, cost options) for a Template.cost notation."""
    if spec == "gratis":
        return "Gratis.", [CostRow("Gratis", Decimal(0), "")]
    amount_text, unit, *rest = spec.split("|")
    amount = Decimal(amount_text)
    price = f"{euro(amount)} {unit}"
    rows = [CostRow(unit[0].upper() + unit[1:], amount, price)]
    text = f"{price}."
    if rest == ["pas"]:
        rows.append(CostRow("Gratis met de Voorbeeldpas", Decimal(0), "Voor inwoners met een laag inkomen."))
        text += " Met de Voorbeeldpas is het gratis."
    return text, rows


# --- Phone numbers ------------------------------------------------------------------------------


def landline(rng: random.Random, area: str = "030") -> str:
    """A Dutch number in one of the ways organisations write them."""
    digits = f"{rng.randrange(2_000_000, 9_000_000)}"
    return format_number(area, digits, rng.randrange(4))


def format_number(area: str, digits: str, style: int) -> str:
    if style == 0:
        return f"{area} {digits[:3]} {digits[3:]}"
    if style == 1:
        return f"{area}-{digits}"
    if style == 2:
        return f"{area} - {digits[:3]} {digits[3:5]} {digits[5:]}"
    return f"({area}) {digits[:3]} {digits[3:]}"


def mobile(rng: random.Random) -> str:
    return f"06-{rng.randrange(10_000_000, 60_000_000)}"


def free_number(rng: random.Random) -> str:
    return f"0800-{rng.randrange(1000, 9999)}"


def international(number: str) -> str:
    """The same number as someone else would type it: "030 234 5678" → "+31 30 234 56 78".

    Only for the demo's own formats: 06 numbers and two-digit area codes (030, 088).
    """
    digits = "".join(ch for ch in number if ch.isdigit())
    area, rest = (digits[1:2], digits[2:]) if digits.startswith("06") else (digits[1:3], digits[3:])
    return f"+31 {area} {rest[:3]} {rest[3:5]} {rest[5:]}"
