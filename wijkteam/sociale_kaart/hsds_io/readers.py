# SPDX-License-Identifier: EUPL-1.2
"""Read an upload into HSDS rows: a zip (or folder) with the CSV tables, or an HSDS JSON file.

Rows come out as text per HSDS column, exactly as written in the file; checking and converting is
the validator's job, so CSV and JSON get the same checks and the same Dutch messages. A column
that is not in a row (not in the CSV header, or a key absent from a JSON object) is not in
`RawRow.values`: the import then leaves that field of an existing record alone.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .errors import descriptor_problem, json_error_in_words
from .problems import Problem, csv_row, json_spot
from .tables import Table, table, tables
from .values import restore_formula

# Zip members read at most; a municipality's package has about twenty.
MAX_ZIP_MEMBERS = 200
# Defaults of WIJKTEAM_IMPORT_MAX_BYTES and WIJKTEAM_IMPORT_MAX_ROWS (settings.py).
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ROWS = 100_000
# Problems one file may give before reading stops: a small file of bad rows would otherwise fill
# the worker's memory with messages, and nobody reads past the first screenful anyway.
MAX_PROBLEMS = 1000
_READ_BLOCK = 64 * 1024


def max_bytes() -> int:
    """Decompressed bytes one import may read (all CSV files together, or the JSON file)."""
    return int(getattr(settings, "WIJKTEAM_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_rows() -> int:
    """Rows (records of all tables together) one import may hold."""
    return int(getattr(settings, "WIJKTEAM_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS))


@dataclass
class RawRow:
    table: str
    where: str
    values: dict[str, str]
    # The CSV row number (for "also in row n"); None for JSON.
    number: int | None = None


@dataclass
class RawData:
    rows: dict[str, list[RawRow]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Stop reading past this many rows (a runaway file would otherwise fill the worker's memory).
    row_limit: int | None = None
    _count: int = 0

    def add(self, row: RawRow, filename: str = "") -> None:
        self.count(filename)
        self.rows.setdefault(row.table, []).append(row)

    def count(self, filename: str = "") -> None:
        """Count a row read, also one that is rejected: the row limit bounds the reading, not the result."""
        self._count += 1
        if self.row_limit is not None and self._count > self.row_limit:
            raise TooBig(
                _("%(file)s heeft meer dan %(max)s rijen; de import is gestopt en er is niets veranderd. Splits "
                  "het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_ROWS).")
                % {"file": filename or _("het bestand"), "max": number_format(self.row_limit, force_grouping=True)}
            )

    def report(self, problem: Problem, filename: str = "") -> None:
        """Note a problem; past MAX_PROBLEMS the import stops (TooBig), so nothing is written."""
        if len(self.problems) >= MAX_PROBLEMS:
            raise TooBig(
                _("%(file)s bevat te veel fouten (meer dan %(max)s); de import is gestopt en er is niets "
                  "veranderd. Verbeter het bestand en probeer het opnieuw.")
                % {"file": filename or _("het bestand"), "max": number_format(MAX_PROBLEMS, force_grouping=True)}
            )
        self.problems.append(problem)

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


class UnreadableFile(Exception):
    """The upload is no zip with CSV tables and no JSON; `message` says so in Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TooBig(UnreadableFile):
    """The upload unpacks to more bytes or rows than one import may read."""


def _too_many_bytes(filename: str, limit: int, *, unpacked: bool = True) -> TooBig:
    what = (_("%(file)s is uitgepakt groter dan %(max)s") if unpacked else _("%(file)s is groter dan %(max)s")) % {
        "file": filename or _("het bestand"), "max": filesizeformat(limit)}
    return TooBig(
        what + _("; de import is gestopt en er is niets veranderd. Splits het bestand in delen of laat de grens "
                 "verhogen (WIJKTEAM_IMPORT_MAX_BYTES).")
    )


# A CSV file to read: its bytes, or a function that opens it as a binary stream.
Source = bytes | Callable[[], IO[bytes]]


class _Budget:
    """Decompressed bytes read so far by one import, against its limit.

    Counted while reading, because a zip's directory states sizes that its data need not keep to.
    """

    def __init__(self, limit: int, *, unpacked: bool) -> None:
        self.limit = limit
        self.unpacked = unpacked
        self.used = 0

    def charge(self, amount: int, filename: str) -> None:
        self.used += amount
        if self.used > self.limit:
            raise _too_many_bytes(filename, self.limit, unpacked=self.unpacked)


