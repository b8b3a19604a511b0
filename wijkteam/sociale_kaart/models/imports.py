# SPDX-License-Identifier: EUPL-1.2
"""Bookkeeping of HSDS imports: the progress record a beheerder watches, and references we cannot link.

Neither is an HSDS table; both exist so an import can run in the background and round-trip losslessly.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HsdsImportStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    VALIDATING = "validating", _("bestand wordt gecontroleerd")
    WRITING = "writing", _("gegevens worden opgeslagen")
    DONE = "done", _("klaar")
    FAILED = "failed", _("afgewezen")


class HsdsImportFormat(models.TextChoices):
    CSV = "csv", _("HSDS-tabellen (zip met CSV-bestanden)")
    JSON = "json", _("HSDS JSON")


class HsdsImport(models.Model):
    """One upload of HSDS data and how far its import has come.

    The uploaded bytes live in the row (not on disk) so the background worker can run on another
    machine than the web server; they are emptied once the import has finished either way.
    """

    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geüpload door"),
    )
    filename = models.CharField(_("bestandsnaam"), max_length=255)
    format = models.CharField(_("soort bestand"), max_length=10, choices=HsdsImportFormat.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=HsdsImportStatus.choices, default=HsdsImportStatus.QUEUED, db_index=True
    )
    # Progress of the current step (checking, then saving): rows_done of rows_total.
    rows_total = models.PositiveIntegerField(_("rijen totaal"), default=0)
    rows_done = models.PositiveIntegerField(_("rijen verwerkt"), default=0)
    # Problems as shown to the beheerder: [{"where": ..., "field": ..., "message": ...}], capped in length;
    # error_count is the real number.
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("aantal fouten"), default=0)
    warnings = models.JSONField(_("waarschuwingen"), default=list, blank=True)
    # Per HSDS table: {"created": n, "updated": n, "unchanged": n}.
    summary = models.JSONField(_("samenvatting"), default=dict, blank=True)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar om"), null=True, blank=True)
    upload = models.BinaryField(_("bestand"), default=b"", editable=False)

    class Meta:
        verbose_name = _("HSDS-import")
        verbose_name_plural = _("HSDS-imports")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in {HsdsImportStatus.QUEUED, HsdsImportStatus.VALIDATING, HsdsImportStatus.WRITING}

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))


class HsdsExternalReference(models.Model):
    """An optional HSDS reference (`*_id`) to a record that is not on our kaart.

    HSDS lets a record point at one published elsewhere, e.g. a parent organisation or a taxonomy
    term's parent in another directory; the official example package does so. A foreign key cannot
    hold such an id, so the importer keeps it here and the exporters and the API put it back, which
    makes import followed by export lossless. A linked foreign key always wins over a row here.
    """

    # The HSDS table and id of the record that holds the reference, and the HSDS field name.
    table = models.CharField(max_length=50)
    record_id = models.UUIDField(db_index=True)
    field = models.CharField(max_length=50)
    value = models.UUIDField()

    class Meta:
        verbose_name = _("externe verwijzing")
        verbose_name_plural = _("externe verwijzingen")
        constraints = [
            models.UniqueConstraint(fields=["table", "record_id", "field"], name="sk_external_ref_unique"),
        ]
        indexes = [models.Index(fields=["table", "field", "value"], name="sk_external_ref_value")]

    def __str__(self) -> str:
        return f"{self.table}:{self.record_id}.{self.field} → {self.value}"
