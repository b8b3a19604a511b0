# SPDX-License-Identifier: EUPL-1.2
"""URLs of casussen's caseload and continuity pages, included into the app's namespace `casussen`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("mijn/", views.mijn_casussen, name="mijn_casussen"),
    path("bord/", views.teambord, name="teambord"),
    path("belasting/", views.belasting, name="belasting"),
    path("afwezigheid/", views.afwezigheden, name="afwezigheden"),
    path("afwezigheid/<int:pk>/", views.herverdeling, name="herverdeling"),
    path("casus/<int:pk>/overdracht/", views.overdracht, name="overdracht"),
]
