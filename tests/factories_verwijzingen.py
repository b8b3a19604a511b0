# SPDX-License-Identifier: EUPL-1.2
"""Factories for verwijzingen, with traits. A VerwijzingFactory referral is in team A's shape when given a
case of team A; its organisation is its service's partner organisation, as services.create_referral makes it
(tests of create_referral itself go through the service)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from wijkteam.core.working_days import add_working_days
from wijkteam.verwijzingen.models import (
    Domein,
    Gebeurtenis,
    GedeeldGegeven,
    Overbruggingsplan,
    Soort,
    Verwijzing,
    VerwijzingGebeurtenis,
    VerwijzingStatus,
)

from . import factories as f
from . import factories_casussen as fc
from . import factories_sociale_kaart as sk


def partner_service(organisatie: Any, **kwargs: Any) -> Any:
    """A sociale-kaart service of a directory organisation linked to the partner organisation."""
    return sk.ServiceFactory(organization=sk.OrganizationFactory(organisatie=organisatie), **kwargs)


class VerwijzingFactory(DjangoModelFactory):
    class Meta:
        model = Verwijzing
        skip_postgeneration_save = True

    casus = factory.SubFactory(fc.CasusFactory)
    huishouden = factory.LazyAttribute(lambda o: o.casus.huishouden if o.casus else f.HuishoudenFactory())
    persoon = factory.LazyAttribute(lambda o: f.PersoonFactory(huishouden=o.huishouden))
    team = factory.LazyAttribute(lambda o: o.casus.team if o.casus else None)
    organisatie = factory.SubFactory(f.OrganisatieFactory)
    service = factory.LazyAttribute(lambda o: partner_service(o.organisatie))
    aanbod_naam = factory.LazyAttribute(lambda o: o.service.name)
    soort = Soort.COLLECTIEF
    status = VerwijzingStatus.VERSTUURD
    gedeeld = factory.LazyFunction(lambda: [GedeeldGegeven.NAAM, GedeeldGegeven.CONTACT])
    toestemming_op = factory.LazyFunction(timezone.now)
    samenvatting = "Huurachterstand, wil hulp bij de post."
    levensdomeinen = factory.LazyFunction(lambda: ["LD01"])
    verwezen_op = factory.LazyFunction(timezone.localdate)
    reactie_uiterlijk = factory.LazyAttribute(lambda o: add_working_days(o.verwezen_op, 5))
    door = factory.LazyAttribute(lambda o: o.casus.regisseur if o.casus else None)
    aangemaakt = factory.LazyFunction(timezone.now)

    class Params:
        tweede_lijn = factory.Trait(soort=Soort.TWEEDE_LIJN, domein=Domein.GGZ, product="Basis-GGZ",
                                    aangemeld_op=factory.LazyAttribute(lambda o: o.verwezen_op))
        wachtlijst = factory.Trait(status=VerwijzingStatus.WACHTLIJST)
        gestart = factory.Trait(status=VerwijzingStatus.GESTART)

    @factory.post_generation
    def begin(self, create: bool, extracted: Any, **kwargs: object) -> None:
        """The first event, as create_referral writes it."""
        if create:
            VerwijzingGebeurtenis.objects.create(
                verwijzing=self, soort=Gebeurtenis.AANGEMAAKT, naar=VerwijzingStatus.VERSTUURD, door=self.door,
                tijdstip=timezone.make_aware(dt.datetime.combine(self.verwezen_op, dt.time(9))))


class OverbruggingsplanFactory(DjangoModelFactory):
    class Meta:
        model = Overbruggingsplan

    verwijzing = factory.SubFactory(VerwijzingFactory, tweede_lijn=True, wachtlijst=True)
    wat_team = "Elke twee weken bellen; samen de dagstructuur bewaken."
    wat_netwerk = "Zus komt twee keer per week langs."
    checkin_dagen = 14
    risicosignalen = "Niet meer opnemen, somberheid neemt toe, uitspraken over het leven niet meer zien zitten."
    vastgesteld = factory.LazyFunction(timezone.now)
    door = factory.LazyAttribute(lambda o: o.verwijzing.door)
