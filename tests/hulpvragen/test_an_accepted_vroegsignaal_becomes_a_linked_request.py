# SPDX-License-Identifier: EUPL-1.2
"""The vroegsignalering door: the registered intake handoff turns an accepted zaak into a request of the
household, linked both ways (Hulpvraag.vroegsignaalzaak and zaak.intake_id), in the zaak's team's queue;
handing the same zaak over twice gives the same request."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.hulpvragen.models import Hulpvraag, Kanaal
from wijkteam.vroegsignalering import handoff
from wijkteam.vroegsignalering.models import Signaalpartner, Vroegsignaalzaak, ZaakStatus
from wijkteam.vroegsignalering.zaken.services import accept_help

pytestmark = pytest.mark.django_db


def test_the_handoff_is_registered_and_links_both_ways(place: Any, users: Any, frozen_time: Any) -> None:
    intake = handoff.intake()
    assert intake is not None, "hulpvragen registers the intake handoff in its AppConfig.ready()"
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a, crisis=True,
                                   hulp_geaccepteerd=True)
    signaal = SignaalFactory(persoon__huishouden=zaak.huishouden, zaak=zaak, partnertype=Signaalpartner.HUUR)
    with transaction.atomic():  # the caller's transaction, as vroegsignalering runs it
        pk = intake.receive(zaak, by=users.medewerker, request=None)
        Vroegsignaalzaak.objects.filter(pk=zaak.pk).update(intake_id=pk)
    hv = Hulpvraag.objects.get(pk=pk)
    zaak.refresh_from_db()
    assert zaak.intake_id == hv.pk and hv.vroegsignaalzaak_id == zaak.pk
    assert hv.kanaal == Kanaal.VROEGSIGNALERING
    assert hv.huishouden_id == zaak.huishouden_id and hv.persoon_id == signaal.persoon_id
    assert hv.team_id == place.team_a.pk
    assert hv.levensdomeinen == ["LD01", "LD04"]  # rent arrears: money and the home
    assert hv.urgent  # a crisis signal (eviction) is urgent
    assert intake.url(pk) == reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk})
    assert intake.receive(zaak, by=users.medewerker, request=None) == pk
    assert Hulpvraag.objects.count() == 1


def test_the_request_page_links_back_to_the_zaak(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a)
    pk = handoff.intake().receive(zaak, by=None, request=None)  # type: ignore[union-attr]
    page = client_for(users.medewerker).get(reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk}))
    assert page.status_code == 200
    assert f"Vroegsignaalzaak {zaak.pk}" in page.content.decode()
    assert Hulpvraag.objects.get(pk=pk).historie.get().door_systeem == "vroegsignalering"


def test_accepting_help_on_the_zaak_creates_the_request_through_the_registered_handoff(
        place: Any, users: Any, frozen_time: Any) -> None:
    zaak = VroegsignaalzaakFactory(huishouden__adres__buurt=place.buurt_a, team=place.team_a,
                                   status=ZaakStatus.IN_GESPREK)
    signaal = SignaalFactory(persoon__huishouden=zaak.huishouden, zaak=zaak, partnertype=Signaalpartner.ENERGIE)
    intake_id = accept_help(zaak, by=users.medewerker)
    hv = Hulpvraag.objects.get()
    assert intake_id == hv.pk and zaak.intake_id == hv.pk and hv.vroegsignaalzaak_id == zaak.pk
    assert hv.persoon_id == signaal.persoon_id and hv.team_id == place.team_a.pk
    assert hv.aangemaakt_door == users.medewerker and hv.kanaal == Kanaal.VROEGSIGNALERING
