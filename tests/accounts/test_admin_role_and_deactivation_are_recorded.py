# SPDX-License-Identifier: EUPL-1.2
"""A role or active flag changed in /beheer/ adds a row to the account's history (what it is now, from now, by
the beheerder); the earlier rows stay. An account made in the admin starts its history at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories as f
from wijkteam.accounts.models import AccountHistorie, TeamLidmaatschap, User

from .admin_support import user_form

pytestmark = pytest.mark.django_db


def _history(user):
    return list(AccountHistorie.objects.filter(gebruiker=user).order_by("vanaf", "id")
                .values_list("rol", "actief", "vanaf", "door_id"))


def test_deactivating_and_changing_the_role_add_a_row(frozen_time, place, users, client_for):
    target = users.medewerker
    joined = timezone.now()
    frozen_time.shift(dt.timedelta(days=10))
    changed = timezone.now()

    # Logged in after the clock moved: the session's idle timeout.
    response = client_for(users.beheerder).post(reverse("admin:accounts_user_change", args=[target.pk]),
                                                user_form(target, role="teamleider", is_active=None))

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == reverse("admin:accounts_user_changelist")  # saved, not sent to the login page
    assert _history(target) == [("medewerker", True, joined, None),
                                ("teamleider", False, changed, users.beheerder.pk)]
    # Still in team A (the account is inactive, the membership is what the beheerder left it).
    assert TeamLidmaatschap.objects.filter(gebruiker=target, tot__isnull=True).count() == 1

    frozen_time.shift(dt.timedelta(days=1))
    target.refresh_from_db()
    again = client_for(users.beheerder).post(reverse("admin:accounts_user_change", args=[target.pk]),
                                             user_form(target))
    assert again.url == reverse("admin:accounts_user_changelist")

    assert _history(target)[-1] == ("teamleider", True, timezone.now(), users.beheerder.pk)
    assert len(_history(target)) == 3


def test_an_account_made_in_the_admin_has_history_from_the_start(frozen_time, place, users, client_for):
    beheerder = client_for(users.beheerder)
    made = beheerder.post(reverse("admin:accounts_user_add"), {
        "username": "nieuwe_collega", "usable_password": "true",
        "password1": f.TEST_PASSWORD, "password2": f.TEST_PASSWORD})
    assert made.status_code == 302, made.content.decode()[:2000]
    user = User.objects.get(username="nieuwe_collega")
    # The add form has no role yet: that is what the account was when it was made.
    assert _history(user) == [("", True, timezone.now(), users.beheerder.pk)]

    frozen_time.shift(dt.timedelta(minutes=2))
    changed = beheerder.post(reverse("admin:accounts_user_change", args=[user.pk]),
                             user_form(user, role="medewerker", teams=[place.team_a.pk]))
    assert changed.url == reverse("admin:accounts_user_changelist")

    assert _history(user)[-1] == ("medewerker", True, timezone.now(), users.beheerder.pk)
    assert list(TeamLidmaatschap.objects.filter(gebruiker=user).values_list("team_id", "vanaf", "tot")) == [
        (place.team_a.pk, timezone.now(), None)]
