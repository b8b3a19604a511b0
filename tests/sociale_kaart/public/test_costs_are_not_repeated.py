# SPDX-License-Identifier: EUPL-1.2
"""Costs say each thing once: "Gratis", not "Gratis (Gratis)"; "€ 10 per cursus (werkboek)", not
"€ 10,00 (Per cursus (werkboek) € 10 per cursus (werkboek))" — on the service page and in the folder."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import (
    CostOptionFactory,
    LocationFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.public.views import cost_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("amount", "option", "description", "expected"), [
    ("Gratis", "Gratis", "", "Gratis"),
    ("Gratis", "", "gratis", "Gratis"),
    ("€\u00a010,00", "Per cursus (werkboek)", "€ 10 per cursus (werkboek)", "€ 10 per cursus (werkboek)"),
    ("€\u00a02,50", "Per keer", "", "€\u00a02,50 (Per keer)"),
    ("€\u00a02,50", "Per keer", "Koffie inbegrepen", "€\u00a02,50 (Per keer Koffie inbegrepen)"),
    ("€\u00a05,00", "Per maand", "per maand", "€\u00a05,00 (Per maand)"),
    ("", "Vrijwillige bijdrage", "", "Vrijwillige bijdrage"),
])
def test_cost_text(amount: str, option: str, description: str, expected: str) -> None:
    assert cost_text(amount, option, description) == expected


def test_service_page_and_folder_show_each_cost_once(client: Any, place: Any, frozen_time: Any) -> None:
    service = ServiceFactory(name="Cursus omgaan met geld", terms=["LD01"])
    ServiceAtLocationFactory(service=service, location=LocationFactory(buurt=place.buurt_a))
    CostOptionFactory(service=service, amount=Decimal(0), option="Gratis")
    CostOptionFactory(service=service, amount=Decimal(10), option="Per cursus (werkboek)",
                      amount_description="€ 10 per cursus (werkboek)")
    pages = [
        client.get(reverse("sociale_kaart_public:service", args=[service.pk])).content.decode(),
        client.get(reverse("sociale_kaart_public:leaflet", args=[place.wijk_a.code])).content.decode(),
    ]
    for html in pages:
        assert "Gratis (Gratis)" not in html
        assert "€ 10 per cursus (werkboek)" in html
        assert "(Per cursus (werkboek)" not in html
