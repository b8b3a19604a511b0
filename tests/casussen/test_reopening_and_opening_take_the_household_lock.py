# SPDX-License-Identifier: EUPL-1.2
"""1 gezin, 1 plan, also when two people act at the same moment: reopening a closed case and opening a new
one both lock the household row before they look for another open case, so one of them waits and then sees
the other's case. Should a writer without that lock still collide with the one-open-case constraint, the
worker gets the Dutch refusal, not a server error."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from tests import factories as f
from tests import factories_casussen as fc
from wijkteam.casussen import services
from wijkteam.casussen.models import CASUS_OPEN, Casus, CasusStatus

from .support import case_world


def _looks_for_an_open_case(sql: str) -> bool:
    return (sql.lstrip().upper().startswith("SELECT") and 'FROM "casussen_casus"' in sql
            and '"status" IN' in sql and '"huishouden_id" =' in sql)


def _locks_the_household(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT") and 'FROM "huishoudens_huishouden"' in sql


@contextmanager
def _statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield seen


def _assert_lock_before_check(seen: list[str]) -> None:
    check = next(i for i, sql in enumerate(seen) if _looks_for_an_open_case(sql))
    locks = [i for i, sql in enumerate(seen[:check]) if _locks_the_household(sql)]
    assert locks, "the household row is not read (locked) before the check for another open case"
    if connection.vendor == "postgresql":  # SQLite has no FOR UPDATE: its write lock is the whole database
        assert "FOR UPDATE" in seen[locks[-1]]


@pytest.mark.django_db
def test_reopening_locks_the_household_before_it_looks_for_another_open_case(place: Any, users: Any) -> None:
    old = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, afgesloten=True)
    with _statements() as seen:
        services.reopen_case(old, by=users.medewerker, toelichting="Nieuwe achterstand")
    _assert_lock_before_check(seen)
    old.refresh_from_db()
    assert old.status == CasusStatus.HEROPEND


@pytest.mark.django_db
def test_opening_locks_the_household_before_it_looks_for_another_open_case(place: Any, users: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    with _statements() as seen:
        services.open_case(household, regisseur=users.medewerker, team=place.team_a, by=users.medewerker)
    _assert_lock_before_check(seen)


def _writes_the_status_history(sql: str) -> bool:
    return sql.startswith('INSERT INTO "casussen_casusstatushistorie"')


@contextmanager
def _a_case_opens_right_after(statement: Callable[[str], bool], household_id: int, team: Any,
                              regisseur: Any) -> Iterator[None]:
    """Right after `statement` (the service has checked, its own write of the case is next), another writer
    that skips the household lock (a data fix in the admin shell, say) opens a case for the household in the
    same transaction, so the service's write meets the database's one-open-case constraint."""
    done = False

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal done
        result = execute(sql, params, many, context)
        if not done and statement(sql):
            done = True
            Casus.objects.create(huishouden_id=household_id, team=team, regisseur=regisseur,
                                 geopend=timezone.localdate(), status=CasusStatus.INTAKE)
        return result

    with connection.execute_wrapper(wrapper):
        yield
    assert done, "the service's write was not reached"


@pytest.mark.django_db
def test_the_constraint_becomes_the_dutch_refusal_when_reopening(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users, afgesloten=True)
    url = reverse("casussen:casus_status", args=[w.casus.pk])
    client = client_for(users.medewerker)
    with _a_case_opens_right_after(_writes_the_status_history, w.casus.huishouden_id, place.team_a,
                                   users.medewerker):
        response = client.post(url, {"actie": "heropenen", "heropenen-versie": w.casus.versie,
                                     "heropenen-toelichting": "Nieuwe achterstand"})
    assert response.status_code == 400
    assert "Dit huishouden heeft al een andere open casus." in response.content.decode()
    w.casus.refresh_from_db()
    assert w.casus.status == CasusStatus.AFGESLOTEN
    assert not w.casus.statushistorie.filter(naar=CasusStatus.HEROPEND).exists()


@pytest.mark.django_db
def test_the_constraint_becomes_the_open_case_when_opening(place: Any, users: Any) -> None:
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    with (pytest.raises(services.CaseAlreadyOpen) as refused,
          _a_case_opens_right_after(_looks_for_an_open_case, household.pk, place.team_a, users.teamleider)):
        services.open_case(household, regisseur=users.medewerker, team=place.team_a, by=users.medewerker)
    assert refused.value.casus.regisseur == users.teamleider  # the worker is led to the case that is open
    assert not Casus.objects.filter(huishouden=household, regisseur=users.medewerker).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's in-memory test database is shared between threads through one shared cache, which "
    "fails concurrent writers with 'table is locked' instead of queueing them; PostgreSQL (CI) runs this.",
)
def test_a_reopen_during_an_open_waits_and_is_refused(place: Any, users: Any) -> None:
    old = fc.CasusFactory(team=place.team_a, regisseur=users.medewerker, afgesloten=True)
    household = old.huishouden
    opened = threading.Event()
    outcome: dict[str, Any] = {}

    def open_and_hold() -> None:
        try:
            with transaction.atomic():
                services.open_case(household, regisseur=users.teamleider, team=place.team_a, by=users.teamleider)
                opened.set()
                time.sleep(1.5)  # the reopen starts while this case is not yet committed
        finally:
            opened.set()
            connections.close_all()

    def reopen() -> None:
        try:
            opened.wait(timeout=10)
            services.reopen_case(Casus.objects.get(pk=old.pk), by=users.medewerker, toelichting="Terug")
            outcome["reopen"] = "heropend"
        except BaseException as exc:
            outcome["reopen"] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_and_hold), threading.Thread(target=reopen)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert isinstance(outcome["reopen"], services.TransitionNotAllowed), outcome["reopen"]
    assert Casus.objects.filter(huishouden=household, status__in=sorted(CASUS_OPEN)).count() == 1
    assert Casus.objects.get(pk=old.pk).status == CasusStatus.AFGESLOTEN
