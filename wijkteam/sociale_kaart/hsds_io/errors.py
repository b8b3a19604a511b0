# SPDX-License-Identifier: EUPL-1.2
"""Import problems a beheerder can act on: in words, the root cause first, knock-on errors grouped.

One broken organisation row (or an unreadable organizations.csv) makes every service that points at
it fail too; listing 127 times "verwijst naar een onbekende organisatie" buries the one thing to fix.
`arrange` puts problems about whole files first, keeps each root cause, and folds the references to
records that could not be loaded into one line per file and field: "127 rijen verwijzen naar een
organisatie die niet geladen kon worden". A place in a JSON file is said in words ("locatie 1
van object 2", problems.pointer_in_words), never as a JSON pointer ("onderdeel /").
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .problems import Problem
from .tables import TABLE_LABELS, table, table_for_csv

if TYPE_CHECKING:  # readers uses this module's messages; only the types are needed here
    from .readers import RawData
    from .validation import Checked

# Row numbers named in a grouped line; the rest are counted.
SHOWN_ROWS = 5


def descriptor_problem(reason: str) -> str:
    """Why a package with an unreadable datapackage.json is refused, and what to do."""
    return _(
        "datapackage.json kan niet gelezen worden: %(reason)s. Het pakket is niet ingelezen en er is niets "
        "veranderd: zonder deze beschrijving is niet zeker welk bestand welke tabel is. Verbeter "
        "datapackage.json of laat het bestand weg; dan gelden de standaard HSDS-bestandsnamen."
    ) % {"reason": reason}


def json_error_in_words(exc: json.JSONDecodeError) -> str:
    """'Expecting value: line 3 column 5 (char 20)' -> 'er klopt iets niet op regel 3, teken 5'."""
    return _("er klopt iets niet op regel %(line)s, teken %(column)s") % {"line": exc.lineno, "column": exc.colno}


@dataclass
class _Group:
    """Rows of one file whose field points at records of `target` that could not be loaded."""

    file: str
    field: str
    target: str
    causes: set[str] = dataclasses.field(default_factory=set)
    rows: list[str] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Failed:
    """What could not be loaded: whole tables (an unreadable file) and ids of rejected rows."""

    tables: frozenset[str]
    ids: dict[str, set[str]]
    # The file and place of each rejected id, to point the beheerder at the root cause.
    where: dict[tuple[str, str], str]


def _file_of(where: str) -> str:
    return where.split(",", 1)[0].strip()


def arrange(problems: list[Problem], knock_on: dict[int, tuple[str, str]]) -> list[Problem]:
    """Problems about whole files first, then the rest in file order, knock-on errors grouped.

    `knock_on`: index in `problems` -> (target table, where the root cause is), for reference
    errors caused by a record that could not be loaded (see validation: `knock_on_references`).
    """
    groups: dict[tuple[str, str, str], _Group] = {}
    kept: list[Problem] = []
    for index, problem in enumerate(problems):
        cause = knock_on.get(index)
        if cause is None:
            kept.append(problem)
            continue
        target, root = cause
        key = (_file_of(problem.where), problem.field, target)
        group = groups.setdefault(key, _Group(*key))
        group.causes.add(root)
        group.rows.append(problem.where)
    whole_files = [p for p in kept if p.is_error and "," not in p.where]
    rest = [p for p in kept if p not in whole_files]
    return [*whole_files, *rest, *(_grouped(g) for g in groups.values())]


def _grouped(group: _Group) -> Problem:
    count = len(group.rows)
    label = TABLE_LABELS.get(group.target, group.target)
    rows = [where.split(",", 1)[1].strip() if "," in where else where for where in group.rows[:SHOWN_ROWS]]
    shown = ", ".join(rows) + (_(" en nog %(n)s") % {"n": count - SHOWN_ROWS} if count > SHOWN_ROWS else "")
    causes = ", ".join(sorted(group.causes))
    message = ngettext(
        "%(count)s rij verwijst naar een %(what)s die niet geladen kon worden (%(rows)s); los eerst de fout "
        "in %(causes)s op",
        "%(count)s rijen verwijzen naar een %(what)s die niet geladen kon worden (%(rows)s); los eerst de fout "
        "in %(causes)s op",
        count,
    ) % {"count": count, "what": label, "rows": shown, "causes": causes}
    return Problem(group.file, group.field, message)


def failed_loads(rows_by_table: dict[str, list[tuple[str, str]]], loaded: dict[str, set[str]],
                 problems: list[Problem]) -> Failed:
    """Tables whose file could not be read, and ids of rows that were rejected and not loaded.

    `rows_by_table`: per table the (where, raw id) of every row read; `loaded`: ids (lowercase) that
    made it through the checks.
    """
    failed_tables = set()
    for problem in problems:
        if problem.is_error and "," not in problem.where:
            t = _table_of_file(problem.where)
            if t is not None:
                failed_tables.add(t)
    rejected_where = {p.where for p in problems if p.is_error and p.field == "id"}
    ids: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], str] = {}
    for table_name, rows in rows_by_table.items():
        for spot, raw_id in rows:
            key = raw_id.strip().lower()
            if spot in rejected_where and key and key not in loaded.get(table_name, set()):
                ids[table_name].add(key)
                where.setdefault((table_name, key), spot)
    return Failed(tables=frozenset(failed_tables), ids=dict(ids), where=where)


def knock_on_references(problems: list[Problem], refs: dict[tuple[str, str], tuple[str, str, str]],
                        failed: Failed) -> dict[int, tuple[str, str]]:
    """Which reference errors come from a record that could not be loaded.

    `refs`: (where, field) of a row's reference -> (row's table, target table, raw value).
    """
    found: dict[int, tuple[str, str]] = {}
    for index, problem in enumerate(problems):
        ref = refs.get((problem.where, problem.field))
        if ref is None or not problem.is_error:
            continue
        _table, target, value = ref
        key = value.strip().lower()
        if key in failed.ids.get(target, set()):
            found[index] = (target, failed.where[(target, key)])
        elif target in failed.tables:
            found[index] = (target, table(target).csv_name)
    return found


def _table_of_file(name: str) -> str | None:
    t = table_for_csv(name)
    return t.name if t is not None else None


def explain(raw: RawData, checked: Checked) -> list[Problem]:
    """The problems of a checked import, arranged for the beheerder (see `arrange`)."""
    if not checked.errors:
        return checked.problems
    rows_by_table: dict[str, list[tuple[str, str]]] = {}
    refs: dict[tuple[str, str], tuple[str, str, str]] = {}
    for table_name, rows in raw.rows.items():
        t = table(table_name)
        rows_by_table[table_name] = [(row.where, row.values.get("id", "")) for row in rows]
        for row in rows:
            for col in t.references:
                value = row.values.get(col.name, "")
                if value.strip() and col.target is not None:
                    refs[(row.where, col.name)] = (table_name, col.target, value)
    loaded = {name: {str(r.id) for r in records} for name, records in checked.records.items()}
    failed = failed_loads(rows_by_table, loaded, checked.problems)
    return arrange(checked.problems, knock_on_references(checked.problems, refs, failed))
