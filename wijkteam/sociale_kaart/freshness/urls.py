# SPDX-License-Identifier: EUPL-1.2
"""Freshness pages; included by ..urls into the namespace "sociale_kaart_werk"."""

from django.urls import path

from . import views

urlpatterns = [
    path("klopt-nog/<str:token>/", views.klopt_nog_link, name="klopt_nog_link"),
    path("verouderd/", views.verouderd, name="verouderd"),
    path("onbereikbaar/", views.onbereikbaar, name="onbereikbaar"),
]
