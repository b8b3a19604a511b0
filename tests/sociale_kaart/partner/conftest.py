# SPDX-License-Identifier: EUPL-1.2
"""Fixtures for partner self-maintenance, freshness and duplicate tests (re-used by those folders)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Users
from tests.factories_sociale_kaart import OrganizationFactory, ServiceFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import Metadata, Organization, Service


@pytest.fixture
def own_org(users: Users) -> Organization:
    """The directory entry of the `partner` user's own organisation."""
    return OrganizationFactory(name="Stichting Buurtkracht", organisatie=users.partner.organisatie)


@pytest.fixture
def other_org(db: None) -> Organization:
    """Another partner's organisation."""
    return OrganizationFactory(name="Stichting Anders", partner=True)


@pytest.fixture
def own_service(own_org: Organization) -> Service:
    return ServiceFactory(
        organization=own_org, name="Taalcafé De Brug", description="Oefen Nederlands in een gezellige groep.",
        email="", terms=["LD11", "SA05"],
    )


@pytest.fixture
def other_service(other_org: Organization) -> Service:
    return ServiceFactory(organization=other_org, name="Schuldhulp Anders", terms=["LD01"])


def metadata_rows(**filters: Any) -> set[tuple[str, str, str, str, str, str]]:
    """Metadata as comparable tuples: (resource_type, action, field, previous, replacement, updated_by)."""
    return {
        (m.resource_type, m.last_action_type, m.field_name, m.previous_value, m.replacement_value, m.updated_by)
        for m in Metadata.objects.filter(**filters)
    }


def denials(object_id: Any) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=Action.DENIED, object_id=str(object_id)))


def service_post_data(service: Service | None = None, **overrides: Any) -> dict[str, Any]:
    """A complete, valid POST for the service form, from the service's current values."""
    data: dict[str, Any] = {
        "name": service.name if service else "Nieuw aanbod",
        "alternate_name": service.alternate_name if service else "",
        "description": service.description if service else "Omschrijving.",
        "status": service.status if service else "active",
        "alert": service.alert if service else "",
        "application_process": service.application_process if service else "",
        "eligibility_description": service.eligibility_description if service else "",
        "minimum_age": "" if not service or service.minimum_age is None else service.minimum_age,
        "maximum_age": "" if not service or service.maximum_age is None else service.maximum_age,
        "fees_description": service.fees_description if service else "",
        "url": service.url if service else "",
        "email": service.email if service else "",
        "phone": "",
        "languages": "",
    }
    if service is not None:
        by_slug: dict[str, list[str]] = {"levensdomeinen": [], "soort-aanbod": [], "doelgroep": []}
        for t in service.terms():
            assert t.taxonomy is not None
            by_slug[t.taxonomy.slug or ""].append(str(t.pk))
        data["levensdomeinen"] = by_slug["levensdomeinen"]
        data["soort_aanbod"] = by_slug["soort-aanbod"]
        data["doelgroep"] = by_slug["doelgroep"]
        phone = service.phones.order_by("created").first()
        data["phone"] = phone.number if phone else ""
        if service.cost_options.filter(amount=0).exists():
            data["free"] = "on"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
