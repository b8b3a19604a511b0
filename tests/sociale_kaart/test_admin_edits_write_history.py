# SPDX-License-Identifier: EUPL-1.2
"""A beheerder's correction in the Django admin is recorded as HSDS metadata, like any other edit."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Metadata, Service

pytestmark = pytest.mark.django_db


def test_admin_change_writes_one_metadata_row_per_changed_field(users):
    service = ServiceFactory(name="Taalcafe De Brug")
    request = RequestFactory().post("/beheer/")
    request.user = users.beheerder
    model_admin = admin.site._registry[Service]

    service.name = "Taalcafé De Brug"
    model_admin.save_model(request, service, form=None, change=True)

    rows = Metadata.objects.filter(resource_id=service.id, field_name="name")
    assert [(r.previous_value, r.replacement_value, r.updated_by) for r in rows] == [
        ("Taalcafe De Brug", "Taalcafé De Brug", "beheerder")
    ]
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(service.id), username="beheerder").exists()
