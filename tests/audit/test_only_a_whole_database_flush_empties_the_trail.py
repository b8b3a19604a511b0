# SPDX-License-Identifier: EUPL-1.2
"""The DELETE trigger leaves one door: `manage.py flush`, which wipes the whole database (the test
runner uses it between transactional tests). A DELETE by any other way is refused."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.audit.services import record


@pytest.mark.django_db(transaction=True)
def test_flush_empties_the_trail_but_a_delete_of_everything_does_not():
    record(None, Action.LOGIN_FAILED, username="iemand")

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 1

    call_command("flush", interactive=False, verbosity=0)

    assert AuditEvent.objects.count() == 0
