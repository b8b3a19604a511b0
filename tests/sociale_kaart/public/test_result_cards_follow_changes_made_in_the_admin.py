# SPDX-License-Identifier: EUPL-1.2
"""Result cards come from the search index; a change saved in the admin (history.record_save) to an
organisation, an address or opening times refreshes the cards of every service it shows up in."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wijkteam.sociale_kaart import history
from wijkteam.sociale_kaart.models import Address, Schedule
from wijkteam.sociale_kaart.search import reindex_all

pytestmark = pytest.mark.django_db

URL = reverse("sociale_kaart_public:search")


def _admin_save(obj, users, capture, **changes):
    before = history.snapshot(obj)
    for name, value in changes.items():
        setattr(obj, name, value)
    with capture(execute=True):
        obj.save()
        assert history.record_save(obj, before, user=users.beheerder) >= 1


def test_organisation_name(client, inloop, users, frozen_time, django_capture_on_commit_callbacks):
    reindex_all()
    assert "Stichting Geldhulp" in client.get(URL, {"q": "geldzorgen"}).content.decode()
    _admin_save(inloop.organization, users, django_capture_on_commit_callbacks, name="Geldhulp Voorbeeld")
    html = client.get(URL, {"q": "geldzorgen"}).content.decode()
    assert "Geldhulp Voorbeeld" in html and "Stichting Geldhulp" not in html


def test_address(client, inloop, users, frozen_time, django_capture_on_commit_callbacks):
    reindex_all()
    address = Address.objects.get(location__service_at_locations__service=inloop)
    _admin_save(address, users, django_capture_on_commit_callbacks, address_1="Kerkstraat 1")
    assert "Kerkstraat 1, 3511 AB Voorbeeld" in client.get(URL, {"q": "geldzorgen"}).content.decode()


def test_opening_times(client, inloop, users, frozen_time, django_capture_on_commit_callbacks):
    reindex_all()  # Wednesday 10:15: the Wednesday morning inloop is open
    assert "wt-kenmerk--open" in client.get(URL, {"q": "geldzorgen"}).content.decode()
    weekly = Schedule.objects.get(service=inloop, freq="WEEKLY")
    _admin_save(weekly, users, django_capture_on_commit_callbacks, closes_at=dt.time(10, 0))
    html = client.get(URL, {"q": "geldzorgen"}).content.decode()
    assert "wt-kenmerk--dicht" in html and "wt-kenmerk--open" not in html
