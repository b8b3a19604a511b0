# SPDX-License-Identifier: EUPL-1.2
"""The bulk variant of `services.ingest_signal`, for monthly files of up to millions of rows.

It answers the same questions in the same order (address → household → person, with the open household
membership `add_person` writes → repeat? → zaak → signal, Divosa classification, priority/deadlines/routing)
but per chunk of rows with a fixed number of set-based queries and multi-row INSERTs (COPY on PostgreSQL)
instead of ~40 queries per row. New zaken and signals are classified and settled (`outreach.refresh.settle`)
before their INSERT, so they are written once with their final values; zaken and signals that already existed
are updated as the single path would. tests/vroegsignalering/test_bulk_ingest_equals_the_single_path.py and
test_bulk_path_sets_the_same_priority_and_deadlines.py prove the stored rows equal the single path's,
repeats, ambiguous persons and a name match that gains a BSN included. What differs by design for an
upload: audit events are one summary per upload (ids and counts) instead of one per created row. The
partner API (`ingest_rows`, no upload) gets one audit row per household, person and signal written
(test_partner_api_batch_stores_what_the_single_path_stores.py).

Memory follows the chunk, not the file: everything a chunk learned is written before the next chunk
asks the database again (inside the one transaction of the upload, so it sees its own rows).

Ids: on PostgreSQL from the tables' own sequences (nextval, so concurrent single-path writers are
safe); on SQLite max(id) + 1, safe because the upload's transaction holds SQLite's write lock from
BEGIN (transaction_mode IMMEDIATE in settings).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.models import Postcode
from wijkteam.huishoudens import crypto
from wijkteam.huishoudens.bulk import Table, next_id
from wijkteam.huishoudens.models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon
from wijkteam.huishoudens.services import WRITERS_LOCK

from ..models import (
    ZAAK_OPEN,
    Bron,
    Classificatie,
    Doel,
    MatchWerklijstItem,
    Signaal,
    Signaalpartner,
    SignaalSoort,
    SignaalStatus,
    Upload,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
    ZaakToewijzing,
)
from ..outreach.priority import ZaakFeiten, kind_geboren_na
from ..outreach.refresh import ZaakState, refresh_zaken, settle
from ..services import (
    ClassifiedSignal,
    classify_groups,
    dedupe_key,
    delivered_identity,
    person_ref,
    store_classification,
    teams_by_buurt,
)
from .rows import SignalRow

# Rows per chunk: each chunk costs a fixed number of queries, so larger chunks mean fewer; memory follows it
# (a few MB at 5,000), and every IN list stays far below SQLite's 32,766 parameters.
CHUNK = 5000
BULK_LOCK = WRITERS_LOCK  # PostgreSQL advisory lock of the bulk writers, shared with the retention purge
API_LOCK_WAIT = "10s"


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model: type[models.Model]) -> str:
    return _quote(str(model._meta.db_table))


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), name  # concrete columns only
    return _quote(str(field.column))


def _select(sql: str, values: Sequence[Any], *extra: Any) -> list[tuple[Any, ...]]:
    """Run `sql` with `{in}` replaced by one placeholder per value (then `extra` parameters); [] without values.

    Why raw SQL: the ORM resolves every element of an IN list through its lookup machinery (~6 µs each,
    measured), which for the five IN queries of a chunk cost more than the queries themselves.
    Only quoted names from the models and placeholders enter the SQL; values never do.
    """
    if not values:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array parameter: psycopg rewrites every %s of a query client-side, which for thousands of
            # placeholders cost more than the query (measured: a third of the upload's time).
            cursor.execute(sql.replace("IN ({in})", "= ANY(%s)"), [list(values), *extra])
        else:
            cursor.execute(sql.replace("{in}", ", ".join(["%s"] * len(values))), [*values, *extra])
        return cursor.fetchall()


@lru_cache(maxsize=65536)
def _iso_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _date(value: Any) -> dt.date | None:
    """A DateField read by raw SQL: a date on PostgreSQL, ISO text on SQLite."""
    if value is None or isinstance(value, dt.date):
        return value
    return _iso_date(str(value))


class IdAllocator:
    def __init__(self) -> None:
        self._next: dict[type[models.Model], int] = {}
        self.postgres = connection.vendor == "postgresql"

    def take(self, model: type[models.Model], count: int) -> Iterator[int]:
        if count <= 0:
            return iter(())
        if self.postgres:
            table = model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                               [table, count])
                return iter([row[0] for row in cursor.fetchall()])
        start = self._next.get(model) or next_id(model)
        self._next[model] = start + count
        return iter(range(start, start + count))


class CopyTable(Table):
    """`huishoudens.bulk.Table` that writes with COPY on PostgreSQL.

    Why: psycopg 3's executemany through Django's client-side cursor sends and parses one INSERT per
    row (measured: ~1,000 signals/s on PostgreSQL, the whole upload spent in the driver); COPY takes
    the same prepared rows at raw speed. SQLite keeps Table's executemany, which is fast there.
    """

    def __init__(self, model: type[models.Model], fields: tuple[str, ...]) -> None:
        super().__init__(model, fields)
        concrete = list(model._meta.concrete_fields)
        by_name = {f.name: f for f in concrete}
        columns = [by_name[name].column for name in fields] + [f.column for f in concrete if f.name not in fields]
        quote = connection.ops.quote_name
        if connection.vendor == "postgresql":
            # COPY takes date and datetime objects as they are (the backend's adapters return them unchanged).
            self._adapters = []
        self.copy_sql = (f"COPY {quote(str(model._meta.db_table))} ({', '.join(quote(c) for c in columns)}) "
                         "FROM STDIN")

    def flush(self) -> None:
        if connection.vendor != "postgresql" or not self.rows:
            super().flush()
            return
        with connection.cursor() as cursor, cursor.cursor.copy(self.copy_sql) as copy:
            for row in self.rows:
                copy.write_row(self._prepare(row))
        self.written += len(self.rows)
        self.rows = []


COLUMNS_ADRES = ("id", "postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "straat", "woonplaats",
                 "buurt", "latitude", "longitude")
COLUMNS_HUISHOUDEN = ("id", "adres", "sinds", "aangemaakt")
COLUMNS_PERSOON = ("id", "huishouden", "voorletters", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum",
                   "bsn_versleuteld", "bsn_hash", "telefoon", "email", "aangemaakt", "gewijzigd")
COLUMNS_LIDMAATSCHAP = ("id", "persoon", "huishouden", "vanaf", "tot", "door")
COLUMNS_ZAAK = ("id", "huishouden", "team", "buurt", "status", "classificatie", "crisis", "prioriteit",
                "prioriteit_uitleg", "route", "toegewezen_aan", "termijn_eerste_contact", "termijn_afsluiten",
                "termijn_bij_crisis", "ontvangen", "aangemaakt")
COLUMNS_ZAAK_HISTORIE = ("zaak", "van", "naar", "door", "door_systeem", "tijdstip", "toelichting", "id")
COLUMNS_SIGNAAL = ("id", "soort", "doel", "partnertype", "partnernaam", "bedrag", "ontstaansdatum", "crisissignaal",
                   "warme_overdracht", "zorg_bron", "zorg", "signaaldatum", "status", "classificatie", "persoon",
                   "huishouden", "adres", "buurt", "zaak", "bron", "upload", "upload_rij", "organisatie",
                   "gemeld_door", "ontvangen", "dedupe_key", "geanonimiseerd")


@dataclass
class Member:
    pk: int
    achternaam: str  # lower case, as the single path's iexact compares
    geboortedatum: dt.date | None
    bsn_hash: str | None


@dataclass
class Counts:
    nieuw: int = 0
    herhaald: int = 0
    werklijst: int = 0
    adressen: int = 0
    huishoudens: int = 0
    personen: int = 0
    zaken: int = 0
    extra: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row given to `ingest_rows`: the new signal's id, or None for a repeat."""

    signaal_id: int | None
    on_worklist: bool = False


