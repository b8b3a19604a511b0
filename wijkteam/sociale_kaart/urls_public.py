# SPDX-License-Identifier: EUPL-1.2
"""The residents' sociale kaart, mounted at /sociale-kaart/."""

from django.urls import path

from . import views_public

app_name = "sociale_kaart_public"
urlpatterns = [
    path("zoeken/", views_public.search, name="search"),
    path("aanbod/<uuid:pk>/", views_public.service_detail, name="service"),
    path("wijken/", views_public.wijken, name="wijken"),
    path("wijk/<str:code>/", views_public.leaflet, name="leaflet"),
    path("wijk/<str:code>/folder.pdf", views_public.leaflet_pdf_view, name="leaflet_pdf"),
]
