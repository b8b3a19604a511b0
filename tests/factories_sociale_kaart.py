# SPDX-License-Identifier: EUPL-1.2
"""factory_boy factories for the sociale kaart (HSDS models), with traits.

Taxonomy terms come from the shipped taxonomies (loaded by migration), so tests link by code:
`ServiceFactory(terms=["LD01", "SA02"])` or `link_terms(service, "DG05")`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from wijkteam.sociale_kaart.models import (
    Accessibility,
    Address,
    Attribute,
    CostOption,
    Frequency,
    HsdsModel,
    Location,
    LocationType,
    Organization,
    Program,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
    Weekday,
)

factory.Faker._DEFAULT_LOCALE = "nl_NL"

# "Today" for freshness traits, the date of conftest.FROZEN_NOW, so tests with frozen_time agree.
TODAY = dt.date(2026, 11, 25)
# Fresh: checked this year. Stale: not checked for well over a year.
FRESH_ASSURED_DATE = TODAY - dt.timedelta(days=30)
STALE_ASSURED_DATE = TODAY - dt.timedelta(days=2 * 365)


def term(code: str, taxonomy: str | None = None) -> TaxonomyTerm:
    """A shipped taxonomy term by code (LD01..LD13, SA01..SA08, DG01..DG07)."""
    terms = TaxonomyTerm.objects.filter(code=code)
    if taxonomy is not None:
        terms = terms.filter(taxonomy__slug=taxonomy)
    return terms.get()


def link_terms(obj: HsdsModel, *codes: str) -> list[Attribute]:
    """Attach shipped terms to any HSDS record through attribute rows (the canonical link)."""
    return [obj.add_term(term(code)) for code in codes]


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Stichting Buurtkracht {n}")
    description = "Welzijnsorganisatie in de wijk."
    email = factory.Sequence(lambda n: f"info{n}@voorbeeld.test")
    website = "https://voorbeeld.test"

    class Params:
        # A partner organisation with logins maintains this entry.
        partner = factory.Trait(organisatie=factory.SubFactory("tests.factories.OrganisatieFactory"))


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Programma {n}")
    description = "Een samenhangend aanbod."


class AddressFactory(DjangoModelFactory):
    class Meta:
        model = Address

    location = None
    address_1 = factory.Sequence(lambda n: f"Havenstraat {n % 200 + 1}")
    city = "Voorbeeld"
    state_province = "Utrecht"
    postal_code = factory.Sequence(lambda n: f"{3511 + n // 26} {chr(65 + n % 26)}K")
    country = "NL"
    address_type = LocationType.PHYSICAL


class LocationFactory(DjangoModelFactory):
    """A physical location with coordinates (near the BuurtFactory centre) and one address."""

    class Meta:
        model = Location
        skip_postgeneration_save = True

    location_type = LocationType.PHYSICAL
    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Buurthuis De Schakel {n}")
    latitude = factory.Sequence(lambda n: 52.09 + (n % 20) * 0.001)
    longitude = factory.Sequence(lambda n: 5.12 + (n % 20) * 0.001)

    class Params:
        wheelchair = factory.Trait(
            accessible=factory.RelatedFactory(
                "tests.factories_sociale_kaart.AccessibilityFactory", factory_related_name="location"
            )
        )
        virtual = factory.Trait(
            location_type=LocationType.VIRTUAL, latitude=None, longitude=None, url="https://voorbeeld.test/online"
        )

    @factory.post_generation
    def address(self, create: bool, extracted: Address | bool | None, **kwargs: object) -> None:
        # Pass address=False for a location without one (e.g. virtual), or address__postal_code=...
        if not create or extracted is False or self.location_type == LocationType.VIRTUAL:
            return
        if isinstance(extracted, Address):
            extracted.location = self
            extracted.save()
        else:
            AddressFactory(location=self, **kwargs)


class AccessibilityFactory(DjangoModelFactory):
    class Meta:
        model = Accessibility

    location = factory.SubFactory(LocationFactory)
    description = "Rolstoeltoegankelijk: gelijkvloerse ingang en aangepast toilet."


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Inloopspreekuur geldzaken {n}")
    description = "Hulp bij geldzaken, post en formulieren. Kom gerust langs."
    status = ServiceStatus.ACTIVE
    assured_date = FRESH_ASSURED_DATE

    class Params:
        stale = factory.Trait(assured_date=STALE_ASSURED_DATE)
        inactive = factory.Trait(status=ServiceStatus.INACTIVE)
        temporarily_closed = factory.Trait(
            status=ServiceStatus.TEMPORARILY_CLOSED, alert="Tijdelijk gesloten wegens verbouwing."
        )
        free = factory.Trait(
            fees_description="Gratis",
            cost=factory.RelatedFactory(
                "tests.factories_sociale_kaart.CostOptionFactory", factory_related_name="service", amount=Decimal(0)
            ),
        )
        # Offered at one wheelchair-accessible location.
        wheelchair = factory.Trait(
            accessible_at=factory.RelatedFactory(
                "tests.factories_sociale_kaart.ServiceAtLocationFactory",
                factory_related_name="service",
                location__wheelchair=True,
            )
        )

    @factory.post_generation
    def terms(obj: Service, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            link_terms(obj, *extracted)


class ServiceAtLocationFactory(DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(LocationFactory, organization=factory.SelfAttribute("..service.organization"))


class CostOptionFactory(DjangoModelFactory):
    class Meta:
        model = CostOption

    service = factory.SubFactory(ServiceFactory)
    option = "Per keer"
    currency = "EUR"
    amount = Decimal("2.50")


class ScheduleFactory(DjangoModelFactory):
    """Opening hours of a service; default weekly on Wednesday morning (conftest's frozen moment)."""

    class Meta:
        model = Schedule

    service = factory.SubFactory(ServiceFactory)
    freq = Frequency.WEEKLY
    wkst = Weekday.MO
    interval = 1
    byday = "WE"
    opens_at = dt.time(9, 0)
    closes_at = dt.time(12, 0)
    description = "Elke woensdag van 9.00 tot 12.00 uur."

    class Params:
        weekly = factory.Trait(freq=Frequency.WEEKLY, byday="WE")
        # First Monday of the month, evening.
        monthly = factory.Trait(
            freq=Frequency.MONTHLY,
            byday="1MO",
            opens_at=dt.time(19, 0),
            closes_at=dt.time(21, 0),
            description="Elke eerste maandag van de maand van 19.00 tot 21.00 uur.",
        )
