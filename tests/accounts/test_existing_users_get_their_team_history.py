# SPDX-License-Identifier: EUPL-1.2
"""The migration that introduces team memberships and account history (accounts 0004, 0005) gives every user
already in a team one open membership per team, and every user one history row with their role and active flag,
each from the day they joined (nothing earlier is known) and by nobody."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("accounts", "0003_user_totp_enrolment_until")
AFTER = ("accounts", "0005_historie_bestaande_gebruikers")
JOINED = dt.datetime(2023, 2, 3, 8, 30, tzinfo=dt.UTC)
LATER = dt.datetime(2025, 9, 1, 12, 0, tzinfo=dt.UTC)


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def test_every_user_gets_open_memberships_and_one_history_row():
    apps = _migrate(BEFORE)
    try:
        Gemeente = apps.get_model("gebieden", "Gemeente")
        Team = apps.get_model("accounts", "Team")
        User = apps.get_model("accounts", "User")
        gemeente = Gemeente.objects.create(code="GM0999", naam="Gemeente Voorbeeld")
        team_a = Team.objects.create(gemeente=gemeente, naam="Wijkteam Centrum")
        team_b = Team.objects.create(gemeente=gemeente, naam="Wijkteam Noord")
        both = User.objects.create(username="in_twee_teams", role="medewerker", date_joined=JOINED)
        both.teams.set([team_a, team_b])
        gone = User.objects.create(username="vertrokken", role="teamleider", is_active=False, date_joined=LATER)
        gone.teams.set([team_b])
        alone = User.objects.create(username="analist", role="analist", date_joined=LATER)
    finally:
        apps = _migrate(AFTER)
    Lidmaatschap = apps.get_model("accounts", "TeamLidmaatschap")
    AccountHistorie = apps.get_model("accounts", "AccountHistorie")

    assert sorted(Lidmaatschap.objects.values_list("gebruiker_id", "team_id", "vanaf", "tot", "door_id")) == sorted([
        (both.pk, team_a.pk, JOINED, None, None),
        (both.pk, team_b.pk, JOINED, None, None),
        (gone.pk, team_b.pk, LATER, None, None),
    ])
    assert sorted(AccountHistorie.objects.values_list("gebruiker_id", "rol", "actief", "vanaf", "door_id")) == sorted([
        (both.pk, "medewerker", True, JOINED, None),
        (gone.pk, "teamleider", False, LATER, None),
        (alone.pk, "analist", True, LATER, None),
    ])
