# SPDX-License-Identifier: EUPL-1.2
"""The service page gives everything to go there: costs, phone, address, access, languages, documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import CostOptionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def page(client, service) -> str:
    return client.get(reverse("sociale_kaart_public:service", args=[service.pk])).content.decode()


def test_everything_residents_need(client, inloop, frozen_time):
    html = page(client, inloop)
    assert '<h1 class="utrecht-heading-1">Inloop geldzaken</h1>' in html
    assert "Van Stichting Geldhulp" in html
    assert "Hulp bij rekeningen, post en formulieren." in html
    assert "Havenstraat 12, 3511 AB Voorbeeld" in html
    assert "Rolstoeltoegankelijk" in html
    assert 'href="tel:0301234567">030 123 45 67</a>' in html
    assert 'href="mailto:info@geldhulp.test"' in html
    assert 'href="https://geldhulp.test/inloop"' in html
    assert "U kunt hier terecht in het: Arabisch." in html
    assert "Uw laatste bankafschrift" in html
    assert "Volwassenen (vanaf 18 jaar)" in html
    assert "Laatst gecontroleerd op 3 september 2026." in html
    assert 'wt-kenmerk--domein">Geld en schulden<' in html
    # One marker for the one location, fed from the address block.
    assert 'data-punten="locaties"' in html and 'data-lat="52.090700"' in html


def test_costs_in_euros_with_dutch_notation(client, frozen_time):
    service = ServiceFactory()
    CostOptionFactory(service=service, amount=Decimal("2.50"), option="per keer")
    CostOptionFactory(service=service, amount=Decimal("1250"), option="per jaar", amount_description="met korting")
    CostOptionFactory(service=service, amount=Decimal("99"), valid_to=dt.date(2025, 1, 1))  # expired
    html = page(client, service)
    assert "€\u00a02,50 (per keer)" in html
    assert "€\u00a01.250,00 (per jaar met korting)" in html
    assert "99,00" not in html
    assert ">Gratis<" not in html


def test_free_service(client):
    html = page(client, ServiceFactory(free=True))
    assert ">Gratis<" in html


def test_partly_free_service(client):
    service = ServiceFactory()
    CostOptionFactory(service=service, amount=Decimal(0), option="met een U-pas")
    CostOptionFactory(service=service, amount=Decimal(5), option="zonder U-pas")
    html = page(client, service)
    assert ">Kan gratis<" in html
    assert "Gratis (met een U-pas)" in html


def test_temporarily_closed_service_shows_its_message(client):
    html = page(client, ServiceFactory(temporarily_closed=True))
    assert "Tijdelijk gesloten wegens verbouwing." in html


def test_organisation_phone_when_the_service_has_none(client):
    from wijkteam.sociale_kaart.models import Phone

    service = ServiceFactory()
    Phone.objects.create(organization=service.organization, number="+31 30 111 2222")
    assert 'href="tel:+31301112222"' in page(client, service)
