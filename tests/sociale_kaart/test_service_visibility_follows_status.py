# SPDX-License-Identifier: EUPL-1.2
"""Whether residents see a service is derived from its HSDS status, never stored separately."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import Service, ServiceStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "public"),
    [
        (ServiceStatus.ACTIVE, True),
        (ServiceStatus.TEMPORARILY_CLOSED, True),
        (ServiceStatus.INACTIVE, False),
        (ServiceStatus.DEFUNCT, False),
    ],
)
def test_public_follows_status(status, public):
    service = ServiceFactory(status=status)
    assert service.is_public is public
    assert Service.objects.public().filter(pk=service.pk).exists() is public


def test_status_values_are_hsds_values():
    assert ServiceStatus.TEMPORARILY_CLOSED == "temporarily closed"
