# SPDX-License-Identifier: EUPL-1.2
"""SQL of the search index for SQLite (FTS5) and PostgreSQL (tsvector + GIN).

Everything engine-specific lives here: writing index rows and the ONE retrieval query per search.
The tables are created by migrations 0003_search_index, 0006_search_card and 0007_search_key.
Callers pass plain data (IndexRow, RetrievalPlan) and get plain tuples back, so the rest of the
search never sees SQL dialects.

Two tables per service, written together here and nowhere else: sk_search_entry, the whole row
(texts, card and HSDS JSON: ~3 KB), read by primary key for a page's cards; and sk_search_key, the
narrow copy of what retrieval reads for EVERY match (filters, sort key, the re-rank's columns;
on PostgreSQL also the tsvector and its GIN index). At 100,000 services a query matches tens of
thousands of rows: reading a wide row per match used to cost more than the match itself.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

ENTRY_COLUMNS = (
    "status",
    "checked_on",
    "name_text",
    "org_text",
    "terms_text",
    "body_text",
    "words",
    "codes",
    "min_age",
    "max_age",
    "gratis",
    "rolstoel",
    "talen",
    "wijken",
    "points",
    "sort_name",
    "card",  # JSON, cards.py; long, so last in the row
    "hsds",  # JSON: the service as /api/hsds/services lists it (api.serializers.services_list)
)

# The columns copied into sk_search_key (migration 0007): filters first, then the re-rank's.
KEY_COLUMNS = (
    "status",
    "checked_on",
    "gratis",
    "rolstoel",
    "min_age",
    "max_age",
    "codes",
    "talen",
    "wijken",
    "sort_name",
    "name_text",
    "points",
)
_KEY_POSITIONS = tuple(ENTRY_COLUMNS.index(c) for c in KEY_COLUMNS)

# Column weights. Name first, then the attached terms (their names and the term codes that the
# detected levensdomeinen add to the query), then organisation, then the long description.
SQLITE_WEIGHTS = (8.0, 3.0, 5.0, 1.0)  # fts5 column order: name, org, terms, body
# ts_rank's array is {D, C, B, A}: D body, C organisation, B terms, A name.
POSTGRES_WEIGHTS = "{0.2,0.4,0.7,1.0}"


@dataclass(frozen=True)
class IndexRow:
    service_id: uuid.UUID
    status: str
    checked_on: datetime.date | None
    name_text: str
    org_text: str
    terms_text: str
    body_text: str
    words: str
    codes: str
    min_age: float | None
    max_age: float | None
    gratis: bool
    rolstoel: bool
    talen: str
    wijken: str
    points: str
    sort_name: str
    card: str = ""
    hsds: str = ""

    def values(self) -> tuple[Any, ...]:
        return (
            self.status,
            self.checked_on.isoformat() if self.checked_on else None,
            self.name_text,
            self.org_text,
            self.terms_text,
            self.body_text,
            self.words,
            self.codes,
            self.min_age,
            self.max_age,
            int(self.gratis),
            int(self.rolstoel),
            self.talen,
            self.wijken,
            self.points,
            self.sort_name,
            self.card,
            self.hsds,
        )


@dataclass(frozen=True)
class Clause:
    """Stems that must all occur (AND); `prefix` lets the last stem match longer words."""

    stems: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Concept:
    """One thing the person asked for: alternatives (OR) and its weight (IDF-like)."""

    label: str
    clauses: tuple[Clause, ...]
    weight: float = 1.0
    is_code: bool = False  # a detected term code (ld01), matched in the terms column only


@dataclass
class RetrievalPlan:
    """What the retrieval query must do; filled by search_services from the SearchQuery."""

    concepts: tuple[Concept, ...] = ()
    any_codes: list[tuple[str, ...]] = field(default_factory=list)  # each tuple: one facet, any-of
    leeftijd: float | None = None
    gratis: bool = False
    rolstoel: bool = False
    taal: str | None = None
    statuses: tuple[str, ...] = ()  # visible statuses; () = any
    checked_from: datetime.date | None = None  # last check on or after this day (freshness)
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Candidate:
    key: Any  # the service id as the engine returns it (hex text on SQLite, uuid on PostgreSQL)
    score: float
    codes: str
    points: str
    wijken: str
    name_text: str
    total: int

    @property
    def service_id(self) -> uuid.UUID:
        return _parse_id(self.key)


def vendor() -> str:
    return str(connection.vendor)


def _service_id_param(service_id: uuid.UUID) -> Any:
    # Django stores UUIDs as 32 hex characters on SQLite and as uuid on PostgreSQL.
    return service_id.hex if vendor() == "sqlite" else service_id


def _parse_id(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


# --- Writing --------------------------------------------------------------------------------


def delete_entries(service_ids: Iterable[uuid.UUID]) -> None:
    ids = [_service_id_param(i) for i in service_ids]
    if not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            if vendor() == "sqlite":
                # The narrow row shares the wide row's rid (no index on its service_id: retrieval never needs one).
                cursor.execute(
                    "DELETE FROM sk_search_key WHERE rid IN "  # noqa: S608
                    f"(SELECT rid FROM sk_search_entry WHERE service_id IN ({marks}))",
                    chunk,
                )
            else:
                cursor.execute(f"DELETE FROM sk_search_key WHERE service_id IN ({marks})", chunk)  # noqa: S608
            cursor.execute(f"DELETE FROM sk_search_entry WHERE service_id IN ({marks})", chunk)  # noqa: S608


def delete_all_entries() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sk_search_key")
        cursor.execute("DELETE FROM sk_search_entry")
        if vendor() == "sqlite":
            # Resets the FTS5 index too (external content tables keep no text of their own).
            cursor.execute("INSERT INTO sk_search_fts(sk_search_fts) VALUES ('delete-all')")


def insert_entries(rows: Sequence[IndexRow]) -> None:
    if not rows:
        return
    columns = ", ".join(("service_id", *ENTRY_COLUMNS))
    marks = ", ".join(["%s"] * (len(ENTRY_COLUMNS) + 1))
    sql = f"INSERT INTO sk_search_entry ({columns}) VALUES ({marks})"  # noqa: S608
    key_columns = ", ".join(KEY_COLUMNS)
    with connection.cursor() as cursor:
        if vendor() == "postgresql":
            cursor.executemany(sql, [(r.service_id, *r.values()) for r in rows])
            document = (
                "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') || setweight(to_tsvector('simple', %s), 'D')"
            )
            key_marks = ", ".join(["%s"] * (len(KEY_COLUMNS) + 1))
            cursor.executemany(
                f"INSERT INTO sk_search_key (service_id, {key_columns}, document) "  # noqa: S608
                f"VALUES ({key_marks}, {document})",
                [(r.service_id, *_key_values(r), r.name_text, r.terms_text, r.org_text, r.body_text) for r in rows],
            )
        else:
            cursor.executemany(sql, [(r.service_id.hex, *r.values()) for r in rows])
            # Copied from the rows just written: the narrow row takes the rid SQLite gave the wide one.
            marks = ", ".join(["%s"] * len(rows))
            cursor.execute(
                f"INSERT INTO sk_search_key (rid, {key_columns}, service_id) "  # noqa: S608
                f"SELECT rid, {key_columns}, service_id FROM sk_search_entry WHERE service_id IN ({marks})",
                [r.service_id.hex for r in rows],
            )


def _key_values(row: IndexRow) -> tuple[Any, ...]:
    values = row.values()
    return tuple(values[i] for i in _KEY_POSITIONS)


def optimise() -> None:
    """After a full rebuild: merge FTS5 segments and refresh planner statistics.

    On SQLite the whole database is analysed (with a row limit per index, so it stays quick):
    without statistics SQLite reads attribute rows through the term index instead of the link_id
    index, and the result page's term lookup takes 75 ms instead of 0.1 ms at 10,000 services.
    PostgreSQL's autovacuum keeps the other tables' statistics; ours are fresh after the bulk load.
    """
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.execute("INSERT INTO sk_search_fts(sk_search_fts) VALUES ('optimize')")
            cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("ANALYZE sk_search_entry")
            cursor.execute("ANALYZE sk_search_key")


def set_generation(token: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE sk_search_meta SET value = %s WHERE key = 'generation'", [token])


def read_generation() -> str:
    """The index generation and the newest taxonomy change: the vocabulary cache key."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT value FROM sk_search_meta WHERE key = 'generation'), "
            "(SELECT COUNT(*) FROM sociale_kaart_taxonomyterm), (SELECT MAX(modified) FROM sociale_kaart_taxonomyterm)"
        )
        row = cursor.fetchone()
    return "|".join(str(v) for v in row) if row else ""


