# SPDX-License-Identifier: EUPL-1.2
"""The one write path of vroegsignalering: signals in, zaken grouped and classified, statuses changed.

- `ingest_signal`: one signal from any source (the API and the form later; the batch upload uses the bulk
  variant in `batch/bulk.py`, proven equal by tests/vroegsignalering/test_bulk_ingest_equals_the_single_path.py).
  Address, household and person come from the household write path (`huishoudens.services`); an
  ambiguous person goes to the worklist (`MatchWerklijstItem`), never guessed. The same signal twice
  (`dedupe_key`) is a repeat, not a second row.
- `classify_addresses`: the Divosa kind of every signal (and zaak) at the given addresses.
- `change_zaak_status`, `change_signaal_status`: the allowed transitions, each with its history row.
- The batch upload (a file validated in a first pass, written in a second) is `batch/services.py`.

Zaak grouping: a household has at most one open zaak (a partial unique constraint); a new signal for a
household with an open zaak joins it, otherwise a new zaak is opened for the team of the address's wijk.
Every zaak a signal joined gets its priority (in words), deadlines and routing from `outreach.refresh`.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.huishoudens import crypto
from wijkteam.huishoudens.models import Adres, Huishouden, Persoon
from wijkteam.huishoudens.services import (
    MatchStatus,
    find_or_add_person,
    find_or_create_adres,
    household_at,
    match_person,
)

from .batch.rows import SignalRow
from .models import (
    SIGNAAL_TRANSITIONS,
    ZAAK_OPEN,
    ZAAK_TRANSITIONS,
    Bron,
    Classificatie,
    Doel,
    MatchWerklijstItem,
    Signaal,
    SignaalSoort,
    SignaalStatus,
    SignaalStatusHistorie,
    Upload,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
    ZorgBron,
)
from .outreach.refresh import refresh_zaken


class Outcome(enum.StrEnum):
    NEW = "new"
    REPEAT = "repeat"


@dataclass(frozen=True)
class IngestResult:
    outcome: Outcome
    signaal: Signaal | None = None
    # True when the person could not be decided: the signal is on the worklist.
    on_worklist: bool = False


# --- Shared by the single and the bulk path ----------------------------------------------------


def person_ref(person_id: int | None, household_id: int, row: SignalRow, bsn_hash: str | None) -> str:
    """Who the signal is about, for the dedupe key: the person, or what identifies them until a worker decides."""
    if person_id is not None:
        return f"p{person_id}"
    if bsn_hash:
        return f"b{bsn_hash}"
    return f"h{household_id}:{row.achternaam.strip().casefold()}:{row.geboortedatum}"


def dedupe_key(row: SignalRow, ref: str) -> str:
    """Partner type + partner name + person + ontstaansdatum + bedrag (issue 17 item 3), hashed to fit an index."""
    text = f"{row.partnertype}|{' '.join(row.partnernaam.casefold().split())}|{ref}|{row.ontstaansdatum}|{row.bedrag}"
    return hashlib.sha256(text.encode()).hexdigest()


def teams_by_buurt() -> dict[int, int]:
    """buurt id → the team that covers its wijk (the lowest id when two do). Small: one row per buurt."""
    result: dict[int, int] = {}
    for team_id, buurt_id in (Team.objects.filter(wijken__buurten__isnull=False)
                              .order_by("pk").values_list("pk", "wijken__buurten")):
        result.setdefault(buurt_id, team_id)
    return result


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month


_SEVERITY = {Classificatie.ENKELVOUDIG: 0, Classificatie.MEERVOUDIG: 1, Classificatie.OPEENVOLGEND: 2}


def classify(months: Sequence[int], index: int) -> Classificatie:
    """Divosa's kind of the signal `index` among all signals at one address (their calendar months).

    opeenvolgend: another signal at the address in the 6 calendar months before this one's month;
    meervoudig: another signal at the address in the same calendar month (Divosa counts per month);
    else enkelvoudig. When both hold, opeenvolgend wins: the history is what the worker needs to know.
    """
    month = months[index]
    others = [m for i, m in enumerate(months) if i != index]
    if any(month - 6 <= m < month for m in others):
        return Classificatie.OPEENVOLGEND
    if any(m == month for m in others):
        return Classificatie.MEERVOUDIG
    return Classificatie.ENKELVOUDIG


CLASSIFY_CHUNK = 2000


def classify_addresses(adres_ids: Iterable[int]) -> None:
    """(Re)classify every financial signal at these addresses, and the zaken they belong to.

    A signal arriving later can change an earlier one (a second signal in the same month makes both
    meervoudig), so all signals at a touched address are looked at again. Runs in chunks of addresses:
    memory follows the chunk, not the file.
    """
    chunk: list[int] = []
    for adres_id in adres_ids:
        chunk.append(adres_id)
        if len(chunk) >= CLASSIFY_CHUNK:
            _classify_chunk(chunk)
            chunk = []
    if chunk:
        _classify_chunk(chunk)


# One financial signal as the classification sees it: (id, signaaldatum, current kind, zaak id, crisissignaal).
ClassifiedSignal = tuple[int, dt.date, str, int | None, bool]


def classify_groups(groups: Iterable[Sequence[ClassifiedSignal]]) -> tuple[dict[int, Classificatie],
                                                                            dict[int, tuple[int, bool]]]:
    """The kind of every signal, given all financial signals per address; and per zaak (max severity, any crisis).

    Pure: the single path (`_classify_chunk`) and the bulk path (which classifies a chunk's new signals
    before inserting them) share it, so both store the same kinds.
    """
    kinds: dict[int, Classificatie] = {}
    zaken: dict[int, tuple[int, bool]] = {}
    for signals in groups:
        months = [_month(s[1]) for s in signals]
        for index, (signaal_id, _datum, _was, signaal_zaak, signaal_crisis) in enumerate(signals):
            kind = kinds[signaal_id] = classify(months, index)
            if signaal_zaak is not None:
                severity, any_crisis = zaken.get(signaal_zaak, (0, False))
                zaken[signaal_zaak] = (max(severity, _SEVERITY[kind]), any_crisis or signaal_crisis)
    return kinds, zaken


def store_classification(changes: dict[Classificatie, list[int]], zaken: dict[int, tuple[int, bool]]) -> None:
    """Write changed signal kinds and the zaken's kind and crisis flag (only where they differ)."""
    for kind, pks in changes.items():
        Signaal.objects.filter(pk__in=pks).update(classificatie=kind)
    by_value: dict[tuple[int, bool], list[int]] = defaultdict(list)
    for zaak_id, value in zaken.items():
        by_value[value].append(zaak_id)
    kinds = {v: k for k, v in _SEVERITY.items()}
    for (severity, crisis), zaak_ids in by_value.items():
        Vroegsignaalzaak.objects.filter(pk__in=zaak_ids).exclude(
            classificatie=kinds[severity], crisis=crisis).update(classificatie=kinds[severity], crisis=crisis)


