# SPDX-License-Identifier: EUPL-1.2
"""One signal as JSON → the batch file's row validation (`batch/rows.py`), so a signal means the same
whichever door it came through.

The JSON fields are the file's columns (`batch.reader.COLUMNS`), with the types JSON has: text as strings,
`bedrag` and `huisnummer` also as whole numbers, `crisissignaal` and `warme_overdracht` also as true/false,
and null for "empty". Each value is turned into the text the file would hold and checked by
`validate_row`; a field we do not know is an error (a misspelt `achternaam` would otherwise be lost
quietly). Errors name the field and never repeat its value: the answer goes back over the wire, and
values here are a resident's personal data.

`partnernaam` is the sending organisation's own name (empty: filled in with it). Otherwise a partner could
send a signal under another partner's name and learn from "herhaald" that this resident has a debt
there; and the dedupe key (partner type + partner name + person + ...) stays the same for a signal
delivered once by file and once by API when the file names the partner as the municipality registered it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ..batch.reader import COLUMNS
from ..batch.rows import SignalRow, validate_row

BOOLEAN_FIELDS = frozenset({"crisissignaal", "warme_overdracht"})
NUMBER_FIELDS = frozenset({"bedrag", "huisnummer"})
# Longer than any valid value of any column (rows.py allows at most 254): a huge string is refused
# before it is parsed, and not stored whole in an error.
MAX_TEXT = 300


@dataclass(frozen=True)
class FieldError:
    veld: str
    melding: str

    def as_json(self) -> dict[str, str]:
        return {"veld": self.veld, "melding": self.melding}


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _text(name: str, value: Any) -> tuple[str | None, FieldError | None]:
    """The value as the file's text, or the error for its JSON type."""
    if value is None:
        return "", None
    if isinstance(value, bool):
        if name in BOOLEAN_FIELDS:
            return ("ja" if value else "nee"), None
        return None, FieldError(name, _("Verwacht tekst, geen true of false."))
    if isinstance(value, int):
        if name in NUMBER_FIELDS:
            return str(value), None
        return None, FieldError(name, _("Verwacht tekst tussen aanhalingstekens, geen getal."))
    if isinstance(value, float):
        if name == "bedrag":
            return None, FieldError(name, _("Het bedrag moet een heel getal in euro's zijn, zonder centen, zoals 450."))
        return None, FieldError(name, _("Verwacht tekst tussen aanhalingstekens, geen getal."))
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return None, FieldError(name, _("Te lang: hoogstens %(n)s tekens.") % {"n": MAX_TEXT})
        return value.strip(), None
    return None, FieldError(name, _("Verwacht tekst, een getal of true/false; geen lijst of object."))


def parse_signal(item: Any, *, organisatie_naam: str, today: dt.date) -> tuple[SignalRow | None, list[FieldError]]:
    """One JSON signal: the SignalRow ready for `services.ingest_signal`, or every error found in it."""
    if not isinstance(item, dict):
        return None, [FieldError("", _("Een signaal is een JSON-object met de velden van het bestand."))]
    errors: list[FieldError] = []
    values: dict[str, str] = {}
    for name, value in item.items():
        if name not in COLUMNS:
            errors.append(FieldError(str(name)[:40], _("Onbekend veld. Gebruik de velden van het bestand: %(velden)s.")
                                     % {"velden": ", ".join(COLUMNS)}))
            continue
        text, error = _text(name, value)
        if error is not None:
            errors.append(error)
        elif text is not None:
            values[name] = text
    if not values.get("partnernaam"):
        values["partnernaam"] = organisatie_naam
    elif not _same_name(values["partnernaam"], organisatie_naam):
        errors.append(FieldError("partnernaam", _("Laat de partnernaam leeg of vul de naam van uw organisatie in "
                                                  "(%(naam)s).") % {"naam": organisatie_naam}))
    # The file's columns that the API may leave out (a flag not sent is "nee").
    for name in BOOLEAN_FIELDS:
        values.setdefault(name, "nee")
    failed = {error.veld for error in errors}
    row, problems = validate_row(values, today=today)
    # A field refused for its type is not reported again by the row check (which saw it as empty).
    errors.extend(FieldError(p.kolom, p.melding) for p in problems if p.kolom not in failed)
    if errors:
        return None, errors
    return row, []
