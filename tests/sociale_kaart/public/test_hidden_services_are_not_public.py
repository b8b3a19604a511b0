# SPDX-License-Identifier: EUPL-1.2
"""Residents only reach services that are public AND recently checked; the rest is a plain 404."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import ServiceStatus

pytestmark = pytest.mark.django_db


def status_of(client, pk) -> int:
    return client.get(reverse("sociale_kaart_public:service", args=[pk])).status_code


@pytest.mark.parametrize("traits", [{"inactive": True}, {"status": ServiceStatus.DEFUNCT}, {"stale": True}])
def test_hidden(client, frozen_time, traits):
    assert status_of(client, ServiceFactory(**traits).pk) == 404


def test_visible(client, frozen_time):
    assert status_of(client, ServiceFactory().pk) == 200
    assert status_of(client, ServiceFactory(temporarily_closed=True).pk) == 200


def test_unknown_id(client):
    assert status_of(client, uuid.uuid4()) == 404


def test_staff_login_does_not_unhide(client_for, users, frozen_time):
    # The public page is the public page, whoever looks; editors use the werkomgeving.
    assert (
        client_for(users.beheerder)
        .get(reverse("sociale_kaart_public:service", args=[ServiceFactory(stale=True).pk]))
        .status_code
        == 404
    )
