# SPDX-License-Identifier: EUPL-1.2
"""Invalid input gets Dutch messages that name the field, and nothing is written; a failure halfway
through saving leaves nothing half-written (one transaction)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import term
from wijkteam.sociale_kaart.models import Metadata, Service
from wijkteam.sociale_kaart.partner import services as services_module

from .conftest import service_post_data

pytestmark = pytest.mark.django_db


def test_errors_name_the_field_and_nothing_changes(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner)
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    response = client.post(url, service_post_data(
        own_service, name="", email="geen-mailadres", url="niet een website", minimum_age="18", maximum_age="12",
        phone="bel maar", levensdomeinen=[], status="temporarily closed", alert="",
    ))
    assert response.status_code == 200
    html = response.content.decode()
    for message in [
        "Vul het veld „Naam” in.",
        "Vul bij „E-mail” een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        "Vul bij „Website” een geldig webadres in",
        "De „Maximumleeftijd” moet hoger zijn dan de „Minimumleeftijd”.",
        "Vul bij „Telefoonnummer” een geldig nummer in",
        "Kies bij „Levensdomeinen” ten minste één onderwerp.",
        "Vul bij „Melding” in waarom het aanbod tijdelijk gesloten is.",
    ]:
        assert message in html, message
    # Each error is tied to its input for screen readers.
    assert 'aria-invalid="true"' in html and 'id="id_name-error"' in html

    stored = Service.objects.get(pk=own_service.pk)
    assert (stored.name, stored.email, stored.status) == ("Taalcafé De Brug", "", "active")
    assert not Metadata.objects.exists()


def test_failure_halfway_leaves_nothing_half_written(
    users: Any, own_service: Service, client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_phone(*args: Any, **kwargs: Any) -> bool:
        raise RuntimeError("disk full")

    monkeypatch.setattr(services_module, "_sync_phone", broken_phone)
    client = client_for(users.partner)
    client.raise_request_exception = False
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    # Terms are written before the phone: without one transaction they would stay changed.
    response = client.post(url, service_post_data(
        own_service, name="Taalcafé De Brug Noord", phone="0301234567",
        levensdomeinen=[str(term("LD11").pk), str(term("LD12").pk)],
    ))
    assert response.status_code == 500

    stored = Service.objects.get(pk=own_service.pk)
    assert stored.name == "Taalcafé De Brug"
    assert sorted(stored.terms().values_list("code", flat=True)) == ["LD11", "SA05"]
    assert not Metadata.objects.exists()