def _classify_chunk(adres_ids: list[int]) -> None:
    rows = list(Signaal.objects.filter(adres_id__in=adres_ids, soort=SignaalSoort.FINANCIEEL)
                .order_by("adres_id", "signaaldatum", "pk")
                .values_list("pk", "adres_id", "signaaldatum", "classificatie", "zaak_id", "crisissignaal"))
    by_adres: dict[int | None, list[ClassifiedSignal]] = defaultdict(list)
    for pk, adres_id, datum, current, zaak_id, crisis in rows:
        by_adres[adres_id].append((pk, datum, current, zaak_id, crisis))
    kinds, zaken = classify_groups(by_adres.values())
    changes: dict[Classificatie, list[int]] = defaultdict(list)
    for signals in by_adres.values():
        for signaal_id, _datum, was, _zaak, _crisis in signals:
            if kinds[signaal_id] != was:
                changes[kinds[signaal_id]].append(signaal_id)
    store_classification(changes, zaken)


# --- One signal --------------------------------------------------------------------------------


def open_zaak_of(household_id: int) -> Vroegsignaalzaak | None:
    """The household's open zaak (the oldest, should a writer ever have left two)."""
    return (Vroegsignaalzaak.objects.filter(huishouden_id=household_id, status__in=sorted(ZAAK_OPEN))
            .order_by("pk").first())


