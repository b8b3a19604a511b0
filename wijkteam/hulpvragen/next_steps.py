# SPDX-License-Identifier: EUPL-1.2
"""One step onwards from the triage screen (issue 18 item 5): the capabilities above hulpvragen (a referral in
`verwijzingen`, the household's case in `casussen`) register a `NextStep` in their AppConfig.ready(), so the
triage screen offers them without hulpvragen importing either. With none registered the screen says so.

`url(hulpvraag)` is where the worker goes (a page of the registering app that starts from the request);
`available(user, hulpvraag)` hides a step the user may not take; `order` sorts the buttons.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def _always(user: Any, hulpvraag: Any) -> bool:
    return True


@dataclass(frozen=True)
class NextStep:
    name: str
    label: Any  # a (lazy) translated string: the button's text
    url: Callable[[Any], str]
    available: Callable[[Any, Any], bool] = field(default=_always)
    order: int = 50


_lock = threading.Lock()
_steps: dict[str, NextStep] = {}


def register_next_step(step: NextStep) -> None:
    with _lock:
        if step.name in _steps:
            raise ValueError(f"a next step named {step.name!r} is already registered")
        _steps[step.name] = step


def unregister_next_step(name: str) -> None:
    with _lock:
        _steps.pop(name, None)


def next_steps(user: Any, hulpvraag: Any) -> list[NextStep]:
    with _lock:
        steps = list(_steps.values())
    return sorted((s for s in steps if s.available(user, hulpvraag)), key=lambda s: (s.order, s.name))
