# SPDX-License-Identifier: EUPL-1.2
"""Casussen's staff pages."""

from django.urls import URLPattern, URLResolver

app_name = "casussen"
urlpatterns: list[URLPattern | URLResolver] = []
