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
a wijk code, an age and doelgroep codes to the search (the language is matched here). Cost: two queries
whatever the number of domains: one filter-only read of the narrow search index for all domains together
(sociale_kaart.search.candidates_for_domains: no sort, no count; it also drops what is out of reach), and
one for the shortlisted cards. Then one pass in Python over what is left, a single sort, and a walk down
it that stops when every domain has its shortlist (bench/bench_triage.py has the figures).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.sociale_kaart.public.forms import language_name
from wijkteam.sociale_kaart.schedules import DAY_CODES, by_appointment, day_name, next_opening
from wijkteam.sociale_kaart.search import DomainCandidate, backends, candidates_for_domains
from wijkteam.sociale_kaart.search.cards import Card, parse_card
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


@dataclass(frozen=True)
class _Found:
    """A shortlisted provision: the search's candidate and what the triage read of it."""

    candidate: DomainCandidate
    speaks: bool
    named_doelgroep: str | None

    @property
    def service_id(self) -> uuid.UUID:
        return self.candidate.service_id

    @property
    def km(self) -> float | None:
        return self.candidate.km

    @property
    def in_wijk(self) -> bool:
        return self.candidate.in_wijk

    @property
    def location_hex(self) -> str | None:
        return self.candidate.location_hex

    def carries(self, code: str) -> bool:
        return self.candidate.carries(code)


def _named_doelgroep(codes: str, wanted_groups: Sequence[tuple[str, str]]) -> str | None:
    """The first of the household's doelgroepen the provision names (None: none, or it names none)."""
    if wanted_groups and " DG" in codes:
        for code, token in wanted_groups:
            if token in codes:
                return code
    return None


def _ranked(candidates: list[DomainCandidate], household: Household) -> list[DomainCandidate]:
    """The candidates best first (sorted in place).

    The search already left out what is too far, not visible, for another age, for other doelgroepen
    only, or individual support alone (soort aanbod SA07 and no other). Rank value: distance (0 in the
    household's wijk, NO_POINT_KM without a point) minus a lift of about 1 km each for naming the
    household's doelgroep and speaking its language; ties by service id. This runs for every service
    left (thousands at 10,000 services), so it works on the index's padded code strings and sorts on
    plain strings and floats: two stable sorts (id, then value) instead of a (value, id) tuple per
    candidate, which would add thousands of live objects for the garbage collector to track.
    """
    wanted_groups = [(code, f" {code} ") for code in sorted(household.doelgroepen)]
    language = f" {household.taal} " if household.taal and household.taal != "nl" else None

    def value(candidate: DomainCandidate) -> float:
        _key, codes, km, _location, in_wijk, talen = candidate
        distance = 0.0 if in_wijk else (NO_POINT_KM if km is None else km)
        named = _named_doelgroep(codes, wanted_groups) is not None
        speaks = language is not None and language in talen
        if named or speaks:
            return distance - ((DOELGROEP_LIFT_KM if named else 0.0) + (LANGUAGE_LIFT_KM if speaks else 0.0))
        return distance

    candidates.sort(key=itemgetter(0))
    candidates.sort(key=value)
    return candidates


def _shortlist(ranked: Sequence[DomainCandidate], codes: Sequence[str], size: int, household: Household
               ) -> dict[str, list[_Found]]:
    """The best `size` per domain, walking the ranked list once and stopping when every domain is full
    (near the top for a common domain; a rare one walks further)."""
    wanted_groups = [(code, f" {code} ") for code in sorted(household.doelgroepen)]
    language = f" {household.taal} " if household.taal and household.taal != "nl" else None
    shortlist: dict[str, list[_Found]] = {code: [] for code in codes}
    open_tokens = [(code, f" {code} ") for code in codes]
    for candidate in ranked:
        carried = [code for code, token in open_tokens if token in candidate.codes]
        if not carried:
            continue
        found = _Found(
            candidate=candidate,
            speaks=language is not None and language in candidate.talen,
            named_doelgroep=_named_doelgroep(candidate.codes, wanted_groups),
        )
        for code in carried:
            shortlist[code].append(found)
        if any(len(shortlist[code]) >= size for code in carried):
            open_tokens = [(code, token) for code, token in open_tokens if len(shortlist[code]) < size]
            if not open_tokens:
                break
    return shortlist


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
    candidates = candidates_for_domains(
        codes,
        point=household.origin,
        max_km=reach,
        wijk=household.wijk,
        leeftijd=household.leeftijd,
        doelgroepen=household.doelgroepen,
        not_only=[INDIVIDUAL_ONLY],  # individual support alone is not a collective provision
    )
    # The best few per domain, plus spare ones for cards gone since indexing.
    shortlist = _shortlist(_ranked(candidates, household), codes, per_domain * 2, household)
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
