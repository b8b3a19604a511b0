# SPDX-License-Identifier: EUPL-1.2
"""Confirming a web request's consents records them on the resident once: a second click (or a second
worker at the same moment) records no second set of Toestemming rows but says it was done already; the
page no longer offers the button."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PersoonFactory
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.huishoudens.models import Toestemming
from wijkteam.hulpvragen import services

pytestmark = pytest.mark.django_db


def _request(place: Any) -> Any:
    return HulpvraagFactory(web=True, persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a,
                            toestemmingen={"contact": True, "onderzoek": False})


def test_a_second_confirmation_records_nothing(place: Any, users: Any, frozen_time: Any) -> None:
    hv = _request(place)
    stale = type(hv).objects.get(pk=hv.pk)  # what a second worker's page loaded before the first confirmed
    assert services.confirm_consents(hv, by=users.medewerker) == 2
    with pytest.raises(ValidationError) as error:
        services.confirm_consents(stale, by=users.teamleider)
    assert error.value.message_dict == {"toestemmingen": ["De toestemming bij deze hulpvraag is al vastgelegd."]}
    assert Toestemming.objects.filter(persoon=hv.persoon).count() == 2
    hv.refresh_from_db()
    assert hv.toestemmingen_bevestigd is not None


def test_the_page_offers_it_once(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    hv = _request(place)
    client = client_for(users.medewerker)
    detail = reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": hv.pk})
    confirm = reverse("hulpvragen:confirm_consents", kwargs={"pk": hv.pk})
    assert confirm in client.get(detail).content.decode()
    client.post(confirm)
    page = client.post(confirm, follow=True).content.decode()
    assert "De toestemming bij deze hulpvraag is al vastgelegd." in page
    assert confirm not in page
    assert Toestemming.objects.filter(persoon=hv.persoon).count() == 2


def test_linking_another_person_lets_the_worker_confirm_for_them(place: Any, users: Any, frozen_time: Any) -> None:
    hv = _request(place)
    services.confirm_consents(hv, by=users.medewerker)
    other = PersoonFactory(huishouden=hv.huishouden)
    services.link_person(hv, other, by=users.medewerker)
    assert services.confirm_consents(hv, by=users.medewerker) == 2
    assert Toestemming.objects.filter(persoon=other).count() == 2
