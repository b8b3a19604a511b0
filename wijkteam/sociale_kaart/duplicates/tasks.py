# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of the duplicates worklist (django-tasks; database backend, worker: `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from ..models import Service
from ..models.werk import DuplicateSource
from . import scan_for_duplicates


@task(queue_name="import")
def scan_imported_services(service_ids: list[str]) -> int:
    """Put the services an import created on the duplicates worklist where they look like others."""
    return scan_for_duplicates(Service.objects.filter(pk__in=service_ids), source=DuplicateSource.IMPORT)
