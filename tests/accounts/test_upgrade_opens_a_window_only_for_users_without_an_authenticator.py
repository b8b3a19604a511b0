# SPDX-License-Identifier: EUPL-1.2
"""Upgrading an existing database (migration accounts 0003): users with an authenticator get no window
(they enrolled; a new one takes the beheerder's reset); users without one get a full window from the
upgrade, so nobody who was about to enrol is locked out by it."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db

migration = importlib.import_module("wijkteam.accounts.migrations.0003_user_totp_enrolment_until")


def test_only_users_without_an_authenticator_get_a_window(users, frozen_time):
    without = f.UserFactory(username="nog_niet_ingesteld", medewerker=True)
    frozen_time.shift(dt.timedelta(days=100))

    migration.windows_for_existing_users(apps, None)

    users.medewerker.refresh_from_db()
    without.refresh_from_db()
    assert users.medewerker.totp_enrolment_until is None
    assert without.totp_enrolment_until == timezone.now() + dt.timedelta(days=7)