def _open_zaak(household: Huishouden, adres: Adres, *, system: str, by: User | None, now: dt.datetime,
               teams: dict[int, int]) -> Vroegsignaalzaak:
    # The household row is the lock of "one open zaak per household" (as casussen's one open case): two single-path
    # writers (a signal and a worklist decision) for one household take turns and the second joins the zaak.
    Huishouden.objects.select_for_update().filter(pk=household.pk).values_list("pk", flat=True).first()
    zaak = open_zaak_of(household.pk)
    if zaak is not None:
        return zaak
    try:
        with transaction.atomic():
            zaak = Vroegsignaalzaak.objects.create(
                huishouden=household, team_id=teams.get(adres.buurt_id) if adres.buurt_id else None,
                buurt_id=adres.buurt_id, ontvangen=timezone.localdate(now),
            )
    except IntegrityError:
        # A writer without that lock (the bulk upload, which takes turns by its own lock) opened one first: the
        # constraint waited for it to commit; join that zaak.
        existing = open_zaak_of(household.pk)
        if existing is None:
            raise
        return existing
    ZaakStatusHistorie.objects.create(zaak=zaak, van="", naar=ZaakStatus.NIEUW, door=by, door_systeem=system,
                                      tijdstip=now)
    return zaak


def ingest_signal(row: SignalRow, *, system: str = "", by: User | None = None, request: HttpRequest | None = None,
                  bron: Bron | str = Bron.API, upload: Upload | None = None, upload_rij: int | None = None,
                  organisatie_id: int | None = None, teams: dict[int, int] | None = None,
                  classify_now: bool = True) -> IngestResult:
    """Store one valid signal (see the module docstring); a repeat changes nothing and says so."""
    now = timezone.now()
    teams = teams if teams is not None else teams_by_buurt()
    with transaction.atomic():
        adres = find_or_create_adres(postcode=row.postcode, huisnummer=row.huisnummer, huisletter=row.huisletter,
                                     toevoeging=row.toevoeging, straat=row.straat, woonplaats=row.plaats)
        household = household_at(adres, by=by, request=request, system=system)
        person: Persoon | None = None
        candidates: Sequence[Persoon] = ()
        bsn_hash = crypto.lookup_hash(row.bsn) if row.bsn else None
        if row.achternaam:
            match = find_or_add_person(
                household, by=by, request=request, system=system, bsn=row.bsn or None, achternaam=row.achternaam,
                geboortedatum=row.geboortedatum, voorletters=row.voorletters, tussenvoegsel=row.voorvoegsel,
                telefoon=row.telefoon, email=row.email)
            person, candidates = match.person, match.candidates
        else:
            # BSN only: a person we know by it, else nobody to create (a person needs a surname).
            match = match_person(bsn=row.bsn)
            person = match.person if match.status is MatchStatus.FOUND else None
        key = dedupe_key(row, person_ref(person.pk if person else None, household.pk, row, bsn_hash))
        if Signaal.objects.filter(dedupe_key=key).exists():
            return IngestResult(Outcome.REPEAT)
        zaak = _open_zaak(household, adres, system=system, by=by, now=now, teams=teams)
        try:
            with transaction.atomic():
                signaal = Signaal.objects.create(
                    soort=SignaalSoort.FINANCIEEL, partnertype=row.partnertype, partnernaam=row.partnernaam,
                    bedrag=row.bedrag, ontstaansdatum=row.ontstaansdatum, signaaldatum=row.signaaldatum,
                    crisissignaal=row.crisissignaal, warme_overdracht=row.warme_overdracht, persoon=person,
                    huishouden=household, adres=adres, buurt_id=adres.buurt_id, zaak=zaak, bron=bron,
                    upload=upload, upload_rij=upload_rij, organisatie_id=organisatie_id, gemeld_door=by,
                    ontvangen=now, dedupe_key=key,
                )
        except IntegrityError:
            # The same signal arrived through another door a moment ago.
            return IngestResult(Outcome.REPEAT)
        on_worklist = person is None
        if on_worklist:
            item = MatchWerklijstItem.objects.create(signaal=signaal, aangeleverd=delivered_identity(row),
                                                     bsn_hash=bsn_hash or "")
            if candidates:
                item.kandidaten.set(candidates)
        record(request, Action.CREATE, obj=signaal, person_id=person.pk if person else None,
               household_id=household.pk, user=by, username=system, detail={"bron": str(bron)})
        if classify_now:
            classify_addresses([adres.pk])
        # Priority in words, deadlines, routing (outreach/refresh.py): the bulk path does the same per chunk.
        refresh_zaken([zaak.pk], today=timezone.localdate(now), now=now, by_id=by.pk if by else None)
    return IngestResult(Outcome.NEW, signaal, on_worklist)


