# SPDX-License-Identifier: EUPL-1.2
"""The HSDS metadata rows are the append-only history of the kaart: the admin shows them, but even
the beheerder can neither change, add nor delete one there."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import Metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(db: None) -> Metadata:
    service = ServiceFactory()
    return Metadata.objects.create(
        resource_id=service.pk, resource_type="service", last_action_date="2026-01-05", last_action_type="update",
        field_name="name", previous_value="Oud", replacement_value="Nieuw", updated_by="beheerder",
    )


def test_the_history_can_be_read(users, client_for, row):
    client = client_for(users.beheerder)
    assert client.get(reverse("admin:sociale_kaart_metadata_changelist")).status_code == 200
    assert client.get(reverse("admin:sociale_kaart_metadata_change", args=[row.pk])).status_code == 200


def test_a_history_row_cannot_be_added(users, client_for, row):
    client = client_for(users.beheerder)
    url = reverse("admin:sociale_kaart_metadata_add")
    assert client.get(url).status_code == 403
    assert client.post(url, {"resource_id": row.resource_id, "resource_type": "service"}).status_code == 403
    assert Metadata.objects.count() == 1


def test_a_history_row_cannot_be_deleted(users, client_for, row):
    client = client_for(users.beheerder)
    url = reverse("admin:sociale_kaart_metadata_delete", args=[row.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    # Nor in bulk from the list.
    client.post(reverse("admin:sociale_kaart_metadata_changelist"),
                {"action": "delete_selected", "_selected_action": [str(row.pk)], "post": "yes"})
    assert Metadata.objects.filter(pk=row.pk).exists()
