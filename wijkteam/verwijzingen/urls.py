# SPDX-License-Identifier: EUPL-1.2
"""Verwijzingen's staff pages."""

from django.urls import URLPattern, URLResolver

app_name = "verwijzingen"
urlpatterns: list[URLPattern | URLResolver] = []
