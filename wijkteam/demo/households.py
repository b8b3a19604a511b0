# SPDX-License-Identifier: EUPL-1.2
"""Streets, addresses, households, persons and a little consent, at any scale.

Everything is drawn from one seeded stream in one fixed order, so the same seed and scale give the
same town. Speed comes from precomputed name pools and the household write path's bulk variant
(huishoudens.bulk, proven equal to the single path by a test); the only
per-person cost worth mentioning is a BSN, which goes through Persoon.set_bsn so the demo stores exactly
what the application would (11-proef, Fernet, HMAC: ~35 µs each, ~20 s of a million-household run).
So every generated BSN is encrypted; no sampling is needed even at the largest scale.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Count, Q
from faker import Faker

from wijkteam.accounts.models import Role, User
from wijkteam.gebieden.models import Buurt, Postcode, PostcodeBron, Wijk
from wijkteam.gebieden.postcodes import NEVER_ISSUED
from wijkteam.gebieden.services import PostcodePoint, upsert_postcodes
from wijkteam.huishoudens.bulk import HouseholdBulkWriter, NewAdres, NewPerson
from wijkteam.huishoudens.models import Adres, Doel, Huishouden, HuishoudenLidmaatschap, Persoon, Toestemming

from .bsn import BsnSequence
from .generator import GEMEENTE_CODE, REFERENCE_DATE, WOONPLAATS, DemoContext, Step, register
from .places import Quad, bilinear, demo_buurten, quad_of

BATCH = 10_000  # households per INSERT round: big enough to amortise, small enough for memory

# --- Postcodes ------------------------------------------------------------------------------
# Wijk n (in code order) owns the 4-digit areas 3701+20n .. 3720+20n. A small demo uses only the
# first one per wijk; big scales spill into the next, the way real postcode areas follow density.
POSTCODE_FIRST_AREA = 3701
AREAS_PER_WIJK = 20
# PostNL never issues SA, SD and SS (see gebieden.postcodes).
LETTER_PAIRS = tuple(
    a + b for a in string.ascii_uppercase for b in string.ascii_uppercase if a + b not in NEVER_ISSUED
)
SEGMENT_ADDRESSES = 18  # a postcode covers one side of a street stretch: typically 10-30 addresses

# --- People ---------------------------------------------------------------------------------
# Household sizes roughly as CBS counts them (1: 39%, 2: 33%, 3: 12%, 4+: 16%), capped at four.
HOUSEHOLD_SIZES = (1, 2, 3, 4)
HOUSEHOLD_WEIGHTS = (39, 33, 12, 16)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BSN_SHARE = 0.30
CONSENT_SHARE = 0.02  # households whose first adult has a consent on record


@dataclass(frozen=True)
class Pools:
    """Names drawn once from Faker: choosing from a list is ~100x cheaper than a Faker call."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[tuple[str, str], ...]  # (tussenvoegsel, achternaam)

    @classmethod
    def build(cls, fake: Faker) -> Pools:
        return cls(
            male=tuple(sorted({fake.first_name_male() for _ in range(2000)})),
            female=tuple(sorted({fake.first_name_female() for _ in range(2000)})),
            surnames=tuple(sorted(n for n in {split_surname(fake.last_name()) for _ in range(5000)} if plain(n))),
        )


def split_surname(full: str) -> tuple[str, str]:
    """'van der Ploeg' → ('van der', 'Ploeg'): the lower-case words in front are the tussenvoegsel."""
    words = full.split(" ")
    cut = 0
    while cut < len(words) - 1 and (words[cut][:1].islower() or words[cut][:1] == "'"):
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


# Faker's list also holds medieval nobility ("van Wessex") and oddities ("Bourgondië, van"); a
# wijkteam's caseload has the everyday forms only.
TUSSENVOEGSELS = frozenset({"", "van", "de", "van der", "van den", "van de", "van 't", "van het", "den", "ter"})


def plain(surname: tuple[str, str]) -> bool:
    tussenvoegsel, achternaam = surname
    return tussenvoegsel in TUSSENVOEGSELS and achternaam.isalpha() and achternaam[0].isupper()


def initials(names: Sequence[str]) -> str:
    # IJ is one letter in Dutch: IJsbrand → "IJ.".
    return "".join(("IJ" if n.startswith("IJ") else n[0]) + "." for n in names)


def ascii_slug(text: str) -> str:
    # Zoë → zoe: e-mail addresses stay ASCII, which Django's EmailValidator requires.
    decomposed = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in decomposed.lower() if ch.isalnum())