def read_cards(service_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The result cards (JSON) of these services, in one query of the index."""
    return _read_documents(service_ids, "card")


def read_hsds_items(service_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The HSDS list items (JSON) of these services, in one query per 500."""
    return _read_documents(service_ids, "hsds")


def _read_documents(service_ids: Sequence[uuid.UUID], column: str) -> dict[uuid.UUID, str]:
    assert column in ("card", "hsds")
    found: dict[uuid.UUID, str] = {}
    ids = list(service_ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT service_id, {column} FROM sk_search_entry WHERE service_id IN ({marks})",  # noqa: S608
                [_service_id_param(i) for i in chunk],
            )
            found.update((_parse_id(key), text) for key, text in cursor.fetchall() if text)
    return found


def all_words() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT words FROM sk_search_entry")
        return [row[0] for row in cursor.fetchall()]


def indexed_ids() -> set[uuid.UUID]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT service_id FROM sk_search_entry")
        return {_parse_id(row[0]) for row in cursor.fetchall()}


# --- Reading --------------------------------------------------------------------------------


def _quote_fts(token: str) -> str:
    # Tokens are [a-z0-9] after normalisation; quoting still keeps FTS5 keywords (AND, OR, NEAR)
    # from being read as operators.
    return '"' + token.replace('"', "") + '"'


def fts5_match(concepts: Sequence[Concept]) -> str:
    parts: list[str] = []
    for concept in concepts:
        for clause in concept.clauses:
            terms = [_quote_fts(s) for s in clause.stems]
            if clause.prefix:
                terms[-1] += "*"
            parts.append(terms[0] if len(terms) == 1 else "(" + " AND ".join(terms) + ")")
    return " OR ".join(dict.fromkeys(parts))


def tsquery(concepts: Sequence[Concept]) -> str:
    return " | ".join(dict.fromkeys(_tsquery_concept(c) for c in concepts))


def _tsquery_concept(concept: Concept) -> str:
    parts: list[str] = []
    for clause in concept.clauses:
        terms = [s for s in clause.stems if s.isalnum()]
        if not terms:
            continue
        if clause.prefix:
            terms[-1] += ":*"
        parts.append(terms[0] if len(terms) == 1 else "(" + " & ".join(terms) + ")")
    return "(" + " | ".join(dict.fromkeys(parts)) + ")" if parts else ""


def _filters(plan: RetrievalPlan) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for codes in plan.any_codes:
        if codes:
            where.append("(" + " OR ".join(["e.codes LIKE %s"] * len(codes)) + ")")
            params.extend(f"% {code} %" for code in codes)
    if plan.leeftijd is not None:
        where.append("(e.min_age IS NULL OR e.min_age <= %s) AND (e.max_age IS NULL OR e.max_age >= %s)")
        params.extend([plan.leeftijd, plan.leeftijd])
    if plan.gratis:
        where.append("e.gratis = 1")
    if plan.rolstoel:
        where.append("e.rolstoel = 1")
    if plan.taal:
        where.append("e.talen LIKE %s")
        params.append(f"% {plan.taal} %")
    if plan.statuses:
        where.append("e.status IN (" + ", ".join(["%s"] * len(plan.statuses)) + ")")
        params.extend(plan.statuses)
    if plan.checked_from is not None:
        where.append("e.checked_on >= %s")
        params.append(plan.checked_from.isoformat() if vendor() == "sqlite" else plan.checked_from)
    return where, params


def retrieval_sql(plan: RetrievalPlan) -> tuple[str, list[Any]]:
    """The one query that finds, filters, ranks and counts; `%s` placeholders (Django style).

    Three parts in one statement, all over the narrow sk_search_key (never the wide entry row):
    `f` scores every match that passes the filters, carrying only (key, score, name for ties);
    the total is counted from `f` (no window function, which would sort and copy every match
    with its columns first); then only the page's or candidate window's rows are joined by
    primary key for the columns the re-rank reads. The cards come later, for the page only
    (read_cards). At 100,000 services what remains is the engine's scoring of every match
    (bm25 / ts_rank); see bench/README.md, bench_search_scale.
    """
    where, filter_params = _filters(plan)
    conditions = "".join(f" AND {w}" for w in where)
    concepts = [c for c in plan.concepts if c.clauses]
    limit = " LIMIT %s OFFSET %s" if plan.limit is not None else ""
    limit_params = [plan.limit, plan.offset] if plan.limit is not None else []
    key = "rid" if vendor() == "sqlite" else "service_id"
    columns = "e.service_id, {score}, e.codes, e.points, e.wijken, e.name_text, (SELECT COUNT(*) FROM f)"
    params: list[Any] = []
    if concepts and vendor() == "sqlite":
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        # bm25() is lower-is-better; negate so every engine returns higher-is-better. CROSS JOIN
        # makes SQLite's planner keep the full-text match as the outer loop, whatever its statistics.
        sql = (
            "WITH f AS MATERIALIZED (SELECT sk_search_fts.rowid AS k, "  # noqa: S608
            f"-bm25(sk_search_fts, {weights}) AS score, e.sort_name FROM sk_search_fts "
            "CROSS JOIN sk_search_key e ON e.rid = sk_search_fts.rowid "
            f"WHERE sk_search_fts MATCH %s{conditions}) "
            f"SELECT {columns.format(score='t.score')} FROM (SELECT k, score, sort_name FROM f "
            f"ORDER BY score DESC, sort_name{limit}) t JOIN sk_search_key e ON e.rid = t.k "
            "ORDER BY t.score DESC, t.sort_name"
        )
        params = [fts5_match(concepts), *filter_params, *limit_params]
    elif concepts:
        # ts_rank has no IDF; weighting each concept's rank by its IDF makes it BM25-like.
        ranks = []
        for concept in concepts:
            ranks.append(f"%s * ts_rank('{POSTGRES_WEIGHTS}', e.document, to_tsquery('simple', %s), 1)")
            params.extend([concept.weight, _tsquery_concept(concept)])
        sql = (
            f"WITH f AS MATERIALIZED (SELECT e.service_id AS k, {' + '.join(ranks)} AS score, e.sort_name "  # noqa: S608
            f"FROM sk_search_key e WHERE e.document @@ to_tsquery('simple', %s){conditions}) "
            f"SELECT {columns.format(score='t.score')} FROM (SELECT k, score, sort_name FROM f "
            f"ORDER BY score DESC, sort_name{limit}) t JOIN sk_search_key e ON e.service_id = t.k "
            "ORDER BY t.score DESC, t.sort_name"
        )
        params.extend([tsquery(concepts), *filter_params, *limit_params])
    else:
        sql = (
            f"WITH f AS MATERIALIZED (SELECT e.{key} AS k, e.sort_name, e.service_id AS sid "  # noqa: S608
            f"FROM sk_search_key e WHERE 1 = 1{conditions}) "
            f"SELECT {columns.format(score='0.0')} FROM (SELECT k, sort_name, sid FROM f "
            f"ORDER BY sort_name, sid{limit}) t JOIN sk_search_key e ON e.{key} = t.k ORDER BY t.sort_name, t.sid"
        )
        params = [*filter_params, *limit_params]
    return sql, params


def match_only_sql(plan: RetrievalPlan) -> tuple[str, list[Any]]:
    concepts = [c for c in plan.concepts if c.clauses]
    if not concepts:
        return "", []
    if vendor() == "sqlite":
        return "SELECT COUNT(*) FROM sk_search_fts WHERE sk_search_fts MATCH %s", [fts5_match(concepts)]
    return "SELECT COUNT(*) FROM sk_search_key e WHERE e.document @@ to_tsquery('simple', %s)", [tsquery(concepts)]


def retrieve(plan: RetrievalPlan) -> list[Candidate]:
    sql, params = retrieval_sql(plan)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Candidate(
            key=row[0],
            score=float(row[1] or 0.0),
            codes=row[2],
            points=row[3],
            wijken=row[4],
            name_text=row[5],
            total=int(row[6]),
        )
        for row in rows
    ]


