# SPDX-License-Identifier: EUPL-1.2
"""The migration that introduces household memberships gives every person already in a household one open
membership, since the person was recorded (nothing more is known); a person without a household gets none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("huishoudens", "0001_initial")
AFTER = ("huishoudens", "0003_lidmaatschap_per_persoon")
RECORDED = dt.datetime(2024, 5, 6, 7, 8, tzinfo=dt.UTC)


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def test_every_person_in_a_household_gets_one_open_membership():
    apps = _migrate(BEFORE)
    try:
        Adres = apps.get_model("huishoudens", "Adres")
        Huishouden = apps.get_model("huishoudens", "Huishouden")
        Persoon = apps.get_model("huishoudens", "Persoon")
        adres = Adres.objects.create(postcode="3511 AB", huisnummer=1, straat="Havenstraat", woonplaats="Voorbeeld")
        household = Huishouden.objects.create(adres=adres)
        members = [Persoon.objects.create(huishouden=household, achternaam=name) for name in ("Jansen", "Bakker")]
        loose = Persoon.objects.create(huishouden=None, achternaam="Zonderadres")
        Persoon.objects.filter(pk=members[0].pk).update(aangemaakt=RECORDED)
    finally:
        apps = _migrate(AFTER)
    Lidmaatschap = apps.get_model("huishoudens", "HuishoudenLidmaatschap")
    Persoon = apps.get_model("huishoudens", "Persoon")
    rows = {m.persoon_id: (m.huishouden_id, m.vanaf, m.tot, m.door_id) for m in Lidmaatschap.objects.all()}
    assert rows == {p.pk: (household.pk, Persoon.objects.get(pk=p.pk).aangemaakt, None, None) for p in members}
    assert rows[members[0].pk][1] == RECORDED
    assert loose.pk not in rows
