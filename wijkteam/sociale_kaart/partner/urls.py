# SPDX-License-Identifier: EUPL-1.2
"""Partner upkeep pages; included by ..urls into the namespace "sociale_kaart_werk"."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.mijn_aanbod, name="mijn_aanbod"),
    path("aanbod/nieuw/", views.service_create, name="service_create"),
    path("aanbod/<uuid:pk>/", views.service_edit, name="service_edit"),
    path("aanbod/<uuid:pk>/openingstijden/", views.schedules_edit, name="schedules_edit"),
    path("aanbod/<uuid:pk>/locatie/nieuw/", views.location_create, name="location_create"),
    path("aanbod/<uuid:pk>/geschiedenis/", views.service_history, name="service_history"),
    path("aanbod/<uuid:pk>/klopt-nog/", views.service_verify, name="service_verify"),
    path("locatie/<uuid:pk>/", views.location_edit, name="location_edit"),
]
