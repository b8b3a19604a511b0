# SPDX-License-Identifier: EUPL-1.2
"""The one write path for addresses, households, persons and consent. Every change to personal data is audited.

Signals, requests, cases and referrals all arrive at the same three questions: which address, which
household lives there, which person is it. The answers here are shared so two intakes never create
two records for one resident.

- `find_or_create_adres`: an address is a shared fact keyed on (postcode, huisnummer, huisletter,
  toevoeging) as BAG keys it; the database's unique constraint decides races, the loser reads the
  winner's row.
- `household_at`: the household living at an address. A wijkteam works with "the household at this
  front door": one current household per address, found or created under a row lock on the address so
  two signals at the same moment create one. Lodgers or a split-up house that really are separate
  households are registered explicitly with `register_household`; `household_at` then answers with the
  oldest, and a case that concerns the other one names it.
- `match_person` / `find_or_add_person`: BSN first (through the keyed hash, never the number itself),
  else achternaam + geboortedatum within the household. More than one candidate is `AMBIGUOUS` and is
  handed back for a person to decide: a wrong match would show one resident's file to another's worker.
- `move_person`, `update_contact`, `record_consent`: the changes after intake.
- Household history: `add_person` (into a household) and `move_person` keep `HuishoudenLidmaatschap`, the
  append-only record of which household a person belonged to when (`_open_membership`, `_close_membership`);
  the bulk writers (`bulk.py`, `vroegsignalering.batch.bulk`) write the same rows.

Who did it: a logged-in user (`by`, with `request` when there is one) or, for file uploads and API
tokens that arrive without a user, a `system` name that goes into the audit row's username.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import DateTimeField, F, ForeignObjectRel, Q, Value
from django.db.models.functions import Greatest
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.areas import point_to_buurt
from wijkteam.gebieden.models import Buurt, Postcode
from wijkteam.gebieden.postcodes import (
    normalise_huisletter,
    normalise_postcode,
    normalise_toevoeging,
    parse_huisnummer,
)

from . import crypto
from .models import Adres, Doel, Huishouden, HuishoudenLidmaatschap, Persoon, Toestemming, validate_bsn


def _audit(request: HttpRequest | None, action: Action, *, by: User | None, system: str, **kwargs: Any) -> None:
    if by is None and request is None and not system:
        # An unattributed change to personal data would make the trail useless for the resident's inquiry.
        raise ValueError("a change to personal data needs `by`, `request` or a `system` name")
    record(request, action, user=by, username=system, **kwargs)


# --- Addresses -------------------------------------------------------------------------------


def adres_key(
    postcode: str, huisnummer: int | str, huisletter: str = "", toevoeging: str = ""
) -> tuple[str, int, str, str]:
    """The normalised BAG key. A huisnummer given as text ("12a-3") is parsed into its parts."""
    if isinstance(huisnummer, str):
        parsed = parse_huisnummer(huisnummer)
        huisnummer = parsed.nummer
        huisletter = huisletter or parsed.letter
        toevoeging = toevoeging or parsed.toevoeging
    return (normalise_postcode(postcode), int(huisnummer), normalise_huisletter(huisletter),
            normalise_toevoeging(toevoeging))


def buurt_for(postcode: str, latitude: float | None = None, longitude: float | None = None) -> Buurt | None:
    """The buurt of a new address: from the postcode table, else from its point in the buurt boundaries."""
    row = Postcode.objects.filter(pc6=postcode, buurt__isnull=False).select_related("buurt").first()
    if row is not None:
        return row.buurt
    return point_to_buurt(latitude, longitude)


def find_or_create_adres(*, postcode: str, huisnummer: int | str, huisletter: str = "", toevoeging: str = "",
                         **fields: Any) -> Adres:
    """Addresses are shared facts (not personal data on their own); match on the BAG-style key.

    Safe under concurrency: the unique constraint `uniek_adres` lets only one INSERT win; the other
    rolls back to its savepoint and reads the winner's row.
    """
    postcode, huisnummer, huisletter, toevoeging = adres_key(postcode, huisnummer, huisletter, toevoeging)
    lookup = {"postcode": postcode, "huisnummer": huisnummer, "huisletter__iexact": huisletter,
              "huisnummertoevoeging__iexact": toevoeging}
    adres = Adres.objects.filter(**lookup).first()
    if adres is not None:
        return adres
    if fields.get("buurt") is None and fields.get("buurt_id") is None:
        fields["buurt"] = buurt_for(postcode, fields.get("latitude"), fields.get("longitude"))
    try:
        with transaction.atomic():
            return Adres.objects.create(postcode=postcode, huisnummer=huisnummer, huisletter=huisletter,
                                        huisnummertoevoeging=toevoeging, **fields)
    except IntegrityError:
        return Adres.objects.get(**lookup)


# --- Households ------------------------------------------------------------------------------


def register_household(adres: Adres, *, by: User | None = None, request: HttpRequest | None = None,
                       system: str = "", sinds: dt.date | None = None) -> Huishouden:
    """A new household at `adres`, also when one lives there already (an explicit split: lodgers)."""
    with transaction.atomic():
        household = Huishouden.objects.create(adres=adres, sinds=sinds)
        _audit(request, Action.CREATE, by=by, system=system, obj=household, household_id=household.pk)
    return household


def household_at(adres: Adres, *, by: User | None = None, request: HttpRequest | None = None, system: str = "",
                 sinds: dt.date | None = None) -> Huishouden:
    """The household living at `adres`, created when there is none (see the module docstring)."""
    with transaction.atomic():
        # The address row is the lock: a second writer waits here until the first has committed its household.
        Adres.objects.select_for_update().filter(pk=adres.pk).first()
        household = adres.huishoudens.order_by("pk").first()
        if household is not None:
            return household
        return register_household(adres, by=by, request=request, system=system, sinds=sinds)


# --- Persons ---------------------------------------------------------------------------------


class MatchStatus(enum.StrEnum):
    FOUND = "found"
    CREATED = "created"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class PersonMatch:
    status: MatchStatus
    person: Persoon | None = None
    # With AMBIGUOUS: everyone who fits, for a worker to choose from. Never guessed.
    candidates: Sequence[Persoon] = field(default_factory=tuple)


def match_person(*, household: Huishouden | None = None, bsn: str | None = None, achternaam: str = "",
                 geboortedatum: dt.date | None = None, voornamen: str = "") -> PersonMatch:
    """Who is this? BSN first (anywhere), else achternaam + geboortedatum within the household.

    A person recorded with another BSN is never a name match: same name and birthday, different BSN,
    means a different person. `voornamen` narrows a name match (twins) but never widens it.
    """
    if bsn:
        found = Persoon.objects.filter(bsn_hash=crypto.lookup_hash(validate_bsn(bsn))).first()
        if found is not None:
            return PersonMatch(MatchStatus.FOUND, found)
    if household is None or not achternaam or geboortedatum is None:
        return PersonMatch(MatchStatus.NOT_FOUND)
    same = household.leden.filter(achternaam__iexact=achternaam.strip(), geboortedatum=geboortedatum)
    if bsn:
        same = same.filter(bsn_hash__isnull=True)  # with a BSN: only persons without one can be them
    candidates = list(same.order_by("pk"))
    if len(candidates) > 1 and voornamen:
        first = voornamen.split()[0].lower()
        candidates = [c for c in candidates if c.voornamen.lower().split()[:1] == [first]] or candidates
    if len(candidates) == 1:
        return PersonMatch(MatchStatus.FOUND, candidates[0])
    if candidates:
        return PersonMatch(MatchStatus.AMBIGUOUS, candidates=tuple(candidates))
    return PersonMatch(MatchStatus.NOT_FOUND)


def _open_membership(person: Persoon, household: Huishouden, *, vanaf: dt.datetime,
                     by: User | None) -> HuishoudenLidmaatschap:
    return HuishoudenLidmaatschap.objects.create(persoon=person, huishouden=household, vanaf=vanaf, door=by)


def _close_membership(person: Persoon, *, tot: dt.datetime) -> None:
    """Close the person's open membership (callers hold the person's row lock). Never before it opened: a
    clock set back between the two must not break the move (the row's check constraint)."""
    HuishoudenLidmaatschap.objects.filter(persoon=person, tot__isnull=True).update(
        tot=Greatest(F("vanaf"), Value(tot, output_field=DateTimeField())))


def add_person(household: Huishouden | None, *, by: User | None = None, request: HttpRequest | None = None,
               system: str = "", bsn: str | None = None, **fields: Any) -> Persoon:
    """A new person, in `household` (their membership opens now) or in none yet (`move_person` places them)."""
    with transaction.atomic():
        person = Persoon(huishouden=household, **fields)
        person.set_bsn(bsn)
        person.full_clean()
        person.save()
        if household is not None:
            _open_membership(person, household, vanaf=person.aangemaakt, by=by)
        _audit(request, Action.CREATE, by=by, system=system, obj=person, person_id=person.pk,
               household_id=household.pk if household else None)
    return person


def find_or_add_person(household: Huishouden, *, by: User | None = None, request: HttpRequest | None = None,
                       system: str = "", bsn: str | None = None, achternaam: str, geboortedatum: dt.date | None,
                       **fields: Any) -> PersonMatch:
    """Match (see `match_person`) or add to `household`. AMBIGUOUS creates nothing.

    A name match that had no BSN yet gets the BSN given here. Two intakes of the same new person at
    once: the household row lock serialises name matches, the unique BSN hash decides BSN races.
    """
    with transaction.atomic():
        Huishouden.objects.select_for_update().filter(pk=household.pk).first()
        match = match_person(household=household, bsn=bsn, achternaam=achternaam, geboortedatum=geboortedatum,
                             voornamen=fields.get("voornamen", ""))
        if match.status is MatchStatus.FOUND and match.person is not None:
            if bsn and not match.person.bsn_hash:
                match.person.set_bsn(bsn)
                match.person.save(update_fields=["bsn_versleuteld", "bsn_hash", "gewijzigd"])
                _audit(request, Action.UPDATE, by=by, system=system, obj=match.person, person_id=match.person.pk,
                       household_id=match.person.huishouden_id, detail={"fields": ["bsn"]})
            return match
        if match.status is MatchStatus.AMBIGUOUS:
            return match
        try:
            with transaction.atomic():
                person = add_person(household, by=by, request=request, system=system, bsn=bsn,
                                    achternaam=achternaam, geboortedatum=geboortedatum, **fields)
        except (IntegrityError, ValidationError) as exc:
            # Another intake stored this BSN a moment ago: that row is the person.
            if bsn and isinstance(exc, IntegrityError):
                return match_person(bsn=bsn)
            raise
        return PersonMatch(MatchStatus.CREATED, person)


def move_person(person: Persoon, adres: Adres, *, by: User | None = None, request: HttpRequest | None = None,
                system: str = "", sinds: dt.date | None = None) -> Huishouden:
    """Move `person` into the household at `adres` (created if nobody lives there yet): the membership of the
    previous household closes and the new one opens at the same moment."""
    with transaction.atomic():
        locked = Persoon.objects.select_for_update().get(pk=person.pk)
        household = household_at(adres, by=by, request=request, system=system, sinds=sinds)
        previous = locked.huishouden_id
        if previous == household.pk:
            return household
        now = timezone.now()
        _close_membership(locked, tot=now)
        _open_membership(locked, household, vanaf=now, by=by)
        locked.huishouden = household
        locked.save(update_fields=["huishouden", "gewijzigd"])
        person.huishouden = household
        _audit(request, Action.UPDATE, by=by, system=system, obj=locked, person_id=locked.pk,
               household_id=household.pk, detail={"fields": ["huishouden"], "van_huishouden": previous})
    return household


def update_contact(person: Persoon, *, by: User | None = None, request: HttpRequest | None = None,
                   system: str = "", telefoon: str | None = None, email: str | None = None) -> list[str]:
    """Change phone and/or e-mail; returns the names of the fields that changed (None = leave as is)."""
    with transaction.atomic():
        locked = Persoon.objects.select_for_update().get(pk=person.pk)
        changed = []
        for name, value in (("telefoon", telefoon), ("email", email)):
            if value is not None and getattr(locked, name) != value.strip():
                setattr(locked, name, value.strip())
                changed.append(name)
        if not changed:
            return []
        locked.full_clean(exclude=["huishouden"])
        locked.save(update_fields=[*changed, "gewijzigd"])
        for name in changed:
            setattr(person, name, getattr(locked, name))
        # The trail names which fields changed, never the values: a phone number is personal data.
        _audit(request, Action.UPDATE, by=by, system=system, obj=locked, person_id=locked.pk,
               household_id=locked.huishouden_id, detail={"fields": changed})
    return changed


# --- Consent ---------------------------------------------------------------------------------


def record_consent(person: Persoon, doel: Doel | str, *, gegeven: bool, by: User,
                   request: HttpRequest | None = None, toelichting: str = "") -> Toestemming:
    """Give or withdraw consent for one purpose: always a new row, so the history stays intact."""
    if doel not in Doel.values:
        raise ValidationError(_("Onbekend doel voor toestemming: %(doel)s") % {"doel": doel}, code="doel")
    with transaction.atomic():
        consent = Toestemming.objects.create(persoon=person, doel=doel, gegeven=gegeven, vastgelegd_door=by,
                                             tijdstip=timezone.now(), toelichting=toelichting)
        record(request, Action.CREATE, obj=consent, person_id=person.pk, household_id=person.huishouden_id,
               user=by, detail={"doel": str(doel), "gegeven": gegeven})
    return consent


def current_consent(person: Persoon, doel: Doel | str) -> bool:
    """Whether consent for `doel` stands now: the latest row decides."""
    latest = person.toestemmingen.filter(doel=doel).order_by("-tijdstip", "-id").first()
    return bool(latest and latest.gegeven)


# --- Removing what no process needs any more -------------------------------------------------------------

# PostgreSQL advisory lock key that the bulk writers of households and persons (a signal upload, a partner's
# API batch: vroegsignalering.batch.bulk) and `remove_unreferenced` take in turn ("VROE").
WRITERS_LOCK = 0x5652_4F45


def lock_writers() -> None:
    """Wait for, then hold until the end of the transaction, the bulk writers' lock (PostgreSQL; SQLite's
    transaction already holds the database's write lock). Re-entrant within one transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITERS_LOCK])


def _referenced_ids(model: type[Persoon] | type[Huishouden], ids: set[int], *, ignore: set[type]) -> set[int]:
    """The ids among `ids` that a row of another model points at (foreign key or many-to-many), found by
    walking the model's reverse relations: this base app names no domain app, and a relation a later app
    adds (a case's household, a referral's person) counts the day it appears."""
    found: set[int] = set()
    if not ids:
        return found
    # include_hidden: a foreign key declared with related_name="+" refers all the same.
    relations = [f for f in model._meta.get_fields(include_hidden=True)
                 if isinstance(f, ForeignObjectRel) and f.auto_created and not f.concrete]
    for rel in relations:
        if rel.related_model in ignore:
            continue
        if rel.many_to_many:
            through = rel.through  # type: ignore[attr-defined]  # a ManyToManyRel here
            column = next(f for f in through._meta.fields if f.related_model is model)
            query = through.objects.filter(**{f"{column.name}__in": ids}).values_list(column.attname, flat=True)
        else:
            query = rel.related_model._default_manager.filter(  # type: ignore[union-attr]
                **{f"{rel.field.name}__in": ids}).values_list(rel.field.attname, flat=True)
        found.update(query.distinct())
    return found


def remove_unreferenced(*, huishouden_ids: Sequence[int], persoon_ids: Sequence[int], system: str) -> tuple[int, int]:
    """Delete these households (with all their members) and these persons when nothing refers to them any more;
    returns (households, persons) deleted. For a retention purge, inside its transaction, after it has cut its
    own links: a person or household a signal created holds the signal's personal data (name, BSN, birth date,
    contact details, address) and would otherwise outlive the signal's term.

    Kept: a household that any row of another process points at (a case, a referral, a request, an open zaak),
    or that any of its members' rows do (consent, a request, an assessment); a household that still has
    membership rows of a person who stays, and a person who has membership rows in a household that stays (the
    composition history of a kept household is not cut short); a person without a household that anything
    points at. A household goes whole or not at all.

    Concurrency: the bulk writers' lock (PostgreSQL) and the addresses' rows (`household_at` locks the address
    before it answers with its household) are taken before the households and persons, so an upload or an
    intake that is about to link one of them waits, and then finds it gone instead of failing on it. Every
    deleted person and household gets its own audit row (ids only), so a later inquiry by id shows the removal.
    """
    lock_writers()
    households = set(huishouden_ids)
    given = set(Persoon.objects.filter(pk__in=set(persoon_ids)).values_list("huishouden_id", "pk"))
    households |= {h for h, _p in given if h is not None}
    adressen = Huishouden.objects.filter(pk__in=households).values_list("adres_id", flat=True)
    list(Adres.objects.select_for_update().filter(pk__in=set(adressen)).order_by("pk").values_list("pk", flat=True))
    households = set(Huishouden.objects.select_for_update().filter(pk__in=households).order_by("pk")
                     .values_list("pk", flat=True))
    members = dict(Persoon.objects.select_for_update().filter(huishouden_id__in=households).order_by("pk")
                   .values_list("pk", "huishouden_id"))
    loose_ids = set(Persoon.objects.select_for_update().filter(
        pk__in={p for h, p in given if h is None}, huishouden__isnull=True).values_list("pk", flat=True))

    referenced_people = _referenced_ids(Persoon, set(members) | loose_ids, ignore={HuishoudenLidmaatschap})
    keep = _referenced_ids(Huishouden, households, ignore={Persoon, HuishoudenLidmaatschap})
    keep |= {members[p] for p in referenced_people if p in members}
    gone_households = households - keep
    gone_people = {p for p, h in members.items() if h in gone_households} | (loose_ids - referenced_people)
    # Membership rows tie people and households together across the candidates: a household with a row of
    # someone who stays, stays (with its members); a person with a row in a household that stays, stays (with
    # their household). Repeat until nothing changes; each round only shrinks the sets.
    while True:
        rows = set(HuishoudenLidmaatschap.objects.filter(Q(huishouden_id__in=gone_households) |
                                                           Q(persoon_id__in=gone_people))
                   .values_list("huishouden_id", "persoon_id"))
        held_households = {h for h, p in rows if h in gone_households and p not in gone_people}
        held_people = {p for h, p in rows if p in gone_people and h not in gone_households}
        held_households |= {members[p] for p in held_people if p in members}
        if not held_households and not held_people:
            break
        gone_households -= held_households
        gone_people -= held_people | {p for p, h in members.items() if h in held_households}
    deleted_people = sorted(gone_people)
    deleted_households = sorted(gone_households)
    if deleted_people:
        Persoon.objects.filter(pk__in=deleted_people).delete()  # their memberships go with them (CASCADE)
    if deleted_households:
        Huishouden.objects.filter(pk__in=deleted_households).delete()
    for pk in deleted_people:
        _audit(None, Action.DELETE, by=None, system=system, object_type="huishoudens.persoon", object_id=pk,
               person_id=pk, detail={"reden": "niets verwijst er meer naar"})
    for pk in deleted_households:
        _audit(None, Action.DELETE, by=None, system=system, object_type="huishoudens.huishouden", object_id=pk,
               household_id=pk, detail={"reden": "niets verwijst er meer naar"})
    return len(deleted_households), len(deleted_people)
