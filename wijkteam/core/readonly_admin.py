# SPDX-License-Identifier: EUPL-1.2
"""`ReadOnlyAdmin`: for history rows in /beheer/. They describe what happened and are append-only, written by
their app's services: the admin shows them and never adds, rewrites or removes one (not even a superuser)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
