# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .access_rules import public
from .checks import key_errors


@public("the public front page for residents")
def home(request: HttpRequest) -> HttpResponse:
    """The public site's front page (residents, B1 Dutch)."""
    return render(request, "core/home.html")


_migrations_applied = False


@public("health check for load balancers; says only ok or error")
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Keys valid, database reachable and every migration applied; 503 otherwise (for load balancers)."""
    global _migrations_applied  # a per-process fact: code and migrations change only on restart
    # With a bad key every person with a BSN gives a 500: not a healthy instance.
    checks = {"keys": not key_errors(), "database": False, "migrations": False}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = True
        if not _migrations_applied:
            # Building the migration graph costs milliseconds; once all are applied they stay applied
            # until the next deploy, which restarts this process.
            executor = MigrationExecutor(connection)
            _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
        checks["migrations"] = _migrations_applied
    except DatabaseError:
        pass
    healthy = all(checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
