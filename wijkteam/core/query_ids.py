# SPDX-License-Identifier: EUPL-1.2
"""Database ids from a query string or form: 1 .. 2^63-1, or a clear Dutch form error.

A bare IntegerField lets `?person=99999999999999999999999` through to the database driver, which
raises OverflowError (a 500) on SQLite and an out-of-range error on PostgreSQL. Every filter that
turns a query parameter into a database id uses `DatabaseIdField` (forms) or `database_id()`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_DATABASE_ID = 2**63 - 1  # BigAutoField / bigint on PostgreSQL and SQLite's INTEGER


class DatabaseIdField(forms.IntegerField):
    default_error_messages = {
        "invalid": _("Vul een nummer in (alleen cijfers)."),
        "min_value": _("Een nummer is 1 of hoger."),
        "max_value": _("Dit nummer is te groot; er bestaat geen record met dit nummer."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_DATABASE_ID)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        # Django's IntegerField accepts "1e3" and " 12 "; an id is digits only, and a very long
        # string is refused before int() has to parse it.
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            if text.isascii() and text.lstrip("-").isdigit() and text.startswith("-"):
                raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
            if text.isascii() and text.isdigit():
                raise forms.ValidationError(self.error_messages["max_value"], code="max_value")
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


def database_id(value: Any) -> int | None:
    """The id in `value`, or None when it is missing or no possible database id."""
    try:
        return DatabaseIdField(required=False).clean(value)
    except forms.ValidationError:
        return None
