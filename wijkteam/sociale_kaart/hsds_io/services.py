# SPDX-License-Identifier: EUPL-1.2
"""THE write path of HSDS imports, shared by the beheerder's page, the background task and the
management command: read -> check everything -> write everything in one transaction, or nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.core.progress import RowProgress

from .. import taxonomy_mapping
from ..duplicates.tasks import scan_imported_services
from ..models import HsdsImport, HsdsImportFormat, HsdsImportStatus
from .errors import explain
from .problems import Problem
from .readers import RawData, UnreadableFile, detect_format, read_path, read_upload
from .validation import validate
from .writer import write

log = structlog.get_logger(__name__)

# Shown on the page; the rest is counted (error_count) but not stored.
MAX_STORED_PROBLEMS = 500
Phase = Callable[[str], None]
Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    # Per HSDS table: created / updated / unchanged.
    summary: dict[str, dict[str, int]] = field(default_factory=dict)
    services_changed: int = 0
    rows: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def import_raw(raw: RawData, *, progress: Progress | None = None, phase: Phase | None = None) -> ImportResult:
    """Check every row; when nothing is wrong, write all of it in one transaction."""
    if phase is not None:
        phase(HsdsImportStatus.VALIDATING)
    checked = validate(raw, progress=progress)
    # Root causes first, the errors they cause grouped (errors.py).
    result = ImportResult(problems=explain(raw, checked), rows=checked.total)
    if checked.errors:
        return result
    if phase is not None:
        phase(HsdsImportStatus.WRITING)
    with transaction.atomic():
        result.summary, services = write(checked, progress=progress)
        # Another supplier's terms are understood as ours (by code or name) in the same transaction,
        # so the index rebuilt after commit already carries our codes.
        remapped = taxonomy_mapping.map_imported_terms(r.id for r in checked.records.get("taxonomy_term", []))
        taxonomy_mapping.reindex_tagged_on_commit(remapped, except_ids=services)
    result.services_changed = len(services)
    new_ids = [str(r.id) for r in checked.records.get("service", []) if not r.exists]
    if new_ids:
        # New services go on the beheerder's duplicates worklist; in the background, because a big
        # import would otherwise wait minutes for the comparisons.
        scan_imported_services.enqueue(new_ids)
    return result


def import_bytes(data: bytes, filename: str, **kwargs: Any) -> ImportResult:
    try:
        raw = read_upload(data, filename)
    except UnreadableFile as exc:
        return ImportResult(problems=[Problem(filename, "", exc.message)])
    return import_raw(raw, **kwargs)


def import_path(path: Path, **kwargs: Any) -> ImportResult:
    """For `manage.py hsds_import`: a zip, a folder with the CSV files, or a JSON file."""
    try:
        raw = read_path(path)
    except UnreadableFile as exc:
        return ImportResult(problems=[Problem(path.name, "", exc.message)])
    except OSError as exc:
        return ImportResult(problems=[Problem(path.name, "", _("kan het bestand niet lezen (%(error)s)")
                                              % {"error": exc.strerror})])
    return import_raw(raw, **kwargs)


# --- Background imports with a progress record --------------------------------------------------


def start_import(*, data: bytes, filename: str, user: Any) -> HsdsImport:
    """Store the upload and queue its import; the caller shows the progress page."""
    from .tasks import run_hsds_import  # cycle: the task module imports run_import from here

    try:
        kind = detect_format(data, filename)
    except UnreadableFile:
        kind = HsdsImportFormat.JSON if filename.lower().endswith(".json") else HsdsImportFormat.CSV
    with transaction.atomic():
        record = HsdsImport.objects.create(
            created_by=user if getattr(user, "is_authenticated", False) else None,
            filename=filename[:255],
            format=kind,
            upload=data,
        )
        pk = record.pk
        transaction.on_commit(lambda: run_hsds_import.enqueue(pk))
    log.info("hsds_import_queued", import_id=pk)
    return record


class _ProgressRecorder:
    """Writes progress to the HsdsImport row at most twice a second (during the write transaction
    through core.progress's side connection, so the page sees it)."""

    def __init__(self, pk: int) -> None:
        self.row = RowProgress(HsdsImport, pk)
        self._last = 0.0

    def phase(self, status: str) -> None:
        # Called just before the write transaction opens, so this update is still visible at once.
        self.row.in_transaction = False
        self._store(status=status, rows_done=0)
        self.row.in_transaction = status == HsdsImportStatus.WRITING
        self._last = 0.0  # the first count of a new step is always shown

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.5:
            return
        self._last = now
        self._store(rows_done=done, rows_total=total)

    def _store(self, **fields: Any) -> None:
        self.row.store(**fields)

    def close(self) -> None:
        self.row.close()


def run_import(pk: int) -> None:
    """Run a queued import (called by the background task)."""
    record = HsdsImport.objects.filter(pk=pk).first()
    if record is None or record.status != HsdsImportStatus.QUEUED:
        return
    HsdsImport.objects.filter(pk=pk).update(started_at=timezone.now(), status=HsdsImportStatus.VALIDATING)
    recorder = _ProgressRecorder(pk)
    try:
        result = import_bytes(bytes(record.upload), record.filename, progress=recorder, phase=recorder.phase)
    except Exception:
        log.exception("hsds_import_crashed", import_id=pk)
        result = ImportResult(problems=[Problem(record.filename, "", _(
            "er ging iets mis bij het opslaan; er is niets veranderd. Probeer het opnieuw of neem contact op "
            "met de leverancier."))])
    finally:
        recorder.close()
    errors = result.errors
    HsdsImport.objects.filter(pk=pk).update(
        status=HsdsImportStatus.FAILED if errors else HsdsImportStatus.DONE,
        rows_total=result.rows,
        rows_done=0 if errors else result.rows,
        errors=[p.as_dict() for p in errors[:MAX_STORED_PROBLEMS]],
        error_count=len(errors),
        warnings=[p.as_dict() for p in result.warnings[:MAX_STORED_PROBLEMS]],
        summary=result.summary,
        finished_at=timezone.now(),
        upload=b"",
    )
    log.info("hsds_import_finished", import_id=pk, errors=len(errors), rows=result.rows,
             services_changed=result.services_changed)
