# SPDX-License-Identifier: EUPL-1.2
"""Finding records on the kaart that describe the same thing twice.

`find_duplicates(name, address_line, postcode, phone, email=..., url=..., organization=...)`
compares a new or imported record with the services (and optionally organisations) already on the
kaart. The name is compared, and five other signals:

- **name**: rapidfuzz `token_set_ratio`/`token_sort_ratio` on normalised names (lower case, accents
  and punctuation removed, Dutch filler words such as "stichting", "de", "het" dropped), and the
  ratio of the names with spaces removed, so "Taalcafé De Brug" and "Taal café de Brug" score 100,
  while "Jongerenwerk Centrum" and "Jongerenwerk Noord" stay low (see `name_score`);
- **organisation**: the same organisation record, or organisations whose names normalise alike
  (another supplier's package brings its own organisation rows);
- **address**: equal after normalisation to postcode + house number (+ addition), so
  "Havenstraat 12 A, 3511 ak" equals "Havenstraat 12a, 3511AK";
- **phone**: equal digits after +31/0031/(0) normalisation, so 030-1234567 equals +31301234567;
- **e-mail** (case-insensitive) and **website** (without scheme, "www." and trailing slash), the
  service's own or else its organisation's.

Rules (precision first, issue 16: "X begeleiding" and "X woonbegeleiding", two organisations at two
addresses, were flagged on name similarity alone):

- a name score of `NAME_ALONE` (90) or more is a match on its own only when the names say the same
  words, spelled or split a little differently, and say more than one word ("Taalcafé De Brug" /
  "Taal café de Brug"). A name that extends the other ("Voedselbank" / "Dierenvoedselbank",
  "X begeleiding" / "X woonbegeleiding") scores below NAME_ALONE, and a one-word name ("Taalcafé")
  is what many organisations call their own, different service: both need a second signal;
- a name score of `NAME_WITH_EVIDENCE` (70) or more with at least one other signal is a match;
- other signals with a different name are NOT a match: one organisation offers many services from
  one building, one switchboard, one mailbox and one website;
- a service offered at a known address other than the record's is NOT a match, whatever the name
  and other signals: the same name at two addresses is two branches (or two providers), and the
  same organisation, phone or website at two addresses is one organisation's branches. Except
  the same name from the same organisation: that is the service entered again (after a move, or by
  a second supplier).

The score shown is the name score plus 5 per extra signal, at most 100. Measured on the labelled
pairs in tests/sociale_kaart/duplicates/labelled_records.json and on another supplier's package:
bench/bench_duplicates_precision.py.

Finding is advisory: the form asks "toch opslaan?", the importer records a `DuplicateCandidate`,
and the beheerder decides in the worklist (merge in `services.merge_services`).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from wijkteam.gebieden.postcodes import compact_postcode, try_normalise_postcode

from ..models import PUBLIC_STATUSES, Address, Organization, Phone, Service, ServiceStatus
from ..models.werk import DuplicateCandidate, DuplicateSource, DuplicateStatus, ServiceMerge

# A name this similar is a duplicate by itself.
NAME_ALONE = 90
# A name this similar is a duplicate when address or phone is also the same.
NAME_WITH_EVIDENCE = 70
# Added to the name score per agreeing signal (address, phone), for ordering only.
EVIDENCE_BONUS = 5
MAX_MATCHES = 5
# Words only one name has count as "different words" below this similarity ("oost"/"west": 50).
DISTINCT_WORDS = 75
# Highest name score when the names contain different distinguishing words.
DIFFERENT_CAP = 60

# Words that say nothing about WHICH service or organisation it is.
STOP_WORDS = frozenset(
    {
        "stichting", "st", "vereniging", "de", "het", "een", "t", "s", "van", "voor", "en", "in", "op", "te",
        "der", "den", "aan", "bv", "nv", "vof", "u", "a",
    }
)

# Words that make a name about someone or somewhere else: "Schuldhulp jongeren" is not
# "Schuldhulp", "Voedselbank Noord" not "Voedselbank" (the organisation's other services).
QUALIFIERS = frozenset(
    {
        "jongeren", "jeugd", "kinderen", "kind", "ouderen", "senioren", "ouders", "volwassenen", "vrouwen",
        "mannen", "mantelzorgers", "nieuwkomers", "statushouders", "studenten", "ondernemers", "gezinnen",
        "noord", "oost", "zuid", "west", "centrum", "binnenstad", "noordoost", "noordwest", "zuidoost", "zuidwest",
    }
)

_NON_WORD = re.compile(r"[^a-z0-9]+")
# House number with optional addition: "12", "12a", "12 A", "12-2", "12 bis", "12-hs".
_HOUSE_NUMBER = re.compile(r"\b(\d{1,5})(?:\s*[-/]?\s*([a-z]{1,3}|\d{1,4})\b)?", re.IGNORECASE)


@lru_cache(maxsize=65_536)
def normalise_name(name: str) -> str:
    """Lower case, accents off, punctuation to spaces, filler words out: "Stichting Taalcafé De Brug"
    becomes "taalcafe brug". Memoised: a scan compares every name with every other one."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    plain = plain.replace("'", "")
    words = [w for w in _NON_WORD.split(plain) if w and w not in STOP_WORDS]
    return " ".join(words)