class _Counted(io.RawIOBase):
    """A binary stream that charges every byte it yields to the import's budget."""

    def __init__(self, stream: IO[bytes], budget: _Budget, filename: str) -> None:
        self._stream = stream
        self._budget = budget
        self._filename = filename

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._stream.read(min(len(buffer), _READ_BLOCK))
        except (zipfile.BadZipFile, zlib.error, EOFError):
            raise UnreadableFile(
                _("%(file)s is beschadigd (het zip-bestand klopt niet); er is niets veranderd.")
                % {"file": self._filename}
            ) from None
        self._budget.charge(len(data), self._filename)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def detect_format(data: bytes, filename: str = "") -> str:
    """'csv' for a zip (the tabular package), 'json' for JSON; UnreadableFile otherwise."""
    if data[:4] == b"PK\x03\x04":
        return "csv"
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in {b"[", b"{"}:
        return "json"
    raise UnreadableFile(
        _("%(file)s is geen zip-bestand met HSDS-tabellen en geen HSDS JSON-bestand.")
        % {"file": filename or _("Het bestand")}
    )


def read_upload(data: bytes, filename: str) -> RawData:
    """Read a zip with CSV files or a JSON file (by content, not by name)."""
    if detect_format(data, filename) == "csv":
        archive = _open_zip(data, filename)
        with archive:
            return read_csv_files(_zip_members(archive, filename), unpacked=True)
    return read_json(data, filename)


def read_path(path: Path) -> RawData:
    """For the management command: a folder with CSV files, a zip, or a JSON file."""
    if path.is_dir():
        files: dict[str, Source] = {p.name: _file_opener(p) for p in sorted(path.iterdir()) if p.is_file()}
        return read_csv_files(files)
    if path.stat().st_size > max_bytes():
        raise _too_many_bytes("", max_bytes(), unpacked=False)
    return read_upload(path.read_bytes(), path.name)


def _file_opener(path: Path) -> Callable[[], IO[bytes]]:
    return lambda: path.open("rb")


def _member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    return lambda: archive.open(info)


