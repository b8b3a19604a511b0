# SPDX-License-Identifier: EUPL-1.2
"""The residents' sociale kaart, mounted at /sociale-kaart/."""

from django.urls import path

from . import views

app_name = "sociale_kaart_public"
urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("aanbod/<uuid:pk>/", views.service_detail, name="service"),
    path("wijken/", views.wijken, name="wijken"),
    path("wijk/<str:code>/", views.leaflet, name="leaflet"),
    path("wijk/<str:code>/folder.pdf", views.leaflet_pdf_view, name="leaflet_pdf"),
]
