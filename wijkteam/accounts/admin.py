# SPDX-License-Identifier: EUPL-1.2
from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.core.readonly_admin import ReadOnlyAdmin

from . import services
from .api_tokens import revoke_token
from .models import AccountHistorie, ApiToken, Organisatie, Team, TeamLidmaatschap, User
from .permissions import may_reset_second_factor


@admin.register(User)
class WijkteamUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisatie", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    fieldsets = (*(UserAdmin.fieldsets or ()),
                 ("Wijkteam", {"fields": ("role", "organisatie", "teams", "totp_enrolment_until")}))
    # The enrolment window changes through the action below only (services.py), never by typing a date.
    readonly_fields = ["totp_enrolment_until"]
    filter_horizontal = ["teams", "groups", "user_permissions"]
    actions = ["reset_second_factor"]
    # What someone may see and do: the audit row of every change holds these before and after.
    audit_before_after = ("role", "teams", "organisatie", "is_active", "is_staff", "is_superuser", "groups")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # After the teams are saved: teams left and joined, and a changed role or active flag, become history
        # rows by this beheerder (a save that changed none of them writes nothing).
        services.record_account_changes(form.instance, by=request.user)  # type: ignore[arg-type]
        before_role = str(form.initial.get("role") or "") if change else ""
        services.open_enrolment_when_newly_required(form.instance, before_role=before_role,
                                                    by=request.user, request=request)  # type: ignore[arg-type]

    def has_reset_second_factor_permission(self, request: HttpRequest) -> bool:
        return may_reset_second_factor(request.user)

    @admin.action(description=gettext_lazy("Tweede stap opnieuw laten instellen"),
                  permissions=["reset_second_factor"])
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """Lost or suspect authenticator, or a window that passed before the user enrolled: remove the
        devices and open a new enrolment window (each audited, see services.reset_second_factor)."""
        until = None
        count = 0
        for user in queryset:
            until = services.reset_second_factor(user, by=request.user, request=request)  # type: ignore[arg-type]
            count += 1
        if until is not None:
            self.message_user(request, _(
                "De tweede stap van %(n)s gebruiker(s) is gewist. Zij kunnen die bij het inloggen opnieuw "
                "instellen, tot %(until)s.") % {"n": count, "until": formats.date_format(
                    timezone.localtime(until), "DATETIME_FORMAT")}, messages.SUCCESS)


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


@admin.register(TeamLidmaatschap)
class TeamLidmaatschapAdmin(ReadOnlyAdmin):
    list_display = ["gebruiker", "team", "vanaf", "tot", "door"]
    list_filter = ["team"]
    list_select_related = ["gebruiker", "team", "door"]
    search_fields = ["gebruiker__username"]


@admin.register(AccountHistorie)
class AccountHistorieAdmin(ReadOnlyAdmin):
    list_display = ["gebruiker", "rol", "actief", "vanaf", "door"]
    list_filter = ["rol", "actief"]
    list_select_related = ["gebruiker", "door"]
    search_fields = ["gebruiker__username"]


# django-otp's own admin shows and edits every user's secret key. Ours shows whose device it is
# and when it was used, never the key. Deleting a device here only cuts it off (a stolen phone): the
# user cannot log in, nor bind a new one, until the beheerder uses "Tweede stap opnieuw laten
# instellen" on the user list, which opens an enrolment window; the user then enrols anew at the next
# login (a new key, shown once, to that user only).
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
        return False  # viewing only; a lost or suspect authenticator is reset from the user list



# API tokens are made on their own page (accounts/tokens/), which shows the secret once; the admin only
# lists them (no secret exists to show: the database holds its hash) and can revoke them.
@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie", "prefix", "scopes", "aangemaakt", "verloopt_op", "ingetrokken_op",
                    "laatst_gebruikt"]
    list_filter = ["organisatie"]
    search_fields = ["naam", "prefix", "organisatie__naam"]
    fields = ("organisatie", "naam", "scopes", "prefix", "aangemaakt", "aangemaakt_door", "verloopt_op",
              "ingetrokken_op", "ingetrokken_door", "laatst_gebruikt")
    readonly_fields = fields
    actions = ["revoke"]
    audit_before_after = ("ingetrokken_op",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the token page makes them: it shows the secret once, to the beheerder making it

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoked, never deleted: the audit trail keeps naming the token by its prefix

    @admin.action(description=gettext_lazy("Geselecteerde API-sleutels intrekken"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        done = sum(revoke_token(token, by=request.user, request=request)  # type: ignore[arg-type]
                   for token in queryset.select_related("organisatie"))
        self.message_user(request, _("%(n)s API-sleutel(s) ingetrokken.") % {"n": done}, messages.SUCCESS)