# --- Streets and addresses ------------------------------------------------------------------
@dataclass
class Street:
    name: str
    horizontal: bool
    across: float  # position across the street's direction, in the buurt's unit square
    start: float
    end: float
    next_number: list[int] = field(default_factory=lambda: [1, 2])  # odd side, even side


class PostcodeAllocator:
    """Hands out a fresh postcode per street segment within one wijk's areas."""

    def __init__(self, wijk_index: int) -> None:
        self._first = POSTCODE_FIRST_AREA + AREAS_PER_WIJK * wijk_index
        self._used = 0

    def next(self) -> str:
        area, letters = divmod(self._used, len(LETTER_PAIRS))
        if area >= AREAS_PER_WIJK:
            raise RuntimeError("demo wijk ran out of postcodes; raise AREAS_PER_WIJK")
        self._used += 1
        return f"{self._first + area} {LETTER_PAIRS[letters]}"


def split_total(rng: random.Random, total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights` (largest remainder), summing exactly to `total`."""
    scaled = [total * w / sum(weights) for w in weights]
    counts = [math.floor(s) for s in scaled]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - scaled[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def street_names(fake: Faker, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for _ in range(count * 50):
        if len(names) == count:
            break
        name = fake.street_name()
        if name not in seen:
            seen.add(name)
            names.append(name)
    if len(names) < count:
        raise RuntimeError(f"Faker gave only {len(names)} distinct street names, {count} needed")
    return names


def plan_streets(rng: random.Random, names: Sequence[str]) -> list[Street]:
    streets = []
    for name in names:
        start = rng.uniform(0.05, 0.4)
        streets.append(Street(name, rng.random() < 0.5, rng.uniform(0.08, 0.92), start, rng.uniform(0.6, 0.95)))
    return streets


def street_point(street: Street, quad: Quad, side: int, t: float) -> tuple[float, float]:
    """(lon, lat) at fraction t along the street, a few metres off its centre line on `side`."""
    along = street.start + (street.end - street.start) * t
    across = street.across + (0.008 if side else -0.008)
    u, v = (along, across) if street.horizontal else (across, along)
    lon, lat = bilinear(quad, u, v)
    return round(lon, 6), round(lat, 6)


# (postcode, huisnummer, huisletter, toevoeging, straat, lon, lat)
AddressSpec = tuple[str, int, str, str, str, float, float]


def street_addresses(
    rng: random.Random, street: Street, quad: Quad, count: int, postcodes: PostcodeAllocator, segment_mean: int
) -> Iterator[AddressSpec]:
    """`count` addresses along one street, one postcode per segment, alternating the sides."""
    made = 0
    side = 0
    while made < count:
        size = min(count - made, rng.randint(max(2, segment_mean // 2), segment_mean + segment_mean // 2))
        postcode = postcodes.next()
        flat = rng.random() < 0.12  # a block of flats: one number and one spot, units 1..n
        number = street.next_number[side]
        lettered = False
        for k in range(size):
            lon, lat = street_point(street, quad, side, (made + (size / 2 if flat else k + 0.5)) / count)
            if flat:
                yield postcode, number, "", str(k + 1), street.name, lon, lat
                continue
            # Now and then a split-up house: 12 and 12A (never 12A twice).
            lettered = k > 0 and not lettered and rng.random() < 0.04
            if not lettered:
                number = street.next_number[side]
                street.next_number[side] += 2
            yield postcode, number, "A" if lettered else "", "", street.name, lon, lat
        if flat:
            street.next_number[side] += 2
        made += size
        side = 1 - side


def buurt_addresses(
    rng: random.Random, buurt: Buurt, streets: Sequence[Street], count: int, postcodes: PostcodeAllocator,
    segment_mean: int,
) -> Iterator[AddressSpec]:
    quad = quad_of(buurt)
    quotas = split_total(rng, count, [rng.uniform(0.5, 2.0) for _ in streets])
    for street, quota in zip(streets, quotas, strict=True):
        yield from street_addresses(rng, street, quad, quota, postcodes, segment_mean)


# --- People ---------------------------------------------------------------------------------
# (voorletters, voornamen, tussenvoegsel, achternaam, geboortedatum, is_adult)
PersonSpec = tuple[str, str, str, str, dt.date, bool]


def birth_date(rng: random.Random, age: int) -> dt.date:
    return REFERENCE_DATE - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))


def person(rng: random.Random, pools: Pools, surname: tuple[str, str], age: int) -> PersonSpec:
    names = pools.male if rng.random() < 0.5 else pools.female
    count = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    voornamen = [rng.choice(names) for _ in range(count)]
    return initials(voornamen), " ".join(voornamen), surname[0], surname[1], birth_date(rng, age), age >= 18


def household_members(rng: random.Random, pools: Pools) -> list[PersonSpec]:
    size = rng.choices(HOUSEHOLD_SIZES, weights=HOUSEHOLD_WEIGHTS)[0]
    surname = rng.choice(pools.surnames)
    if size == 1:
        return [person(rng, pools, surname, int(rng.triangular(18, 96, 45)))]
    couple = rng.random() < (0.7 if size == 2 else 0.8)
    first_age = int(rng.triangular(20, 90, 50)) if size == 2 and couple else rng.randint(24, 56)
    members = [person(rng, pools, surname, first_age)]
    if couple:
        partner_surname = surname if rng.random() < 0.4 else rng.choice(pools.surnames)
        partner_age = max(18, first_age + rng.randint(-6, 6))
        members.append(person(rng, pools, partner_surname, partner_age))
    while len(members) < size:
        members.append(person(rng, pools, surname, rng.randint(0, min(22, first_age - 18))))
    return members


# --- The step -------------------------------------------------------------------------------
# (doel, moment, withdrawn_at or None): drawn while the members are drawn, written once ids exist.
ConsentSpec = tuple[str, dt.datetime, dt.datetime | None, int]


def consent_spec(rng: random.Random, recorder_id: int) -> ConsentSpec:
    """A consent recorded during office hours in the last three years; now and then withdrawn later."""
    doel = rng.choice(Doel.values)
    day = REFERENCE_DATE - dt.timedelta(days=rng.randrange(2, 3 * 365))
    moment = dt.datetime.combine(day, dt.time(rng.randrange(8, 17), rng.randrange(60)), tzinfo=AMSTERDAM)
    withdrawn = None
    if rng.random() < 0.15:  # withdrawn: a second row, so the history stays visible
        withdrawn = moment + dt.timedelta(days=rng.randrange(1, (REFERENCE_DATE - day).days))
    return doel, moment, withdrawn, recorder_id


def write_household(
    rng: random.Random, writer: HouseholdBulkWriter, pools: Pools, bsns: BsnSequence, address: AddressSpec,
    buurt_id: int, recorders: Sequence[int],
) -> None:
    postcode, huisnummer, huisletter, toevoeging, straat, lon, lat = address
    members = household_members(rng, pools)
    # Moved in at some point in the last 25 years, but not before the eldest was 18.
    sinds = REFERENCE_DATE - dt.timedelta(days=rng.randrange(30, 365 * 25))
    adult_since = members[0][4] + dt.timedelta(days=int(18 * 365.25))
    people: list[NewPerson] = []
    consent: ConsentSpec | None = None
    for index, (voorletters, voornamen, tussenvoegsel, achternaam, geboren, adult) in enumerate(members):
        bsn = next(bsns) if rng.random() < BSN_SHARE else None
        telefoon = f"06-{rng.randrange(10_000_000, 60_000_000)}" if adult and rng.random() < 0.4 else ""
        email = f"{ascii_slug(voornamen.split(' ')[0])}{rng.randrange(10, 100)}@example.org" if (
            adult and rng.random() < 0.15) else ""
        people.append(NewPerson(voorletters, voornamen, tussenvoegsel, achternaam, geboren, bsn, telefoon, email))
        if index == 0 and recorders and rng.random() < CONSENT_SHARE:
            consent = consent_spec(rng, rng.choice(recorders))
    ids = writer.add_household(
        NewAdres(postcode, huisnummer, huisletter, toevoeging, straat, WOONPLAATS, buurt_id, lat, lon),
        sinds=min(max(sinds, adult_since), REFERENCE_DATE), members=people,
    )
    if consent is not None:
        doel, moment, withdrawn, recorder_id = consent
        writer.add_consent(ids[0], doel, gegeven=True, by_id=recorder_id, tijdstip=moment)
        if withdrawn is not None:
            writer.add_consent(ids[0], doel, gegeven=False, by_id=recorder_id, tijdstip=withdrawn,
                               toelichting="Ingetrokken door bewoner")


def recorders_per_wijk() -> dict[int, list[int]]:
    """Medewerker ids per wijk id: the people who record a resident's consent."""
    result: dict[int, list[int]] = {}
    users = User.objects.filter(role=Role.MEDEWERKER, teams__gemeente__code=GEMEENTE_CODE).order_by("username")
    for user_id, wijk_id in users.values_list("id", "teams__wijken__id"):
        result.setdefault(wijk_id, []).append(user_id)
    return result


def run(ctx: DemoContext) -> None:
    rng = ctx.rng("households")
    fake = ctx.faker("households")
    pools = Pools.build(fake)
    buurten = list(demo_buurten())
    weights = [rng.uniform(0.6, 1.4) * (1.3 if b.wijk.naam == "Centrum" else 1.0) for b in buurten]
    per_buurt = split_total(rng, ctx.scale, weights)
    streets_per_buurt = [min(100, max(3, math.ceil(n / 60))) if n else 0 for n in per_buurt]
    names = iter(street_names(fake, sum(streets_per_buurt)))
    wijk_ids = sorted({b.wijk_id for b in buurten})
    allocators = {wijk_id: PostcodeAllocator(i) for i, wijk_id in enumerate(wijk_ids)}
    per_wijk = {w: sum(n for b, n in zip(buurten, per_buurt, strict=True) if b.wijk_id == w) for w in wijk_ids}
    # Longer segments only when one wijk's 20 areas x 673 letter pairs would not hold its addresses.
    capacity = AREAS_PER_WIJK * len(LETTER_PAIRS)
    segment_mean = {w: max(SEGMENT_ADDRESSES, math.ceil(n * 1.3 / capacity)) for w, n in per_wijk.items()}
    recorders = recorders_per_wijk()
    bsns = BsnSequence(ctx.rng("bsn"))
    writer = HouseholdBulkWriter(now=ctx.now, system="demo")
    progress = ctx.progress("households", ctx.scale)
    done = 0
    # Per postcode: [sum of lat, sum of lon, count, buurt]: the public postcode table gets each centre.
    centres: dict[str, list[Any]] = {}
    for buurt, count, n_streets in zip(buurten, per_buurt, streets_per_buurt, strict=True):
        streets = plan_streets(rng, [next(names) for _ in range(n_streets)])
        for address in buurt_addresses(rng, buurt, streets, count, allocators[buurt.wijk_id],
                                       segment_mean[buurt.wijk_id]):
            write_household(rng, writer, pools, bsns, address, buurt.pk, recorders.get(buurt.wijk_id, []))
            centre = centres.setdefault(address[0], [0.0, 0.0, 0, buurt])
            centre[0] += address[6]
            centre[1] += address[5]
            centre[2] += 1
            done += 1
            if done % BATCH == 0:
                writer.flush()
            if done % 1000 == 0:
                progress.update(done)
    counts = writer.finish()
    progress.update(done)
    postcodes = upsert_postcodes(
        (PostcodePoint(pc6, round(lat / n, 6), round(lon / n, 6), buurt.code) for pc6, (lat, lon, n, buurt) in
         centres.items()),
        bron=PostcodeBron.DEMO, buurten={b.code: b for b in buurten},
    )
    set_inwoners(buurten)
    ctx.counts.update(
        postcodes=postcodes,
        **counts,
    )


def set_inwoners(buurten: list[Buurt]) -> None:
    """In the demo the register is the whole population, so CBS's inhabitant counts are the register's."""
    key = "huishouden__adres__buurt"
    per_buurt = dict(Persoon.objects.filter(huishouden__adres__buurt__in=buurten)
                     .values(key).annotate(n=Count("pk")).values_list(key, "n"))
    per_wijk: dict[int, int] = {}
    for buurt in buurten:
        buurt.inwoners = per_buurt.get(buurt.pk, 0)
        per_wijk[buurt.wijk_id] = per_wijk.get(buurt.wijk_id, 0) + buurt.inwoners
    Buurt.objects.bulk_update(buurten, ["inwoners"])
    for wijk_id, n in per_wijk.items():
        Wijk.objects.filter(pk=wijk_id).update(inwoners=n)


def reset(ctx: DemoContext) -> None:
    """Delete children before parents with plain DELETEs.

    QuerySet.delete() would first load every row to look for protected and cascading relations,
    which for millions of persons takes minutes and gigabytes. Later steps that point at persons
    reset before this one runs; if anything else still points here, the database's foreign-key
    check refuses and the whole reset rolls back.
    """
    in_demo = {"buurt__wijk__gemeente__code": GEMEENTE_CODE}
    adressen = Adres.objects.filter(**in_demo)
    huishoudens = Huishouden.objects.filter(adres__in=adressen)
    personen = Persoon.objects.filter(huishouden__in=huishoudens)
    # Memberships go with their person (and those naming a demo household with it: the household goes too).
    lidmaatschappen = HuishoudenLidmaatschap.objects.filter(Q(persoon__in=personen) | Q(huishouden__in=huishoudens))
    for queryset in (Toestemming.objects.filter(persoon__in=personen), lidmaatschappen, personen, huishoudens,
                     adressen):
        queryset._raw_delete(connection.alias)
    Postcode.objects.filter(bron=PostcodeBron.DEMO, **in_demo)._raw_delete(connection.alias)


STEP = register(Step(name="households", order=30, run=run, reset=reset))
