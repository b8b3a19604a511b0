# SPDX-License-Identifier: EUPL-1.2
"""Our own (non-HSDS) bookkeeping for keeping the kaart correct: verification tasks, duplicate
candidates and the merge log.

None of these are HSDS tables: the HSDS-visible trace of every change is the `metadata` table,
written by the write paths (partner/services.py, duplicates/services.py). These models carry the workflow around it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class VerificationStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("bevestigd")
    # The service was checked another way (edit, import, merge) or is no longer public.
    CANCELLED = "cancelled", _("vervallen")


class VerificationTask(models.Model):
    """"Klopt dit nog?": one task per service per period without a check.

    `checked_on` is the date the service was last checked when the task was made (its
    assured_date, or creation date when never assured). The pair (service, checked_on) is unique:
    that is what makes the freshness run idempotent. Once the service is confirmed, its
    assured_date moves on, and a later period gets its own task.
    """

    service = models.ForeignKey(
        "sociale_kaart.Service", on_delete=models.CASCADE, related_name="verification_tasks",
        verbose_name=_("aanbod"),
    )
    checked_on = models.DateField(_("laatst gecontroleerd op"))
    due_on = models.DateField(_("controle nodig sinds"))
    status = models.CharField(
        _("status"), max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    # Set by the mail task once the mail is out, so a rerun never mails twice.
    mailed_at = models.DateTimeField(_("gemaild"), null=True, blank=True)
    completed_at = models.DateTimeField(_("afgerond"), null=True, blank=True)
    # Username (or "e-maillink" marker) of who confirmed; not a foreign key so history survives.
    completed_by = models.CharField(_("afgerond door"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("controletaak")
        verbose_name_plural = _("controletaken")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "checked_on"], name="sk_verification_once_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.service_id} ({self.checked_on})"


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("te beoordelen")
    DISMISSED = "dismissed", _("geen dubbeling")
    MERGED = "merged", _("samengevoegd")


class DuplicateSource(models.TextChoices):
    CREATE = "create", _("bij aanmaken")
    IMPORT = "import", _("bij import")
    SCAN = "scan", _("bij controle")


class DuplicateCandidate(models.Model):
    """Two services that look alike, for the beheerder to merge or dismiss.

    The pair is stored in a fixed order (service_a.id < service_b.id as text) so A~B and B~A are
    one row.
    """

    service_a = models.ForeignKey(
        "sociale_kaart.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("aanbod A")
    )
    service_b = models.ForeignKey(
        "sociale_kaart.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("aanbod B")
    )
    score = models.PositiveSmallIntegerField(_("score"))
    # Short Dutch explanations ("naam lijkt erop (93%)", "zelfde telefoonnummer").
    reasons = models.JSONField(_("redenen"), default=list)
    source = models.CharField(_("gevonden"), max_length=10, choices=DuplicateSource.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN, db_index=True
    )
    detected_at = models.DateTimeField(_("gevonden op"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    resolved_by = models.CharField(_("beoordeeld door"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("mogelijke dubbeling")
        verbose_name_plural = _("mogelijke dubbelingen")
        ordering = ["-score", "detected_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service_a", "service_b"], name="sk_duplicate_pair_once"),
            models.CheckConstraint(condition=~Q(service_a=models.F("service_b")), name="sk_duplicate_pair_distinct"),
        ]

    def __str__(self) -> str:
        return f"{self.service_a_id} ~ {self.service_b_id} ({self.score})"


class ServiceMerge(models.Model):
    """One merge: `merged` was folded into `survivor`. The merged record stays (inactive), so old
    links and HSDS consumers that stored its id can be pointed to the survivor."""

    merged = models.OneToOneField(
        "sociale_kaart.Service", on_delete=models.CASCADE, related_name="merged_into", verbose_name=_("opgegaan in")
    )
    survivor = models.ForeignKey(
        "sociale_kaart.Service", on_delete=models.CASCADE, related_name="absorbed", verbose_name=_("blijvend aanbod")
    )
    merged_at = models.DateTimeField(_("samengevoegd op"), auto_now_add=True)
    merged_by = models.CharField(_("samengevoegd door"), max_length=255)
    # What moved, by HSDS table: {"phone": 1, "schedule": 2, ...}; dropped duplicates under "dropped".
    moved = models.JSONField(_("overgenomen"), default=dict)

    class Meta:
        verbose_name = _("samenvoeging")
        verbose_name_plural = _("samenvoegingen")
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.survivor_id}"
