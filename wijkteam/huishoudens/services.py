# SPDX-License-Identifier: EUPL-1.2
"""The one write path for households, persons and consent. Every change is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import Adres, Doel, Huishouden, Persoon, Toestemming, normalise_postcode


def find_or_create_adres(*, postcode: str, huisnummer: int, huisletter: str = "", toevoeging: str = "",
                         **fields: Any) -> Adres:
    """Addresses are shared facts (not personal data on their own); match on the BAG-style key."""
    postcode = normalise_postcode(postcode)
    adres = Adres.objects.filter(postcode=postcode, huisnummer=huisnummer, huisletter__iexact=huisletter,
                                 huisnummertoevoeging__iexact=toevoeging).first()
    if adres is None:
        adres = Adres.objects.create(postcode=postcode, huisnummer=huisnummer, huisletter=huisletter.upper(),
                                     huisnummertoevoeging=toevoeging, **fields)
    return adres


def register_household(adres: Adres, *, by: User, request: HttpRequest | None = None,
                       sinds: dt.date | None = None) -> Huishouden:
    with transaction.atomic():
        household = Huishouden.objects.create(adres=adres, sinds=sinds)
        record(request, Action.CREATE, obj=household, household_id=household.pk, user=by)
    return household


def add_person(household: Huishouden | None, *, by: User, request: HttpRequest | None = None,
               bsn: str | None = None, **fields: Any) -> Persoon:
    with transaction.atomic():
        person = Persoon(huishouden=household, **fields)
        person.set_bsn(bsn)
        person.full_clean()
        person.save()
        record(request, Action.CREATE, obj=person, person_id=person.pk,
               household_id=household.pk if household else None, user=by)
    return person


def record_consent(person: Persoon, doel: Doel | str, *, gegeven: bool, by: User,
                   request: HttpRequest | None = None, toelichting: str = "") -> Toestemming:
    """Give or withdraw consent for one purpose: always a new row, so the history stays intact."""
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

