# SPDX-License-Identifier: EUPL-1.2
"""CSV cells that a spreadsheet shows as text instead of running as a formula (CSV injection).

Every CSV the application hands out is opened by people in Excel or LibreOffice, and its texts come from
others: a partner names a service or a product `=HYPERLINK("https://evil.example", "Klik")`, a signal
partner's file holds `@SUM(...)`. A text cell that a spreadsheet would run as a formula (it starts with
= + - @, a tab or a carriage return) gets one extra leading apostrophe, which spreadsheets show as text.

A text that itself starts with apostrophes before a formula character gets one more, so `restore_formula`
(used by an importer that reads our own export back, sociale_kaart's HSDS CSV) gives every value back as it
was: `=1` -> `'=1` -> `=1`, `'=1` -> `''=1` -> `'=1`, `'t Hoekje` stays as it is.

Only texts: a number cell the application formats itself (a count, a negative difference) is not a text
from others and stays a number.
"""

from __future__ import annotations

import re

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def defuse_formula(text: str) -> str:
    """The text as a CSV cell that a spreadsheet shows instead of running."""
    return "'" + text if _FORMULA.match(text) else text


def restore_formula(cell: str) -> str:
    """The inverse of defuse_formula, for a reader of a CSV this application exported."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell[1:]) else cell
