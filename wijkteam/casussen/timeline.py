# SPDX-License-Identifier: EUPL-1.2
"""The case timeline (issue 19 item 3) gathers entries from casussen itself and from the capabilities above it
(`verwijzingen` shows every change of a referral there, issue 20 item 1). Those register a source in their
AppConfig.ready(); casussen imports none of them.

A source takes the case ids of one page (one or many, so it can answer in one query) and returns entries
per case id. A source must run a bounded number of queries whatever the number of cases.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    kind: str  # short machine name, e.g. "contact", "taak", "verwijzing"
    title: str  # one line in Dutch for the worker
    detail: str = ""
    url: str = ""
    by: str = ""  # display name of who did it, if anyone


TimelineSource = Callable[[Sequence[int]], dict[int, list[TimelineEntry]]]

_lock = threading.Lock()
_sources: dict[str, TimelineSource] = {}


def register_timeline_source(name: str, source: TimelineSource) -> None:
    with _lock:
        if name in _sources:
            raise ValueError(f"a timeline source named {name!r} is already registered")
        _sources[name] = source


def unregister_timeline_source(name: str) -> None:
    with _lock:
        _sources.pop(name, None)


def registered_sources() -> dict[str, TimelineSource]:
    with _lock:
        return dict(_sources)
