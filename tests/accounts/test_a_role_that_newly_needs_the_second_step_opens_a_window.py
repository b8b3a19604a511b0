# SPDX-License-Identifier: EUPL-1.2
"""An account whose role changes into one that needs the second step (an analist made medewerker, months after
the account was made) gets a fresh enrolment window, so its first login can bind an authenticator instead of
meeting the closed page. A role change between roles that both need it opens nothing (the user has enrolled,
or the beheerder resets on purpose). And when no beheerder can log in at all, `manage.py tweede_stap_opnieuw`
does the reset from the server."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests import factories as f
from tests.accounts.enrolment_support import SETUP, enrol, password_step
from wijkteam.audit.models import Action, AuditEvent

from .admin_support import user_form

pytestmark = pytest.mark.django_db


def _change(client, user, **changes):
    response = client.post(reverse("admin:accounts_user_change", args=[user.pk]), user_form(user, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_analist_made_medewerker_can_enrol(place, users, client_for, frozen_time, client):
    # An analist never needed an authenticator, so this one has none (the shared test users all have one).
    analist = f.UserFactory(username="ana", analist=True)
    analist.totpdevice_set.all().delete()
    frozen_time.shift(dt.timedelta(days=90))  # long after the account's own window

    _change(client_for(users.beheerder), analist, role="medewerker", teams=[place.team_a.pk])

    analist.refresh_from_db()
    assert analist.totp_enrolment_until == timezone.now() + dt.timedelta(days=7)
    assert password_step(client, analist.username).startswith(SETUP)
    confirmed, _secret = enrol(client)
    assert confirmed.status_code == 302
    assert analist.totpdevice_set.filter(confirmed=True).exists()


def test_a_change_between_roles_that_both_need_it_opens_nothing(place, users, client_for, frozen_time):
    medewerker = users.medewerker
    frozen_time.shift(dt.timedelta(days=90))
    before = medewerker.totp_enrolment_until

    _change(client_for(users.beheerder), medewerker, role="teamleider", teams=[place.team_a.pk])

    medewerker.refresh_from_db()
    assert medewerker.totp_enrolment_until == before


def test_the_server_command_resets_a_locked_out_beheerder(users, frozen_time):
    beheerder = users.beheerder
    frozen_time.shift(dt.timedelta(days=90))
    out = io.StringIO()

    call_command("tweede_stap_opnieuw", beheerder.username, stdout=out)

    assert "opnieuw in" in out.getvalue()
    beheerder.refresh_from_db()
    assert not beheerder.totpdevice_set.exists()
    assert beheerder.totp_enrolment_until == timezone.now() + dt.timedelta(days=7)
    assert AuditEvent.objects.filter(action=Action.DELETE, object_type="otp_totp.totpdevice",
                                     username="manage.py tweede_stap_opnieuw").exists()
    with pytest.raises(CommandError, match="Er is geen gebruiker"):
        call_command("tweede_stap_opnieuw", "niemand")
