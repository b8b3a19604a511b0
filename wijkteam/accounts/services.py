# SPDX-License-Identifier: EUPL-1.2
"""Write paths for accounts: two-factor enrolment and its window, and the demo/test users' TOTP secrets.

Enrolment window: a user binds an authenticator themself (at login, after the password step) only while
`User.totp_enrolment_until` lies in the future. Without it, whoever learned a staff member's password
before they enrolled (or after their device was removed) could bind their own phone: trust on first use.
A new account starts with an open window (the field's default); enrolling closes it; a beheerder opens it
again with `reset_second_factor`, which also removes the user's devices. Deleting a device alone (the
TOTP device admin) opens nothing.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import User, totp_enrolment_window_end

DEVICE_NAME = "authenticator"


class EnrolmentClosed(Exception):
    """The user may not bind an authenticator now: no open enrolment window."""


def enrolment_is_open(user: User, *, at: dt.datetime | None = None) -> bool:
    until = user.totp_enrolment_until
    return until is not None and (at or timezone.now()) < until


def _locked_user(user: User) -> User:
    """The user's row, locked until the end of the transaction (two enrolments never race)."""
    return User.objects.select_for_update().get(pk=user.pk)


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device a user is enrolling, created on first call. EnrolmentClosed without a window."""
    with transaction.atomic():
        if not enrolment_is_open(_locked_user(user)):
            raise EnrolmentClosed
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirm_totp_device(device: TOTPDevice, token: str) -> bool:
    """Confirm the device with a code from it, which closes the enrolment window. False for a wrong code;
    EnrolmentClosed when the window closed (or passed) since the device was made."""
    with transaction.atomic():
        user = _locked_user(device.user)
        if not enrolment_is_open(user):
            raise EnrolmentClosed
        if not device.verify_token(token):
            return False
        # One authenticator per user: enrolling a new one retires the old ones.
        TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        User.objects.filter(pk=user.pk).update(totp_enrolment_until=None)
        device.user.totp_enrolment_until = None
    return True


def open_enrolment(user: User, *, by: User, request: HttpRequest | None = None) -> dt.datetime:
    """Let `user` bind an authenticator themself at their next login, for the configured number of days.
    Returns the end of the window. Audited as a change to the user, by `by`."""
    with transaction.atomic():
        until = totp_enrolment_window_end()
        User.objects.filter(pk=user.pk).update(totp_enrolment_until=until)
        user.totp_enrolment_until = until
        record(request, Action.UPDATE, obj=user, user=by,
               detail={"second_factor": "enrolment_opened", "totp_enrolment_until": until.isoformat()})
    return until


def reset_second_factor(user: User, *, by: User, request: HttpRequest | None = None) -> dt.datetime:
    """The beheerder's reset: remove all of the user's authenticators (each removal audited) and open the
    enrolment window. The user's sessions lose their second factor with the device. Returns the window's end."""
    with transaction.atomic():
        _locked_user(user)
        for device in TOTPDevice.objects.filter(user=user).order_by("pk"):
            record(request, Action.DELETE, obj=device, user=by, detail={"second_factor": "reset",
                                                                      "user_id": user.pk})
            device.delete()
        return open_enrolment(user, by=by, request=request)


def base32_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed in."""
    return base64.b32encode(binascii.unhexlify(device.key)).decode()


def set_totp_secret(user: User, hex_key: str) -> TOTPDevice:
    """Give a user a confirmed TOTP device with a known key (demo municipality and tests only).

    Leaves the enrolment window as it is: this is the operator handing out a key, not the user enrolling."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=hex_key, confirmed=True)
