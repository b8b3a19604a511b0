# SPDX-License-Identifier: EUPL-1.2
"""Background tasks of partner upkeep (django-tasks; database backend, worker: `manage.py db_worker`)."""

from __future__ import annotations

import uuid

from django_tasks import task

from .services import geocode_location


@task(queue_name="default")
def geocode_location_task(location_id: str, replace_point: bool = False) -> list[str]:
    """Coordinates and buurt for a location saved by a partner (services.geocode_location)."""
    return geocode_location(uuid.UUID(location_id), replace_point=replace_point)
