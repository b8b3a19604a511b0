# SPDX-License-Identifier: EUPL-1.2
"""The beheerder can open the sociale-kaart pages of the admin."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import Location, Organization, Service, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db


def test_main_models_are_registered():
    for model in [Organization, Service, Location, Taxonomy, TaxonomyTerm]:
        assert admin.site.is_registered(model), model


@pytest.mark.parametrize("model", ["organization", "service", "location", "taxonomy", "taxonomyterm", "attribute"])
def test_changelists_open(model, users, client_for):
    ServiceFactory(terms=["LD01"], wheelchair=True)
    response = client_for(users.beheerder).get(reverse(f"admin:sociale_kaart_{model}_changelist"))
    assert response.status_code == 200


def test_service_change_page_shows_its_terms(users, client_for):
    service = ServiceFactory(terms=["LD01"], wheelchair=True)
    response = client_for(users.beheerder).get(reverse("admin:sociale_kaart_service_change", args=[service.pk]))
    assert response.status_code == 200
    assert "Financiën" in response.content.decode()
