# SPDX-License-Identifier: EUPL-1.2
"""A problem found in an import file, said in Dutch with where it is: file, row and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _

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
    return _("%(file)s, onderdeel %(pointer)s") % {"file": filename, "pointer": pointer or "/"}
