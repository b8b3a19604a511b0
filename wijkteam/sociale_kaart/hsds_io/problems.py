# SPDX-License-Identifier: EUPL-1.2
"""A problem found in an import file, said in Dutch with where it is: file, row and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _

from .tables import TABLE_LABELS

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """`where` names the file and row ("services.csv, rij 4") or the spot in a JSON file.

    An error stops the whole import (nothing is written); a warning is shown but does not.
    """

    where: str
    field: str
    message: str
    level: Level = "error"

    def __str__(self) -> str:
        if self.field:
            return _("%(where)s, veld '%(field)s': %(message)s") % {
                "where": self.where,
                "field": self.field,
                "message": self.message,
            }
        if self.message.startswith(self.where):
            return self.message  # "kaart.json is geen geldige JSON", not "kaart.json: kaart.json is ..."
        return f"{self.where}: {self.message}"

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "field": self.field, "message": self.message, "text": str(self)}

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def csv_row(filename: str, number: int) -> str:
    """Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2."""
    return _("%(file)s, rij %(number)s") % {"file": filename, "number": number}


def json_spot(filename: str, pointer: str) -> str:
    """'kaart.json, locatie 1 van object 2': the place in words, not as a JSON pointer."""
    return _("%(file)s, %(place)s") % {"file": filename, "place": pointer_in_words(pointer)}


# JSON keys that hold nested records, and the HSDS table of what they hold.
_KEY_TABLES = {
    "phones": "phone", "schedules": "schedule", "service_areas": "service_area",
    "service_at_locations": "service_at_location", "languages": "language", "funding": "funding",
    "cost_options": "cost_option", "required_documents": "required_document", "contacts": "contact",
    "locations": "location", "programs": "program", "organization_identifiers": "organization_identifier",
    "services": "service", "addresses": "address", "accessibility": "accessibility", "attributes": "attribute",
    "metadata": "metadata", "organization": "organization", "program": "program", "location": "location",
    "service": "service", "taxonomy_term": "taxonomy_term", "taxonomy_detail": "taxonomy",
}


def pointer_in_words(pointer: str) -> str:
    """'/contents/1/locations/0/addresses/2' -> 'adres 3 van locatie 1 van object 2'."""
    parts = [p for p in pointer.split("/") if p != ""]
    if parts[:1] == ["contents"]:
        parts = parts[1:]
    if not parts:
        return _("het object bovenaan in het bestand")
    words: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        if part.isdigit():
            words.append(_("object %(n)s") % {"n": int(part) + 1})
            index += 1
            continue
        label = TABLE_LABELS.get(_KEY_TABLES.get(part, ""), part)
        if following is not None and following.isdigit():
            words.append(f"{label} {int(following) + 1}")
            index += 2
        else:
            words.append(label)
            index += 1
    # Innermost first, as one would say it: "adres 3 van locatie 1 van object 2".
    return _(" van ").join(reversed(words))