def count_matching(plan: RetrievalPlan) -> int:
    """Total matches when the page itself came back empty (a page past the end)."""
    sql, params = retrieval_sql(RetrievalPlan(**{**plan.__dict__, "limit": None, "offset": 0}))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS matches", params)  # noqa: S608
        row = cursor.fetchone()
    return int(row[0]) if row else 0


# --- Filter-only reading (no text, no order, no count) ------------------------------------


def domain_candidates_sql(
    codes: Sequence[str],
    *,
    leeftijd: float | None = None,
    doelgroepen: Sequence[str] = (),
    not_only: Sequence[str] = (),
    statuses: Sequence[str] = (),
    checked_from: datetime.date | None = None,
) -> tuple[str, list[Any]]:
    """Every visible service carrying any of `codes`, filtered and nothing else; `%s` placeholders.

    For callers that weigh every match themselves (the triage's proposals near a household), the
    shared retrieval statement does work they throw away: it sorts all matches by name and counts
    them (on PostgreSQL with collation, measured 55 ms against 21 ms for this read at 10,000
    services). Here: one pass over the narrow sk_search_key, five short columns, no ORDER BY, no
    COUNT. The id comes as text on both engines (hex on SQLite, the uuid's text on PostgreSQL), so
    no row pays for a UUID object; callers parse the few they keep.

    `doelgroepen`: keep services for no doelgroep in particular (no DG code) or for one of these.
    `not_only`: leave out services carrying one of these codes as their only code of its kind (its
    first two letters): SA07 leaves out individual support that offers no other soort aanbod.
    """
    # Codes by substring position, not LIKE '% LD01 %': on PostgreSQL a LIKE with a leading % cost
    # 15 ms over 10,000 rows where strpos took 5 (measured on the bench corpus); SQLite's instr is a
    # little quicker too. Both are case-sensitive, like our codes (see _codes).
    has = "instr(e.codes, %s) > 0" if vendor() == "sqlite" else "strpos(e.codes, %s) > 0"
    lacks = "instr(e.codes, %s) = 0" if vendor() == "sqlite" else "strpos(e.codes, %s) = 0"
    where = ["(" + " OR ".join([has] * len(codes)) + ")"]
    params: list[Any] = [f" {code} " for code in codes]
    if doelgroepen:
        where.append(f"({lacks} OR " + " OR ".join([has] * len(doelgroepen)) + ")")
        params.extend([" DG", *(f" {code} " for code in doelgroepen)])
    for code in not_only:
        # The number of codes of its kind, counted as the length their " SA" pieces add (3 each).
        where.append(f"NOT ({has} AND LENGTH(e.codes) - LENGTH(REPLACE(e.codes, %s, '')) = 3)")
        params.extend([f" {code} ", f" {code[:2]}"])
    rest, rest_params = _filters(RetrievalPlan(leeftijd=leeftijd, statuses=tuple(statuses), checked_from=checked_from))
    where.extend(rest)
    params.extend(rest_params)
    key = "e.service_id" if vendor() == "sqlite" else "e.service_id::text"
    conditions = " AND ".join(where)
    return f"SELECT {key}, e.codes, e.points, e.wijken, e.talen FROM sk_search_key e WHERE {conditions}", params  # noqa: S608


def iter_domain_candidates(
    codes: Sequence[str],
    *,
    leeftijd: float | None = None,
    doelgroepen: Sequence[str] = (),
    not_only: Sequence[str] = (),
    statuses: Sequence[str] = (),
    checked_from: datetime.date | None = None,
) -> Iterator[tuple[str, str, str, str, str]]:
    """The rows of domain_candidates_sql: (id text, codes, points, wijken, talen), in no order.

    Rows are yielded from the open cursor, not fetched into one list: the caller keeps a few of
    thousands, and a row it drops is freed at once. Thousands of live row tuples would push the
    process's other objects into the garbage collector's oldest generation sooner, and one full
    collection of a Django process cost ~100 ms on the bench machine (bench/bench_triage.py).
    """
    if not codes:
        return
    sql, params = domain_candidates_sql(
        codes,
        leeftijd=leeftijd,
        doelgroepen=doelgroepen,
        not_only=not_only,
        statuses=statuses,
        checked_from=checked_from,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        yield from cursor
