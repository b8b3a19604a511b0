# SPDX-License-Identifier: EUPL-1.2
"""Django admin, for the functional administrator only (and only after the second factor).

Every admin action is on the audit trail, not just in `django_admin_log` (which is an ordinary,
editable table): each model registered on this site gets `AuditedAdminMixin`, so adding,
changing, deleting, opening an object and setting a password each write an audit row. Admin
classes name the fields whose before/after values belong in that row (`audit_before_after`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import AccessRule, Kind

from .decorators import deny
from .permissions import may_use_admin


def _snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """Plain values of `fields`: ids (sorted) for many-to-many, the stored value otherwise."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
        else:
            values[name] = getattr(obj, getattr(field, "attname", name))
    return values


def _changed_fields(message: Any) -> list[str]:
    """The field names in the admin's change message ([{"changed": {"fields": [...]}}, ...])."""
    names: list[str] = []
    if isinstance(message, list):
        for part in message:
            for kind in ("added", "changed"):
                names.extend(str(n) for n in part.get(kind, {}).get("fields", []))
    return names


class AuditedAdminMixin:
    """Writes the audit trail for every admin add, change, delete and object view."""

    # An admin class names `audit_before_after`: fields whose values before and after a change go
    # into the audit row (no personal data). Not defaulted here: the mixin comes first in the MRO
    # and would hide the admin class's own value.
    model: type[models.Model]

    @property
    def _before_after(self) -> tuple[str, ...]:
        return tuple(getattr(self, "audit_before_after", ()))

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Any:
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is not None and self._before_after:
            before = getattr(request, "_audit_before", {})
            before.setdefault(obj.pk, _snapshot(obj, self._before_after))
            request._audit_before = before  # type: ignore[attr-defined]
        return obj

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]
        if request.method == "GET" and response.status_code == 200:
            # Opening a user's or a device's page shows who they are and what they may do.
            record(request, Action.READ, object_type=self.model._meta.label_lower, object_id=object_id,
                   detail={"via": "admin"})
        return response

    def log_addition(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        entry = super().log_addition(request, obj, message)  # type: ignore[misc]
        detail: dict[str, Any] = {"via": "admin"}
        if self._before_after:
            detail["after"] = _snapshot(obj, self._before_after)
        record(request, Action.CREATE, obj=obj, detail=detail)
        return entry

    def log_change(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        entry = super().log_change(request, obj, message)  # type: ignore[misc]
        fields = _changed_fields(message)
        detail: dict[str, Any] = {"via": "admin", "fields": fields}  # labels, as the admin names them
        if "password" in fields:
            detail["password_set"] = True
        if self._before_after:
            detail["before"] = getattr(request, "_audit_before", {}).get(obj.pk, {})
            detail["after"] = _snapshot(obj, self._before_after)
        record(request, Action.UPDATE, obj=obj, detail=detail)
        return entry

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        entries = super().log_deletions(request, queryset)  # type: ignore[misc]
        for obj in queryset:
            record(request, Action.DELETE, obj=obj, detail={"via": "admin"})
        return entries


class BeheerSite(admin.AdminSite):
    site_header = "Wijkteam beheer"
    site_title = "Wijkteam beheer"
    # Every admin URL goes through has_permission: one rule for the whole site (see access_rules).
    access_rule = AccessRule(Kind.REQUIRE, check=may_use_admin)

    def has_permission(self, request: HttpRequest) -> bool:
        return may_use_admin(request.user)

    def login(self, request: HttpRequest, extra_context: dict[str, object] | None = None) -> HttpResponse:
        # One login for everybody, with the second factor; the admin's own form would bypass it.
        if request.user.is_authenticated:
            if self.has_permission(request):  # a beheerder following a link to the admin's login
                return redirect(reverse("admin:index", current_app=self.name))
            # Logged in, past the second factor (the middleware saw to that), but not a beheerder.
            raise deny(request, object_type="view", object_id="admin")
        return redirect_to_login(request.GET.get("next", request.path), reverse("accounts:login"))

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        # Every admin, ours and those of the libraries (django-otp, auth's groups), is audited.
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedAdminMixin):
            admin_class = type(f"Audited{admin_class.__name__}", (AuditedAdminMixin, admin_class),
                               {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)
