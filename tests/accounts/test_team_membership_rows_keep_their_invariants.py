# SPDX-License-Identifier: EUPL-1.2
"""The database keeps the membership history whole whoever writes it: at most one open row per user and team,
never an end before its start; the write path never tries either, even with a clock set back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests import factories as f
from wijkteam.accounts.models import TeamLidmaatschap
from wijkteam.accounts.services import record_account_changes, set_teams

pytestmark = pytest.mark.django_db


def test_a_second_open_row_for_the_same_team_is_refused(frozen_time, place):
    user = f.UserFactory(teams=[place.team_a])

    with pytest.raises(IntegrityError), transaction.atomic():
        TeamLidmaatschap.objects.create(gebruiker=user, team=place.team_a, vanaf=timezone.now())
    # A closed row next to the open one is history, and allowed.
    TeamLidmaatschap.objects.create(gebruiker=user, team=place.team_a, vanaf=timezone.now() - dt.timedelta(days=9),
                                    tot=timezone.now() - dt.timedelta(days=5))


def test_an_end_before_the_start_is_refused(frozen_time, place):
    user = f.UserFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        TeamLidmaatschap.objects.create(gebruiker=user, team=place.team_a, vanaf=timezone.now(),
                                        tot=timezone.now() - dt.timedelta(seconds=1))


def test_the_write_path_is_idempotent_and_survives_a_clock_set_back(frozen_time, place):
    user = f.UserFactory(teams=[place.team_a])
    opened = timezone.now()

    assert not set_teams(user, [place.team_a], by=None)
    assert not record_account_changes(user, by=None)

    frozen_time.shift(dt.timedelta(hours=-1))
    changes = set_teams(user, [place.team_b], by=None)

    assert (changes.joined, changes.left, changes.account) == ({place.team_b.pk}, {place.team_a.pk}, False)
    closed = TeamLidmaatschap.objects.get(gebruiker=user, team=place.team_a)
    assert closed.tot == closed.vanaf == opened
