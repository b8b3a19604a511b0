# SPDX-License-Identifier: EUPL-1.2
"""The write path itself refuses outside the window, not only the page: a device made in time cannot be
confirmed once the window has passed (a code typed in a page left open), and no new device is made."""

from __future__ import annotations

import datetime as dt

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories as f
from wijkteam.accounts import services

pytestmark = pytest.mark.django_db


def test_no_device_is_made_or_confirmed_after_the_window(frozen_time):
    user = f.UserFactory(username="nieuwe_collega", medewerker=True)
    device = services.pending_totp_device(user)
    frozen_time.shift(dt.timedelta(days=7, seconds=1))
    user.refresh_from_db()

    with pytest.raises(services.EnrolmentClosed):
        services.confirm_totp_device(device, f"{totp(device.bin_key):06d}")
    with pytest.raises(services.EnrolmentClosed):
        services.pending_totp_device(user)
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert TOTPDevice.objects.filter(user=user).count() == 1