def name_score(a: str, b: str) -> int:
    """0-100: how alike two names are after normalisation.

    - Same words, or the same letters split or spelled a little differently ("Taalcafé" /
      "Taal café", "Voedselbank" / "Voedselbnak"): the higher of token_sort_ratio and the ratio of
      the names without spaces, so 90-100.
    - One name extends the other ("Voedselbank" / "Voedselbank Utrecht", "Schuldhulp" /
      "Schuldhulpverlening", "begeleiding" / "woonbegeleiding"): the mean of token_set_ratio (100
      for a subset) and token_sort_ratio, at most NAME_ALONE - 1: it always needs evidence.
    - Both names have words of their own that differ outright ("Centrum" / "Noord", "1" / "2",
      "De Brug" / "Het Anker"), or one has a word naming a target group or part of town the other
      lacks (QUALIFIERS: "Schuldhulp jongeren" / "Schuldhulp"): at most DIFFERENT_CAP (60),
      because the names then say they are two different things however alike the rest is.
    """
    na, nb = normalise_name(a), normalise_name(b)
    if not na or not nb:
        return 0
    words_a, words_b = na.split(), nb.split()
    only_a, only_b = set(words_a) - set(words_b), set(words_b) - set(words_a)
    if not only_a and not only_b:
        return 100
    sort = fuzz.token_sort_ratio(na, nb)
    if (only_a | only_b) & QUALIFIERS:
        # Words of one name only name a target group or part of town: another service.
        return round(min(sort, DIFFERENT_CAP))
    if only_a and only_b:
        own_a = "".join(w for w in words_a if w in only_a)
        own_b = "".join(w for w in words_b if w in only_b)
        own_similarity = fuzz.ratio(own_a, own_b)
        if own_similarity >= NAME_ALONE:
            # The same words, split or spelled a little differently ("Taalcafé" / "Taal café").
            return round(max(sort, fuzz.ratio(na.replace(" ", ""), nb.replace(" ", ""))))
        if own_a in own_b or own_b in own_a:
            # One word extends the other ("Schuldhulp" / "Schuldhulpverlening", "begeleiding" /
            # "woonbegeleiding"): an extension, which needs a second signal.
            return min(round((100 + sort) / 2), NAME_ALONE - 1)
        if own_similarity < DISTINCT_WORDS:
            return round(min(sort, DIFFERENT_CAP))
        return round(sort)
    # One name is the other plus words ("Voedselbank" / "Voedselbank Utrecht"): needs a signal.
    return min(round((fuzz.token_set_ratio(na, nb) + sort) / 2), NAME_ALONE - 1)


