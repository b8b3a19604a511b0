# SPDX-License-Identifier: EUPL-1.2
"""Write paths for accounts: team memberships and account history, two-factor enrolment and its window, and the
demo/test users' TOTP secrets.

Team memberships and account history (models.TeamLidmaatschap, models.AccountHistorie): the admin writes
`User.teams`, `role` and `is_active` in place, then calls `record_account_changes`, which brings the history up
to what the user row holds now. Code that changes teams itself calls `set_teams`, which does both. The history
itself is the "before": a second call without changes writes nothing, and two beheerders saving the same user
(the row is locked) never open the same interval twice.

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
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import DateTimeField, F, Value
from django.db.models.functions import Greatest
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .models import (
    ROLES_WITH_PERSONAL_DATA,
    AccountHistorie,
    Team,
    TeamLidmaatschap,
    User,
    totp_enrolment_window_end,
)

DEVICE_NAME = "authenticator"


class EnrolmentClosed(Exception):
    """The user may not bind an authenticator now: no open enrolment window."""


def enrolment_is_open(user: User, *, at: dt.datetime | None = None) -> bool:
    until = user.totp_enrolment_until
    return until is not None and (at or timezone.now()) < until


def _locked_user(user: User) -> User:
    """The user's row, locked until the end of the transaction (two enrolments, or two beheerders recording the
    same user's changes, never race)."""
    return User.objects.select_for_update().get(pk=user.pk)


@dataclass(frozen=True)
class AccountChanges:
    """What `record_account_changes` wrote: the teams joined and left (ids), and whether role or flag changed."""

    joined: frozenset[int] = frozenset()
    left: frozenset[int] = frozenset()
    account: bool = False

    def __bool__(self) -> bool:
        return bool(self.joined or self.left or self.account)


def record_account_changes(user: User, *, by: User | None, at: dt.datetime | None = None) -> AccountChanges:
    """Bring the user's history up to what their row and teams hold now, from `at` (default now), by `by`
    (None: the system). Every team left closes its open membership, every team joined opens one; a role or
    active flag other than the latest history row's adds a row. Writes nothing when nothing changed.

    A change made without this function (a raw `user.teams.add`) is recorded at the next call, at its moment."""
    with transaction.atomic():
        locked = _locked_user(user)
        moment = at or timezone.now()
        teams = set(locked.teams.values_list("pk", flat=True))
        open_teams = set(TeamLidmaatschap.objects.filter(gebruiker=locked, tot__isnull=True)
                         .values_list("team_id", flat=True))
        joined, left = teams - open_teams, open_teams - teams
        if left:
            # Never before it opened: a clock set back between the two must not break the check constraint.
            TeamLidmaatschap.objects.filter(gebruiker=locked, team_id__in=left, tot__isnull=True).update(
                tot=Greatest(F("vanaf"), Value(moment, output_field=DateTimeField())))
        TeamLidmaatschap.objects.bulk_create([TeamLidmaatschap(gebruiker=locked, team_id=team_id, vanaf=moment,
                                                               door=by) for team_id in sorted(joined)])
        # The latest row written is the state recorded last (by id: a clock set back does not reorder it).
        latest = AccountHistorie.objects.filter(gebruiker=locked).order_by("-id").values_list("rol", "actief").first()
        account = latest != (locked.role, locked.is_active)
        if account:
            AccountHistorie.objects.create(gebruiker=locked, rol=locked.role, actief=locked.is_active, vanaf=moment,
                                           door=by)
    return AccountChanges(frozenset(joined), frozenset(left), account)


def set_teams(user: User, teams: Iterable[Team], *, by: User | None, at: dt.datetime | None = None) -> AccountChanges:
    """Put the user in exactly these teams and record it (`record_account_changes`), in one transaction."""
    with transaction.atomic():
        locked = _locked_user(user)
        locked.teams.set(list(teams))
        return record_account_changes(locked, by=by, at=at)


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


def open_enrolment(user: User, *, by: User | None, request: HttpRequest | None = None,
                   system: str = "") -> dt.datetime:
    """Let `user` bind an authenticator themself at their next login, for the configured number of days.
    Returns the end of the window. Audited as a change to the user, by `by` (or the `system` named)."""
    with transaction.atomic():
        until = totp_enrolment_window_end()
        User.objects.filter(pk=user.pk).update(totp_enrolment_until=until)
        user.totp_enrolment_until = until
        record(request, Action.UPDATE, obj=user, user=by, username=system,
               detail={"second_factor": "enrolment_opened", "totp_enrolment_until": until.isoformat()})
    return until


def reset_second_factor(user: User, *, by: User | None, request: HttpRequest | None = None,
                        system: str = "") -> dt.datetime:
    """The beheerder's reset: remove all of the user's authenticators (each removal audited) and open the
    enrolment window. The user's sessions lose their second factor with the device. Returns the window's end.
    `system` names the server command when no beheerder can log in (the first beheerder lost their phone)."""
    with transaction.atomic():
        _locked_user(user)
        for device in TOTPDevice.objects.filter(user=user).order_by("pk"):
            record(request, Action.DELETE, obj=device, user=by, username=system,
                   detail={"second_factor": "reset", "user_id": user.pk})
            device.delete()
        return open_enrolment(user, by=by, request=request, system=system)


def open_enrolment_when_newly_required(user: User, *, before_role: str, by: User,
                                       request: HttpRequest | None = None) -> bool:
    """An account that now needs the second step and did not before (an analist made medewerker; an account
    that gets its first role after its window ran out) gets a fresh window when it has no authenticator yet:
    otherwise its first login meets the closed page without ever having been able to enrol. True if opened."""
    if not user.needs_two_factor or before_role in ROLES_WITH_PERSONAL_DATA:
        return False
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists() or enrolment_is_open(user):
        return False
    open_enrolment(user, by=by, request=request)
    return True


def base32_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed in."""
    return base64.b32encode(binascii.unhexlify(device.key)).decode()


def set_totp_secret(user: User, hex_key: str) -> TOTPDevice:
    """Give a user a confirmed TOTP device with a known key (demo municipality and tests only).

    Leaves the enrolment window as it is: this is the operator handing out a key, not the user enrolling."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, key=hex_key, confirmed=True)
