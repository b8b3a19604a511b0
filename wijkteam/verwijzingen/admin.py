# SPDX-License-Identifier: EUPL-1.2
"""The beheerder keeps the waiting norms per second-line domain; referrals themselves are not edited here
(they change only through services.py, with their history)."""

from django.contrib import admin

from .models import Wachtnorm


@admin.register(Wachtnorm)
class WachtnormAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("domein", "dagen_tot_intake", "dagen_tot_start")
    audit_before_after = ("domein", "dagen_tot_intake", "dagen_tot_start")
