# SPDX-License-Identifier: EUPL-1.2
"""Data migration: the history of the users stored before 0004, from what their rows hold today. Its own
migration (own transaction on PostgreSQL), after the tables, their indexes and their foreign keys are in place.

- every (user, team) pair: one open membership from the user's `date_joined`, by nobody (`door` empty);
- every user: one history row with their role and active flag today, from `date_joined`, by nobody.

Earlier teams and roles are only in the audit trail's detail; nothing more is known. The backfill only fills
what is still empty, so running it again adds nothing.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef

BATCH = 2000


def backfill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Lidmaatschap = apps.get_model("accounts", "TeamLidmaatschap")
    AccountHistorie = apps.get_model("accounts", "AccountHistorie")
    Membership = User.teams.through  # the (user, team) rows of User.teams

    has_open = Lidmaatschap.objects.filter(gebruiker_id=OuterRef("user_id"), team_id=OuterRef("team_id"),
                                           tot__isnull=True)
    for batch in _batches(Membership.objects.exclude(Exists(has_open)), "user_id", "team_id", "user__date_joined"):
        Lidmaatschap.objects.bulk_create([Lidmaatschap(gebruiker_id=user_id, team_id=team_id, vanaf=joined)
                                          for _pk, user_id, team_id, joined in batch])

    has_history = AccountHistorie.objects.filter(gebruiker_id=OuterRef("pk"))
    for batch in _batches(User.objects.exclude(Exists(has_history)), "role", "is_active", "date_joined"):
        AccountHistorie.objects.bulk_create([AccountHistorie(gebruiker_id=pk, rol=role, actief=active, vanaf=joined)
                                             for pk, role, active, joined in batch])


def _batches(queryset, *fields):
    """(pk, *fields) tuples in batches by primary key, each batch read before it is written from."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", *fields)[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1][0]


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_accounthistorie_teamlidmaatschap'),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
