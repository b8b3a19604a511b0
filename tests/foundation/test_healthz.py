# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_migrations():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "keys": True, "database": True, "migrations": True}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_fails_when_a_migration_is_missing(monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    from wijkteam.core import views

    monkeypatch.setattr(views, "_migrations_applied", False)
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)])
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations"] is False
