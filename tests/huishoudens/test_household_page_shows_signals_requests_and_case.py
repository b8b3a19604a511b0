# SPDX-License-Identifier: EUPL-1.2
"""The household page shows what else the wijkteam has on the household — its vroegsignalen, help requests and
case — as links the worker may follow, registered by those capabilities (huishoudens imports none of them);
and "Casus openen" when no case is open."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_casussen as fc
from tests import factories_hulpvragen as fh
from tests import factories_vroegsignalering as fv

pytestmark = pytest.mark.django_db


def test_links_to_the_zaak_the_request_and_the_case(place: Any, users: Any, client_for: Any,
                                                    frozen_time: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    persoon = f.PersoonFactory(huishouden=household)
    zaak = fv.VroegsignaalzaakFactory(huishouden=household, team=place.team_a)
    hulpvraag = fh.HulpvraagFactory(persoon=persoon, team=place.team_a)
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, huishouden=household)

    url = reverse("huishoudens:household_detail", args=[household.pk])
    html = client_for(users.medewerker).get(url).content.decode()

    assert reverse("vroegsignalering:zaak_detail", args=[zaak.pk]) in html
    assert reverse("hulpvragen:hulpvraag_detail", args=[hulpvraag.pk]) in html
    assert reverse("casussen:casus_detail", args=[casus.pk]) in html
    assert reverse("casussen:casus_openen") not in html  # a case is open already


def test_without_a_case_the_worker_can_open_one(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    f.PersoonFactory(huishouden=household)

    url = reverse("huishoudens:household_detail", args=[household.pk])
    html = client_for(users.medewerker).get(url).content.decode()

    assert f"{reverse('casussen:casus_openen')}?huishouden={household.pk}" in html
    assert "Nog niets" not in html  # the "open a case" link is there


def test_the_privacy_officer_sees_the_household_but_no_case_link(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    f.PersoonFactory(huishouden=household)
    casus = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, huishouden=household)

    response = client_for(users.privacy).get(reverse("huishoudens:household_detail", args=[household.pk]))

    assert response.status_code == 200
    assert reverse("casussen:casus_detail", args=[casus.pk]) not in response.content.decode()
