# SPDX-License-Identifier: EUPL-1.2
"""What else the wijkteam has on a household, shown on its page: the capabilities above huishoudens (signals,
help requests, the case) register a source in their AppConfig.ready(), so the worker sees the whole picture in
one place while huishoudens imports none of them.

A source gets the request and the household the user may already see, and returns links (label, url, a short
detail). It runs its own access rules: a link to a page the user may not open is not shown. Keep it to one or
two queries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class HouseholdLink:
    label: Any
    url: str
    detail: Any = ""


HouseholdLinkSource = Callable[[HttpRequest, Any], list[HouseholdLink]]

_lock = threading.Lock()
_sources: dict[str, tuple[int, HouseholdLinkSource]] = {}


def register_household_links(name: str, source: HouseholdLinkSource, *, order: int = 50) -> None:
    with _lock:
        if name in _sources:
            raise ValueError(f"a household link source named {name!r} is already registered")
        _sources[name] = (order, source)


def unregister_household_links(name: str) -> None:
    with _lock:
        _sources.pop(name, None)


def household_links(request: HttpRequest, household: Any) -> list[HouseholdLink]:
    with _lock:
        sources = sorted(_sources.items(), key=lambda item: (item[1][0], item[0]))
    links: list[HouseholdLink] = []
    for _name, (_order, source) in sources:
        links.extend(source(request, household))
    return links
