# SPDX-License-Identifier: EUPL-1.2
"""Moving a user to another team in /beheer/ keeps the history monitoring needs: the interval in the team they
left closes, one in the team they joined opens, by the beheerder. Saving again without a change writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkteam.accounts.models import AccountHistorie, TeamLidmaatschap

from .admin_support import user_form

pytestmark = pytest.mark.django_db


def _save(client, user, **changes):
    """Post the user's change form as the beheerder (logged in just now: the session's idle timeout)."""
    response = client.post(reverse("admin:accounts_user_change", args=[user.pk]), user_form(user, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url == reverse("admin:accounts_user_changelist")  # saved, not sent to the login page


def _rows(user):
    return [(m.team_id, m.vanaf, m.tot, m.door_id)
            for m in TeamLidmaatschap.objects.filter(gebruiker=user).order_by("vanaf", "id")]


def test_leaving_team_a_for_team_b_closes_a_and_opens_b(frozen_time, place, users, client_for):
    target = users.medewerker
    joined = timezone.now()
    frozen_time.shift(dt.timedelta(days=3))
    moved = timezone.now()

    _save(client_for(users.beheerder), target, teams=[place.team_b.pk])

    assert _rows(target) == [(place.team_a.pk, joined, moved, None),
                             (place.team_b.pk, moved, None, users.beheerder.pk)]
    # Teams only: the role and active flag did not change, so no account history row.
    assert list(AccountHistorie.objects.filter(gebruiker=target).values_list("rol", "actief", "vanaf")) == [
        ("medewerker", True, joined)]


def test_saving_again_without_a_change_writes_nothing(frozen_time, place, users, client_for):
    target = users.medewerker
    frozen_time.shift(dt.timedelta(days=1))
    _save(client_for(users.beheerder), target, teams=[place.team_a.pk, place.team_b.pk])
    memberships, history = _rows(target), list(AccountHistorie.objects.filter(gebruiker=target).values())

    frozen_time.shift(dt.timedelta(days=1))
    target.refresh_from_db()
    _save(client_for(users.beheerder), target)

    assert _rows(target) == memberships
    assert list(AccountHistorie.objects.filter(gebruiker=target).values()) == history


def test_rejoining_a_team_opens_a_second_interval(frozen_time, place, users, client_for):
    target = users.medewerker
    frozen_time.shift(dt.timedelta(days=1))
    left = timezone.now()
    _save(client_for(users.beheerder), target, teams=[])
    frozen_time.shift(dt.timedelta(days=30))
    back = timezone.now()

    _save(client_for(users.beheerder), target, teams=[place.team_a.pk])

    assert [(team, tot, door) for team, _vanaf, tot, door in _rows(target)] == [
        (place.team_a.pk, left, None), (place.team_a.pk, None, users.beheerder.pk)]
    assert _rows(target)[1][1] == back
