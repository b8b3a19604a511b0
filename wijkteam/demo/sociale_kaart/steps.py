# SPDX-License-Identifier: EUPL-1.2
"""Demo step "sociale_kaart": ~150 organisations and ~300 services for Gemeente Voorbeeld.

The content (templates in B1 Dutch, organisations, venues) lives in `data/`; this module turns
it into HSDS rows. Deterministic twice over:

- ids are uuid5(NAMESPACE, kind + catalogue key), and the catalogue's structure never depends on
  the seed, so every run (any seed) produces the same ids and `reset` finds them without a marker;
- everything drawn (wording variants, times, streets, dates) comes from `ctx.rng(...)` streams;
  dates are relative to REFERENCE_DATE, never to the clock.

Freshness mix relative to REFERENCE_DATE: most services checked in the last five months, ~8% six to
twelve months ago (they get an open VerificationTask, as the daily freshness run would make, but
without mail), ~3% longer ago (hidden from the public, on the editors' worklist). Every partner
organisation has one such "klopt dit nog?" service, the demo `partner` user's organisation two.
Three services are entered twice on purpose (demo_data.DUPLICATE_OF) and recorded as duplicate
candidates, so the beheerder's worklist has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import structlog
from django.db import models
from django.db.models import Q

from wijkteam.accounts.models import Organisatie
from wijkteam.demo.generator import GEMEENTE_CODE, GEMEENTE_NAAM, WOONPLAATS, DemoContext, Step, register
from wijkteam.demo.households import (
    AREAS_PER_WIJK,
    LETTER_PAIRS,
    POSTCODE_FIRST_AREA,
    Street,
    ascii_slug,
    plan_streets,
    street_point,
)
from wijkteam.demo.places import WIJKEN, demo_buurten, quad_of
from wijkteam.gebieden.models import Buurt
from wijkteam.sociale_kaart.models import (
    LINK_TYPE_BY_TAXONOMY,
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Funding,
    Language,
    Location,
    LocationType,
    Metadata,
    Organization,
    OrganizationIdentifier,
    Phone,
    PhoneType,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
)
from wijkteam.sociale_kaart.models.werk import VerificationTask

from . import data as demo_data
from .data import finishing, render
from .data.spec import Offer, Org, Template, Venue
from .data.streets import STREETS

log = structlog.get_logger(__name__)

# "Today" for assured dates and course start dates: fixed, so a run next month gives the same kaart.
REFERENCE_DATE = dt.date(2026, 11, 1)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wijkteam.example/demo/sociale-kaart")
PROVINCIE = "Utrecht"
DUE_SHARE, STALE_SHARE = 0.08, 0.03
CLOSED_ALERT = "Tijdelijk gesloten door een verbouwing. Kijk op de website wanneer we weer open zijn."
# Days before REFERENCE_DATE: fresh < 5 months; due 6.5-10.5 months (needs a check, still public for
# weeks after the reference date); stale > 13 months (hidden from the public).
FRESH_DAYS, DUE_DAYS, STALE_DAYS = (0, 150), (200, 320), (400, 700)
# Organisations with a national-style 088 number rather than a local 030 one.
NATIONAL_NUMBERS = frozenset({"woonstichting", "ggz", "schuldhulp", "jeugdhulp", "werkplein", "ggd", "kompas"})
FILLER = frozenset({"stichting", "vereniging", "de", "het", "t", "van", "voor", "en", "in", "met", "een"})
# Parents before children: bulk_create in this order never waits on a deferred foreign key.
WRITE_ORDER: tuple[type[models.Model], ...] = (
    Organization, OrganizationIdentifier, Funding, Location, Address, Accessibility, Service, ServiceAtLocation,
    Phone, Schedule, CostOption, Language, RequiredDocument, ServiceArea, Attribute,
)


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def structure() -> list[Org]:
    """The catalogue for keys only: names may differ per seed, keys never do."""
    return demo_data.catalogue(random.Random(0))


@dataclass
class Placed:
    """A venue turned into a location."""

    location: Location
    venue: Venue | None
    buurt: Buurt | None


@dataclass
class Made:
    """A generated service with what the later passes need to know about it."""

    key: str
    org: Org
    service: Service
    phone: str
    schedule_option: str


class Builder:
    """Collects unsaved rows per model, then writes them in WRITE_ORDER."""

    def __init__(self, ctx: DemoContext) -> None:
        self.rng = ctx.rng("sociale_kaart")
        self.place_rng = ctx.rng("sociale_kaart:plaatsen")
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.catalogue = demo_data.catalogue(ctx.rng("sociale_kaart:namen"))
        self.terms = {
            t.code: t for t in TaxonomyTerm.objects.filter(taxonomy__slug__in=list(LINK_TYPE_BY_TAXONOMY))
            .select_related("taxonomy")
        }
        self.buurten = {b.code: b for b in demo_buurten()}
        self.partners = {
            o.naam: o for o in Organisatie.objects.filter(naam__in=[o.name for o in self.catalogue if o.partner],
                                                           gemeenten__code=GEMEENTE_CODE)
        }
        self.organizations: dict[str, Organization] = {}
        self.org_phone: dict[str, str] = {}
        self.places: dict[str, Placed] = {}
        self.streets: dict[str, list[Street]] = {}
        self.numbers: dict[tuple[str, str], int] = {}
        self.postcodes: dict[tuple[str, str], str] = {}
        self.used_letters: dict[int, set[str]] = defaultdict(set)
        self.name_variant: dict[tuple[str, str], int] = {}
        self.made: list[Made] = []

    def add(self, obj: models.Model) -> None:
        self.rows[type(obj)].append(obj)

    # --- organisations and places -----------------------------------------------------------

    def organisations(self) -> None:
        domains: set[str] = set()
        for org in self.catalogue:
            domain = unique_domain(org.name, domains)
            name_lower = org.name.lower()
            organization = Organization(
                id=demo_id("organization", org.key),
                name=org.name,
                description=org.text,
                email=f"info@{domain}",
                website=f"https://www.{domain}",
                year_incorporated=self.rng.randint(1950, 2021),
                legal_status="stichting" if "stichting" in name_lower else (
                    "vereniging" if "vereniging" in name_lower else ""),
                organisatie=self.partners.get(org.name) if org.partner else None,
            )
            self.organizations[org.key] = organization
            self.add(organization)
            if org.key in NATIONAL_NUMBERS:
                phone = render.landline(self.rng, "088")
            elif len(org.offers) <= 2 and not org.partner and self.rng.random() < 0.35:
                phone = render.mobile(self.rng)  # a volunteer's mobile: how small clubs are reached
            else:
                phone = render.landline(self.rng)
            self.org_phone[org.key] = phone
            self.add(Phone(id=demo_id("phone", org.key), organization=organization, number=phone, type=PhoneType.VOICE))
            if self.rng.random() < 0.6:
                self.add(OrganizationIdentifier(
                    id=demo_id("organization_identifier", org.key), organization=organization,
                    identifier_scheme="NL-KVK", identifier_type="KvK-nummer",
                    identifier=f"{self.rng.randrange(10_000_000, 99_999_999)}",
                ))
            if org.funding:
                self.add(Funding(id=demo_id("funding", org.key), organization=organization, source=org.funding))
            for venue in org.venues:
                self.place(org, venue)

    def place(self, org: Org, venue: Venue) -> None:
        rng = self.place_rng
        buurt = self.buurten[venue.buurt]
        if venue.buurt not in self.streets:
            self.streets[venue.buurt] = plan_streets(rng, STREETS[venue.buurt])
        street = rng.choice(self.streets[venue.buurt])
        number = self.numbers.get((venue.buurt, street.name)) or rng.randrange(1, 40, 2)
        self.numbers[(venue.buurt, street.name)] = number + 2 * rng.randint(1, 8)
        lon, lat = street_point(street, quad_of(buurt), 0, rng.uniform(0.1, 0.9))
        kind_texts, profiles = demo_data.VENUE_KINDS[venue.kind]
        profile = rng.choices([p for p, _w in profiles], weights=[w for _p, w in profiles])[0]
        location = Location(
            id=demo_id("location", venue.key),
            location_type=LocationType.PHYSICAL,
            organization=self.organizations[org.key],
            name=venue.name,
            description=rng.choice(kind_texts),
            transportation=transport(rng, street.name),
            latitude=round(lat, 6),
            longitude=round(lon, 6),
            buurt=buurt,
        )
        self.add(location)
        self.add(Address(
            id=demo_id("address", venue.key), location=location, address_1=f"{street.name} {number}",
            city=WOONPLAATS, state_province=PROVINCIE, postal_code=self.postcode(buurt, street.name), country="NL",
            address_type=LocationType.PHYSICAL,
        ))
        self.add(Accessibility(id=demo_id("accessibility", venue.key), location=location,
                               description=rng.choice(demo_data.ACCESSIBILITY[profile])))
        self.places[venue.key] = Placed(location, venue, buurt)

    def postcode(self, buurt: Buurt, street: str) -> str:
        """One postcode per street side, in the last postcode area of the buurt's wijk.

        Households number their postcodes from a wijk's first area onwards and never fill all
        twenty areas, so the last one is free for the kaart at every scale.
        """
        if (buurt.code, street) not in self.postcodes:
            wijk_index = [code for code, _n, _c in WIJKEN].index(buurt.wijk.code)
            area = POSTCODE_FIRST_AREA + AREAS_PER_WIJK * (wijk_index + 1) - 1
            letters = self.place_rng.choice([p for p in LETTER_PAIRS if p not in self.used_letters[area]])
            self.used_letters[area].add(letters)
            self.postcodes[(buurt.code, street)] = f"{area} {letters}"
        return self.postcodes[(buurt.code, street)]

    def online(self, org: Org) -> Placed:
        key = f"{org.key}/online"
        if key not in self.places:
            organization = self.organizations[org.key]
            location = Location(
                id=demo_id("location", key), location_type=LocationType.VIRTUAL, organization=organization,
                name=f"{org.name}: online en telefonisch", url=organization.website,
            )
            self.add(location)
            self.places[key] = Placed(location, None, None)
        return self.places[key]

    # --- services ----------------------------------------------------------------------------

    def services(self) -> None:
        by_key: dict[str, Made] = {}
        for org in self.catalogue:
            for offer in org.offers:
                key = org.offer_key(offer)
                original = by_key.get(demo_data.DUPLICATE_OF.get(key, ""))
                made = self.service(org, offer, key, original)
                by_key[key] = made
                self.made.append(made)
        check_unique_names(self.made)

    def service(self, org: Org, offer: Offer, key: str, original: Made | None) -> Made:
        rng = self.rng
        tpl = demo_data.TEMPLATES[offer.tpl]
        placed = self.places[offer.venue] if offer.venue else self.online(org)
        words = placeholders(org, placed)
        variant = self.name_variant.setdefault((org.key, tpl.key), rng.randrange(len(tpl.names)))
        organization = self.organizations[org.key]
        fees, cost_rows = render.costs(tpl.cost)
        dg = [c for c in tpl.codes if c.startswith("DG")]
        service = Service(
            id=demo_id("service", key),
            organization=organization,
            name=offer.name or tpl.names[variant].format(**words),
            description=rng.choice(tpl.texts).format(**words),
            email=f"{tpl.key}@{organization.email.split('@')[1]}" if rng.random() < 0.4 else "",
            url=f"{organization.website}/{tpl.key}" if rng.random() < 0.5 else "",
            application_process=demo_data.APPLICATION[tpl.how][int(tpl.je)],
            eligibility_description=tpl.voor or (demo_data.ELIGIBILITY[dg[0]] if dg else demo_data.DEFAULT_ELIGIBILITY),
            fees_description=fees,
            minimum_age=float(tpl.ages[0]) if tpl.ages and tpl.ages[0] is not None else None,
            maximum_age=float(tpl.ages[1]) if tpl.ages and tpl.ages[1] is not None else None,
            status=ServiceStatus.ACTIVE,
        )
        self.add(service)
        self.add(ServiceAtLocation(id=demo_id("service_at_location", key), service=service, location=placed.location))
        for code in tpl.codes:
            term = self.terms[code]
            self.add(Attribute(
                id=demo_id("attribute", f"{key}:{code}"), link_id=service.id, link_entity=Service.hsds_table,
                taxonomy_term=term, link_type=link_type(term), value="",
            ))
        option = original.schedule_option if original else rng.choice(tpl.when)
        for n, row in enumerate(render.parse_when(option, rng, REFERENCE_DATE)):
            self.add(Schedule(id=demo_id("schedule", f"{key}:{n}"), service=service, wkst="MO", **vars(row)))
        for n, cost in enumerate(cost_rows):
            self.add(CostOption(id=demo_id("cost_option", f"{key}:{n}"), service=service, currency="EUR",
                                **vars(cost)))
        phone = self.service_phone(org, tpl, offer, original)
        self.add(Phone(id=demo_id("phone", key), service=service, number=phone, type=PhoneType.VOICE))
        for code in self.languages(tpl):
            self.add(Language(id=demo_id("language", f"{key}:{code}"), service=service,
                              name=demo_data.LANGUAGE_NAMES[code], code=code))
        for n, document in enumerate(tpl.docs):
            self.add(RequiredDocument(id=demo_id("required_document", f"{key}:{n}"), service=service,
                                      document=document))
        self.add(service_area(key, service, org, placed))
        return Made(key, org, service, phone, option)

    def service_phone(self, org: Org, tpl: Template, offer: Offer, original: Made | None) -> str:
        if original is not None:
            # Typed in by someone else: the same number written the international way.
            return render.international(original.phone)
        if offer.venue is None and tpl.how == "bellen":
            return render.free_number(self.rng)
        own = self.org_phone[org.key]
        if self.rng.random() < 0.25 and not own.startswith("06"):
            return render.landline(self.rng, "088" if org.key in NATIONAL_NUMBERS else "030")  # a direct line
        return own

    def languages(self, tpl: Template) -> list[str]:
        extra: list[str] = []
        if tpl.talen:
            extra = self.rng.sample(tpl.talen, min(len(tpl.talen), self.rng.choice((0, 1, 1, 2, 3))))
            if "DG07" in tpl.codes and not extra:
                extra = [tpl.talen[0]]
        elif self.rng.random() < 0.08:
            extra = ["en"]
        return ["nl", *extra]

    # --- freshness and status --------------------------------------------------------------

    def freshness(self) -> None:
        rng = self.rng
        copies = set(demo_data.DUPLICATE_OF)
        due: set[str] = set()
        for org in self.catalogue:
            if org.partner:
                own = [m.key for m in self.made if m.org is org]
                due.update(rng.sample(own, 2 if org.key == "welzijn" else 1))
        others = [m.key for m in self.made if not m.org.partner and m.key not in copies]
        rng.shuffle(others)
        stale_count = round(STALE_SHARE * len(self.made))
        due_count = max(0, round(DUE_SHARE * len(self.made)) - len(due))
        stale = set(others[:stale_count])
        due.update(others[stale_count: stale_count + due_count])
        rest = others[stale_count + due_count:]
        closed, inactive = set(rest[:2]), set(rest[2:3])
        for made in self.made:
            days = STALE_DAYS if made.key in stale else DUE_DAYS if made.key in due else FRESH_DAYS
            made.service.assured_date = REFERENCE_DATE - dt.timedelta(days=rng.randint(*days))
            made.service.assurer_email = made.service.organization.email
            if made.key in closed:
                made.service.status = ServiceStatus.TEMPORARILY_CLOSED
                made.service.alert = CLOSED_ALERT
            elif made.key in inactive:
                made.service.status = ServiceStatus.INACTIVE

    def save(self) -> None:
        for model in WRITE_ORDER:
            model._default_manager.bulk_create(self.rows.get(model, []), batch_size=500)


def link_type(term: TaxonomyTerm) -> str:
    """What Service.add_term would store for this shipped term."""
    slug = term.taxonomy.slug if term.taxonomy is not None else None
    return LINK_TYPE_BY_TAXONOMY.get(slug or "", "")


def unique_domain(name: str, used: set[str]) -> str:
    base = "".join(ascii_slug(w) for w in re.split(r"[\s\-',:.]+", name) if w.lower() not in FILLER)[:40]
    domain, n = f"{base}.example", 2  # .example is reserved (RFC 2606): no real site or mailbox
    while domain in used:
        domain, n = f"{base}{n}.example", n + 1
    used.add(domain)
    return domain


def transport(rng: random.Random, street: str) -> str:
    bus, metres = rng.choice((2, 5, 8, 12, 15, 27, 33)), rng.choice((100, 200, 300, 400))
    text = f"Bus {bus} stopt op {metres} meter, halte {street}."
    return text + rng.choice((" Er is een fietsenstalling.", " Parkeren kan gratis voor de deur.", ""))


def placeholders(org: Org, placed: Placed) -> dict[str, str]:
    venue, buurt = placed.venue, placed.buurt
    return {
        "plek": venue.name if venue else org.name,
        "naam": (venue.short or venue.name) if venue else org.name,
        "wijk": buurt.wijk.naam if buurt else "",
        "buurt": buurt.naam if buurt else "",
        "org": org.name,
    }


def service_area(key: str, service: Service, org: Org, placed: Placed) -> ServiceArea:
    """Werkgebied: the whole gemeente, or for neighbourhood groups the wijk of their venue."""
    if org.area == "wijk" and placed.buurt is not None:
        wijk = placed.buurt.wijk
        name, code, text = wijk.naam, wijk.code, f"Alle buurten van wijk {wijk.naam}"
    else:
        name, code, text = GEMEENTE_NAAM, GEMEENTE_CODE, f"Alle wijken van {GEMEENTE_NAAM}"
    return ServiceArea(id=demo_id("service_area", key), service=service, name=name, description=text,
                       uri=f"https://gebieden.voorbeeld.example/{code}", extent_type="text", extent=name)


def check_unique_names(made: Iterable[Made]) -> None:
    """Two services with the same name would land on the duplicates worklist: only planted ones may."""
    seen: dict[str, str] = {}
    for m in made:
        name = re.sub(r"[^a-z0-9]", "", m.service.name.lower())
        if name in seen and m.key not in demo_data.DUPLICATE_OF:
            raise ValueError(f"demo services {seen[name]} and {m.key} share the name {m.service.name!r}")
        seen[name] = m.key


def run(ctx: DemoContext) -> None:
    builder = Builder(ctx)
    builder.organisations()
    builder.services()
    builder.freshness()
    builder.save()
    services = [m.service for m in builder.made]
    tasks = VerificationTask.objects.bulk_create(finishing.verification_tasks(services, REFERENCE_DATE))
    copies = [m.service for m in builder.made if m.key in demo_data.DUPLICATE_OF]
    pairs = finishing.record_duplicates(copies)
    finishing.rebuild_search(services)
    ctx.counts.update(
        kaart_organisaties=len(builder.organizations),
        kaart_aanbod=len(services),
        kaart_locaties=len(builder.places),
        kaart_controletaken=len(tasks),
        kaart_dubbelingen=pairs,
    )
    log.info("demo_sociale_kaart", organizations=len(builder.organizations), services=len(services))


def reset(ctx: DemoContext) -> None:
    """Delete the demo's kaart: its organisations (by their fixed ids) and everything hanging off them.

    Runs before the staff step's reset, so no directory entry still points at a partner organisation
    that is about to go. Services, locations or contacts that people added to a demo organisation go
    too; attribute and metadata rows have no foreign key, so they are deleted by id.
    """
    catalogue = structure()
    org_ids = [demo_id("organization", o.key) for o in catalogue]
    location_keys = [v.key for o in catalogue for v in o.venues] + [f"{o.key}/online" for o in catalogue]
    organizations = Organization.objects.filter(id__in=org_ids)
    service_ids = list(Service.objects.filter(organization__in=organizations).values_list("id", flat=True))
    locations = Location.objects.filter(Q(id__in=[demo_id("location", k) for k in location_keys])
                                        | Q(organization__in=organizations))
    location_ids = list(locations.values_list("id", flat=True))
    links = list(ServiceAtLocation.objects.filter(Q(service_id__in=service_ids) | Q(location_id__in=location_ids))
                 .values_list("id", flat=True))
    record_ids = [*org_ids, *service_ids, *location_ids, *links]
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start: start + 500]
        Attribute.objects.filter(link_id__in=chunk).delete()
        Metadata.objects.filter(resource_id__in=chunk).delete()
    locations.delete()
    organizations.delete()
    finishing.reindex_removed(service_ids)


STEP = register(Step(name="sociale_kaart", order=40, run=run, reset=reset))