class SignalBulkIngest:
    """Feed valid rows with `add(rij, row)`, then `finish()`; run inside the caller's one transaction.

    Two kinds of caller: the upload (`upload` given; one summary audit row for the file) and the partner API
    (`ingest_rows`: no upload, the sending organisation, and an audit row for every household, person and
    signal written, as the single path writes them; `outcomes` then tells per row what happened).
    """

    def __init__(self, upload: Upload | None, *, system: str, bron: Bron | str = Bron.BESTAND,
                 organisatie_id: int | None = None, request: HttpRequest | None = None) -> None:
        self.upload = upload
        self.upload_id = upload.pk if upload is not None else None
        self.organisatie_id = organisatie_id
        self.request = request
        self.system = system
        self.bron = str(bron)
        # Without an upload every written row is audited on its own (bounded: API calls are small); with one,
        # a summary row (per-row events would double a million-row file).
        self.events: list[dict[str, Any]] | None = [] if upload is None else None
        self.outcomes: dict[int, RowOutcome] | None = {} if upload is None else None
        if connection.vendor == "postgresql":
            # Two bulk writers at once (an upload and an API batch) would both create the same new address;
            # they take turns instead (released at the end of the caller's transaction). An API call waits
            # at most API_LOCK_WAIT for a running upload and then raises OperationalError (the API answers
            # 503, try again later) rather than holding the partner's connection for minutes. (SQLite needs
            # none of this: the transaction holds the database's write lock from BEGIN.)
            with connection.cursor() as cursor:
                if upload is None:
                    cursor.execute(f"SET LOCAL lock_timeout = '{API_LOCK_WAIT}'")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [BULK_LOCK])
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.ids = IdAllocator()
        self.teams = teams_by_buurt()
        self.counts = Counts()
        self.pending: list[tuple[int, SignalRow]] = []
        self.t_adres = CopyTable(Adres, COLUMNS_ADRES)
        self.t_huishouden = CopyTable(Huishouden, COLUMNS_HUISHOUDEN)
        self.t_persoon = CopyTable(Persoon, COLUMNS_PERSOON)
        self.t_lidmaatschap = CopyTable(HuishoudenLidmaatschap, COLUMNS_LIDMAATSCHAP)
        self.t_zaak = CopyTable(Vroegsignaalzaak, COLUMNS_ZAAK)
        self.t_historie = CopyTable(ZaakStatusHistorie, COLUMNS_ZAAK_HISTORIE)
        self.t_signaal = CopyTable(Signaal, COLUMNS_SIGNAAL)
        self._scratch = Persoon()  # encrypts BSNs exactly as the model does
        self._hash_cache: dict[str, str] = {}
        self._buurt_cache: dict[str, int | None] = {}  # postcode → buurt: a file has far fewer postcodes than rows
        self.kind_na = connection.ops.adapt_datefield_value(kind_geboren_na(self.today))

    def add(self, rij: int, row: SignalRow) -> None:
        self.pending.append((rij, row))
        if len(self.pending) >= CHUNK:
            self._chunk()

    def finish(self) -> Counts:
        self._chunk()
        c = self.counts
        if self.events is not None:
            for event in self.events:
                record(self.request, event.pop("action"), username=self.system, **event)
            self.events = []
        elif c.nieuw or c.personen or c.huishoudens:
            # One row for the upload (ids and counts, no names).
            record(None, Action.CREATE, object_type="vroegsignalering.upload", object_id=self.upload_id,
                   username=self.system, detail={"signalen": c.nieuw, "herhaald": c.herhaald,
                                                 "werklijst": c.werklijst, "adressen": c.adressen,
                                                 "huishoudens": c.huishoudens, "personen": c.personen,
                                                 "zaken": c.zaken})
        return c

    # --- one chunk ------------------------------------------------------------------------------

    def _hash(self, bsn: str) -> str:
        value = self._hash_cache.get(bsn)
        if value is None:
            if len(self._hash_cache) > 4 * CHUNK:
                self._hash_cache.clear()
            value = self._hash_cache[bsn] = crypto.lookup_hash(bsn)
        return value

    def _chunk(self) -> None:
        rows, self.pending = self.pending, []
        if not rows:
            return
        adres_of = self._addresses(rows)
        household_of = self._households(rows, adres_of)
        # Per row, once: its (address id, buurt id) and household (every step below reads them by index).
        where = [adres_of[row.adres_key] for _rij, row in rows]
        home = [household_of[adres_id] for adres_id, _buurt in where]
        persons = self._persons(rows, home)
        self._signals(rows, where, home, persons)

    def _addresses(self, rows: list[tuple[int, SignalRow]]) -> dict[tuple[str, int, str, str], tuple[int, int | None]]:
        """Address key → (id, buurt id), creating the addresses not stored yet (first row's street wins)."""
        firsts: dict[tuple[str, int, str, str], SignalRow] = {}
        for _rij, row in rows:
            firsts.setdefault(row.adres_key, row)
        found: dict[tuple[str, int, str, str], tuple[int, int | None]] = {}
        for pk, postcode, nummer, letter, toevoeging, buurt_id in _select(
                f"SELECT id, {_column(Adres, 'postcode')}, {_column(Adres, 'huisnummer')}, "  # noqa: S608
                f"{_column(Adres, 'huisletter')}, {_column(Adres, 'huisnummertoevoeging')}, {_column(Adres, 'buurt')} "
                f"FROM {_table(Adres)} WHERE {_column(Adres, 'postcode')} IN ({{in}}) ORDER BY id",
                sorted({key[0] for key in firsts})):
            found.setdefault((postcode, nummer, letter.upper(), toevoeging.upper()), (pk, buurt_id))
        missing = [key for key in firsts if key not in found]
        if missing:
            buurten = self._buurten({k[0] for k in missing})
            ids = self.ids.take(Adres, len(missing))
            for key in missing:
                row = firsts[key]
                new_id, new_buurt = next(ids), buurten.get(key[0])
                self.t_adres.add((new_id, *key, row.straat, row.plaats, new_buurt, None, None))
                found[key] = (new_id, new_buurt)
            self.counts.adressen += len(missing)
            self.t_adres.flush()
        return found

    def _buurten(self, postcodes: set[str]) -> dict[str, int | None]:
        unknown = sorted(p for p in postcodes if p not in self._buurt_cache)
        if unknown:
            if len(self._buurt_cache) > 20 * CHUNK:  # bounded: memory follows the chunk, not the file
                self._buurt_cache.clear()
            self._buurt_cache.update(dict.fromkeys(unknown))
            self._buurt_cache.update(_select(
                f"SELECT {_column(Postcode, 'pc6')}, {_column(Postcode, 'buurt')} FROM {_table(Postcode)} "  # noqa: S608
                f"WHERE {_column(Postcode, 'pc6')} IN ({{in}}) AND {_column(Postcode, 'buurt')} IS NOT NULL", unknown))
        return {p: self._buurt_cache.get(p) for p in postcodes}

    def _households(self, rows: list[tuple[int, SignalRow]],
                    adres_of: dict[tuple[str, int, str, str], tuple[int, int | None]]) -> dict[int, int]:
        """Address id → the household living there (the oldest), created where there is none.

        New households are numbered in the order their addresses first appear in the rows, as the single path does.
        """
        order: dict[int, None] = {}
        for _rij, row in rows:
            order.setdefault(adres_of[row.adres_key][0], None)
        household_of: dict[int, int] = {}
        for adres_id, pk in _select(
                f"SELECT {_column(Huishouden, 'adres')}, id FROM {_table(Huishouden)} "  # noqa: S608
                f"WHERE {_column(Huishouden, 'adres')} IN ({{in}}) ORDER BY id", list(order)):
            household_of.setdefault(adres_id, pk)
        missing = [adres_id for adres_id in order if adres_id not in household_of]
        ids = self.ids.take(Huishouden, len(missing))
        for adres_id in missing:
            pk = next(ids)
            self.t_huishouden.add((pk, adres_id, None, self.now))
            household_of[adres_id] = pk
            if self.events is not None:
                self.events.append({"action": Action.CREATE, "object_type": "huishoudens.huishouden",
                                    "object_id": pk, "household_id": pk})
        self.counts.huishoudens += len(missing)
        self.t_huishouden.flush()
        return household_of

    def _persons(self, rows: list[tuple[int, SignalRow]], home: list[int]) -> list[tuple[int | None, list[int], str]]:
        """Per row: (person id or None, candidates when ambiguous, bsn hash), as `find_or_add_person` decides."""
        hashes = [self._hash(row.bsn) if row.bsn else "" for _rij, row in rows]
        by_hash: dict[str, int] = {
            h: pk for h, pk in _select(
                f"SELECT {_column(Persoon, 'bsn_hash')}, id FROM {_table(Persoon)} "  # noqa: S608
                f"WHERE {_column(Persoon, 'bsn_hash')} IN ({{in}})", sorted({h for h in hashes if h})) if h}
        members: dict[int, list[Member]] = defaultdict(list)
        for pk, household_id, achternaam, geboortedatum, bsn_hash in _select(
                f"SELECT id, {_column(Persoon, 'huishouden')}, {_column(Persoon, 'achternaam')}, "  # noqa: S608
                f"{_column(Persoon, 'geboortedatum')}, {_column(Persoon, 'bsn_hash')} FROM {_table(Persoon)} "
                f"WHERE {_column(Persoon, 'huishouden')} IN ({{in}}) ORDER BY id", sorted(set(home))):
            members[household_id].append(Member(pk, achternaam.lower(), _date(geboortedatum), bsn_hash))
        result: list[tuple[int | None, list[int], str]] = []
        bsn_updates: list[tuple[str, str, dt.datetime, int]] = []
        # [placeholder id, row, household id, bsn]: the BSN may still come from a later row of the chunk.
        new_rows: list[list[object]] = []
        gained: list[tuple[int, int]] = []  # (placeholder, household): created in this chunk, BSN from a later row
        for (_rij, row), bsn_hash, household_id in zip(rows, hashes, home, strict=True):
            if bsn_hash and bsn_hash in by_hash:
                result.append((by_hash[bsn_hash], [], bsn_hash))
                continue
            if not row.achternaam:
                result.append((None, [], bsn_hash))  # BSN only and unknown: nobody to create
                continue
            candidates: list[Member] = []
            if row.geboortedatum is not None:
                name = row.achternaam.strip().lower()
                candidates = [m for m in members[household_id] if m.achternaam == name
                              and m.geboortedatum == row.geboortedatum and not (bsn_hash and m.bsn_hash)]
            if len(candidates) == 1:
                member = candidates[0]
                if bsn_hash and not member.bsn_hash:
                    if member.pk < 0:  # created earlier in this chunk: it is stored with the BSN
                        new_rows[-member.pk - 1][3] = row.bsn
                        gained.append((member.pk, household_id))
                    else:
                        self._scratch.set_bsn(row.bsn)
                        bsn_updates.append((self._scratch.bsn_versleuteld, bsn_hash, self.now, member.pk))
                        if self.events is not None:
                            self.events.append({"action": Action.UPDATE, "object_type": "huishoudens.persoon",
                                                "object_id": member.pk, "person_id": member.pk,
                                                "household_id": household_id, "detail": {"fields": ["bsn"]}})
                    member.bsn_hash = bsn_hash
                    by_hash[bsn_hash] = member.pk
                result.append((member.pk, [], bsn_hash))
            elif candidates:
                result.append((None, [m.pk for m in candidates], bsn_hash))
            else:
                pk = -len(new_rows) - 1  # placeholder until ids are taken for the whole chunk
                new_rows.append([pk, row, household_id, row.bsn])
                members[household_id].append(Member(pk, row.achternaam.strip().lower(), row.geboortedatum,
                                                    bsn_hash or None))
                if bsn_hash:
                    by_hash[bsn_hash] = pk
                result.append((pk, [], bsn_hash))
        if new_rows:
            ids = self.ids.take(Persoon, len(new_rows))
            membership_ids = self.ids.take(HuishoudenLidmaatschap, len(new_rows))
            real: dict[int, int] = {}
            for placeholder, new, new_household, bsn in new_rows:
                assert isinstance(placeholder, int) and isinstance(new, SignalRow)
                real[placeholder] = next(ids)
                if self.events is not None:
                    self.events.append({"action": Action.CREATE, "object_type": "huishoudens.persoon",
                                        "object_id": real[placeholder], "person_id": real[placeholder],
                                        "household_id": new_household})
                # What Persoon.set_bsn stores, without its second 11-proef: the row passed it already.
                encrypted, hashed = (crypto.encrypt(str(bsn)), self._hash(str(bsn))) if bsn else ("", None)
                self.t_persoon.add((real[placeholder], new_household, new.voorletters, "", new.voorvoegsel,
                                    new.achternaam, new.geboortedatum, encrypted, hashed, new.telefoon, new.email,
                                    self.now, self.now))
                # Member of the household since created, as `add_person` opens it (no user: a system writes).
                self.t_lidmaatschap.add((next(membership_ids), real[placeholder], new_household, self.now, None, None))
            self.t_persoon.flush()
            self.t_lidmaatschap.flush()
            self.counts.personen += len(new_rows)
            if self.events is not None:
                # The single path creates such a person and then adds the BSN: the trail says both.
                self.events.extend({"action": Action.UPDATE, "object_type": "huishoudens.persoon",
                                    "object_id": real[pk], "person_id": real[pk], "household_id": household_id,
                                    "detail": {"fields": ["bsn"]}} for pk, household_id in gained)
            result = [(real.get(pk, pk) if pk is not None else None, c, h) for pk, c, h in result]
            for hash_value, pk in list(by_hash.items()):
                if pk < 0:
                    by_hash[hash_value] = real[pk]
        if bsn_updates:
            quote = connection.ops.quote_name
            table = quote(Persoon._meta.db_table)
            sql = (f"UPDATE {table} SET {quote('bsn_versleuteld')} = %s, {quote('bsn_hash')} = %s, "  # noqa: S608
                   f"{quote('gewijzigd')} = %s WHERE {quote('id')} = %s")
            with connection.cursor() as cursor:
                cursor.executemany(sql, [(enc, h, connection.ops.adapt_datetimefield_value(now), pk)
                                         for enc, h, now, pk in bsn_updates])
        return result

    def _signals(self, rows: list[tuple[int, SignalRow]], where: list[tuple[int, int | None]], home: list[int],
                 persons: list[tuple[int | None, list[int], str]]) -> None:
        keys = []
        for (_rij, row), (person_id, _c, bsn_hash), household_id in zip(rows, persons, home, strict=True):
            keys.append(dedupe_key(row, person_ref(person_id, household_id, row, bsn_hash or None)))
        seen = {key for (key,) in _select(
            f"SELECT {_column(Signaal, 'dedupe_key')} FROM {_table(Signaal)} "  # noqa: S608
            f"WHERE {_column(Signaal, 'dedupe_key')} IN ({{in}})", sorted(set(keys)))}
        fresh: list[int] = []
        for index, key in enumerate(keys):
            if key in seen:
                self.counts.herhaald += 1
                if self.outcomes is not None:
                    self.outcomes[rows[index][0]] = RowOutcome(None)
            else:
                seen.add(key)
                fresh.append(index)
        if not fresh:
            return
        # Zaken: the household's open zaak, else a new one (in the order households first appear).
        households = sorted({home[i] for i in fresh})
        zaak_of: dict[int, int] = {}
        for household_id, pk in _select(
                f"SELECT {_column(Vroegsignaalzaak, 'huishouden')}, id FROM {_table(Vroegsignaalzaak)} "  # noqa: S608
                f"WHERE {_column(Vroegsignaalzaak, 'huishouden')} IN ({{in}}) "
                f"AND {_column(Vroegsignaalzaak, 'status')} IN ({', '.join(['%s'] * len(ZAAK_OPEN))}) ORDER BY id",
                households, *sorted(ZAAK_OPEN)):
            zaak_of.setdefault(household_id, pk)
        existing_zaken = set(zaak_of.values())
        new_zaken: list[tuple[int, int | None]] = []
        for i in fresh:
            household_id, buurt_id = home[i], where[i][1]
            if household_id not in zaak_of:
                zaak_of[household_id] = 0
                new_zaken.append((household_id, buurt_id))
        zaak_ids = self.ids.take(Vroegsignaalzaak, len(new_zaken))
        for household_id, _buurt in new_zaken:
            zaak_of[household_id] = next(zaak_ids)
        signal_ids = self.ids.take(Signaal, len(fresh))
        signaal_of = {i: next(signal_ids) for i in fresh}

        # The Divosa kind of the new signals and of those already at their addresses, before anything is
        # written (as `classify_addresses` would after): new signals and zaken are inserted classified.
        groups: dict[int, list[ClassifiedSignal]] = defaultdict(list)
        adres_ids = sorted({where[i][0] for i in fresh})
        for pk, adres_id, datum, current, zaak_id, crisis in _select(
                f"SELECT id, {_column(Signaal, 'adres')}, {_column(Signaal, 'signaaldatum')}, "  # noqa: S608
                f"{_column(Signaal, 'classificatie')}, {_column(Signaal, 'zaak')}, {_column(Signaal, 'crisissignaal')} "
                f"FROM {_table(Signaal)} WHERE {_column(Signaal, 'adres')} IN ({{in}}) "
                f"AND {_column(Signaal, 'soort')} = %s", adres_ids, SignaalSoort.FINANCIEEL):
            groups[adres_id].append((pk, _date(datum), current, zaak_id, bool(crisis)))  # type: ignore[arg-type]
        existing_signals = {s[0]: s[2] for group in groups.values() for s in group}
        for i in fresh:
            row = rows[i][1]
            groups[where[i][0]].append((signaal_of[i], row.signaaldatum, "", zaak_of[home[i]], row.crisissignaal))
        kinds, zaak_classes = classify_groups(groups.values())
        changes: dict[Classificatie, list[int]] = defaultdict(list)
        for pk, was in existing_signals.items():
            if kinds[pk] != was:
                changes[kinds[pk]].append(pk)

        # New zaken: priority, deadlines and routing settled before the INSERT (`outreach.refresh.settle`, the
        # same decisions `refresh_zaken` makes for the zaken that already exist).
        new_ids = {zaak_of[household_id] for household_id, _b in new_zaken}
        history = self._new_zaken(new_zaken, zaak_of, zaak_classes, rows, fresh, home)

        worklist: list[tuple[int, SignalRow, list[int], str]] = []
        for i in fresh:
            rij, row = rows[i]
            person_id, candidates, bsn_hash = persons[i]
            (adres_id, buurt_id), household_id = where[i], home[i]
            pk = signaal_of[i]
            self.t_signaal.add((
                pk, SignaalSoort.FINANCIEEL, Doel.WGS_VROEGSIGNALERING, row.partnertype, row.partnernaam, row.bedrag,
                row.ontstaansdatum, row.crisissignaal, row.warme_overdracht, "", "", row.signaaldatum,
                SignaalStatus.NOG_NIET_OPGEPAKT, kinds[pk], person_id, household_id, adres_id,
                buurt_id, zaak_of[household_id], self.bron, self.upload_id, rij if self.upload_id else None,
                self.organisatie_id, None, self.now, keys[i], None,
            ))
            if self.events is not None:
                self.events.append({"action": Action.CREATE, "object_type": "vroegsignalering.signaal",
                                    "object_id": pk, "person_id": person_id, "household_id": household_id,
                                    "detail": {"bron": self.bron}})
            if self.outcomes is not None:
                self.outcomes[rij] = RowOutcome(pk, person_id is None)
            if person_id is None:
                worklist.append((pk, row, candidates, bsn_hash))
        self.t_signaal.flush()
        self.counts.nieuw += len(fresh)
        if history:
            ZaakToewijzing.objects.bulk_create(history)
        # Signals and zaken already stored whose kind changed with the new ones; then the open zaken that
        # existed and got a signal are refreshed (priority, deadlines), as the single path does per signal.
        store_classification(changes, {z: v for z, v in zaak_classes.items() if z not in new_ids})
        refresh_zaken({zaak_of[home[i]] for i in fresh} & existing_zaken,
                      today=self.today, now=self.now)
        if worklist:
            # Rare (ambiguous persons): the ORM is fast enough and keeps the M2M right.
            items = MatchWerklijstItem.objects.bulk_create([
                MatchWerklijstItem(signaal_id=pk, aangeleverd=delivered_identity(row), bsn_hash=bsn_hash)
                for pk, row, _c, bsn_hash in worklist])
            through = MatchWerklijstItem.kandidaten.through
            through.objects.bulk_create([
                through(matchwerklijstitem_id=item.pk, persoon_id=candidate)
                for item, (_pk, _row, candidates, _h) in zip(items, worklist, strict=True) for candidate in candidates])
            self.counts.werklijst += len(worklist)

    def _new_zaken(self, new_zaken: list[tuple[int, int | None]], zaak_of: dict[int, int],
                   zaak_classes: dict[int, tuple[int, bool]], rows: list[tuple[int, SignalRow]], fresh: list[int],
                   home: list[int]) -> list[ZaakToewijzing]:
        """Queue the chunk's new zaken (and their first history row) with their final values."""
        if not new_zaken:
            return []
        # Facts as `refresh.facts_for` reads them from the database: a new zaak's signals are all in this chunk.
        sums: dict[int, _Sums] = defaultdict(_Sums)
        for i in fresh:
            sums[zaak_of[home[i]]].add(rows[i][1])
        household_ids = sorted({household_id for household_id, _b in new_zaken})
        children: dict[int, int] = dict(_select(
            f"SELECT {_column(Persoon, 'huishouden')}, COUNT(*) FROM {_table(Persoon)} "  # noqa: S608
            f"WHERE {_column(Persoon, 'huishouden')} IN ({{in}}) AND {_column(Persoon, 'geboortedatum')} > %s "
            f"GROUP BY {_column(Persoon, 'huishouden')}", household_ids, self.kind_na))
        states: list[ZaakState] = []
        facts: dict[int, ZaakFeiten] = {}
        for household_id, buurt_id in new_zaken:
            pk = zaak_of[household_id]
            severity, _crisis = zaak_classes[pk]
            state = ZaakState(pk=pk, huishouden_id=household_id, buurt_id=buurt_id, ontvangen=self.today,
                              team_id=self.teams.get(buurt_id) if buurt_id else None,
                              classificatie=_KINDS[severity])
            facts[pk] = sums[pk].facts(children.get(household_id, 0),
                                       opeenvolgend=state.classificatie == Classificatie.OPEENVOLGEND)
            states.append(state)
        _changed, history = settle(states, facts, today=self.today, now=self.now)
        history_ids = self.ids.take(ZaakStatusHistorie, len(states))
        for z in states:
            self.t_zaak.add((z.pk, z.huishouden_id, z.team_id, z.buurt_id, z.status, z.classificatie, z.crisis,
                             z.prioriteit, z.prioriteit_uitleg, z.route, z.toegewezen_aan_id,
                             z.termijn_eerste_contact, z.termijn_afsluiten, z.termijn_bij_crisis, z.ontvangen,
                             self.now))
            self.t_historie.add((z.pk, "", ZaakStatus.NIEUW, None, self.system, self.now, "", next(history_ids)))
        self.t_zaak.flush()
        self.t_historie.flush()
        self.counts.zaken += len(states)
        return history


