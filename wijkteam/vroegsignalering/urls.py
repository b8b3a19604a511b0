# SPDX-License-Identifier: EUPL-1.2
"""Vroegsignalering's staff pages; included at /werk/vroegsignalering/. Each capability keeps its own URLs."""

from django.urls import include, path

from .batch import views as batch

app_name = "vroegsignalering"
urlpatterns = [
    path("uploads/", batch.upload_index, name="upload_index"),
    path("uploads/sjabloon.csv", batch.upload_template, name="upload_template"),
    path("uploads/<int:pk>/", batch.upload_detail, name="upload_detail"),
    path("uploads/<int:pk>/fouten.csv", batch.upload_errors_csv, name="upload_errors_csv"),
    path("", include("wijkteam.vroegsignalering.outreach.urls")),
    path("zaken/", include("wijkteam.vroegsignalering.zaken.urls")),
    path("werklijst/", include("wijkteam.vroegsignalering.werklijst.urls")),
    path("rapportage/", include("wijkteam.vroegsignalering.rapportage.urls")),
]
