# SPDX-License-Identifier: EUPL-1.2
"""Whoever may reset a second factor can bind a phone to any account whose password they know: only the
beheerder may. Anyone else is refused (403, audited) and nothing changes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "partner", "analist", "privacy"])
def test_others_cannot_reset(users, client_for, frozen_time, role):
    target = users.medewerker_b
    frozen_time.shift(dt.timedelta(days=30))
    target.refresh_from_db()
    window_before = target.totp_enrolment_until
    actor = getattr(users, role)

    # /beheer/ refuses in two steps, as for every admin URL: to its login page, which answers 403.
    response = client_for(actor).post(reverse("admin:accounts_user_changelist"),
                                      {"action": "reset_second_factor", "_selected_action": [str(target.pk)]},
                                      follow=True)

    assert response.status_code == 403
    assert target.totpdevice_set.filter(confirmed=True).exists()
    target.refresh_from_db()
    assert target.totp_enrolment_until == window_before
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=actor.pk).exists()
    assert not AuditEvent.objects.filter(object_type="otp_totp.totpdevice", action=Action.DELETE).exists()
