# SPDX-License-Identifier: EUPL-1.2
"""URLs of hulpvragen's triage pages, included into the app's namespace `hulpvragen`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:pk>/", views.triage, name="triage"),
]
