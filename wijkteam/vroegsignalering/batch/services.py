# SPDX-License-Identifier: EUPL-1.2
"""The one write path of a batch upload: store the file, then (in the background) check it and store its signals.

`start_upload` keeps the file (under VAR_DIR) and queues `run_upload`. That runs two passes over the
streamed file:

1. check every row (`rows.validate_row`); each problem becomes an `UploadFout` (row, column, value,
   Dutch message). A file missing a required column is refused here, before anything is written.
2. store the valid rows in **one transaction** through the bulk write path (`bulk.SignalBulkIngest`):
   matched to households, repeats skipped, zaken grouped, classified.

The file is deleted afterwards: its personal data now live in the signals, and the error report in the
UploadFout rows. Progress: the checking pass is visible as it goes; while storing, PostgreSQL reports
through a second connection, SQLite (one writer) shows the count at commit.
"""

from __future__ import annotations

import pickle
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import structlog
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.progress import RowProgress

from ..models import UPLOAD_TRANSITIONS, Bron, Upload, UploadFout, UploadStatus, UploadStatusHistorie
from .bulk import SignalBulkIngest
from .reader import RefusedFile, SignalFile, open_signal_file
from .rows import pack, unpack, validate_row

log = structlog.get_logger(__name__)

ERROR_BATCH = 1000
SYSTEM = "vroegsignalering-upload"


def _set_status(upload: Upload, naar: UploadStatus, **fields: Any) -> None:
    if naar not in UPLOAD_TRANSITIONS[upload.status]:
        raise ValueError(f"upload {upload.pk}: {upload.status} -> {naar} is not allowed")
    UploadStatusHistorie.objects.create(upload=upload, van=upload.status, naar=naar, tijdstip=timezone.now())
    upload.status = naar
    for name, value in fields.items():
        setattr(upload, name, value)
    upload.save(update_fields=["status", *fields])


def start_upload(*, file: UploadedFile, user: User, request: HttpRequest | None = None) -> Upload:
    """Keep the file and queue its processing; the caller shows the report page."""
    from .tasks import run_signal_upload  # cycle: the task module imports run_upload from here

    with transaction.atomic():
        upload = Upload(bestandsnaam=(file.name or "")[:255], geupload_door=user,
                        team=user.teams.order_by("pk").first())
        # A random name on disk: the partner's file name may contain anything.
        upload.bestand.save(f"{uuid.uuid4().hex}.csv", file, save=False)
        upload.save()
        UploadStatusHistorie.objects.create(upload=upload, van="", naar=UploadStatus.WACHTRIJ, tijdstip=timezone.now())
        record(request, Action.CREATE, obj=upload, user=user)
        pk = upload.pk
        transaction.on_commit(lambda: run_signal_upload.enqueue(pk))
    log.info("signal_upload_queued", upload_id=pk)
    return upload


