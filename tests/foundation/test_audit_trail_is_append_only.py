# SPDX-License-Identifier: EUPL-1.2
"""Audit rows cannot be changed or removed: not by the model, the queryset, nor raw SQL (SQLite and
PostgreSQL alike)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from wijkteam.audit.models import Action, AppendOnlyError, AuditEvent
from wijkteam.audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(users) -> AuditEvent:
    return record(None, Action.READ, user=users.medewerker, object_type="huishoudens.persoon", object_id=1, person_id=1)


def test_model_refuses_update_and_delete(event):
    event.action = Action.DELETE
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_queryset_refuses_update_and_delete(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action=Action.DELETE)
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_database_refuses_raw_update(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'delete' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.action == Action.READ


def test_database_refuses_raw_delete(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()
