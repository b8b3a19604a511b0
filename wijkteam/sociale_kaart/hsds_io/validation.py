# SPDX-License-Identifier: EUPL-1.2
"""Check every row of an import before anything is written.

Per row and field: the HSDS JSON Schema definition of the field (required, UUID, enum, number,
date, time, date-time, e-mail, URI) and what our column can hold (length, whole number, decimals);
per table: no id twice; across tables: every reference points at a record in the file or already on
the kaart. A required reference (a service's organization_id) that points nowhere is an error. An
optional one (a parent organisation published elsewhere, as in the official example) is a warning:
the id is kept as an external reference and exported again unchanged.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..duplicates import find_duplicates
from ..models import HSDS_MODELS, TaxonomyTerm
from .problems import Problem
from .readers import RawData, RawRow
from .tables import IMPORT_ORDER, Column, table
from .values import ValueProblem, empty_value, is_empty, parse, parse_uuid, shown

Progress = Callable[[int, int], None]
# Ids per IN (...) query: well below SQLite's and PostgreSQL's parameter limits.
CHUNK = 2000


@dataclass
class Record:
    """A checked row: Python values per model attribute for the columns the file gave."""

    table: str
    id: uuid.UUID
    where: str
    values: dict[str, Any] = field(default_factory=dict)
    # Optional references that point outside the kaart: HSDS field -> id (None: clear a stored one).
    external: dict[str, uuid.UUID | None] = field(default_factory=dict)
    exists: bool = False


@dataclass
class Checked:
    records: dict[str, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def total(self) -> int:
        return sum(len(r) for r in self.records.values())


def _chunks(items: Iterable[Any]) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def existing_ids(table_name: str, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    model = HSDS_MODELS[table_name]
    found: set[uuid.UUID] = set()
    for batch in _chunks(ids):
        found.update(model._default_manager.filter(id__in=batch).values_list("id", flat=True))
    return found


def _required(col: Column) -> bool:
    return col.required or col.tabular_required


MAX_CHECK_PROBLEMS = 10_000  # problems the checking step collects before it stops (readers.py caps reading at 1,000)


def validate(raw: RawData, *, progress: Progress | None = None) -> Checked:
    checked = Checked(problems=list(raw.problems))
    problems = checked.problems
    total = raw.total
    done = 0
    seen: dict[tuple[str, uuid.UUID], RawRow] = {}
    pending: list[tuple[Record, Column, uuid.UUID]] = []
    rows_of: dict[int, RawRow] = {}

    for table_name in IMPORT_ORDER:
        t = table(table_name)
        for row in raw.rows.get(table_name, []):
            if len(problems) >= MAX_CHECK_PROBLEMS:
                # Rows x columns could be millions of messages: the import is refused anyway, so stop here and
                # say so (the first ones shown are enough to fix the file).
                limit = number_format(MAX_CHECK_PROBLEMS, force_grouping=True)
                problems.append(Problem(_("het bestand"), "", _(
                    "Meer dan %(max)s fouten: het controleren is gestopt en er is niets veranderd. Verbeter deze "
                    "fouten en probeer het opnieuw.") % {"max": limit}))
                return checked
            done += 1
            if progress is not None:
                progress(done, total)
            raw_id = row.values.get("id")
            if raw_id is None or is_empty(raw_id):
                problems.append(Problem(row.where, "id", _("dit veld is verplicht maar is leeg")))
                continue
            try:
                record_id = parse_uuid(raw_id)
            except ValueProblem as exc:
                problems.append(Problem(row.where, "id", exc.message))
                continue
            first = seen.get((table_name, record_id))
            if first is not None:
                problems.append(
                    Problem(row.where, "id", _("'%(id)s' komt dubbel voor (ook in %(other)s)")
                            % {"id": raw_id.strip(), "other": first.where})
                )
                continue
            seen[(table_name, record_id)] = row
            record = Record(table_name, record_id, row.where)
            for col in t.columns:
                if col.name == "id" or col.name not in row.values:
                    continue
                raw_value = row.values[col.name]
                if is_empty(raw_value):
                    if _required(col):
                        problems.append(Problem(row.where, col.name, _("dit veld is verplicht maar is leeg")))
                    elif col.is_reference:
                        record.values[col.attname] = None
                        record.external[col.name] = None
                    else:
                        record.values[col.attname] = empty_value(col)
                    continue
                try:
                    value = parse(col, raw_value)
                except ValueProblem as exc:
                    problems.append(Problem(row.where, col.name, exc.message))
                    continue
                if col.is_reference:
                    pending.append((record, col, value))
                else:
                    record.values[col.attname] = value
            checked.records.setdefault(table_name, []).append(record)
            rows_of[id(record)] = row

    # New records need every required field; existing ones keep what the file does not mention.
    for table_name, records in checked.records.items():
        t = table(table_name)
        present = existing_ids(table_name, (r.id for r in records))
        for record in records:
            record.exists = record.id in present
            if record.exists:
                continue
            row = rows_of[id(record)]
            for col in t.columns:
                if _required(col) and col.name not in row.values:
                    problems.append(Problem(record.where, col.name, _("dit veld is verplicht maar ontbreekt")))

    _resolve_references(checked, pending)
    _check_term_codes(checked)
    problems.extend(_check_duplicates(checked.records))
    return checked


def _resolve_references(checked: Checked, pending: list[tuple[Record, Column, uuid.UUID]]) -> None:
    in_file: dict[str, set[uuid.UUID]] = defaultdict(set)
    for table_name, records in checked.records.items():
        in_file[table_name].update(r.id for r in records)
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for _record, col, value in pending:
        assert col.target is not None
        if value not in in_file[col.target]:
            wanted[col.target].add(value)
    on_kaart = {target: existing_ids(target, ids) for target, ids in wanted.items()}
    for record, col, value in pending:
        assert col.target is not None
        if value in in_file[col.target] or value in on_kaart.get(col.target, set()):
            record.values[col.attname] = value
            record.external[col.name] = None
            continue
        label = table(col.target).label
        if _required(col):
            checked.problems.append(
                Problem(record.where, col.name,
                        _("'%(value)s' verwijst naar een onbekende %(what)s (niet in dit bestand en niet op de "
                          "sociale kaart)") % {"value": shown(str(value)), "what": label})
            )
        else:
            checked.problems.append(
                Problem(record.where, col.name,
                        _("'%(value)s' verwijst naar een %(what)s die niet op de sociale kaart staat; de verwijzing "
                          "wordt bewaard en weer geëxporteerd") % {"value": shown(str(value)), "what": label},
                        "warning")
            )
            record.values[col.attname] = None
            record.external[col.name] = value


def _check_term_codes(checked: Checked) -> None:
    """HSDS: code and taxonomy_id together define a term; our database enforces that too."""
    terms = checked.records.get("taxonomy_term", [])
    first: dict[tuple[uuid.UUID, str], Record] = {}
    for record in terms:
        code = record.values.get("code")
        taxonomy_id = record.values.get("taxonomy_id")
        if not code or taxonomy_id is None:
            continue
        other = first.get((taxonomy_id, code))
        if other is not None:
            checked.problems.append(
                Problem(record.where, "code", _("code '%(code)s' komt in deze taxonomie al voor (%(other)s)")
                        % {"code": shown(code), "other": other.where})
            )
        else:
            first[(taxonomy_id, code)] = record
    if not first:
        return
    ids = {r.id for r in terms}
    clashes = TaxonomyTerm.objects.filter(
        taxonomy_id__in={k[0] for k in first}, code__in={k[1] for k in first}
    ).exclude(id__in=ids)
    for term_id, taxonomy_id, code in clashes.values_list("id", "taxonomy_id", "code"):
        clashing = first.get((taxonomy_id, code))
        if clashing is not None:
            checked.problems.append(
                Problem(clashing.where, "code", _("code '%(code)s' bestaat al in deze taxonomie (term %(id)s)")
                        % {"code": shown(code), "id": term_id})
            )


# find_duplicates costs up to ~0.1 s with thousands of services on the kaart: check this many new
# services while validating; the rest are checked by a background task after the import.
DUPLICATE_CHECK_LIMIT = 200


def _check_duplicates(rows: dict[str, list[Record]]) -> list[Problem]:
    """Warn about new services that look like one already on the kaart (name and phone).

    A warning, not an error: two buurthuizen may run a "Taalcafé" each. After the import the new
    services also go on the beheerder's duplicates worklist (see hsds_io.services.import_raw).
    """

    phones: dict[uuid.UUID, str] = {}
    for phone in rows.get("phone", []):
        service_id = phone.values.get("service_id")
        if service_id is not None and phone.values.get("number"):
            phones.setdefault(service_id, str(phone.values["number"]))
    new_services = [r for r in rows.get("service", []) if not r.exists and r.values.get("name")]
    problems: list[Problem] = []
    for record in new_services[:DUPLICATE_CHECK_LIMIT]:
        matches = find_duplicates(str(record.values["name"]), phone=phones.get(record.id, ""), exclude_id=record.id)
        for match in matches[:3]:
            problems.append(Problem(
                record.where, "name",
                _("lijkt op '%(other)s' dat al op de sociale kaart staat (%(score)s%% overeenkomst); "
                  "na de import staat dit paar op de lijst met dubbelingen")
                % {"other": shown(str(match.obj.name)), "score": match.score},
                level="warning",
            ))
    if len(new_services) > DUPLICATE_CHECK_LIMIT:
        problems.append(Problem(
            _("services"), "",
            _("%(count)s nieuwe diensten zijn na de import op dubbelingen gecontroleerd in plaats van vooraf")
            % {"count": len(new_services) - DUPLICATE_CHECK_LIMIT},
            level="warning",
        ))
    return problems
