# SPDX-License-Identifier: EUPL-1.2
"""Hooks where later capabilities take over from vroegsignalering, so that vroegsignalering imports none of them
(they stand above it in docs/architecture.md and register themselves in their AppConfig.ready()).

- **Intake** (issue 17 item 7): when a household accepts help, the zaak is handed to intake. `hulpvragen`
  registers an `IntakeHandoff`; `receive` runs inside the caller's transaction (so the zaak and the new help
  request are written together or not at all) and returns the request's id, which the zaak keeps in
  `intake_id`; `url` gives the worker's page of that request. Without a registered handoff the zaak still
  moves to "doorgezet naar intake" and its page says what to do next.
- **Open case** (item 6): a household that already has an open case goes to its regisseur instead of
  outreach. `casussen` registers a lookup that answers for many households at once (a monthly file holds
  thousands): household id → `CaseRef`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class IntakeHandoff:
    # (zaak, *, by: User | None, request: HttpRequest | None) -> id of the help request created
    receive: Callable[..., int]
    # help request id -> the worker's page of it
    url: Callable[[int], str]


@dataclass(frozen=True)
class CaseRef:
    case_id: int
    regisseur_id: int | None
    url: str


OpenCaseLookup = Callable[[list[int]], dict[int, CaseRef]]

_lock = threading.Lock()
_intake: IntakeHandoff | None = None
_open_case_lookup: OpenCaseLookup | None = None


def register_intake(handoff: IntakeHandoff | None) -> None:
    """Set (or, with None, clear: tests) the one intake handoff."""
    global _intake
    with _lock:
        _intake = handoff


def intake() -> IntakeHandoff | None:
    with _lock:
        return _intake


def register_open_case_lookup(lookup: OpenCaseLookup | None) -> None:
    """Set (or, with None, clear: tests) the one open-case lookup."""
    global _open_case_lookup
    with _lock:
        _open_case_lookup = lookup


def open_case_lookup() -> OpenCaseLookup | None:
    """The registered lookup (tests put it back after replacing it)."""
    with _lock:
        return _open_case_lookup


def open_cases_for(household_ids: Iterable[Any]) -> dict[int, CaseRef]:
    """Household id → its open case, for the households that have one (none while no lookup is registered)."""
    with _lock:
        lookup = _open_case_lookup
    ids = [int(pk) for pk in household_ids if pk is not None]
    if lookup is None or not ids:
        return {}
    return lookup(ids)
