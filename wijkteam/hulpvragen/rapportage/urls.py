# SPDX-License-Identifier: EUPL-1.2
"""URLs of the collective share, included into the app's namespace `hulpvragen` at rapportage/."""

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.collective_share_page, name="collective_share"),
    path("collectief-aandeel.csv", views.collective_share_csv, name="collective_share_csv"),
]
