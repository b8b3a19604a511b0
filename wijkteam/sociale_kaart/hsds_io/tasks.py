# SPDX-License-Identifier: EUPL-1.2
"""Background task of the HSDS import (django-tasks; the database backend in production)."""

from __future__ import annotations

from django_tasks import task

from .services import run_import


@task(queue_name="import")
def run_hsds_import(import_id: int) -> None:
    run_import(import_id)
