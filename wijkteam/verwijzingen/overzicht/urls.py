# SPDX-License-Identifier: EUPL-1.2
"""The waiting overview, included into the app's namespace `verwijzingen`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.overzicht, name="wachttijden"),
    path("wachttijden.csv", views.overzicht_csv, name="wachttijden_csv"),
]
