# SPDX-License-Identifier: EUPL-1.2
"""Wijkteam staff, the analist and the privacy officer cannot edit the kaart (403, audited); the
beheerder may edit every organisation's service; anonymous users go to the login page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Service

from .conftest import denials, metadata_rows, service_post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "analist", "privacy"])
def test_other_roles_cannot_edit(role: str, users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(getattr(users, role))
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, service_post_data(own_service, name="Gewijzigd")).status_code == 403
    own_service.refresh_from_db()
    assert own_service.name == "Taalcafé De Brug"
    assert {e.username for e in denials(own_service.pk)} == {getattr(users, role).username}
    # No "Mijn aanbod" and no new aanbod either (refused at the view, audited with the view name).
    assert client.get(reverse("sociale_kaart_werk:mijn_aanbod")).status_code == 403
    assert client.get(reverse("sociale_kaart_werk:service_create")).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, object_id="sociale_kaart_werk:mijn_aanbod").exists()


def test_beheerder_edits_any_organisations_service(
    users: Any, own_service: Service, other_service: Service, client_for: Any
) -> None:
    client = client_for(users.beheerder)
    for service in (own_service, other_service):
        url = reverse("sociale_kaart_werk:service_edit", args=[service.pk])
        response = client.post(url, service_post_data(service, name=f"{service.name} (nieuw)"))
        assert response.status_code == 302
        assert ("service", "update", "name", service.name, f"{service.name} (nieuw)", "beheerder") in metadata_rows(
            resource_id=service.pk)


def test_anonymous_goes_to_login(own_service: Service, client_for: Any) -> None:
    response = client_for(None).get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk]))
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def test_partner_without_second_factor_goes_to_totp(users: Any, own_service: Service, client_for: Any) -> None:
    client = client_for(users.partner, verified=False)
    response = client.get(reverse("sociale_kaart_werk:service_edit", args=[own_service.pk]))
    assert response.status_code == 302
    assert "next=" in response["Location"]