_KINDS = {0: Classificatie.ENKELVOUDIG, 1: Classificatie.MEERVOUDIG, 2: Classificatie.OPEENVOLGEND}


@dataclass
class _Sums:
    """A new zaak's signals summed as `refresh.facts_for` sums them (none is judged "onterecht" yet)."""

    crisis: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    totaal: int = 0
    huur: int = 0
    hypotheek: int = 0

    def add(self, row: SignalRow) -> None:
        self.types.add(row.partnertype)
        self.totaal += row.bedrag
        if row.crisissignaal:
            self.crisis.add(row.partnertype)
        if row.partnertype == Signaalpartner.HUUR:
            self.huur += row.bedrag
        elif row.partnertype == Signaalpartner.HYPOTHEEK:
            self.hypotheek += row.bedrag

    def facts(self, kinderen: int, *, opeenvolgend: bool) -> ZaakFeiten:
        return ZaakFeiten(crisis_partnertypes=frozenset(self.crisis), partnertypes=frozenset(self.types),
                          totaal=self.totaal, huur=self.huur, hypotheek=self.hypotheek, kinderen=kinderen,
                          opeenvolgend=opeenvolgend)


def ingest_rows(rows: Sequence[SignalRow], *, system: str, bron: Bron | str = Bron.API,
                organisatie_id: int | None = None, request: HttpRequest | None = None) -> list[RowOutcome]:
    """Store valid rows without an upload (the partner API's batch), in one transaction; an outcome per row.

    The same decisions as `services.ingest_signal` for each row in turn (tests/vroegsignalering/
    test_bulk_ingest_equals_the_single_path.py), at a fixed number of queries per chunk instead of ~40 per
    signal; every household, person and signal written has its own audit row, as on the single path.
    """
    with transaction.atomic():
        writer = SignalBulkIngest(None, system=system, bron=bron, organisatie_id=organisatie_id, request=request)
        for index, row in enumerate(rows):
            writer.add(index, row)
        writer.finish()
    assert writer.outcomes is not None
    return [writer.outcomes[index] for index in range(len(rows))]
