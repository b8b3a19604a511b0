# SPDX-License-Identifier: EUPL-1.2
"""URLs of vroegsignalering's zaken pages, included into the app's namespace `vroegsignalering`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:pk>/", views.zaak_detail, name="zaak_detail"),
    path("<int:pk>/contactpoging/", views.zaak_contactpoging, name="zaak_contactpoging"),
    path("<int:pk>/sluiten/", views.zaak_sluiten, name="zaak_sluiten"),
    path("<int:pk>/hulp-geaccepteerd/", views.zaak_hulp_geaccepteerd, name="zaak_hulp_geaccepteerd"),
    path("<int:pk>/uitnodigingsbrief.pdf", views.zaak_brief, name="zaak_brief"),
]
