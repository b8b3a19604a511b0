# SPDX-License-Identifier: EUPL-1.2
"""The bulk variant of the household write path, for the demo's millions of rows (and later batch imports).

`HouseholdBulkWriter` writes what `services.find_or_create_adres` + `register_household` + `add_person`
(the person and their open `HuishoudenLidmaatschap`) + `record_consent` would write for *new* addresses,
one household each, through plain multi-row INSERTs; tests/huishoudens/test_bulk_writer_equals_the_single_path.py
proves the rows equal. It normalises the address key with the same `services.adres_key` and stores BSNs with
the same `Persoon.set_bsn`. What differs by design: no per-row audit events (one summary event per `finish()`,
naming the system that wrote; the memberships' `door` is empty, as for any system), no matching against
existing persons, and an address that already exists makes the unique constraint refuse the batch (nothing
half-written, the caller's transaction rolls back). Callers that must match use the single path.

Plain multi-row INSERTs, with ids we assign ourselves:

Why not bulk_create: measured on SQLite it costs 50-100 µs per row (a model instance plus Django
compiling every value, and SQLite's 999-parameter cap allows ~75 rows per statement), which is 6-8
minutes for the ~4.5 million rows of a 1,000,000-household demo. executemany with ready tuples is
a few µs per row. The price is that we bypass model save(): callers hand in values exactly as the
model would store them (normalised postcodes, encrypted BSNs) and reuse the model's own helpers.

Ids are assigned up front (past every id the table ever had: `next_id`) so persons can point at households
without reading ids back. That is safe because the demo is written in one transaction that holds the write lock
(SQLite) and runs in a demo environment nobody else writes to; `reset_sequences` then moves
PostgreSQL's sequences past the new ids, as `loaddata` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection, models
from django.db.models import Max

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import Adres, Huishouden, HuishoudenLidmaatschap, Persoon, Toestemming
from .services import adres_key


def next_id(model: type[models.Model]) -> int:
    """The first id never handed out: past the table's highest id AND past every id the table ever had.

    Persons and households are deleted by the retention purge, and the audit trail names them by id (not a
    foreign key): an id handed out again would give a new resident the trail of a deleted one. SQLite's
    AUTOINCREMENT remembers the highest id in `sqlite_sequence` (explicit ids raise it too); PostgreSQL's
    sequence remembers its last value."""
    table = model._meta.db_table
    highest = model._default_manager.aggregate(m=Max("pk"))["m"] or 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sequence_last_value(pg_get_serial_sequence(%s, 'id'))", [table])
        else:
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
    return max(highest, (row[0] if row and row[0] is not None else 0)) + 1


class Table:
    """Insert rows into one model's table; `fields` name the model fields, in row order."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        opts = model._meta
        concrete = [f for f in opts.concrete_fields]
        by_name = {f.name: f for f in concrete}
        given = [by_name[name] for name in fields]
        missing = [f for f in concrete if f.name not in fields]
        if any(f.unique for f in missing):
            raise ValueError(f"{opts.label}: unique field(s) must be given: {[f.name for f in missing]}")
        # A field added to the model later gets its default instead of breaking the demo.
        self._defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in missing)
        columns = [f.column for f in given] + [f.column for f in missing]
        quote = connection.ops.quote_name
        # Only quoted table/column names from the model and %s placeholders: values never enter the SQL.
        names = ", ".join(quote(c) for c in columns)
        placeholders = ", ".join(["%s"] * len(columns))
        self.sql = f"INSERT INTO {quote(str(opts.db_table))} ({names}) VALUES ({placeholders})"  # noqa: S608
        # Dates need the backend's adaptation (text on SQLite); everything else passes as is. Cached,
        # because the same few thousand dates and one created-at moment repeat millions of times.
        self._adapters: list[tuple[int, Callable[[Any], Any]]] = []
        for index, f in enumerate(given):
            if isinstance(f, models.DateTimeField):
                self._adapters.append((index, lru_cache(maxsize=65536)(connection.ops.adapt_datetimefield_value)))
            elif isinstance(f, models.DateField):
                self._adapters.append((index, lru_cache(maxsize=65536)(connection.ops.adapt_datefield_value)))
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)

    def flush(self) -> None:
        if not self.rows:
            return
        prepared: Sequence[tuple[Any, ...]] = self.rows
        if self._adapters or self._defaults:
            prepared = [self._prepare(row) for row in self.rows]
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, prepared)
        self.written += len(self.rows)
        self.rows = []

    def _prepare(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for index, adapt in self._adapters:
            if values[index] is not None:
                values[index] = adapt(values[index])
        return (*values, *self._defaults)


def reset_sequences(*model_classes: type[models.Model]) -> None:
    """Move id sequences past explicitly inserted ids (PostgreSQL; SQLite needs nothing). Never backwards:
    Django's own reset sets the sequence to the highest id present, which after a purge deleted the highest
    rows would hand their ids out again (see `next_id`)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            table = model._meta.db_table
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST("  # noqa: S608 (a model's table name)
                f"(SELECT COALESCE(MAX(id), 0) FROM {quoted}), "
                "COALESCE(pg_sequence_last_value(pg_get_serial_sequence(%s, 'id')), 0), 1))", [table, table])


@dataclass(frozen=True)
class NewAdres:
    postcode: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    straat: str
    woonplaats: str
    buurt_id: int | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class NewPerson:
    voorletters: str
    voornamen: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: dt.date | None
    bsn: str | None = None
    telefoon: str = ""
    email: str = ""


COLUMNS_ADRES = ("id", "postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "straat", "woonplaats",
                 "buurt", "latitude", "longitude")
COLUMNS_HUISHOUDEN = ("id", "adres", "sinds", "aangemaakt")
COLUMNS_PERSOON = ("id", "huishouden", "voorletters", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum",
                   "bsn_versleuteld", "bsn_hash", "telefoon", "email", "aangemaakt", "gewijzigd")
COLUMNS_TOESTEMMING = ("id", "persoon", "doel", "gegeven", "vastgelegd_door", "tijdstip", "toelichting")
COLUMNS_LIDMAATSCHAP = ("id", "persoon", "huishouden", "vanaf", "tot", "door")


class HouseholdBulkWriter:
    """New addresses with one household each, their members and consents; see the module docstring.

    Run inside one transaction; call `finish()` at the end (flushes, moves sequences, writes the audit row).
    """

    def __init__(self, *, now: dt.datetime, system: str) -> None:
        self.now = now
        self.system = system
        self.adres = Table(Adres, COLUMNS_ADRES)
        self.huishouden = Table(Huishouden, COLUMNS_HUISHOUDEN)
        self.persoon = Table(Persoon, COLUMNS_PERSOON)
        self.toestemming = Table(Toestemming, COLUMNS_TOESTEMMING)
        self.lidmaatschap = Table(HuishoudenLidmaatschap, COLUMNS_LIDMAATSCHAP)
        self._ids: dict[type[models.Model], int] = {
            m: next_id(m) for m in (Adres, Huishouden, Persoon, Toestemming, HuishoudenLidmaatschap)}
        self._first = dict(self._ids)
        self._scratch = Persoon()  # encrypts BSNs exactly as the model does

    def _take_id(self, model: type[models.Model]) -> int:
        self._ids[model] += 1
        return self._ids[model] - 1

    def add_household(self, adres: NewAdres, *, sinds: dt.date | None, members: Sequence[NewPerson]) -> list[int]:
        """Queue the address, its household and members; returns the members' ids (in order)."""
        postcode, huisnummer, huisletter, toevoeging = adres_key(adres.postcode, adres.huisnummer, adres.huisletter,
                                                                 adres.toevoeging)
        adres_id, huishouden_id = self._take_id(Adres), self._take_id(Huishouden)
        self.adres.add((adres_id, postcode, huisnummer, huisletter, toevoeging, adres.straat, adres.woonplaats,
                        adres.buurt_id, adres.latitude, adres.longitude))
        self.huishouden.add((huishouden_id, adres_id, sinds, self.now))
        ids = []
        for person in members:
            persoon_id = self._take_id(Persoon)
            self._scratch.set_bsn(person.bsn)
            self.persoon.add((
                persoon_id, huishouden_id, person.voorletters, person.voornamen, person.tussenvoegsel,
                person.achternaam, person.geboortedatum, self._scratch.bsn_versleuteld, self._scratch.bsn_hash,
                person.telefoon, person.email, self.now, self.now,
            ))
            # Member since they were recorded, as `add_person` opens it (no user: a system writes).
            self.lidmaatschap.add((self._take_id(HuishoudenLidmaatschap), persoon_id, huishouden_id, self.now, None,
                                   None))
            ids.append(persoon_id)
        return ids

    def add_consent(self, persoon_id: int, doel: str, *, gegeven: bool, by_id: int, tijdstip: dt.datetime,
                    toelichting: str = "") -> None:
        self.toestemming.add((self._take_id(Toestemming), persoon_id, doel, gegeven, by_id, tijdstip, toelichting))

    def flush(self) -> None:
        # Parents before children, so the deferred foreign-key checks never have to wait.
        for table in (self.adres, self.huishouden, self.persoon, self.lidmaatschap, self.toestemming):
            table.flush()

    def finish(self) -> dict[str, int]:
        self.flush()
        reset_sequences(Adres, Huishouden, Persoon, Toestemming, HuishoudenLidmaatschap)
        counts = {
            "adressen": self.adres.written,
            "huishoudens": self.huishouden.written,
            "personen": self.persoon.written,
            "toestemmingen": self.toestemming.written,
            "lidmaatschappen": self.lidmaatschap.written,
        }
        if self.persoon.written or self.huishouden.written:
            # One row for the batch (ids, no names): per-row events would double a million-row import.
            record(None, Action.CREATE, object_type="huishoudens.huishouden", username=self.system, detail={
                **counts,
                "eerste_persoon_id": self._first[Persoon],
                "laatste_persoon_id": self._ids[Persoon] - 1,
            })
        return counts