class _Progress:
    """Writes rijen_gedaan at most twice a second; inside the storing transaction through a side connection."""

    def __init__(self, pk: int) -> None:
        self.row = RowProgress(Upload, pk)
        self._last = 0.0

    def __call__(self, done: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 0.5:
            return
        self._last = now
        self.row.store(rijen_gedaan=done)

    def close(self) -> None:
        self.row.close()


def run_upload(upload_id: int) -> Upload | None:
    """Process a queued upload (the background task); returns it in its final status."""
    upload = Upload.objects.filter(pk=upload_id).first()
    if upload is None or upload.status != UploadStatus.WACHTRIJ:
        return upload
    progress = _Progress(upload.pk)
    try:
        _run(upload, Path(upload.bestand.path), progress)
    except Exception:
        log.exception("signal_upload_failed", upload_id=upload.pk)
        upload.refresh_from_db()
        if upload.status in (UploadStatus.WACHTRIJ, UploadStatus.CONTROLEREN, UploadStatus.OPSLAAN):
            _set_status(upload, UploadStatus.MISLUKT, klaar_op=timezone.now(), weigering=_(
                "Er ging iets mis bij het verwerken; er is niets opgeslagen. Probeer het opnieuw of neem contact "
                "op met de leverancier."))
    finally:
        progress.close()
        _delete_file(upload)
    return upload


def ingest_path(upload: Upload, path: Path) -> Upload:
    """Run both passes on a file already on disk (the benchmark and tests of the reader use this)."""
    progress = _Progress(upload.pk)
    try:
        _run(upload, path, progress)
    finally:
        progress.close()
    return upload


def _run(upload: Upload, path: Path, progress: _Progress) -> None:
    _set_status(upload, UploadStatus.CONTROLEREN)
    try:
        signal_file = open_signal_file(path)
    except RefusedFile as refused:
        _set_status(upload, UploadStatus.GEWEIGERD, weigering=str(refused), klaar_op=timezone.now())
        return

    # Pass 1: check every row; errors are stored as they are found (bounded batches, not a list of all).
    # Valid rows go, normalised, to a spool file (anonymous, unlinked at once, gone when closed), so
    # the second pass neither parses nor validates again and memory stays flat.
    with tempfile.TemporaryFile() as spool:
        total, invalid = _check(upload, signal_file, progress, spool)
        _set_status(upload, UploadStatus.OPSLAAN, rijen_totaal=total, rijen_gedaan=0, ongeldig=invalid,
                    codering=signal_file.encoding_label[:20], scheidingsteken=signal_file.delimiter)
        spool.seek(0)
        # Pass 2: the valid rows, all written in one transaction.
        progress.row.in_transaction = True
        with _import_cache(), transaction.atomic():
            writer = SignalBulkIngest(upload, system=SYSTEM, bron=Bron.BESTAND)
            done = 0
            while header := spool.read(4):
                # Length-prefixed, one self-contained pickle per row: no memo shared between rows.
                values = pickle.loads(spool.read(int.from_bytes(header, "little")))  # noqa: S301 - our own spool
                rij, row = unpack(values)
                writer.add(rij, row)
                done += 1
                progress(done)
            counts = writer.finish()
        progress.row.in_transaction = False
    _set_status(upload, UploadStatus.KLAAR, rijen_gedaan=total, nieuw=counts.nieuw, herhaald=counts.herhaald,
                werklijst=counts.werklijst, klaar_op=timezone.now())
    log.info("signal_upload_done", upload_id=upload.pk, rows=total, new=counts.nieuw, repeats=counts.herhaald,
             invalid=invalid)


# SQLite page cache while storing (KiB, negative as SQLite counts): the default 2 MB makes every insert into the
# growing indexes of a million-row upload read pages from disk again. Bounded, so memory stays flat.
IMPORT_CACHE_KIB = 32 * 1024


@contextmanager
def _import_cache() -> Iterator[None]:
    """A larger SQLite page cache on this connection for the storing pass, the previous size restored after."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB:d}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before):d}")


def _check(upload: Upload, signal_file: SignalFile, progress: _Progress, spool: IO[bytes]) -> tuple[int, int]:
    today = timezone.localdate()
    total = invalid = 0
    errors: list[UploadFout] = []
    for raw in signal_file.rows():
        total += 1
        if raw.undecodable:
            errors.append(UploadFout(upload=upload, rij=raw.number, kolom="", waarde="", melding=_(
                "Deze regel bevat tekens die niet te lezen zijn (geen UTF-8 of Windows-1252).")))
            invalid += 1
        else:
            row, problems = validate_row(raw.values, today=today)
            if row is None:
                invalid += 1
                errors.extend(UploadFout(upload=upload, rij=raw.number, kolom=p.kolom, waarde=p.waarde,
                                         melding=p.melding) for p in problems)
            else:
                data = pickle.dumps(pack(raw.number, row), protocol=pickle.HIGHEST_PROTOCOL)
                spool.write(len(data).to_bytes(4, "little") + data)
        if len(errors) >= ERROR_BATCH:
            UploadFout.objects.bulk_create(errors)
            errors = []
        progress(total)
    UploadFout.objects.bulk_create(errors)
    return total, invalid


def _delete_file(upload: Upload) -> None:
    if upload.bestand:
        try:
            upload.bestand.delete(save=False)
        except OSError:
            log.warning("signal_upload_file_not_deleted", upload_id=upload.pk)
        Upload.objects.filter(pk=upload.pk).update(bestand="")
