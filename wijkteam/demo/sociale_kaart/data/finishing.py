# SPDX-License-Identifier: EUPL-1.2
"""What the demo step does once its rows are written: verification tasks, duplicate candidates and
the search index, each through the application's own code where it has some."""

from __future__ import annotations

import datetime as dt
import importlib
import uuid
from collections.abc import Callable, Iterable
from typing import cast

from wijkteam.sociale_kaart.duplicates import find_duplicates_of, record_candidates
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.models.werk import DuplicateSource, VerificationTask
from wijkteam.sociale_kaart.visibility import add_months, verify_months


def verification_tasks(services: Iterable[Service], reference: dt.date) -> list[VerificationTask]:
    """The tasks the daily freshness run would have made by `reference` (without its mails)."""
    cutoff = add_months(reference, -verify_months())
    tasks = []
    for service in services:
        assured = service.assured_date
        if assured is not None and assured < cutoff and service.is_public:
            tasks.append(VerificationTask(service=service, checked_on=assured,
                                          due_on=add_months(assured, verify_months())))
    return tasks


def record_duplicates(copies: Iterable[Service]) -> int:
    """Put the planted copies and their originals on the duplicates worklist, as a scan would."""
    return sum(
        len(record_candidates(copy, find_duplicates_of(copy), source=DuplicateSource.SCAN)) for copy in copies
    )


def rebuild_search(services: list[Service]) -> None:
    for service in services:
        service.rebuild_search_document()
    Service.objects.bulk_update(services, ["search_document"], batch_size=500)
    reindex = search_function("reindex_all")
    if reindex is not None:
        reindex()


def reindex_removed(service_ids: list[uuid.UUID]) -> None:
    """Drop deleted services from the search index (reindex_services skips ids that are gone)."""
    reindex = search_function("reindex_services")
    if reindex is not None:
        reindex(service_ids)


def search_function(name: str) -> Callable[..., int] | None:
    """A function of the search module, when it has it (the search is built alongside the demo)."""
    for module_name in ("wijkteam.sociale_kaart.search", "wijkteam.sociale_kaart.search.indexing"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, name, None)
        if callable(function):
            return cast(Callable[..., int], function)
    return None
