# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import Buurt, Gemeente, Postcode, Wijk


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["code", "naam"]


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "gemeente"]
    list_filter = ["gemeente"]


@admin.register(Buurt)
class BuurtAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "wijk"]
    list_filter = ["wijk"]


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["pc6", "latitude", "longitude", "buurt", "bron"]
    list_filter = ["bron"]
    search_fields = ["pc6"]
