# SPDX-License-Identifier: EUPL-1.2
"""Migration 0004 backfills the new history from what the rows hold: the latest closing row of a closed case
gets the case's reason and outcome (an earlier closing's, emptied by reopening before the migration, is lost),
every case its household's buurt and one weight row from its creation, every team norm and FTE one row.

Runs the real migration: back to 0003, rows written as they were before, forward again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("casussen", "0003_continuiteit")]
AFTER = [("casussen", "0004_historie_voor_monitoring")]


@pytest.fixture
def old_schema() -> Iterator[Any]:
    """The historical models of 0003; the database is migrated forward again whatever the test does."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    executor.loader.build_graph()
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_forward() -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    return executor.loader.project_state(AFTER).apps


def test_the_migration_fills_the_history_from_the_rows(old_schema: Any, place: Any, users: Any) -> None:
    Casus = old_schema.get_model("casussen", "Casus")
    CasusStatusHistorie = old_schema.get_model("casussen", "CasusStatusHistorie")
    TeamNorm = old_schema.get_model("casussen", "TeamNorm")
    MedewerkerProfiel = old_schema.get_model("casussen", "MedewerkerProfiel")
    worker, lead = users.medewerker, users.teamleider
    opened = timezone.now() - dt.timedelta(days=90)

    def case(buurt: Any, **fields: Any) -> Any:
        household = f.HuishoudenFactory(adres__buurt=buurt)
        return Casus.objects.create(huishouden_id=household.pk, team_id=place.team_a.pk, regisseur_id=worker.pk,
                                    geopend=opened.date(), **fields)

    def row(casus: Any, van: str, naar: str, days: int) -> None:
        CasusStatusHistorie.objects.create(casus=casus, van=van, naar=naar, door_id=worker.pk,
                                           tijdstip=opened + dt.timedelta(days=days))

    closed = case(place.buurt_a, status="afgesloten", gewicht="zwaar", sluitreden="bewoner_stopt",
                  uitkomst="deels", gesloten=timezone.localdate())
    for van, naar, days in (("", "aangemeld", 0), ("aangemeld", "afgesloten", 10), ("afgesloten", "heropend", 20),
                            ("heropend", "afgesloten", 30)):
        row(closed, van, naar, days)
    running = case(place.buurt_b, status="uitvoering")
    row(running, "", "aangemeld", 0)
    TeamNorm.objects.create(team_id=place.team_a.pk, punten_per_fte=30, punten_licht=1, punten_middel=2,
                            punten_zwaar=4, gewijzigd=opened, gewijzigd_door_id=lead.pk)
    MedewerkerProfiel.objects.create(team_id=place.team_a.pk, medewerker_id=worker.pk, fte=Decimal("0.80"))

    apps = _migrate_forward()
    History = apps.get_model("casussen", "CasusStatusHistorie")
    closings = list(History.objects.filter(casus_id=closed.pk, naar="afgesloten").order_by("tijdstip")
                    .values_list("sluitreden", "uitkomst"))
    assert closings == [("", ""), ("bewoner_stopt", "deels")]  # only the latest closing is known
    assert not History.objects.exclude(naar="afgesloten").exclude(sluitreden="").exists()

    NewCasus = apps.get_model("casussen", "Casus")
    assert dict(NewCasus.objects.values_list("pk", "buurt_id")) == {closed.pk: place.buurt_a.pk,
                                                                    running.pk: place.buurt_b.pk}
    weights = apps.get_model("casussen", "CasusGewichtHistorie").objects
    assert sorted(weights.values_list("casus_id", "gewicht", "door_id")) == sorted(
        [(closed.pk, "zwaar", None), (running.pk, "", None)])
    assert weights.get(casus_id=closed.pk).vanaf == NewCasus.objects.get(pk=closed.pk).aangemaakt

    norm = apps.get_model("casussen", "TeamNormHistorie").objects.get()
    assert (norm.team_id, norm.punten_per_fte, norm.punten_zwaar, norm.vanaf, norm.door_id) == \
        (place.team_a.pk, 30, 4, opened, lead.pk)
    fte = apps.get_model("casussen", "MedewerkerProfielHistorie").objects.get()
    assert (fte.team_id, fte.medewerker_id, fte.fte, fte.door_id) == (place.team_a.pk, worker.pk, Decimal("0.80"),
                                                                      None)