def delivered_identity(row: SignalRow) -> dict[str, str]:
    """What the partner said about the person (no BSN), for the worker who decides an ambiguous match."""
    return {"voorletters": row.voorletters, "voorvoegsel": row.voorvoegsel, "achternaam": row.achternaam,
            "geboortedatum": row.geboortedatum.isoformat() if row.geboortedatum else "",
            "telefoonnummer": row.telefoon, "email": row.email}


# --- Concern signals ---------------------------------------------------------------------------


def record_zorgsignaal(household: Huishouden, *, bron: ZorgBron | str, zorg: str, by: User,
                       request: HttpRequest | None = None, persoon: Persoon | None = None,
                       signaaldatum: dt.date | None = None) -> Signaal:
    """A non-financial concern (huisarts, school, ...), kept under its own purpose (`Doel.ZORGSIGNAAL`).

    It joins no vroegsignaalzaak (that is Wgs outreach) and counts in no Divosa figure; only the team of
    the household's wijk sees it (`access.zorgsignalen_visible_to`).
    """
    if bron not in ZorgBron.values:
        raise ValueError(f"unknown ZorgBron {bron!r}")
    if not zorg.strip():
        raise ValidationError(_("Beschrijf de zorg."), code="zorg")
    with transaction.atomic():
        adres = household.adres
        signaal = Signaal.objects.create(
            soort=SignaalSoort.ZORG, doel=Doel.ZORGSIGNAAL, zorg_bron=bron, zorg=zorg.strip(), persoon=persoon,
            huishouden=household, adres=adres, buurt_id=adres.buurt_id, bron=Bron.FORMULIER, gemeld_door=by,
            signaaldatum=signaaldatum or timezone.localdate(), ontvangen=timezone.now(),
        )
        record(request, Action.CREATE, obj=signaal, person_id=persoon.pk if persoon else None,
               household_id=household.pk, user=by, detail={"soort": "zorg", "bron": str(bron)})
    return signaal


# --- Statuses ----------------------------------------------------------------------------------


class TransitionNotAllowed(ValueError):
    pass


def _label(choices: type[models.TextChoices], value: str) -> str:
    """The Dutch label of a status for a message (the code itself when it is no status at all)."""
    return str(choices(value).label) if value in choices.values else str(value)


def change_zaak_status(zaak: Vroegsignaalzaak, naar: ZaakStatus | str, *, by: User | None,
                       request: HttpRequest | None = None, system: str = "", toelichting: str = "") -> None:
    with transaction.atomic():
        locked = Vroegsignaalzaak.objects.select_for_update().get(pk=zaak.pk)
        if naar not in ZAAK_TRANSITIONS[locked.status]:
            raise TransitionNotAllowed(_("Een zaak met status %(van)s kan niet naar %(naar)s.")
                                       % {"van": locked.get_status_display(), "naar": _label(ZaakStatus, naar)})
        now = timezone.now()
        ZaakStatusHistorie.objects.create(zaak=locked, van=locked.status, naar=naar, door=by, door_systeem=system,
                                          tijdstip=now, toelichting=toelichting)
        locked.status = str(naar)
        fields = ["status"]
        if naar == ZaakStatus.GESLOTEN:
            locked.gesloten = timezone.localdate(now)
            fields.append("gesloten")
        locked.save(update_fields=fields)
        zaak.status, zaak.gesloten = locked.status, locked.gesloten
        record(request, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, user=by, username=system,
               detail={"status": str(naar)})


def change_signaal_status(signaal: Signaal, naar: SignaalStatus | str, *, by: User,
                          request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        locked = Signaal.objects.select_for_update().get(pk=signaal.pk)
        if naar not in SIGNAAL_TRANSITIONS[locked.status]:
            raise TransitionNotAllowed(_("Dit signaal kan niet van %(van)s naar %(naar)s.")
                                       % {"van": locked.get_status_display(), "naar": _label(SignaalStatus, naar)})
        SignaalStatusHistorie.objects.create(signaal=locked, van=locked.status, naar=naar, door=by,
                                             tijdstip=timezone.now())
        locked.status = str(naar)
        locked.save(update_fields=["status"])
        signaal.status = locked.status
        record(request, Action.UPDATE, obj=locked, person_id=locked.persoon_id, household_id=locked.huishouden_id,
               user=by, detail={"status": str(naar)})

