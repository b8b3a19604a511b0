# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Organisatie, Team, User


@admin.register(User)
class WijkteamUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisatie", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Wijkteam", {"fields": ("role", "organisatie", "teams")}))
    filter_horizontal = ["teams", "groups", "user_permissions"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente"]
    filter_horizontal = ["wijken"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]