def distinctive(name: str) -> bool:
    """Whether a name says more than what many services are called: more than one word after
    normalisation ("taalcafe brug", not "taalcafe")."""
    return len(normalise_name(name).split()) > 1


def normalise_url(url: str) -> str:
    """"https://www.Voorbeeld.nl/taalcafe/" -> "voorbeeld.nl/taalcafe"; "" for nothing."""
    plain = (url or "").strip().lower()
    plain = re.sub(r"^[a-z][a-z0-9+.-]*://", "", plain)
    plain = plain.removeprefix("www.")
    return plain.rstrip("/")


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def postcode_key(postcode: str) -> str:
    """"3511 ak" -> "3511AK" (compact: addresses are compared on it); anything that is not a Dutch
    postcode is returned squeezed, upper case."""
    normal = try_normalise_postcode(postcode)
    return compact_postcode(normal) if normal else re.sub(r"\s+", "", postcode or "").upper()


def house_number(address_line: str) -> str:
    """The house number with its addition from a street line: "Havenstraat 12 A" -> "12a"."""
    # The last number in the line is the house number ("2e Dwarsstraat 14" -> 14).
    matches = list(_HOUSE_NUMBER.finditer(address_line or ""))
    if not matches:
        return ""
    last = matches[-1]
    addition = (last.group(2) or "").lower()
    return f"{int(last.group(1))}{addition}"


def address_key(address_line: str, postcode: str) -> str:
    """Postcode + house number ("3511AK|12a"); empty when either part is missing, so two unknown
    addresses never count as "the same address"."""
    pc = postcode_key(postcode)
    number = house_number(address_line)
    if not pc or not number:
        return ""
    return f"{pc}|{number}"


def normalise_phone(number: str) -> str:
    """Digits in Dutch national form: "+31 (0)30 123 45 67", "0031301234567" and "030-1234567"
    all become "0301234567". Returns "" for anything too short to be a phone number."""
    raw = (number or "").replace("(0)", "")
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("+31") or digits.startswith("0031"):
        digits = "0" + digits[4:] if digits.startswith("0031") else "0" + digits[2:]
    elif raw.strip().startswith("+"):
        # A foreign number: keep the country code, marked so it never equals a Dutch one.
        digits = "+" + digits
    return digits if len(digits.lstrip("+")) >= 6 else ""


@dataclass(frozen=True)
class Evidence:
    """Which signals besides the name agree with one candidate."""

    organisation: bool = False
    address: bool = False
    phone: bool = False
    email: bool = False
    url: bool = False

    @property
    def count(self) -> int:
        return sum((self.organisation, self.address, self.phone, self.email, self.url))


@dataclass
class DuplicateMatch:
    """A record on the kaart that looks like the one being entered."""

    obj: Service | Organization
    score: int
    reasons: list[str] = field(default_factory=list)
    name_score: int = 0
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def same_address(self) -> bool:
        return self.evidence.address

    @property
    def same_phone(self) -> bool:
        return self.evidence.phone

    @property
    def kind(self) -> str:
        return "service" if isinstance(self.obj, Service) else "organization"

    @property
    def service(self) -> Service | None:
        return self.obj if isinstance(self.obj, Service) else None

    @property
    def organization(self) -> Organization | None:
        return self.obj if isinstance(self.obj, Organization) else None


def _evaluate(name: str, candidate_name: str, evidence: Evidence) -> tuple[int, int, list[str]] | None:
    score_name = name_score(name, candidate_name)
    alone = score_name >= NAME_ALONE and distinctive(name) and distinctive(candidate_name)
    if not alone and not (evidence.count and score_name >= NAME_WITH_EVIDENCE):
        return None
    reasons = [_("naam lijkt erop (%(score)s%%)") % {"score": score_name}]
    for agrees, reason in (
        (evidence.organisation, _("zelfde organisatie")),
        (evidence.address, _("zelfde adres")),
        (evidence.phone, _("zelfde telefoonnummer")),
        (evidence.email, _("zelfde e-mailadres")),
        (evidence.url, _("zelfde website")),
    ):
        if agrees:
            reasons.append(reason)
    return min(100, score_name + EVIDENCE_BONUS * evidence.count), score_name, reasons


