# SPDX-License-Identifier: EUPL-1.2
"""Result cards: what a result list shows of a service, stored as JSON in its search-index row.

Built by indexing.build_row from the rows the index reads anyway, so a page of results needs one
query of the index (read_cards) instead of six queries of the tables. The card holds data, not
words: the levensdomein codes, the schedules and the cost periods are turned into "Geld en
schulden", "Nu open" and "Gratis" when the page is shown, in the visitor's language and at the
moment of the request. It is refreshed with the index row, which follows every write of the
sociale kaart (history.reindex_on_commit, the importer, the demo; see indexing.py).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..models import Schedule

# Schedule fields a card keeps: every plain field the schedule rules may read.
_SCHEDULE_FIELDS = tuple(
    f
    for f in Schedule._meta.concrete_fields
    if not f.is_relation and f.name not in ("id", "created", "modified")
)


@dataclass(frozen=True)
class CardLocation:
    id: uuid.UUID
    latitude: float | None
    longitude: float | None
    address: str


@dataclass(frozen=True)
class Card:
    name: str
    alert: str
    organisation: str
    summary: str
    domains: tuple[str, ...]  # own levensdomein codes, sorted
    locations: tuple[CardLocation, ...]  # in the order of the index's points (mapped ones first)
    schedules: tuple[dict[str, Any], ...]  # the service's own and its service_at_locations'
    costs: tuple[tuple[Decimal | None, dt.date | None, dt.date | None], ...]  # amount, valid from, valid to

    def schedule_rows(self) -> list[Schedule]:
        """Unsaved Schedule instances for the schedule rules (is_open_at, next_opening)."""
        return [
            Schedule(**{f.attname: f.to_python(row.get(f.name)) for f in _SCHEDULE_FIELDS})
            for row in self.schedules
        ]


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def schedule_data(schedule: Schedule) -> dict[str, Any]:
    data = {}
    for f in _SCHEDULE_FIELDS:
        value = getattr(schedule, f.attname)
        if value not in (None, ""):
            data[f.name] = _json_value(value)
    return data


def build_card(
    *,
    name: str,
    alert: str,
    organisation: str,
    summary: str,
    domains: Iterable[str],
    locations: Sequence[CardLocation],
    schedules: Iterable[Schedule],
    costs: Iterable[tuple[Decimal | None, dt.date | None, dt.date | None]],
) -> str:
    return json.dumps(
        {
            "n": name,
            "a": alert,
            "o": organisation,
            "s": summary,
            "d": sorted(domains),
            "l": [[loc.id.hex, loc.latitude, loc.longitude, loc.address] for loc in locations],
            "t": [schedule_data(s) for s in schedules],
            "c": [[_json_value(a), _json_value(f), _json_value(t)] for a, f, t in costs],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def parse_card(text: str) -> Card | None:
    """The card of an index row; None for a row written before cards existed (or damaged)."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return Card(
        name=data["n"],
        alert=data["a"],
        organisation=data["o"],
        summary=data["s"],
        domains=tuple(data["d"]),
        locations=tuple(CardLocation(uuid.UUID(i), lat, lon, address) for i, lat, lon, address in data["l"]),
        schedules=tuple(data["t"]),
        costs=tuple(
            (Decimal(a) if a is not None else None, _date(f), _date(t)) for a, f, t in data["c"]
        ),
    )


__all__ = ["Card", "CardLocation", "build_card", "parse_card", "schedule_data"]
