# SPDX-License-Identifier: EUPL-1.2
"""Hulpvragen's staff pages."""

from django.urls import URLPattern, URLResolver

app_name = "hulpvragen"
urlpatterns: list[URLPattern | URLResolver] = []
