# SPDX-License-Identifier: EUPL-1.2
"""Staff pages of the sociale kaart, included at /werk/sociale-kaart/. One namespace for the three
capabilities that share the staff navigation; each keeps its own urls.py beside its views."""

from django.urls import include, path

app_name = "sociale_kaart_werk"
urlpatterns = [
    path("", include("wijkteam.sociale_kaart.partner.urls")),
    path("", include("wijkteam.sociale_kaart.freshness.urls")),
    path("", include("wijkteam.sociale_kaart.duplicates.urls")),
    path("", include("wijkteam.sociale_kaart.taxonomy_mapping.urls")),
]
