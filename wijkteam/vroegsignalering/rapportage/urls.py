# SPDX-License-Identifier: EUPL-1.2
"""URLs of vroegsignalering's rapportage pages, included into the app's namespace `vroegsignalering`."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.funnel_page, name="rapportage_funnel"),
    path("trechter.csv", views.funnel_csv, name="rapportage_funnel_csv"),
    path("ddas/", views.ddas_page, name="rapportage_ddas"),
]
