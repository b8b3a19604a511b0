# SPDX-License-Identifier: EUPL-1.2
"""Verwijzingen's staff pages: the workers' pages (werk/) and the waiting overview (overzicht/)."""

from django.urls import URLPattern, URLResolver, include, path

from .overzicht import urls as overzicht_urls
from .werk import urls as werk_urls

app_name = "verwijzingen"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", include(werk_urls)),
    path("wachttijden/", include(overzicht_urls)),
]
