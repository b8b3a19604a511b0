# SPDX-License-Identifier: EUPL-1.2
"""The signal partners' API (token, no session); at /api/vroegsignalering/. Every route here is described
in openapi.py (a test checks that)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "vroegsignalering_api"
urlpatterns: list[URLPattern | URLResolver] = [
    path("openapi.json", views.openapi, name="openapi"),
    path("signalen/", views.signal_create, name="signal_create"),
    path("signalen/batch/", views.signal_batch, name="signal_batch"),
    path("signalen/<int:pk>/uitkomst/", views.signal_outcome, name="signal_outcome"),
]
