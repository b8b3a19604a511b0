# SPDX-License-Identifier: EUPL-1.2
"""The printed plan names every member of the household: the print is in each named person's own audit trail
(one PRINT row per member, as huishoudens.access.record_shown does for reads), beside the plan's own row."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent

from .support import case_world

pytestmark = pytest.mark.django_db


def test_printing_the_plan_writes_a_print_row_per_member_shown(place: Any, users: Any, client_for: Any,
                                                              frozen_time: Any) -> None:
    w = case_world(place, users)
    response = client_for(users.medewerker).get(reverse("casussen:plan_pdf", args=[w.casus.pk]))
    assert response.status_code == 200

    rows = AuditEvent.objects.filter(action=Action.PRINT, user_id=users.medewerker.pk, person_id__isnull=False)
    assert list(rows.order_by("person_id").values_list("person_id", flat=True)) == sorted([w.ouder.pk, w.kind.pk])
    for row in rows:
        assert row.household_id == w.casus.huishouden_id
        assert row.object_type == "huishoudens.persoon" and row.object_id == str(row.person_id)
        assert row.detail == {"document": "plan", "casus": w.casus.pk}
    # The plan's own print row stays.
    plan_row = AuditEvent.objects.get(action=Action.PRINT, person_id__isnull=True)
    assert plan_row.object_type == "casussen.plan" and plan_row.household_id == w.casus.huishouden_id
