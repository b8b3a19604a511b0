# SPDX-License-Identifier: EUPL-1.2
"""The bulk variant of `services.ingest_signal`, for monthly files of up to millions of rows.

It answers the same questions in the same order (address → household → person → repeat? → zaak →
signal, then the Divosa classification) but per chunk of rows with a handful of set-based queries
and multi-row INSERTs instead of a few queries per row. tests/vroegsignalering/
test_bulk_ingest_equals_the_single_path.py proves the stored rows equal the single path's, repeats,
ambiguous persons and a name match that gains a BSN included. What differs by design: audit events
are one summary per upload (ids and counts) instead of one per created row.

Memory follows the chunk, not the file: everything a chunk learned is written before the next chunk
asks the database again (inside the one transaction of the upload, so it sees its own rows).

Ids: on PostgreSQL from the tables' own sequences (nextval, so concurrent single-path writers are
safe); on SQLite max(id) + 1, safe because the upload's transaction holds SQLite's write lock from
BEGIN (transaction_mode IMMEDIATE in settings).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connection, models
from django.utils import timezone

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.models import Postcode
from wijkteam.huishoudens import crypto
from wijkteam.huishoudens.bulk import Table, next_id
from wijkteam.huishoudens.models import Adres, Huishouden, Persoon

from ..models import (
    ZAAK_OPEN,
    Bron,
    Classificatie,
    Doel,
    MatchWerklijstItem,
    Route,
    Signaal,
    SignaalSoort,
    SignaalStatus,
    Upload,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
)
from ..outreach.refresh import refresh_zaken
from ..services import classify_addresses, dedupe_key, delivered_identity, person_ref, teams_by_buurt
from .rows import SignalRow

CHUNK = 2000


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
COLUMNS_ZAAK = ("id", "huishouden", "team", "buurt", "status", "classificatie", "crisis", "prioriteit",
                "prioriteit_uitleg", "route", "ontvangen", "aangemaakt")
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


class SignalBulkIngest:
    """Feed valid rows with `add(rij, row)`, then `finish()`; run inside the upload's one transaction."""

    def __init__(self, upload: Upload, *, system: str, bron: Bron | str = Bron.BESTAND) -> None:
        self.upload = upload
        self.system = system
        self.bron = str(bron)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.ids = IdAllocator()
        self.teams = teams_by_buurt()
        self.counts = Counts()
        self.pending: list[tuple[int, SignalRow]] = []
        self.t_adres = CopyTable(Adres, COLUMNS_ADRES)
        self.t_huishouden = CopyTable(Huishouden, COLUMNS_HUISHOUDEN)
        self.t_persoon = CopyTable(Persoon, COLUMNS_PERSOON)
        self.t_zaak = CopyTable(Vroegsignaalzaak, COLUMNS_ZAAK)
        self.t_historie = CopyTable(ZaakStatusHistorie, COLUMNS_ZAAK_HISTORIE)
        self.t_signaal = CopyTable(Signaal, COLUMNS_SIGNAAL)
        self._scratch = Persoon()  # encrypts BSNs exactly as the model does
        self._hash_cache: dict[str, str] = {}

    def add(self, rij: int, row: SignalRow) -> None:
        self.pending.append((rij, row))
        if len(self.pending) >= CHUNK:
            self._chunk()

    def finish(self) -> Counts:
        self._chunk()
        c = self.counts
        if c.nieuw or c.personen or c.huishoudens:
            # One row for the upload (ids and counts, no names): per-row events would double a million-row file.
            record(None, Action.CREATE, object_type="vroegsignalering.upload", object_id=self.upload.pk,
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
        persons = self._persons(rows, adres_of, household_of)
        self._signals(rows, adres_of, household_of, persons)

    def _addresses(self, rows: list[tuple[int, SignalRow]]) -> dict[tuple[str, int, str, str], tuple[int, int | None]]:
        """Address key → (id, buurt id), creating the addresses not stored yet (first row's street wins)."""
        firsts: dict[tuple[str, int, str, str], SignalRow] = {}
        for _rij, row in rows:
            firsts.setdefault(row.adres_key, row)
        postcodes = {key[0] for key in firsts}
        found: dict[tuple[str, int, str, str], tuple[int, int | None]] = {}
        for pk, postcode, nummer, letter, toevoeging, buurt_id in Adres.objects.filter(
                postcode__in=postcodes).order_by("pk").values_list(
                "pk", "postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "buurt_id"):
            found.setdefault((postcode, nummer, letter.upper(), toevoeging.upper()), (pk, buurt_id))
        missing = [key for key in firsts if key not in found]
        if missing:
            buurten: dict[str, int | None] = dict(
                Postcode.objects.filter(pc6__in={k[0] for k in missing}, buurt__isnull=False)
                .values_list("pc6", "buurt_id"))
            ids = self.ids.take(Adres, len(missing))
            for key in missing:
                row = firsts[key]
                new_id, new_buurt = next(ids), buurten.get(key[0])
                self.t_adres.add((new_id, *key, row.straat, row.plaats, new_buurt, None, None))
                found[key] = (new_id, new_buurt)
            self.counts.adressen += len(missing)
            self.t_adres.flush()
        return found

    def _households(self, rows: list[tuple[int, SignalRow]],
                    adres_of: dict[tuple[str, int, str, str], tuple[int, int | None]]) -> dict[int, int]:
        """Address id → the household living there (the oldest), created where there is none.

        New households are numbered in the order their addresses first appear in the rows, as the single path does.
        """
        order: dict[int, None] = {}
        for _rij, row in rows:
            order.setdefault(adres_of[row.adres_key][0], None)
        household_of: dict[int, int] = {}
        for adres_id, pk in Huishouden.objects.filter(adres_id__in=order.keys()).order_by("pk").values_list(
                "adres_id", "pk"):
            household_of.setdefault(adres_id, pk)
        missing = [adres_id for adres_id in order if adres_id not in household_of]
        ids = self.ids.take(Huishouden, len(missing))
        for adres_id in missing:
            pk = next(ids)
            self.t_huishouden.add((pk, adres_id, None, self.now))
            household_of[adres_id] = pk
        self.counts.huishoudens += len(missing)
        self.t_huishouden.flush()
        return household_of

    def _persons(self, rows: list[tuple[int, SignalRow]], adres_of: dict[tuple[str, int, str, str],
                 tuple[int, int | None]], household_of: dict[int, int]) -> list[tuple[int | None, list[int], str]]:
        """Per row: (person id or None, candidates when ambiguous, bsn hash), as `find_or_add_person` decides."""
        hashes = [self._hash(row.bsn) if row.bsn else "" for _rij, row in rows]
        by_hash: dict[str, int] = {
            h: pk for h, pk in Persoon.objects.filter(bsn_hash__in={h for h in hashes if h}).values_list(
                "bsn_hash", "pk") if h}
        members: dict[int, list[Member]] = defaultdict(list)
        for pk, household_id, achternaam, geboortedatum, bsn_hash in Persoon.objects.filter(
                huishouden_id__in=set(household_of.values())).order_by("pk").values_list(
                "pk", "huishouden_id", "achternaam", "geboortedatum", "bsn_hash"):
            members[household_id].append(Member(pk, achternaam.lower(), geboortedatum, bsn_hash))
        result: list[tuple[int | None, list[int], str]] = []
        bsn_updates: list[tuple[str, str, dt.datetime, int]] = []
        # [placeholder id, row, household id, bsn]: the BSN may still come from a later row of the chunk.
        new_rows: list[list[object]] = []
        for (_rij, row), bsn_hash in zip(rows, hashes, strict=True):
            household_id = household_of[adres_of[row.adres_key][0]]
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
                    else:
                        self._scratch.set_bsn(row.bsn)
                        bsn_updates.append((self._scratch.bsn_versleuteld, bsn_hash, self.now, member.pk))
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
            real: dict[int, int] = {}
            for placeholder, new, new_household, bsn in new_rows:
                assert isinstance(placeholder, int) and isinstance(new, SignalRow)
                real[placeholder] = next(ids)
                # What Persoon.set_bsn stores, without its second 11-proef: the row passed it already.
                encrypted, hashed = (crypto.encrypt(str(bsn)), self._hash(str(bsn))) if bsn else ("", None)
                self.t_persoon.add((real[placeholder], new_household, new.voorletters, "", new.voorvoegsel,
                                    new.achternaam, new.geboortedatum, encrypted, hashed, new.telefoon, new.email,
                                    self.now, self.now))
            self.t_persoon.flush()
            self.counts.personen += len(new_rows)
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

    def _signals(self, rows: list[tuple[int, SignalRow]], adres_of: dict[tuple[str, int, str, str],
                 tuple[int, int | None]], household_of: dict[int, int],
                 persons: list[tuple[int | None, list[int], str]]) -> None:
        keys = []
        for (_rij, row), (person_id, _c, bsn_hash) in zip(rows, persons, strict=True):
            household_id = household_of[adres_of[row.adres_key][0]]
            keys.append(dedupe_key(row, person_ref(person_id, household_id, row, bsn_hash or None)))
        seen = set(Signaal.objects.filter(dedupe_key__in=set(keys)).values_list("dedupe_key", flat=True))
        fresh: list[int] = []
        for index, key in enumerate(keys):
            if key in seen:
                self.counts.herhaald += 1
            else:
                seen.add(key)
                fresh.append(index)
        if not fresh:
            return
        # Zaken: the household's open zaak, else a new one (in the order households first appear).
        households = {household_of[adres_of[rows[i][1].adres_key][0]] for i in fresh}
        zaak_of: dict[int, int] = {}
        for household_id, pk in Vroegsignaalzaak.objects.filter(
                huishouden_id__in=households, status__in=sorted(ZAAK_OPEN)).order_by("pk").values_list(
                "huishouden_id", "pk"):
            zaak_of.setdefault(household_id, pk)
        new_zaken: list[tuple[int, int | None]] = []
        for i in fresh:
            adres_id, buurt_id = adres_of[rows[i][1].adres_key]
            household_id = household_of[adres_id]
            if household_id not in zaak_of:
                zaak_of[household_id] = 0
                new_zaken.append((household_id, buurt_id))
        if new_zaken:
            ids = self.ids.take(Vroegsignaalzaak, len(new_zaken))
            history_ids = self.ids.take(ZaakStatusHistorie, len(new_zaken))
            for household_id, buurt_id in new_zaken:
                pk = next(ids)
                zaak_of[household_id] = pk
                self.t_zaak.add((pk, household_id, self.teams.get(buurt_id) if buurt_id else None, buurt_id,
                                 ZaakStatus.NIEUW, Classificatie.ENKELVOUDIG, False, 0, "", Route.OUTREACH,
                                 self.today, self.now))
                self.t_historie.add((pk, "", ZaakStatus.NIEUW, None, self.system, self.now, "", next(history_ids)))
            self.t_zaak.flush()
            self.t_historie.flush()
            self.counts.zaken += len(new_zaken)
        ids = self.ids.take(Signaal, len(fresh))
        worklist: list[tuple[int, SignalRow, list[int], str]] = []
        for i in fresh:
            rij, row = rows[i]
            person_id, candidates, bsn_hash = persons[i]
            adres_id, buurt_id = adres_of[row.adres_key]
            household_id = household_of[adres_id]
            pk = next(ids)
            self.t_signaal.add((
                pk, SignaalSoort.FINANCIEEL, Doel.WGS_VROEGSIGNALERING, row.partnertype, row.partnernaam, row.bedrag,
                row.ontstaansdatum, row.crisissignaal, row.warme_overdracht, "", "", row.signaaldatum,
                SignaalStatus.NOG_NIET_OPGEPAKT, Classificatie.ENKELVOUDIG, person_id, household_id, adres_id,
                buurt_id, zaak_of[household_id], self.bron, self.upload.pk, rij, None, None, self.now, keys[i], None,
            ))
            if person_id is None:
                worklist.append((pk, row, candidates, bsn_hash))
        self.t_signaal.flush()
        self.counts.nieuw += len(fresh)
        # Classified per chunk: an address a later chunk touches again is classified again then, with all
        # its signals, so the end result is the single path's. (Paging the upload's addresses afterwards
        # cost a scan per page: quadratic, minutes at a million rows on PostgreSQL.)
        classify_addresses(sorted({adres_of[rows[i][1].adres_key][0] for i in fresh}))
        # Priority in words, deadlines and routing of the zaken this chunk touched: set-based (a fixed number
        # of queries per chunk), after the classification it reads, as the single path does per signal.
        refresh_zaken({zaak_of[household_of[adres_of[rows[i][1].adres_key][0]]] for i in fresh},
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
