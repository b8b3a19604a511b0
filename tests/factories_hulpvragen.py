# SPDX-License-Identifier: EUPL-1.2
"""Factories for hulpvragen: requests from each door (traits), with their first status row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests import factories as f
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus, HulpvraagStatusHistorie, Kanaal


class HulpvraagFactory(DjangoModelFactory):
    """A stored request (not through the write path: for pages and queries). Use
    `wijkteam.hulpvragen.services.create_request` when the test is about how a request comes in."""

    class Meta:
        model = Hulpvraag
        skip_postgeneration_save = True

    persoon = factory.SubFactory(f.PersoonFactory)
    huishouden = factory.LazyAttribute(lambda o: o.persoon.huishouden if o.persoon else None)
    buurt = factory.LazyAttribute(lambda o: o.huishouden.adres.buurt if o.huishouden else None)
    team = None
    kanaal = Kanaal.TELEFOON
    status = HulpvraagStatus.NIEUW
    omschrijving = "Ik heb een huurachterstand en voel me sinds de scheiding erg alleen."
    levensdomeinen = factory.LazyFunction(lambda: ["LD01", "LD11"])
    ontvangen = factory.LazyFunction(timezone.now)
    reactie_uiterlijk = factory.LazyAttribute(lambda o: timezone.localdate(o.ontvangen) + dt.timedelta(days=3))
    toestemmingen = factory.LazyFunction(lambda: {"contact": True})

    class Params:
        web = factory.Trait(kanaal=Kanaal.WEB)
        urgent_ = factory.Trait(urgent=True)
        te_laat = factory.Trait(reactie_uiterlijk=factory.LazyAttribute(
            lambda o: timezone.localdate(o.ontvangen) - dt.timedelta(days=2)))
        centraal = factory.Trait(team=None, persoon=None, huishouden=None, buurt=None,
                                 aangeleverd=factory.LazyFunction(lambda: {"achternaam": "Onbekend",
                                                                           "telefoon": "0612345678"}))

    @factory.post_generation
    def historie(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            HulpvraagStatusHistorie.objects.create(hulpvraag=self, van="", naar=self.status,
                                                   door_systeem="factory", tijdstip=self.ontvangen)
