# SPDX-License-Identifier: EUPL-1.2
"""Streaming reader of the monthly signal file: detects what suppliers send, never asks.

- Encoding per line: UTF-8 (with or without BOM), else Windows-1252. Per line rather than per file,
  because files glued together from two exports arrive with both; a line that is neither is an error
  for that row, not for the file.
- Delimiter: comma or semicolon, whichever the header line uses most.
- Line ends: CRLF or LF (csv handles both; quoted values may span lines).
- Headers: order free, case-insensitive, spaces and hyphens read as underscores.

The file is read line by line from disk: memory does not grow with the file. `open_signal_file`
returns the header mapping (or refuses the file) and a fresh iterator over the data rows each time
`rows()` is called, so validation and writing are two passes over the same stream.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

# The layout (issue 17 item 2): exactly these columns.
COLUMNS = (
    "bsn", "voorletters", "voorvoegsel", "achternaam", "geboortedatum", "straatnaam", "huisnummer",
    "huisnummertoevoeging", "postcode", "plaatsnaam", "telefoonnummer", "email", "partnertype", "partnernaam",
    "bedrag", "ontstaansdatum", "signaaldatum", "crisissignaal", "warme_overdracht",
)
# Columns whose values may be empty may also be left out of the file; all others must be there.
OPTIONAL_COLUMNS = frozenset({"bsn", "voorvoegsel", "huisnummertoevoeging", "telefoonnummer", "email"})
REQUIRED_COLUMNS = tuple(c for c in COLUMNS if c not in OPTIONAL_COLUMNS)

BOM = "\ufeff"
UTF8 = "utf-8"
CP1252 = "windows-1252"


class RefusedFile(Exception):
    """The whole file is refused (before anything is written); the message is Dutch."""


@dataclass(frozen=True)
class RawRow:
    number: int  # the row as a spreadsheet shows it: the header is row 1
    values: dict[str, str]
    undecodable: bool = False


def _normalise_header(name: str) -> str:
    return name.replace(BOM, "").strip().lower().replace(" ", "_").replace("-", "_")


def _decode(line: bytes) -> tuple[str, str]:
    try:
        return line.decode(UTF8), UTF8
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; "replace" keeps the row readable for its error.
        return line.decode(CP1252, errors="replace"), CP1252


class SignalFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.encodings: set[str] = set()
        with path.open("rb") as handle:
            first = handle.readline()
        header_text, encoding = _decode(first.rstrip(b"\r\n"))
        if not first.removeprefix(BOM.encode()).isascii():
            self.encodings.add(encoding)
        header_text = header_text.removeprefix(BOM)
        if not header_text.strip():
            raise RefusedFile(_("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten."))
        self.delimiter = ";" if header_text.count(";") > header_text.count(",") else ","
        names = [_normalise_header(n) for n in next(csv.reader([header_text], delimiter=self.delimiter))]
        doubles = sorted({n for n in names if n and names.count(n) > 1})
        if doubles:
            raise RefusedFile(_("De kolom %(kolommen)s staat meer dan eens in het bestand.")
                              % {"kolommen": ", ".join(doubles)})
        missing = [c for c in REQUIRED_COLUMNS if c not in names]
        if missing:
            raise RefusedFile(
                _("Het bestand mist de verplichte kolom(men) %(kolommen)s. Er is niets opgeslagen. Gebruik het "
                  "sjabloon op deze pagina; de volgorde van de kolommen maakt niet uit.")
                % {"kolommen": ", ".join(missing)}
            )
        self.index = {name: i for i, name in enumerate(names) if name in COLUMNS}
        self.ignored = [n for n in names if n and n not in COLUMNS]

    def _lines(self) -> Iterator[str]:
        with self.path.open("rb") as handle:
            handle.readline()  # the header, read in __init__
            for raw in handle:
                text, encoding = _decode(raw)
                if not raw.isascii():  # plain ASCII says nothing about which of the two a supplier used
                    self.encodings.add(encoding)
                # csv wants the line end to see quoted values that span lines; "\r\n" becomes "\n".
                yield text.rstrip("\r\n") + "\n"

    def rows(self) -> Iterator[RawRow]:
        """The data rows, streamed; blank lines are skipped (spreadsheets add them at the end)."""
        reader = csv.reader(self._lines(), delimiter=self.delimiter)
        pairs = list(self.index.items())
        # Every column of the layout is in `values`, absent ones as "": the validation reads them without a
        # second dictionary. Undecodable bytes (U+FFFD) are looked for in the whole line first (one C-level
        # search): almost every line has none, and only the known columns count.
        absent = {name: "" for name in COLUMNS if name not in self.index}
        widest = max(i for _name, i in pairs) if pairs else -1
        number = 1
        for record in reader:
            number += 1
            joined = "".join(record)
            if not joined.strip():
                continue
            if len(record) > widest:
                values = {name: record[i].strip() for name, i in pairs}
            else:
                width = len(record)
                values = {name: (record[i].strip() if i < width else "") for name, i in pairs}
            if absent:
                values.update(absent)
            undecodable = "\ufffd" in joined and any("\ufffd" in v for v in values.values())
            yield RawRow(number, values, undecodable=undecodable)

    @property
    def encoding_label(self) -> str:
        return "+".join(sorted(self.encodings)) or UTF8


def open_signal_file(path: Path) -> SignalFile:
    """Read the header; raises RefusedFile (Dutch) when the file cannot be taken at all."""
    return SignalFile(path)


def template_csv() -> str:
    """The downloadable template: the header and one example row (a test BSN, an invented person)."""
    example = {
        "bsn": "", "voorletters": "J.", "voorvoegsel": "van", "achternaam": "Voorbeeld",
        "geboortedatum": "15-06-1985", "straatnaam": "Voorbeeldstraat", "huisnummer": "10",
        "huisnummertoevoeging": "A", "postcode": "1234 AB", "plaatsnaam": "Voorbeeld",
        "telefoonnummer": "", "email": "", "partnertype": "Energie", "partnernaam": "Voorbeeld Energie",
        "bedrag": "450", "ontstaansdatum": "10-09-2026", "signaaldatum": "01-10-2026", "crisissignaal": "nee",
        "warme_overdracht": "nee",
    }
    return ";".join(COLUMNS) + "\r\n" + ";".join(example[c] for c in COLUMNS) + "\r\n"
