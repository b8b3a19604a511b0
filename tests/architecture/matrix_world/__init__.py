# SPDX-License-Identifier: EUPL-1.2
"""Example objects for the role-by-URL matrix, one module per capability, so each app adds its own.

A module here defines
- `objects(place, users, named) -> dict[str, Any]`: its example objects, in team A's wijk / organisation A
  (`named` holds the matrix's users by role name, `partner_b` included), and
- `EXAMPLES: dict[str, Callable[[World], dict[str, Any]]]`: URL name → the kwargs that fill its parameters
  from `world.objects` / `world.users`.
The matrix test loads every module in this package.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    return [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
