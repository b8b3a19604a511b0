# SPDX-License-Identifier: EUPL-1.2
"""Hulpvragen's staff pages; included at /werk/hulpvragen/. Each capability keeps its own URLs."""

from django.urls import include, path

app_name = "hulpvragen"
urlpatterns = [
    path("", include("wijkteam.hulpvragen.intake.urls")),
    path("triage/", include("wijkteam.hulpvragen.triage.urls")),
    path("rapportage/", include("wijkteam.hulpvragen.rapportage.urls")),
]