@dataclass
class _Signals:
    """The ids of the services and organisations that share each non-name signal with a record."""

    address_services: set[uuid.UUID] = field(default_factory=set)
    address_orgs: set[uuid.UUID] = field(default_factory=set)
    phone_services: set[uuid.UUID] = field(default_factory=set)
    phone_orgs: set[uuid.UUID] = field(default_factory=set)
    email_services: set[uuid.UUID] = field(default_factory=set)
    url_services: set[uuid.UUID] = field(default_factory=set)
    org_ids: set[uuid.UUID] = field(default_factory=set)
    org_services: set[uuid.UUID] = field(default_factory=set)

    def for_service(self, sid: uuid.UUID) -> Evidence:
        return Evidence(
            organisation=sid in self.org_services,
            address=sid in self.address_services,
            phone=sid in self.phone_services,
            email=sid in self.email_services,
            url=sid in self.url_services,
        )

    def for_organisation(self, oid: uuid.UUID) -> Evidence:
        return Evidence(
            organisation=oid in self.org_ids, address=oid in self.address_orgs, phone=oid in self.phone_orgs
        )


def _services_with_email(email: str) -> set[uuid.UUID]:
    """Services whose own e-mail, or else their organisation's, is `email`."""
    wanted = normalise_email(email)
    if not wanted:
        return set()
    rows = Service.objects.filter(Q(email__iexact=wanted) | Q(email="", organization__email__iexact=wanted))
    return set(rows.values_list("id", flat=True))


def _services_with_url(url: str) -> set[uuid.UUID]:
    """Services whose own website, or else their organisation's, is `url` (normalised)."""
    wanted = normalise_url(url)
    if not wanted:
        return set()
    # Cheap prefilter on the host in the database; the exact comparison in Python.
    host = wanted.split("/", 1)[0]
    rows = Service.objects.filter(Q(url__icontains=host) | Q(url="", organization__website__icontains=host))
    return {
        sid for sid, own, org_site in rows.values_list("id", "url", "organization__website")
        if normalise_url(own or org_site) == wanted
    }


