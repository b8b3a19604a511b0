# SPDX-License-Identifier: EUPL-1.2
"""Who was in a team, and when they left, must not change afterwards: an account that was ever in a team cannot be
deleted (deactivate it), nor can a team with members' history. An account that no team counted still can; its
account history goes with it."""

from __future__ import annotations

import pytest
from django.db.models import ProtectedError

from tests import factories as f
from wijkteam.accounts.models import AccountHistorie, User
from wijkteam.accounts.services import record_account_changes, set_teams

pytestmark = pytest.mark.django_db


def test_an_account_that_was_in_a_team_is_kept_and_so_is_the_team(frozen_time, place):
    user = f.UserFactory(teams=[place.team_a])
    set_teams(user, [], by=None)  # left the team: the closed row still names both

    with pytest.raises(ProtectedError):
        user.delete()
    with pytest.raises(ProtectedError):
        place.team_a.delete()
    assert User.objects.filter(pk=user.pk).exists()


def test_an_account_never_in_a_team_can_be_deleted_with_its_history(frozen_time, place):
    user = f.UserFactory(partner=True)
    record_account_changes(user, by=None)
    assert AccountHistorie.objects.filter(gebruiker=user).exists()

    user.delete()

    assert not AccountHistorie.objects.filter(gebruiker_id=user.pk).exists()
