# SPDX-License-Identifier: EUPL-1.2
"""The purge is idempotent: a second run finds nothing due and changes no row (it still logs its run)."""

from __future__ import annotations

import datetime as dt

from django.core import serializers

from tests.vroegsignalering.rapportage_support import build_world
from wijkteam.audit.models import AuditEvent
from wijkteam.vroegsignalering.models import Contactpoging, MatchWerklijstItem, Signaal, Vroegsignaalzaak
from wijkteam.vroegsignalering.retentie.services import purge_personal_data

LATER = dt.date(2027, 12, 31)


def _snapshot() -> str:
    return "".join(serializers.serialize("json", model.objects.order_by("pk"))
                   for model in (Signaal, Vroegsignaalzaak, Contactpoging, MatchWerklijstItem))


def test_second_run_changes_nothing(place, frozen_time) -> None:
    build_world(place)
    first = purge_personal_data(today=LATER, chunk=7)  # a small chunk: several transactions
    assert first.zaken > 7 and first.signalen > 0
    snapshot = _snapshot()
    events = AuditEvent.objects.filter(object_type="vroegsignalering.bewaartermijn").count()

    second = purge_personal_data(today=LATER)

    assert second.changed == 0 and second.werklijst_items == 0
    assert _snapshot() == snapshot
    assert AuditEvent.objects.filter(object_type="vroegsignalering.bewaartermijn").count() == events + 1


def test_dry_run_counts_without_changing(place, frozen_time) -> None:
    build_world(place)
    snapshot = _snapshot()
    dry = purge_personal_data(today=LATER, dry_run=True)
    assert dry.zaken > 0 and _snapshot() == snapshot
    assert purge_personal_data(today=LATER).zaken == dry.zaken
