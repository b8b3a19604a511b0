# SPDX-License-Identifier: EUPL-1.2
"""Write paths for accounts: two-factor enrolment and the demo/test users' TOTP secrets."""

from __future__ import annotations

import base64
import binascii

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

DEVICE_NAME = "authenticator"


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device a user is enrolling, created on first call."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm_totp_device(device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        # One authenticator per user: enrolling a new one retires the old ones.
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return True


def base32_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed in."""
    return base64.b32encode(binascii.unhexlify(device.key)).decode()


def set_totp_secret(user: User, hex_key: str) -> TOTPDevice:
    """Give a user a confirmed TOTP device with a known key (demo municipality and tests only)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=hex_key, confirmed=True)
