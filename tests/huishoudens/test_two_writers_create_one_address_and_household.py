# SPDX-License-Identifier: EUPL-1.2
"""Two signals for the same new address at the same moment: one address, one household."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tests import factories as f
from wijkteam.huishoudens.models import Adres, Huishouden
from wijkteam.huishoudens.services import find_or_create_adres, household_at

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite's in-memory test database is shared between threads through one shared cache, which "
        "fails concurrent writers with 'table is locked' instead of queueing them; PostgreSQL (CI) runs this.",
    ),
]

WRITERS = 2


def test_two_concurrent_intakes_make_one_address_and_one_household():
    buurt = f.BuurtFactory()
    barrier = threading.Barrier(WRITERS)
    results: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def intake() -> None:
        try:
            barrier.wait(timeout=10)
            adres = find_or_create_adres(postcode="3511 AB", huisnummer=12, straat="Havenstraat",
                                         woonplaats="Voorbeeld", buurt=buurt)
            household = household_at(adres, system="test-intake")
            results.append((adres.pk, household.pk))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=intake) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == WRITERS
    assert len(set(results)) == 1
    assert Adres.objects.count() == 1
    assert Huishouden.objects.count() == 1
