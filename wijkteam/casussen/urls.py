# SPDX-License-Identifier: EUPL-1.2
"""Casussen's staff pages; included at /werk/casussen/."""

from django.urls import URLPattern, URLResolver, include, path

app_name = "casussen"
urlpatterns: list[URLPattern | URLResolver] = [
    path("team/", include("wijkteam.casussen.continuiteit.urls")),
]
