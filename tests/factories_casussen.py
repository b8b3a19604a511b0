# SPDX-License-Identifier: EUPL-1.2
"""Factories for casussen, with traits. A CasusFactory case is in team A's shape when given `team` and a
regisseur of that team; it always has its plan, its first status, regisseur and weight rows and the buurt of its
household, as services.open_case makes them (tests of open_case itself go through the service). A norm or a
profile made here has its history row, as the continuity services write it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from wijkteam.casussen.models import (
    Afwezigheid,
    AfwezigheidSoort,
    Betrokkene,
    BetrokkeneSoort,
    Casus,
    CasusGewichtHistorie,
    CasusStatus,
    CasusStatusHistorie,
    Contactmoment,
    ContactSoort,
    Gewicht,
    Levensdomein,
    MedewerkerProfiel,
    MedewerkerProfielHistorie,
    Noodtoegang,
    Plan,
    PlanActie,
    PlanDoel,
    RegisseurHistorie,
    Sluitreden,
    Taak,
    TeamNorm,
    TeamNormHistorie,
    Uitkomst,
    Uitvoerder,
)

from . import factories as f


class CasusFactory(DjangoModelFactory):
    class Meta:
        model = Casus
        skip_postgeneration_save = True

    huishouden = factory.SubFactory(f.HuishoudenFactory)
    team = factory.SubFactory(f.TeamFactory)
    regisseur = factory.SubFactory(f.UserFactory, medewerker=True)
    buurt = factory.LazyAttribute(lambda o: o.huishouden.adres.buurt)
    status = CasusStatus.UITVOERING
    geopend = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=60))

    class Params:
        aangemeld = factory.Trait(status=CasusStatus.AANGEMELD)
        afgesloten = factory.Trait(status=CasusStatus.AFGESLOTEN, sluitreden=Sluitreden.DOELEN_BEREIKT,
                                   uitkomst=Uitkomst.BEREIKT,
                                   gesloten=factory.LazyFunction(timezone.localdate))
        zwaar = factory.Trait(gewicht=Gewicht.ZWAAR)
        licht = factory.Trait(gewicht=Gewicht.LICHT)

    @factory.post_generation
    def medewerkers(self, create: bool, extracted: list[Any] | None, **kwargs: object) -> None:
        if create and extracted:
            self.medewerkers.set(extracted)

    @factory.post_generation
    def begin(self, create: bool, extracted: Any, **kwargs: object) -> None:
        """The rows open_case writes: plan, first status, first regisseur, first weight."""
        if not create:
            return
        Plan.objects.get_or_create(casus=self)
        moment = timezone.make_aware(dt.datetime.combine(self.geopend, dt.time(9)))
        CasusStatusHistorie.objects.create(casus=self, van="", naar=CasusStatus.AANGEMELD, door=self.regisseur,
                                           tijdstip=moment)
        RegisseurHistorie.objects.create(casus=self, regisseur=self.regisseur, vanaf=moment, door=self.regisseur)
        CasusGewichtHistorie.objects.create(casus=self, gewicht=self.gewicht, vanaf=moment, door=self.regisseur)


class PlanDoelFactory(DjangoModelFactory):
    class Meta:
        model = PlanDoel

    plan = factory.LazyAttribute(lambda o: Plan.objects.get_or_create(casus=CasusFactory())[0])
    levensdomein = Levensdomein.LD01
    doel = "Vaste lasten op tijd betalen"
    eigen_woorden = "Ik wil niet meer bang zijn voor de post."


class PlanActieFactory(DjangoModelFactory):
    class Meta:
        model = PlanActie

    plan = factory.LazyAttribute(lambda o: Plan.objects.get_or_create(casus=CasusFactory())[0])
    wie = Uitvoerder.BEWONER
    wat = "Alle brieven in één map bewaren"
    wanneer = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))


class BetrokkeneFactory(DjangoModelFactory):
    class Meta:
        model = Betrokkene

    plan = factory.LazyAttribute(lambda o: Plan.objects.get_or_create(casus=CasusFactory())[0])
    soort = BetrokkeneSoort.FAMILIE
    naam = factory.Faker("first_name")
    rol = "zus"

    class Params:
        professional = factory.Trait(soort=BetrokkeneSoort.PROFESSIONAL, rol="schuldhulpverlener",
                                     organisatie="Schuldhulp Voorbeeld")


class TaakFactory(DjangoModelFactory):
    class Meta:
        model = Taak

    casus = factory.SubFactory(CasusFactory)
    titel = "Bewindvoering aanvragen"
    deadline = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))
    aangemaakt = factory.LazyFunction(timezone.now)
    aangemaakt_door = factory.LazyAttribute(lambda o: o.casus.regisseur)
    toegewezen_aan = factory.LazyAttribute(lambda o: o.casus.regisseur)

    class Params:
        te_laat = factory.Trait(deadline=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3)))
        afgerond_trait = factory.Trait(afgerond=factory.LazyFunction(timezone.now))


class ContactmomentFactory(DjangoModelFactory):
    class Meta:
        model = Contactmoment

    casus = factory.SubFactory(CasusFactory)
    soort = ContactSoort.HUISBEZOEK
    datum = factory.LazyFunction(timezone.localdate)
    duur_minuten = 60
    door = factory.LazyAttribute(lambda o: o.casus.regisseur)
    verslag = "Huisbezoek: post samen doorgenomen."
    aangemaakt = factory.LazyFunction(timezone.now)

    class Params:
        telefoon = factory.Trait(soort=ContactSoort.TELEFOON, duur_minuten=15)


class NoodtoegangFactory(DjangoModelFactory):
    class Meta:
        model = Noodtoegang

    casus = factory.SubFactory(CasusFactory)
    gebruiker = factory.SubFactory(f.UserFactory, medewerker=True)
    reden = "Crisis bij het gezin, regisseur niet bereikbaar"
    start = factory.LazyFunction(timezone.now)
    verloopt = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=4))

    class Params:
        verlopen = factory.Trait(start=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=6)))


# --- Caseload and continuity (continuiteit) ------------------------------------------------------


class TeamNormFactory(DjangoModelFactory):
    class Meta:
        model = TeamNorm
        skip_postgeneration_save = True
        django_get_or_create = ("team",)

    team = factory.SubFactory(f.TeamFactory)
    punten_per_fte = 40

    @factory.post_generation
    def historie(self, create: bool, extracted: Any, **kwargs: object) -> None:
        """The history row save_norm writes, unless the latest one already says the same."""
        if not create:
            return
        values = {name: getattr(self, name) for name in ("punten_per_fte", "punten_licht", "punten_middel",
                                                          "punten_zwaar")}
        latest = TeamNormHistorie.objects.filter(team=self.team).order_by("-vanaf", "-id").values(*values).first()
        if latest != values:
            TeamNormHistorie.objects.create(team=self.team, vanaf=timezone.now(), door=self.gewijzigd_door,
                                            **values)


class MedewerkerProfielFactory(DjangoModelFactory):
    class Meta:
        model = MedewerkerProfiel
        skip_postgeneration_save = True
        django_get_or_create = ("medewerker", "team")

    medewerker = factory.SubFactory(f.UserFactory, medewerker=True)
    team = factory.SubFactory(f.TeamFactory)
    fte = Decimal("1.00")

    @factory.post_generation
    def historie(self, create: bool, extracted: Any, **kwargs: object) -> None:
        """The history row set_fte writes, unless the latest one already says the same."""
        if not create:
            return
        latest = (MedewerkerProfielHistorie.objects.filter(medewerker=self.medewerker, team=self.team)
                  .order_by("-vanaf", "-id").values_list("fte", flat=True).first())
        if latest != Decimal(self.fte):
            MedewerkerProfielHistorie.objects.create(medewerker=self.medewerker, team=self.team, fte=self.fte,
                                                     vanaf=timezone.now())


class AfwezigheidFactory(DjangoModelFactory):
    class Meta:
        model = Afwezigheid

    medewerker = factory.SubFactory(f.UserFactory, medewerker=True)
    team = factory.SubFactory(f.TeamFactory)
    soort = AfwezigheidSoort.ZIEK
    vanaf = factory.LazyFunction(timezone.localdate)
    gemeld = factory.LazyFunction(timezone.now)

    class Params:
        vertrek = factory.Trait(soort=AfwezigheidSoort.VERTREK)
        verlof = factory.Trait(soort=AfwezigheidSoort.VERLOF,
                               tot=factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14)))
