# SPDX-License-Identifier: EUPL-1.2
"""The beheerder sees whose authenticator it is, never its secret key; deleting a device cuts it off (the user
enrols anew, with a new key, only after the beheerder's reset opens a window: see
test_beheerder_reset_of_second_factor_removes_devices_and_reopens.py). Opening and deleting a device are audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import TEST_TOTP_KEY
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def test_device_pages_do_not_show_the_key(users, client_for):
    device = users.medewerker.totpdevice_set.get()
    beheerder = client_for(users.beheerder)

    listing = beheerder.get(reverse("admin:otp_totp_totpdevice_changelist"))
    page = beheerder.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))

    assert listing.status_code == 200 and page.status_code == 200
    for response in (listing, page):
        html = response.content.decode()
        assert TEST_TOTP_KEY not in html
        assert 'name="key"' not in html
        assert "qrcode" not in html.lower()
    assert AuditEvent.objects.filter(action=Action.READ, object_type="otp_totp.totpdevice",
                                     object_id=str(device.pk), username="beheerder").exists()


def test_a_key_cannot_be_set_or_changed_in_the_admin(users, client_for):
    device = users.medewerker.totpdevice_set.get()
    beheerder = client_for(users.beheerder)

    add = beheerder.get(reverse("admin:otp_totp_totpdevice_add"))
    beheerder.post(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
                   {"user": users.medewerker.pk, "name": "x", "key": "00" * 20, "confirmed": "on"})

    assert add.status_code == 403
    device.refresh_from_db()
    assert device.key == TEST_TOTP_KEY


def test_reset_deletes_the_device_and_is_audited(users, client_for):
    device = users.medewerker.totpdevice_set.get()

    response = client_for(users.beheerder).post(
        reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not users.medewerker.totpdevice_set.exists()
    assert AuditEvent.objects.filter(action=Action.DELETE, object_type="otp_totp.totpdevice",
                                     object_id=str(device.pk), username="beheerder").exists()