def _open_zip(data: bytes, filename: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableFile(_("%(file)s is geen geldig zip-bestand.") % {"file": filename}) from None


def _zip_members(archive: zipfile.ZipFile, filename: str) -> dict[str, Source]:
    """The zip's files by name, opened lazily; refused at once when the directory admits a bomb."""
    infos = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnreadableFile(_("%(file)s bevat te veel bestanden.") % {"file": filename})
    limit = max_bytes()
    for info in infos:
        if info.file_size > limit:
            raise _too_many_bytes(PurePosixPath(info.filename).name, limit)
    if sum(i.file_size for i in infos) > limit:
        raise _too_many_bytes("", limit)
    members: dict[str, Source] = {}
    for info in infos:
        # Packages are often zipped with their folder; only the file name counts.
        name = PurePosixPath(info.filename).name
        if name.startswith("."):
            continue
        members[name] = _member_opener(archive, info)
    return members


# --- CSV ---------------------------------------------------------------------------------------


def _open(source: Source, budget: _Budget, filename: str) -> IO[bytes]:
    stream = io.BytesIO(source) if isinstance(source, bytes) else source()
    return io.BufferedReader(_Counted(stream, budget, filename), buffer_size=_READ_BLOCK)


# datapackage.json is read whole; a real one is some 100 kB.
MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024


def _resources(
    files: Mapping[str, Source], raw: RawData, budget: _Budget
) -> dict[str, tuple[Table, dict[str, Any]]]:
    """CSV file name -> (table, resource description) from datapackage.json, else the standard names."""
    by_file: dict[str, tuple[Table, dict[str, Any]]] = {}
    if "datapackage.json" in files:
        with _open(files["datapackage.json"], budget, "datapackage.json") as fh:
            content = fh.read(MAX_DESCRIPTOR_BYTES + 1)
        # The descriptor says which file holds which table: when it cannot be read, guessing from the
        # file names could load the wrong table, so the package is refused with the reason.
        if len(content) > MAX_DESCRIPTOR_BYTES:
            raise UnreadableFile(descriptor_problem(_("het bestand is te groot voor een beschrijving")))
        try:
            package = json.loads(content.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise UnreadableFile(descriptor_problem(_("het bestand is geen UTF-8-tekst"))) from None
        except json.JSONDecodeError as exc:
            raise UnreadableFile(descriptor_problem(json_error_in_words(exc))) from None
        resources = package.get("resources", []) if isinstance(package, dict) else []
        for resource in resources:
            if not isinstance(resource, dict) or resource.get("name") not in tables():
                continue
            path = resource.get("path")
            if isinstance(path, str):
                by_file[PurePosixPath(path).name] = (table(resource["name"]), resource)
    for t in tables().values():
        if t.csv_name not in by_file and t.csv_name in files:
            by_file[t.csv_name] = (t, {})
    return by_file


def read_csv_files(files: Mapping[str, Source], *, unpacked: bool = False) -> RawData:
    """Read the CSV tables, streaming: bytes and rows are counted against the import's limits."""
    raw = RawData(row_limit=max_rows())
    budget = _Budget(max_bytes(), unpacked=unpacked)
    resources = _resources(files, raw, budget)
    for name in sorted(files):
        if name.lower().endswith(".csv") and name not in resources:
            raw.report(Problem(name, "", _("dit bestand hoort niet bij HSDS en wordt overgeslagen"), "warning"))
    if not resources:
        raise UnreadableFile(
            _("Het zip-bestand bevat geen HSDS-tabellen (zoals organizations.csv en services.csv).")
        )
    # Read in import order, so the rows counted and the problems listed follow parents-first.
    order = {name: index for index, name in enumerate(tables())}
    for filename, (t, resource) in sorted(resources.items(), key=lambda item: order[item[1][0].name]):
        with _open(files[filename], budget, filename) as binary:
            text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
            before = len(raw.rows.get(t.name, []))
            try:
                _read_csv(filename, text, t, resource, raw)
            except UnicodeDecodeError:
                # Rows before the bad byte would only add confusing follow-up problems.
                del raw.rows.setdefault(t.name, [])[before:]
                raw.report(
                    Problem(filename, "", _("het bestand is geen UTF-8-tekst; sla het op als 'CSV UTF-8'")), filename
                )
    return raw


def _delimiter(header: str, resource: dict[str, Any]) -> str:
    dialect = resource.get("dialect")
    if isinstance(dialect, dict) and isinstance(dialect.get("delimiter"), str) and len(dialect["delimiter"]) == 1:
        return str(dialect["delimiter"])
    # Dutch spreadsheet programs save CSV with semicolons; accept that without asking.
    return ";" if header.count(";") > header.count(",") else ","


def _read_csv(filename: str, text: IO[str], t: Table, resource: dict[str, Any], raw: RawData) -> None:
    """Rows one at a time from the stream: memory holds the rows read, never the whole file."""
    first_line = text.readline()
    reader = csv.reader(itertools.chain([first_line], text), delimiter=_delimiter(first_line, resource))
    try:
        header = next(reader)
    except StopIteration:
        return  # an empty file: nothing to import
    except csv.Error as exc:
        raw.report(Problem(filename, "", _("het bestand is geen geldige CSV (%(error)s)") % {"error": exc}), filename)
        return
    columns = [h.strip() for h in header]
    known = [c if t.column(c) else None for c in columns]
    for name in columns:
        if name and not t.column(name):
            raw.report(
                Problem(filename, name, _("deze kolom is geen HSDS-veld van %(table)s en wordt overgeslagen")
                        % {"table": t.name}, "warning"),
                filename,
            )
    seen: set[str] = set()
    for name in columns:
        if name in seen and t.column(name):
            raw.report(Problem(filename, name, _("deze kolom staat er twee keer in")), filename)
        seen.add(name)
    for col in t.columns:
        if (col.required or col.tabular_required) and col.name not in seen:
            raw.report(Problem(filename, col.name, _("deze verplichte kolom ontbreekt")), filename)
    for index, record in enumerate(_records(reader, filename, raw)):
        number = index + 2
        where = csv_row(filename, number)
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(columns):
            raw.count(filename)
            raw.report(
                Problem(where, "", _("de rij heeft %(found)s waarden maar er zijn %(expected)s kolommen")
                        % {"found": len(record), "expected": len(columns)}),
                filename,
            )
            continue
        # restore_formula: undo the exporter's apostrophe before a formula (values.py).
        values = {name: restore_formula(cell) for name, cell in zip(known, record, strict=False) if name}
        raw.add(RawRow(t.name, where, values, number), filename)


def _records(reader: Any, filename: str, raw: RawData) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        raw.report(Problem(filename, "", _("het bestand is geen geldige CSV (%(error)s)") % {"error": exc}), filename)


# --- JSON --------------------------------------------------------------------------------------

# Nested arrays: JSON key of the parent -> (child table, the child's column pointing at the parent).
CHILD_ARRAYS: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "phones": ("phone", "service_id"),
        "schedules": ("schedule", "service_id"),
        "service_areas": ("service_area", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("language", "service_id"),
        "funding": ("funding", "service_id"),
        "cost_options": ("cost_option", "service_id"),
        "required_documents": ("required_document", "service_id"),
        "contacts": ("contact", "service_id"),
    },
    "organization": {
        "funding": ("funding", "organization_id"),
        "contacts": ("contact", "organization_id"),
        "phones": ("phone", "organization_id"),
        "locations": ("location", "organization_id"),
        "programs": ("program", "organization_id"),
        "organization_identifiers": ("organization_identifier", "organization_id"),
        "services": ("service", "organization_id"),
    },
    "service_at_location": {
        "contacts": ("contact", "service_at_location_id"),
        "phones": ("phone", "service_at_location_id"),
        "schedules": ("schedule", "service_at_location_id"),
    },
    "location": {
        "languages": ("language", "location_id"),
        "addresses": ("address", "location_id"),
        "contacts": ("contact", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "phones": ("phone", "location_id"),
        "schedules": ("schedule", "location_id"),
    },
    "phone": {"languages": ("language", "phone_id")},
    "contact": {"phones": ("phone", "contact_id")},
}
# Nested single objects: JSON key -> (table of the object, the PARENT's column that points at it).
CHILD_OBJECTS: dict[str, dict[str, tuple[str, str]]] = {
    "service": {"organization": ("organization", "organization_id"), "program": ("program", "program_id")},
    "service_at_location": {"location": ("location", "location_id"), "service": ("service", "service_id")},
    "attribute": {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")},
    "taxonomy_term": {"taxonomy_detail": ("taxonomy", "taxonomy_id")},
}


def _top_level_table(item: dict[str, Any]) -> str:
    """What a top-level JSON object is: a service has a status (required), a service_at_location
    nests a location or service but has no name, anything else is an organization."""
    if "status" in item:
        return "service"
    if "name" not in item and ({"location", "service", "location_id", "service_id"} & set(item)):
        return "service_at_location"
    return "organization"


class _JsonReader:
    """Flattens nested HSDS JSON into table rows; the same record met twice becomes one row."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.raw = RawData(row_limit=max_rows())
        self.by_id: dict[tuple[str, str], RawRow] = {}

    def problem(self, pointer: str, field_name: str, message: str) -> None:
        self.raw.report(Problem(json_spot(self.filename, pointer), field_name, message))

    def read_document(self, document: Any) -> None:
        if isinstance(document, dict) and isinstance(document.get("contents"), list):
            items, base = document["contents"], "/contents"
        elif isinstance(document, list):
            items, base = document, ""
        else:
            items, base = [document], ""
        for index, item in enumerate(items):
            pointer = f"{base}/{index}" if base or isinstance(document, list) else ""
            if not isinstance(item, dict):
                self.raw.count()
                self.problem(pointer, "", _("hier hoort een HSDS-object (tussen accolades)"))
                continue
            self.record(_top_level_table(item), item, pointer, {})

    def record(self, table_name: str, obj: dict[str, Any], pointer: str, implied: dict[str, str]) -> str | None:
        """Add the object (and everything nested in it) as rows; returns its id."""
        t = table(table_name)
        values: dict[str, str] = {}
        for key, value in obj.items():
            col = t.column(key)
            if col is None or value is None:
                continue
            text = self.scalar(col.json_type, value, pointer, key)
            if text is not None:
                values[key] = text
        # Nested single objects first: they give this record its reference (service.organization_id).
        for key, (child_table, own_column) in CHILD_OBJECTS.get(table_name, {}).items():
            child = obj.get(key)
            if isinstance(child, dict):
                child_implied = {}
                if table_name == "service" and key == "program" and "organization_id" in values:
                    child_implied["organization_id"] = values["organization_id"]
                child_id = self.record(child_table, child, f"{pointer}/{key}", child_implied)
                if child_id is not None:
                    self.imply(values, own_column, child_id, pointer)
            elif child is not None:
                self.problem(f"{pointer}/{key}", "", _("hier hoort één HSDS-object (tussen accolades)"))
        for column, value in implied.items():
            self.imply(values, column, value, pointer)
        record_id = values.get("id")
        if set(obj) <= {"id"} and record_id:
            return record_id  # a reference only ("services": [{"id": ...}])
        self.add(t, values, pointer)
        if not record_id:
            return None
        for key, (child_table, parent_column) in CHILD_ARRAYS.get(table_name, {}).items():
            self.children(obj, key, child_table, {parent_column: record_id}, pointer)
        if "attributes" in t.nested:
            self.children(obj, "attributes", "attribute", {"link_id": record_id, "link_entity": table_name}, pointer,
                          defaults_only={"link_entity"})
        if "metadata" in t.nested:
            self.children(obj, "metadata", "metadata", {"resource_id": record_id, "resource_type": table_name}, pointer,
                          defaults_only={"resource_type"})
        return record_id

    def children(self, obj: dict[str, Any], key: str, child_table: str, implied: dict[str, str], pointer: str,
                 defaults_only: set[str] | None = None) -> None:
        items = obj.get(key)
        if items is None:
            return
        if not isinstance(items, list):
            self.problem(f"{pointer}/{key}", "", _("hier hoort een lijst (tussen blokhaken)"))
            return
        for index, item in enumerate(items):
            spot = f"{pointer}/{key}/{index}"
            if not isinstance(item, dict):
                self.raw.count()
                self.problem(spot, "", _("hier hoort een HSDS-object (tussen accolades)"))
                continue
            # link_entity / resource_type default to the parent's table but may say otherwise.
            own = {k: v for k, v in implied.items() if not (defaults_only and k in defaults_only and item.get(k))}
            self.record(child_table, item, spot, own)

    def imply(self, values: dict[str, str], column: str, value: str, pointer: str) -> None:
        current = values.get(column, "")
        if current and current.strip().lower() != value.strip().lower():
            self.problem(pointer, column, _("'%(given)s' klopt niet met waar dit onderdeel in staat (%(implied)s)")
                         % {"given": current, "implied": value})
            return
        values[column] = value

    def scalar(self, json_type: str, value: Any, pointer: str, key: str) -> str | None:
        if json_type == "number":
            if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
                self.problem(pointer, key,
                             _("'%(value)s' moet een getal zijn (zonder aanhalingstekens)") % {"value": value})
                return None
            return str(value) if isinstance(value, int | Decimal) else repr(value)
        if not isinstance(value, str):
            self.problem(pointer, key,
                         _("%(value)s moet tekst zijn (tussen aanhalingstekens)") % {"value": json.dumps(value)})
            return None
        return value

    def add(self, t: Table, values: dict[str, str], pointer: str) -> None:
        key_id = values.get("id", "").strip().lower()
        where = json_spot(self.filename, pointer)
        existing = self.by_id.get((t.name, key_id)) if key_id else None
        if existing is None:
            row = RawRow(t.name, where, values)
            self.raw.add(row)
            if key_id:
                self.by_id[(t.name, key_id)] = row
            return
        # The same record nested in several places (a phone under its service and its location):
        # one row with every reference; differing values are a mistake in the file.
        for column, value in values.items():
            known = existing.values.get(column, "")
            if known and value and known != value:
                self.raw.report(
                    Problem(where, column,
                            _("dit %(table)s staat ook in %(other)s, met een andere waarde ('%(a)s' en '%(b)s')")
                            % {"table": t.label, "other": existing.where, "a": known[:40], "b": value[:40]})
                )
            elif value:
                existing.values[column] = value
            else:
                existing.values.setdefault(column, value)


def read_json(data: bytes, filename: str) -> RawData:
    # JSON is parsed whole (objects nest across the file), so its size is what bounds memory.
    if len(data) > max_bytes():
        raise _too_many_bytes("", max_bytes(), unpacked=False)
    try:
        # Numbers as Decimal, as written: int() of a number with 5,000 digits is a ValueError, and float()
        # makes 1e400 "inf"; the validator judges each number by its column (values.py).
        document = json.loads(data.decode("utf-8-sig"), parse_int=Decimal, parse_float=Decimal)
    except UnicodeDecodeError:
        raise UnreadableFile(_("%(file)s is geen UTF-8-tekst.") % {"file": filename}) from None
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            _("%(file)s is geen geldige JSON: %(error)s.") % {"file": filename, "error": json_error_in_words(exc)}
        ) from None
    reader = _JsonReader(filename)
    reader.read_document(document)
    return reader.raw
