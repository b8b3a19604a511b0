# SPDX-License-Identifier: EUPL-1.2
"""Triage proposals, collective first: "collectief waar mogelijk, individueel waar nodig" (issue 18 item 4).

For every domain scored 3 or lower, or named in the request, the engine looks on the sociale kaart for
collective provisions near the household and proposes what the domain needs:

- **collectief**: at least one suitable provision within reach (`max_km`, setting
  `WIJKTEAM_TRIAGE_MAX_KM`, default 3 km; a provision without a place, online or by phone, counts
  as within reach), and nothing below asks for more;
- **individueel**: a score of 1 (acute problematiek), no suitable provision within reach, or somebody
  in the household is not safe right now;
- **beide**: individual support is needed (a score of 2, or concerns about safety) and a suitable
  provision exists beside it;
- **geen**: a domain the request names but the worker scored 4 or 5, with nothing suitable nearby.

Concerns about safety (the question every assessment asks) add individual support to every domain,
and put Huiselijke relaties (LD05) in the triage when it was not there: safety is never left to a
collective provision alone.

"Suitable" means: carries the domain (our levensdomein, or an imported term mapped onto it: the search
index holds mapped terms as ours, see sociale_kaart/taxonomy_mapping), publicly visible (status and
freshness, the public rule), not individual support itself (soort aanbod SA07 only), the age of the
person the request is about within the provision's age range, and a doelgroep that fits the household
(a provision for no doelgroep in particular fits everyone). Ranked by distance from the household's
address point (a provision located in or serving the household's wijk counts as distance 0), with a
small lift for a provision that names the household's doelgroep or speaks its language. Each option
carries one line in plain Dutch: "inloopspreekuur 600 m verderop, dinsdagochtend, gratis".

The sociale kaart is read, never written, and never learns who asked: the engine passes only a point,
a wijk code, an age, doelgroep codes and a language to the search index. Cost: one retrieval query over
the narrow search index for all domains together (one more when the household speaks another language)
and one query for the shortlisted cards, whatever the number of domains (bench/bench_triage.py).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.sociale_kaart.public.forms import language_name
from wijkteam.sociale_kaart.schedules import DAY_CODES, by_appointment, day_name, next_opening
from wijkteam.sociale_kaart.search import backends, visibility_filter
from wijkteam.sociale_kaart.search.cards import Card, parse_card
from wijkteam.sociale_kaart.search.ranking import KM_PER_DEGREE_LAT
from wijkteam.sociale_kaart.taxonomies import LEVENSDOMEINEN, shipped_taxonomies

from .choices import INDIVIDUAL_MAX_LEVEL, TRIAGE_MAX_LEVEL, Niveau, Ondersteuning, Veiligheid

DEFAULT_MAX_KM = 3.0
PER_DOMAIN = 3
SAFETY_DOMAIN = "LD05"
INDIVIDUAL_ONLY = "SA07"  # soort aanbod "Individuele begeleiding": not a collective provision
# Ranking: distance first; these lifts are worth about 1 km each (see _rank_key).
DOELGROEP_LIFT_KM = 1.0
LANGUAGE_LIFT_KM = 1.0
# A provision without a point (online, by phone) is ranked as if this far: after help around the corner.
NO_POINT_KM = 3.0

# Soort aanbod in the words of the reason line.
_SOORT_WORDS = {
    "SA01": lambda: _("inloopspreekuur"),
    "SA02": lambda: _("cursus"),
    "SA03": lambda: _("lotgenotengroep"),
    "SA04": lambda: _("maatje of vrijwilliger"),
    "SA05": lambda: _("activiteit"),
    "SA06": lambda: _("informatie en advies"),
    "SA08": lambda: _("materiële hulp"),
}
_DOELGROEP_WORDS = {
    "DG01": lambda: _("voor kinderen"),
    "DG02": lambda: _("voor jongeren"),
    "DG03": lambda: _("voor ouders"),
    "DG04": lambda: _("voor volwassenen"),
    "DG05": lambda: _("voor ouderen"),
    "DG06": lambda: _("voor mantelzorgers"),
    "DG07": lambda: _("voor nieuwkomers"),
}


@dataclass(frozen=True)
class Household:
    """What the engine knows of a household: a place, an age, doelgroepen and a language; no names.

    `doelgroepen`: DG codes the household belongs to (empty: unknown, every provision fits);
    `leeftijd`: age of the person the request is about (None: unknown, no age filter);
    `taal`: a language code other than Dutch the household prefers (None: Dutch).
    """

    latitude: float | None = None
    longitude: float | None = None
    wijk: str | None = None
    leeftijd: int | None = None
    doelgroepen: frozenset[str] = frozenset()
    taal: str | None = None

    @property
    def origin(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True)
class Need:
    """A domain in the triage: its LD code, the score (None: named, not scored) and whether the request names it."""

    code: str
    niveau: int | None = None
    genoemd: bool = False


@dataclass(frozen=True)
class Option:
    """One collective provision proposed for a domain."""

    service_id: uuid.UUID
    naam: str
    organisatie: str
    afstand_km: float | None
    in_wijk: bool
    adres: str
    reden: str  # one line in plain Dutch


@dataclass(frozen=True)
class DomainProposal:
    code: str
    naam: str
    niveau: int | None
    genoemd: bool
    advies: Ondersteuning
    redenen: tuple[str, ...]  # why this advice, in plain Dutch
    options: tuple[Option, ...] = field(default_factory=tuple)

    @property
    def reden(self) -> str:
        return " ".join(self.redenen)


def max_km() -> float:
    return float(getattr(settings, "WIJKTEAM_TRIAGE_MAX_KM", DEFAULT_MAX_KM))


@cache
def _domain_names() -> dict[str, str]:
    for taxonomy in shipped_taxonomies()["taxonomies"]:
        if taxonomy["slug"] == LEVENSDOMEINEN:
            return {term["code"]: term["name"] for term in taxonomy["terms"]}
    return {}


def domain_name(code: str) -> str:
    return _domain_names().get(code, code)


def is_domain_code(code: str) -> bool:
    return code in _domain_names()


def needs_for(
    scores: Mapping[str, int | None], named: Iterable[str], *, veiligheid: str = Veiligheid.VEILIG
) -> list[Need]:
    """The domains in the triage: scored ≤ 3, or named in the request (whatever their score), and
    Huiselijke relaties when there are concerns about safety; in LD order."""
    named_codes = {c for c in named if is_domain_code(c)}
    codes = {c for c, level in scores.items() if level is not None and level <= TRIAGE_MAX_LEVEL} | named_codes
    if veiligheid != Veiligheid.VEILIG:
        codes.add(SAFETY_DOMAIN)
    return [Need(code=c, niveau=scores.get(c), genoemd=c in named_codes) for c in sorted(codes) if is_domain_code(c)]


# --- Finding and ranking provisions -----------------------------------------------------------


@dataclass
class _Found:
    key: Any  # the engine's service id (Candidate.key); parsed into a UUID only for the shortlist
    km: float | None
    in_wijk: bool
    location_hex: str | None
    codes: str  # the index's space-padded code list: " LD01 SA01 DG04 "
    speaks: bool
    named_doelgroep: str | None

    @property
    def service_id(self) -> uuid.UUID:
        return self.key if isinstance(self.key, uuid.UUID) else uuid.UUID(str(self.key))

    @property
    def effective_km(self) -> float:
        if self.in_wijk:
            return 0.0
        return self.km if self.km is not None else NO_POINT_KM

    def carries(self, code: str) -> bool:
        return f" {code} " in self.codes


def _rank_key(found: _Found) -> tuple[float, str]:
    lift = (DOELGROEP_LIFT_KM if found.named_doelgroep else 0.0) + (LANGUAGE_LIFT_KM if found.speaks else 0.0)
    return (found.effective_km - lift, str(found.key))


def _retrieve(codes: Sequence[str], household: Household, *, taal: str | None = None) -> list[backends.Candidate]:
    plan = backends.RetrievalPlan(
        any_codes=[tuple(codes)],
        leeftijd=float(household.leeftijd) if household.leeftijd is not None else None,
        taal=taal,
    )
    plan.statuses, plan.checked_from = visibility_filter(include_hidden=False)
    return backends.retrieve(plan)


def _nearest(points: str, origin: tuple[float, float], reach_km: float) -> tuple[str | None, float | None]:
    """The nearest location ("hex,lat,lon;..." as the index keeps it) and its distance in km.

    Equirectangular distance: within a municipality (tens of km) it differs from the haversine by far less
    than a metre per km, and it costs a fraction (this runs for every candidate). A point far outside the
    reach on one axis alone is skipped before any arithmetic on the other.
    """
    lat0, lon0 = origin
    km_per_lon = KM_PER_DEGREE_LAT * math.cos(math.radians(lat0))
    best_hex: str | None = None
    best_km: float | None = None
    first_hex: str | None = None
    for part in points.split(";"):
        if not part:
            continue
        location_hex, lat_text, lon_text = part.split(",")
        first_hex = first_hex or location_hex
        if not lat_text or not lon_text:
            continue
        dy = (float(lat_text) - lat0) * KM_PER_DEGREE_LAT
        if best_km is not None and abs(dy) >= best_km:
            continue
        dx = (float(lon_text) - lon0) * km_per_lon
        km = math.sqrt(dx * dx + dy * dy)
        if best_km is None or km < best_km:
            best_hex, best_km = location_hex, km
    return (best_hex or first_hex), best_km


def _suitable(candidates: list[backends.Candidate], household: Household, speaking: set[Any], reach_km: float
              ) -> list[_Found]:
    """The candidates that are collective, fit the doelgroep and lie within reach. This loop runs over
    every service carrying one of the domains (thousands at 10,000 services), so it works on the index's
    padded code string and the raw key; ids are parsed and cards read for the shortlist only."""
    origin = household.origin
    wijk_token = f" {household.wijk} " if household.wijk else None
    wanted_groups = [(code, f" {code} ") for code in sorted(household.doelgroepen)]
    only_individual = f" {INDIVIDUAL_ONLY} "
    found: list[_Found] = []
    for candidate in candidates:
        codes = candidate.codes
        # Individual support only (SA07 and no other soort aanbod) is not a collective provision.
        if only_individual in codes and codes.count(" SA") == 1:
            continue
        named = None
        if wanted_groups and " DG" in codes:
            named = next((code for code, token in wanted_groups if token in codes), None)
            if named is None:
                continue  # for other doelgroepen only
        location_hex, km = _nearest(candidate.points, origin, reach_km) if origin is not None else (None, None)
        in_wijk = bool(wijk_token and wijk_token in candidate.wijken)
        if km is not None and km > reach_km and not in_wijk:
            continue
        found.append(
            _Found(
                key=candidate.key,
                km=km,
                in_wijk=in_wijk,
                location_hex=location_hex,
                codes=codes,  # already padded by the index (indexing._spaced)
                speaks=candidate.key in speaking,
                named_doelgroep=named,
            )
        )
    return found


# --- The reason line ---------------------------------------------------------------------------


def _distance_words(found: _Found, household: Household) -> str:
    if found.km is None:
        if found.in_wijk:
            return _("in de wijk")
        # Without the household's place nothing can be said about distance; with it, no point means online.
        return _("online of telefonisch") if household.origin is not None else ""
    if found.km < 0.95:
        metres = max(100, round(found.km * 10) * 100)
        distance = _("%(m)s m verderop") % {"m": metres}
    else:
        distance = _("%(km)s km verderop") % {"km": f"{found.km:.1f}".replace(".", ",")}
    return _("in de wijk, %(distance)s") % {"distance": distance} if found.in_wijk else distance


def _part_of_day(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    day = day_name(DAY_CODES[local.weekday()])
    if local.hour < 12:
        return _("%(day)sochtend") % {"day": day}
    if local.hour < 18:
        return _("%(day)smiddag") % {"day": day}
    return _("%(day)savond") % {"day": day}


def _when_words(card: Card, now: dt.datetime) -> str:
    if not card.schedules:
        return ""
    rows = card.schedule_rows()
    walk_in = [s for s in rows if not by_appointment(s)]
    if not walk_in:
        return _("op afspraak")
    upcoming = next_opening(walk_in, now)
    return _part_of_day(upcoming) if upcoming is not None else ""


def _cost_words(card: Card, today: dt.date) -> str:
    amounts = [
        amount
        for amount, start, end in card.costs
        if amount is not None and (start is None or start <= today) and (end is None or end >= today)
    ]
    if not amounts:
        return ""
    if all(a == 0 for a in amounts):
        return _("gratis")
    lowest = min(a for a in amounts if a > 0)
    if any(a == 0 for a in amounts):
        return _("kan gratis")
    return _("kosten vanaf € %(amount)s") % {"amount": _money(lowest)}


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _language_words(found: _Found, household: Household) -> str:
    if not (found.speaks and household.taal):
        return ""
    return _("ook in het %(language)s") % {"language": language_name(household.taal)}


def reason_line(found: _Found, card: Card, household: Household, now: dt.datetime) -> str:
    soort = next((words() for code, words in _SOORT_WORDS.items() if found.carries(code)), _("aanbod"))
    parts = [f"{soort} {_distance_words(found, household)}".strip()]
    for words in (
        _when_words(card, now),
        _cost_words(card, timezone.localdate(now)),
        _language_words(found, household),
        _DOELGROEP_WORDS[found.named_doelgroep]() if found.named_doelgroep in _DOELGROEP_WORDS else "",
    ):
        if words:
            parts.append(words)
    return ", ".join(parts)


def _address(card: Card, location_hex: str | None) -> str:
    located = card.locations
    wanted = uuid.UUID(location_hex) if location_hex else None
    location = next((loc for loc in located if loc.id == wanted), None) or (located[0] if located else None)
    return location.address if location is not None else ""


# --- The advice -------------------------------------------------------------------------------


def _advice(need: Need, options: Sequence[Option], veiligheid: str, reach_km: float) -> tuple[Ondersteuning, list[str]]:
    individual: list[str] = []
    level = need.niveau
    if level is not None and level <= INDIVIDUAL_MAX_LEVEL:
        individual.append(
            _("Score %(level)s (%(label)s): individuele ondersteuning is nodig.")
            % {"level": level, "label": _level_words(level)}
        )
    if veiligheid == Veiligheid.ACUUT:
        individual.append(_("Iemand in het huishouden is nu niet veilig: eerst individuele ondersteuning."))
    elif veiligheid == Veiligheid.ZORGEN:
        individual.append(_("Er zijn zorgen over de veiligheid: een medewerker blijft betrokken."))
    km = f"{reach_km:g}".replace(".", ",")
    if not options:
        if level is not None and level > TRIAGE_MAX_LEVEL and not individual:
            return Ondersteuning.GEEN, [
                _("Voldoende zelfredzaam en geen passend collectief aanbod binnen %(km)s km: geen ondersteuning nodig.")
                % {"km": km}
            ]
        individual.append(_("Geen passend collectief aanbod binnen %(km)s km.") % {"km": km})
        return Ondersteuning.INDIVIDUEEL, individual
    if not individual:
        return Ondersteuning.COLLECTIEF, [_("Passend collectief aanbod in de buurt: dat gaat voor.")]
    if level == Niveau.ACUUT or veiligheid == Veiligheid.ACUUT:
        return Ondersteuning.INDIVIDUEEL, individual
    individual.append(_("Het collectieve aanbod hieronder kan ernaast helpen."))
    return Ondersteuning.BEIDE, individual


def _level_words(level: int) -> str:
    words = {
        1: _("acute problematiek"),
        2: _("niet zelfredzaam"),
        3: _("beperkt zelfredzaam"),
        4: _("voldoende zelfredzaam"),
        5: _("volledig zelfredzaam"),
    }
    return words.get(level, "")


# --- The engine -------------------------------------------------------------------------------


def propose(
    household: Household,
    needs: Sequence[Need],
    *,
    veiligheid: str = Veiligheid.VEILIG,
    reach_km: float | None = None,
    per_domain: int = PER_DOMAIN,
    now: dt.datetime | None = None,
) -> list[DomainProposal]:
    """One proposal per need (in the order given), each with up to `per_domain` ranked options."""
    needs = [n for n in needs if is_domain_code(n.code)]
    if veiligheid != Veiligheid.VEILIG and SAFETY_DOMAIN not in {n.code for n in needs}:
        needs = sorted([*needs, Need(code=SAFETY_DOMAIN)], key=lambda n: n.code)
    if not needs:
        return []
    reach = max_km() if reach_km is None else reach_km
    now = now or timezone.now()
    codes = [n.code for n in needs]
    candidates = _retrieve(codes, household)
    speaking: set[Any] = set()
    if household.taal and household.taal != "nl":
        speaking = {c.key for c in _retrieve(codes, household, taal=household.taal)}
    found = _suitable(candidates, household, speaking, reach)

    matching: dict[str, list[_Found]] = {code: [] for code in codes}
    tokens = [(code, f" {code} ") for code in codes]
    for item in found:
        for code, token in tokens:
            if token in item.codes:
                matching[code].append(item)
    # The best few per domain, plus spare ones for cards gone since indexing.
    shortlist = {code: heapq.nsmallest(per_domain * 2, items, key=_rank_key) for code, items in matching.items()}
    wanted = {f.service_id for items in shortlist.values() for f in items}
    cards = {sid: parse_card(text) for sid, text in backends.read_cards(list(wanted)).items()} if wanted else {}

    proposals = []
    for need in needs:
        options: list[Option] = []
        for item in shortlist[need.code]:
            card = cards.get(item.service_id)
            if card is None:
                continue
            options.append(
                Option(
                    service_id=item.service_id,
                    naam=card.name,
                    organisatie=card.organisation,
                    afstand_km=round(item.km, 3) if item.km is not None else None,
                    in_wijk=item.in_wijk,
                    adres=_address(card, item.location_hex),
                    reden=reason_line(item, card, household, now),
                )
            )
            if len(options) == per_domain:
                break
        advies, redenen = _advice(need, options, veiligheid, reach)
        proposals.append(
            DomainProposal(
                code=need.code,
                naam=domain_name(need.code),
                niveau=need.niveau,
                genoemd=need.genoemd,
                advies=advies,
                redenen=tuple(redenen),
                options=tuple(options),
            )
        )
    return proposals


def doelgroepen_for(ages: Iterable[int | None]) -> frozenset[str]:
    """The doelgroepen a household belongs to by its members' ages: children, young people, parents
    (an adult with a child under 18), adults, older people. Mantelzorgers and nieuwkomers are not
    read from ages; a provision for them only fits when the caller adds the code."""
    known = [a for a in ages if a is not None]
    codes: set[str] = set()
    for age in known:
        if age <= 11:
            codes.add("DG01")
        if 12 <= age <= 23:
            codes.add("DG02")
        if age >= 18:
            codes.add("DG04")
        if age >= 65:
            codes.add("DG05")
    if any(a < 18 for a in known) and any(a >= 18 for a in known):
        codes.add("DG03")
    return frozenset(codes)


def household_from(**values: Any) -> Household:
    """A Household from keyword values, ignoring Nones (callers build it from what they know)."""
    return Household(**{k: v for k, v in values.items() if v is not None})
