# SPDX-License-Identifier: EUPL-1.2
"""Deleting a service, location or organisation in the admin (one, or several with "delete selected") leaves
the same trace as a delete in the kaart's own screens: HSDS metadata "delete" rows and an audit DELETE row
naming the beheerder; the service leaves the search index."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Metadata, Service

pytestmark = pytest.mark.django_db


def _traced(service_id: object, user_id: int) -> bool:
    return (Metadata.objects.filter(resource_id=service_id, last_action_type="delete").exists()
            and AuditEvent.objects.filter(action=Action.DELETE, object_id=str(service_id), user_id=user_id).exists())


def test_deleting_a_service_in_the_admin_is_recorded(users, client_for):
    service = ServiceFactory(name="Taalcafé De Brug")
    client = client_for(users.beheerder)
    response = client.post(reverse("admin:sociale_kaart_service_delete", args=[service.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Service.objects.filter(pk=service.pk).exists()
    assert _traced(service.pk, users.beheerder.pk)


def test_deleting_selected_services_records_each(users, client_for):
    services = [ServiceFactory(name=f"Inloop {n}") for n in range(2)]
    client = client_for(users.beheerder)
    client.post(reverse("admin:sociale_kaart_service_changelist"),
                {"action": "delete_selected", "_selected_action": [str(s.pk) for s in services], "post": "yes"})
    assert not Service.objects.filter(pk__in=[s.pk for s in services]).exists()
    assert all(_traced(s.pk, users.beheerder.pk) for s in services)
