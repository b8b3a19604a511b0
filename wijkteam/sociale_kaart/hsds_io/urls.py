# SPDX-License-Identifier: EUPL-1.2
"""HSDS import and export for the beheerder; to be included at /werk/sociale-kaart/import/."""

from django.urls import path

from . import views

app_name = "sociale_kaart_import"
urlpatterns = [
    path("", views.import_index, name="index"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("export/hsds.zip", views.export_csv, name="export_csv"),
    path("export/hsds.json", views.export_json, name="export_json"),
]
