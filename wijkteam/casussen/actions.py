# SPDX-License-Identifier: EUPL-1.2
"""Links on the case page to what other capabilities do for the case (`verwijzingen`: refer, the case's
referrals). They register a `CaseAction` in their AppConfig.ready(); casussen imports none of them, as with the
timeline (timeline.py) and the triage's next steps (hulpvragen.next_steps)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def _always(user: Any, casus: Any) -> bool:
    return True


@dataclass(frozen=True)
class CaseAction:
    name: str
    label: Any  # a (lazy) translated string
    url: Callable[[Any], str]  # casus -> where the worker goes
    available: Callable[[Any, Any], bool] = field(default=_always)  # (user, casus)
    order: int = 50


@dataclass(frozen=True)
class ShownAction:
    label: Any
    url: str


_lock = threading.Lock()
_actions: dict[str, CaseAction] = {}


def register_case_action(action: CaseAction) -> None:
    with _lock:
        if action.name in _actions:
            raise ValueError(f"a case action named {action.name!r} is already registered")
        _actions[action.name] = action


def unregister_case_action(name: str) -> None:
    with _lock:
        _actions.pop(name, None)


def case_actions(user: Any, casus: Any) -> list[ShownAction]:
    with _lock:
        actions = sorted(_actions.values(), key=lambda a: (a.order, a.name))
    return [ShownAction(a.label, a.url(casus)) for a in actions if a.available(user, casus)]
