# SPDX-License-Identifier: EUPL-1.2
"""The demo staff carry the history monitoring reads, as the write path makes it: each team worker one open
membership of their team and each login one account history row, both since they joined, a year before the
demo was made (as far back as the cases' team norms go); a reset removes them with the staff."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone

from wijkteam.accounts.models import AccountHistorie, TeamLidmaatschap, User
from wijkteam.demo.generator import DemoContext, generate, reset
from wijkteam.demo.staff import STAFF_SINCE_DAYS, demo_users


@pytest.mark.django_db
def test_demo_staff_are_in_their_team_since_they_joined() -> None:
    generate(seed=42, scale=0, stdout=io.StringIO())
    specs = demo_users()
    users = {u.username: u for u in User.objects.filter(username__in=[s.username for s in specs])
             .prefetch_related("teams")}
    assert len(users) == len(specs)

    for spec in specs:
        user = users[spec.username]
        assert user.date_joined <= timezone.now() - dt.timedelta(days=STAFF_SINCE_DAYS)
        memberships = list(TeamLidmaatschap.objects.filter(gebruiker=user).values_list("team_id", "vanaf", "tot",
                                                                                        "door_id"))
        assert memberships == [(team.pk, user.date_joined, None, None) for team in user.teams.all()]
        assert bool(memberships) == bool(spec.wijk_code)
        assert list(AccountHistorie.objects.filter(gebruiker=user).values_list("rol", "actief", "vanaf")) == [
            (spec.role.value, True, user.date_joined)]

    reset(DemoContext(seed=42, scale=0, out=io.StringIO()))
    assert not TeamLidmaatschap.objects.exists() and not AccountHistorie.objects.exists()
