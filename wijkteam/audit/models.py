# SPDX-License-Identifier: EUPL-1.2
"""The audit trail: one append-only row per event, with the fields NEN 7513 asks for.

Rows are never edited or deleted by the application: the model refuses it, the queryset refuses
it, and a database trigger refuses UPDATE (and DELETE on PostgreSQL). Names are snapshotted so the
row still says who acted after a user is renamed or deactivated.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("aanmaken")
    READ = "read", _("inzien")
    UPDATE = "update", _("wijzigen")
    DELETE = "delete", _("verwijderen")
    EXPORT = "export", _("exporteren")
    SEARCH = "search", _("zoeken")
    PRINT = "print", _("afdrukken")
    EMERGENCY = "emergency", _("noodtoegang")
    LOGIN = "login", _("inloggen")
    LOGOUT = "logout", _("uitloggen")
    LOGIN_FAILED = "login_failed", _("mislukte inlogpoging")
    DENIED = "denied", _("toegang geweigerd")


class Outcome(models.TextChoices):
    SUCCESS = "success", _("gelukt")
    DENIED = "denied", _("geweigerd")
    FAILURE = "failure", _("mislukt")


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit row."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be updated")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be deleted")


class AuditEvent(models.Model):
    timestamp = models.DateTimeField(_("tijdstip"), db_index=True)
    # Who: id and snapshots of name and role at the time of the event.
    user_id = models.BigIntegerField(_("gebruiker-id"), null=True, blank=True, db_index=True)
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=20, blank=True)
    on_behalf_of = models.CharField(_("namens"), max_length=200, blank=True)
    # What.
    action = models.CharField(_("actie"), max_length=20, choices=Action.choices, db_index=True)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices, default=Outcome.SUCCESS)
    object_type = models.CharField(_("soort object"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    # Whose data: the person and household concerned (ids, so the trail holds no names itself).
    person_id = models.BigIntegerField(_("betrokken persoon"), null=True, blank=True, db_index=True)
    household_id = models.BigIntegerField(_("betrokken huishouden"), null=True, blank=True, db_index=True)
    # Access point.
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)
    path = models.CharField(_("pad"), max_length=300, blank=True)
    # Why (required for emergency access) and any small structured detail. Never a BSN or a name.
    reason = models.CharField(_("reden"), max_length=500, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["person_id", "-timestamp"], name="audit_person_time")]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit rows cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit rows cannot be deleted")
