# SPDX-License-Identifier: EUPL-1.2
"""The staff menu's entries of the domain capabilities. `accounts` is a base app and knows no domain, so each
capability registers its menu entries here in its AppConfig.ready(); the context processor shows a user the
entries whose check passes (the same permission function that guards the page, so the menu never offers a
page that answers 403).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class MenuItem:
    url_name: str
    label: Any  # a lazy translated string
    check: Callable[[Any], bool]
    order: int = 50


@dataclass(frozen=True)
class ShownItem:
    url: str
    url_name: str
    label: Any


_lock = threading.Lock()
_items: dict[str, MenuItem] = {}


def register_menu_item(item: MenuItem) -> None:
    with _lock:
        if item.url_name in _items:
            raise ValueError(f"a menu item for {item.url_name!r} is already registered")
        _items[item.url_name] = item


def unregister_menu_item(url_name: str) -> None:
    with _lock:
        _items.pop(url_name, None)


def menu_for(user: Any) -> list[ShownItem]:
    with _lock:
        items = sorted(_items.values(), key=lambda i: (i.order, i.url_name))
    return [ShownItem(reverse(i.url_name), i.url_name, i.label) for i in items if i.check(user)]
