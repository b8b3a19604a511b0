# SPDX-License-Identifier: EUPL-1.2
"""After a merge, the merged service's public page (old links, printed leaflets) sends people on."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.duplicates.services import merge_services

pytestmark = pytest.mark.django_db


def test_merged_service_page_redirects_to_the_survivor(users):
    survivor = ServiceFactory(name="Taalcafé De Brug")
    merged = ServiceFactory(name="Taal café de Brug")
    merge_services(survivor, merged, user=users.beheerder)

    response = Client().get(reverse("sociale_kaart_public:service", args=[merged.pk]))

    assert response.status_code == 301
    assert response["Location"] == reverse("sociale_kaart_public:service", args=[survivor.pk])


def test_unknown_service_is_still_404():
    import uuid

    assert Client().get(reverse("sociale_kaart_public:service", args=[uuid.uuid4()])).status_code == 404
