# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: a small municipality, one named user per role, logins past the second factor."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from typing import Any

import factory.random
import pytest
import time_machine
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from wijkteam.accounts.models import Team, User
from wijkteam.accounts.services import set_totp_secret
from wijkteam.gebieden.models import Buurt, Wijk

from . import factories as f

# Fixed moment for tests that need "now" (a Wednesday morning, inside opening hours).
FROZEN_NOW = "2026-11-25T10:15:00+01:00"
# Known TOTP key (hex) for test users, so tests can compute valid codes.
TEST_TOTP_KEY = "3132333435363738393031323334353637383930"


@pytest.fixture(autouse=True)
def _deterministic() -> None:
    factory.random.reseed_random(20261125)
    random.seed(20261125)


@pytest.fixture
def frozen_time() -> Any:
    with time_machine.travel(FROZEN_NOW, tick=False) as traveller:
        yield traveller


@dataclass
class Place:
    wijk_a: Wijk
    wijk_b: Wijk
    buurt_a: Buurt
    buurt_b: Buurt
    team_a: Team
    team_b: Team


@pytest.fixture
def place(db: None) -> Place:
    gemeente = f.GemeenteFactory()
    wijk_a = f.WijkFactory(gemeente=gemeente, code="WK099901", naam="Centrum")
    wijk_b = f.WijkFactory(gemeente=gemeente, code="WK099902", naam="Noord")
    buurt_a = f.BuurtFactory(wijk=wijk_a, code="BU09990101", naam="Oude Haven")
    buurt_b = f.BuurtFactory(wijk=wijk_b, code="BU09990201", naam="Molenwijk")
    team_a = f.TeamFactory(gemeente=gemeente, naam="Wijkteam Centrum", wijken=[wijk_a])
    team_b = f.TeamFactory(gemeente=gemeente, naam="Wijkteam Noord", wijken=[wijk_b])
    return Place(wijk_a, wijk_b, buurt_a, buurt_b, team_a, team_b)


@dataclass
class Users:
    """One named user per role; `medewerker_b` works in the other team (for scope tests)."""

    medewerker: User
    medewerker_b: User
    teamleider: User
    partner: User
    analist: User
    privacy: User
    beheerder: User

    def all(self) -> dict[str, User]:
        return dict(self.__dict__)


@pytest.fixture
def users(place: Place) -> Users:
    # Fixed names: pages name the logged-in user, and a generated staff name could contain a generated
    # resident's surname that a "no names on this page" check looks for.
    built = Users(
        medewerker=f.UserFactory(username="medewerker", first_name="Mila", last_name="Medewerkster", medewerker=True,
                                 teams=[place.team_a]),
        medewerker_b=f.UserFactory(username="medewerker_noord", first_name="Noor", last_name="Noordmedewerkster",
                                   medewerker=True, teams=[place.team_b]),
        teamleider=f.UserFactory(username="teamleider", first_name="Tim", last_name="Teamleiderman", teamleider=True,
                                 teams=[place.team_a]),
        partner=f.UserFactory(username="partner", first_name="Pim", last_name="Partnerman", partner=True),
        analist=f.UserFactory(username="analist", first_name="Ada", last_name="Analistenhof", analist=True),
        privacy=f.UserFactory(username="privacy", first_name="Pia", last_name="Privacyhof", privacy=True),
        beheerder=f.UserFactory(username="beheerder", first_name="Ben", last_name="Beheerderman", beheerder=True),
    )
    for user in built.all().values():
        set_totp_secret(user, TEST_TOTP_KEY)
    return built


def login(client: Client, user: User, *, verified: bool = True) -> Client:
    """Log in as `user`, past the second factor unless `verified=False`."""
    client.force_login(user)
    if verified and user.needs_two_factor:
        device = user.totpdevice_set.get(confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def client_for(client: Client) -> Any:
    def _client_for(user: User | None, *, verified: bool = True) -> Client:
        fresh = Client(HTTP_USER_AGENT="pytest")
        if user is not None:
            login(fresh, user, verified=verified)
        return fresh

    return _client_for


def browser_required() -> bool:
    return os.environ.get("WIJKTEAM_REQUIRE_BROWSER") == "1"


pytest_plugins = ["tests.browser_support"]


@pytest.fixture(autouse=True)
def _dutch() -> Any:
    # A request in English (a test of the language switch) leaves English active in the thread
    # (LocaleMiddleware activates, nothing deactivates): each test starts in the default language.
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache(settings: Any, request: Any) -> Any:
    # Public answers are cached per process (answer_cache.py). Off in tests, so each request shows
    # the data as the test just made it (a test that moves a buurt boundary starts no new index
    # generation); the tests of the cache itself turn it on with the `answer_cache_on` fixture.
    from django.core.cache import caches

    settings.WIJKTEAM_PUBLIC_CACHE_SECONDS = 0
    for alias in ("default", "public"):
        caches[alias].clear()
    yield
    for alias in ("default", "public"):
        caches[alias].clear()
    # The `limits` cache is a database table: a test's rollback empties it, but a transactional (browser) test
    # commits, so its counters would carry over to the next test.
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        caches["limits"].clear()


@pytest.fixture
def answer_cache_on(settings: Any) -> None:
    settings.WIJKTEAM_PUBLIC_CACHE_SECONDS = 60


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # PBKDF2's deliberate slowness protects production passwords; in tests it only costs minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _shipped_taxonomies(request: Any) -> None:
    """The taxonomies come from a data migration; a transactional test's flush removes them.

    Whatever ran before, every database test starts with the shipped taxonomies present.
    """
    names = set(request.fixturenames)
    marker = request.node.get_closest_marker("django_db")
    if not (names & {"db", "transactional_db"} or marker):
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from wijkteam.sociale_kaart.models import TaxonomyTerm
    from wijkteam.sociale_kaart.taxonomies import load_taxonomies

    if not TaxonomyTerm.objects.exists():
        load_taxonomies()