def _organisations_like(organization: Organization | None) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(organisation ids, their service ids): the organisation itself and those whose names
    normalise to the same words (another supplier's copy of the same organisation)."""
    if organization is None:
        return set(), set()
    org_ids = {organization.pk}
    normal = normalise_name(organization.name)
    if normal:
        first = normal.split()[0]
        for oid, other in Organization.objects.filter(name__icontains=first).values_list("id", "name"):
            if normalise_name(other) == normal:
                org_ids.add(oid)
    services = set(Service.objects.filter(organization_id__in=org_ids).values_list("id", flat=True))
    return org_ids, services


def _services_at_address(key: str, postcode: str) -> set[uuid.UUID]:
    if not key:
        return set()
    pc = postcode_key(postcode)
    # Postcodes are stored as typed ("3511 AK", "3511ak"): match both spellings in the database,
    # then compare the house number in Python.
    spaced = f"{pc[:4]} {pc[4:]}" if len(pc) == 6 else pc
    addresses = Address.objects.filter(
        Q(postal_code__iexact=pc) | Q(postal_code__iexact=spaced)
    ).values_list("address_1", "postal_code", "location__service_at_locations__service_id", "location__organization_id")
    ids: set[uuid.UUID] = set()
    for line, code, service_id, _org_id in addresses:
        if service_id and address_key(line, code) == key:
            ids.add(service_id)
    return ids


def _organizations_at_address(key: str, postcode: str) -> set[uuid.UUID]:
    if not key:
        return set()
    pc = postcode_key(postcode)
    spaced = f"{pc[:4]} {pc[4:]}" if len(pc) == 6 else pc
    addresses = Address.objects.filter(Q(postal_code__iexact=pc) | Q(postal_code__iexact=spaced)).values_list(
        "address_1", "postal_code", "location__organization_id"
    )
    return {org for line, code, org in addresses if org and address_key(line, code) == key}


def _ids_with_phone(phone: str) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """(service ids, organisation ids) that have this phone number, directly or at their location.

    Phone numbers are stored as typed, so they are normalised in Python after a cheap prefilter.
    """
    wanted = normalise_phone(phone)
    services: set[uuid.UUID] = set()
    organizations: set[uuid.UUID] = set()
    if not wanted:
        return services, organizations
    # Cheap prefilter in the database: the last two digits are never split by a separator.
    rows = Phone.objects.filter(number__contains=wanted[-2:]).values_list(
        "number", "service_id", "organization_id", "location__service_at_locations__service_id"
    )
    for number, service_id, org_id, located_service_id in rows:
        if normalise_phone(number) != wanted:
            continue
        for sid in (service_id, located_service_id):
            if sid:
                services.add(sid)
        if org_id:
            organizations.add(org_id)
    return services, organizations


class NameIndex:
    """The names of the services on the kaart, ready for comparing many names with all of them.

    A scan compares every service with every other one. `similar()` asks rapidfuzz (C, all names at
    once) for the names that CAN reach NAME_WITH_EVIDENCE in name_score, and only those are scored
    in Python. The bound is exact (see name_score): a score of 70 or more needs identical word sets
    (token_set_ratio 100), a token_sort_ratio of at least 39, or the names without spaces at least
    69 alike; so the scan finds exactly what comparing every pair would.
    """

    def __init__(self, rows: Iterable[tuple[uuid.UUID, str]]) -> None:
        self.ids: list[uuid.UUID] = []
        self.names: list[str] = []
        self._normal: list[str] = []
        self._squeezed: list[str] = []
        for sid, candidate_name in rows:
            self.ids.append(sid)
            self.names.append(candidate_name)
            normal = normalise_name(candidate_name)
            self._normal.append(normal)
            self._squeezed.append(normal.replace(" ", ""))

    def similar(self, name: str) -> Iterator[tuple[uuid.UUID, str]]:
        normal = normalise_name(name)
        if not normal or not self.ids:
            return
        squeezed = normal.replace(" ", "")
        found: set[int] = set()
        for query, choices, scorer, cutoff in (
            (normal, self._normal, fuzz.token_sort_ratio, 39),
            (squeezed, self._squeezed, fuzz.ratio, 69),
            (normal, self._normal, fuzz.token_set_ratio, 100),
        ):
            found.update(index for _c, _s, index in process.extract(
                query, choices, scorer=scorer, score_cutoff=cutoff, limit=None
            ))
        for index in sorted(found):
            yield self.ids[index], self.names[index]


def _scan_candidates() -> QuerySet[Service]:
    return Service.objects.exclude(status=ServiceStatus.DEFUNCT).exclude(merged_into__isnull=False)


def find_duplicates(
    name: str,
    address_line: str = "",
    postcode: str = "",
    phone: str = "",
    *,
    email: str = "",
    url: str = "",
    organization: Organization | None = None,
    exclude_id: uuid.UUID | str | None = None,
    include_organizations: bool = False,
    limit: int = MAX_MATCHES,
    names: NameIndex | None = None,
) -> list[DuplicateMatch]:
    """Services (and, with `include_organizations`, organisations) that look like this record, best
    first. Only services that are still on the kaart count (active, temporarily closed, inactive);
    defunct and merged-away ones are left out. `names`: a NameIndex of those services, for scans."""
    if not normalise_name(name):
        return []
    key = address_key(address_line, postcode)
    signals = _Signals(address_services=_services_at_address(key, postcode))
    signals.phone_services, signals.phone_orgs = _ids_with_phone(phone)
    signals.email_services = _services_with_email(email)
    signals.url_services = _services_with_url(url)
    signals.org_ids, signals.org_services = _organisations_like(organization)

    if names is not None:
        pairs: Iterable[tuple[uuid.UUID, str]] = names.similar(name)
    else:
        # Names of all services in one narrow query; rapidfuzz compares some thousands in milliseconds.
        pairs = _scan_candidates().values_list("id", "name").iterator(chunk_size=2000)
    excluded = uuid.UUID(str(exclude_id)) if exclude_id is not None else None
    found: list[tuple[uuid.UUID, tuple[int, int, list[str]], Evidence]] = []
    for sid, candidate_name in pairs:
        if sid == excluded:
            continue
        evidence = signals.for_service(sid)
        result = _evaluate(name, candidate_name, evidence)
        if result is not None:
            found.append((sid, result, evidence))
    # The same name from the same organisation stays a match wherever it is (a service entered
    # again after a move, or a second supplier's copy with another address).
    placed_apart = [
        sid for sid, result, evidence in found if not evidence.address and not _same_name_and_owner(result, evidence)
    ]
    elsewhere = _located_elsewhere(key, placed_apart)
    matches = [_match(Service(id=sid), result, evidence) for sid, result, evidence in found if sid not in elsewhere]
    if include_organizations:
        signals.address_orgs = _organizations_at_address(key, postcode)
        organizations = Organization.objects.all()
        if exclude_id is not None:
            organizations = organizations.exclude(id=exclude_id)
        for oid, candidate_name in organizations.values_list("id", "name").iterator(chunk_size=2000):
            if organization is not None and oid == organization.pk:
                continue
            evidence = signals.for_organisation(oid)
            result = _evaluate(name, candidate_name, evidence)
            if result is not None:
                matches.append(_match(Organization(id=oid), result, evidence))
    matches.sort(key=lambda m: (-m.score, str(m.obj.pk)))
    matches = matches[:limit]
    _load_objects(matches)
    return matches


def _same_name_and_owner(result: tuple[int, int, list[str]], evidence: Evidence) -> bool:
    return result[1] == 100 and evidence.organisation


def _located_elsewhere(key: str, service_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `service_ids` that are offered at a known address other than `key`: a branch
    elsewhere, not the same service, however alike the names ("Maaltijdservice Noord" of two
    providers at two addresses). Unknown on either side (no address, an online service) says
    nothing."""
    if not key or not service_ids:
        return set()
    rows = Address.objects.filter(location__service_at_locations__service_id__in=service_ids).values_list(
        "location__service_at_locations__service_id", "address_1", "postal_code"
    )
    return {sid for sid, line, code in rows if address_key(line, code)}


def _match(obj: Service | Organization, result: tuple[int, int, list[str]], evidence: Evidence) -> DuplicateMatch:
    score, score_name, reasons = result
    return DuplicateMatch(obj=obj, score=score, reasons=reasons, name_score=score_name, evidence=evidence)


def _load_objects(matches: list[DuplicateMatch]) -> None:
    """Replace the id-only placeholders with real rows (two queries at most)."""
    service_ids = [m.obj.pk for m in matches if isinstance(m.obj, Service)]
    org_ids = [m.obj.pk for m in matches if isinstance(m.obj, Organization)]
    services = Service.objects.select_related("organization").in_bulk(service_ids) if service_ids else {}
    organizations = Organization.objects.in_bulk(org_ids) if org_ids else {}
    for match in list(matches):
        found = services.get(match.obj.pk) if isinstance(match.obj, Service) else organizations.get(match.obj.pk)
        if found is None:  # deleted or merged away since the names were read (a long scan)
            matches.remove(match)
        else:
            match.obj = found


@dataclass(frozen=True)
class ServiceSignals:
    """What an existing service is compared on besides its name."""

    address_line: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""


def service_signals(service: Service) -> ServiceSignals:
    """Address, phone, e-mail and website of an existing service, for comparing it with others
    (e-mail and website: its own, else its organisation's)."""
    address = (
        Address.objects.filter(location__service_at_locations__service=service).order_by("created").first()
    )
    phone = service.phones.order_by("created").values_list("number", flat=True).first() or ""
    organization = service.organization
    return ServiceSignals(
        address_line=address.address_1 if address is not None else "",
        postcode=address.postal_code if address is not None else "",
        phone=phone,
        email=service.email or organization.email,
        url=service.url or organization.website,
    )


def find_duplicates_of(
    service: Service, *, limit: int = MAX_MATCHES, names: NameIndex | None = None
) -> list[DuplicateMatch]:
    signals = service_signals(service)
    return find_duplicates(
        service.name, signals.address_line, signals.postcode, signals.phone,
        email=signals.email, url=signals.url, organization=service.organization,
        exclude_id=service.id, limit=limit, names=names,
    )


def ordered_pair(a: Service, b: Service) -> tuple[Service, Service]:
    return (a, b) if str(a.id) < str(b.id) else (b, a)


def record_candidates(
    service: Service, matches: Iterable[DuplicateMatch], *, source: DuplicateSource | str
) -> list[DuplicateCandidate]:
    """Put the service-to-service matches on the beheerder's worklist (idempotent per pair).

    A pair that was dismissed before stays dismissed: the beheerder already said "not the same".
    """
    recorded = []
    for match in matches:
        other = match.service
        if other is None or other.pk == service.pk:
            continue
        a, b = ordered_pair(service, other)
        try:
            with transaction.atomic():
                candidate, created = DuplicateCandidate.objects.get_or_create(
                    service_a=a, service_b=b,
                    defaults={"score": match.score, "reasons": match.reasons, "source": str(source)},
                )
        except IntegrityError:
            # Another worker recorded the same pair a moment ago.
            candidate = DuplicateCandidate.objects.get(service_a=a, service_b=b)
            created = False
        if not created and candidate.status == DuplicateStatus.OPEN and candidate.score != match.score:
            candidate.score, candidate.reasons = match.score, match.reasons
            candidate.save(update_fields=["score", "reasons"])
        recorded.append(candidate)
    return recorded


def scan_for_duplicates(
    services: Iterable[Service] | None = None, *, source: DuplicateSource | str = DuplicateSource.SCAN
) -> int:
    """Compare (the given, else all public) services with the rest and record candidate pairs.

    For an occasional full check (e.g. after a big import); returns the number of open pairs.
    """
    if services is None:
        services = Service.objects.filter(status__in=PUBLIC_STATUSES, merged_into__isnull=True)
    if isinstance(services, QuerySet):
        services = services.select_related("organization")  # compared on its organisation too
    names = NameIndex(_scan_candidates().values_list("id", "name").iterator(chunk_size=2000))
    for service in services:
        record_candidates(service, find_duplicates_of(service, names=names), source=source)
    return DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN).count()


def dismiss_candidate(candidate: DuplicateCandidate, *, username: str) -> None:
    candidate.status = DuplicateStatus.DISMISSED
    candidate.resolved_at = timezone.now()
    candidate.resolved_by = username
    candidate.save(update_fields=["status", "resolved_at", "resolved_by"])


def merged_into(service_id: uuid.UUID | str) -> Service | None:
    """Where a merged-away service lives on now (following merges of merges), or None.

    The public service page and API use this to redirect an old link to the surviving record.
    """
    current = str(service_id)
    seen = {current}
    while True:
        nxt = ServiceMerge.objects.filter(merged_id=uuid.UUID(current)).values_list("survivor_id", flat=True).first()
        if nxt is None or str(nxt) in seen:
            break
        current = str(nxt)
        seen.add(current)
    if current == str(service_id):
        return None
    return Service.objects.filter(id=current).first()
