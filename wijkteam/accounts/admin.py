# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Organisatie, Team, User


@admin.register(User)
class WijkteamUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisatie", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Wijkteam", {"fields": ("role", "organisatie", "teams")}))
    filter_horizontal = ["teams", "groups", "user_permissions"]
    # What someone may see and do: the audit row of every change holds these before and after.
    audit_before_after = ("role", "teams", "organisatie", "is_active", "is_staff", "is_superuser", "groups")


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente"]
    filter_horizontal = ["wijken"]
    audit_before_after = ("wijken",)


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]


# django-otp's own admin shows and edits every user's secret key. Ours shows whose device it is
# and when it was used, never the key; "reset" is deleting the device, after which the user
# enrols anew at the next login (a new key, shown once, to that user only).
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username"]
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # enrolment happens at login, where only the user sees the key

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # viewing only; a lost or suspect authenticator is reset by deleting it

