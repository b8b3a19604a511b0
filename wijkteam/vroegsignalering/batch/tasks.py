# SPDX-License-Identifier: EUPL-1.2
"""Background task of the signal upload (django-tasks; the database backend in production)."""

from __future__ import annotations

from django_tasks import task

from .services import run_upload


@task(queue_name="import")
def run_signal_upload(upload_id: int) -> None:
    run_upload(upload_id)
