# SPDX-License-Identifier: EUPL-1.2
"""Reading a rendered form as a user (or a screen reader) meets it."""

from __future__ import annotations

import re


def field_error(html: str, field_id: str) -> str:
    """The text of the error block beside the field with this id ("" when it has none)."""
    match = re.search(rf'id="{re.escape(field_id)}-error">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""
