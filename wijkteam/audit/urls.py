# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("audit/", views.audit_list, name="list"),
    path("audit/bsn/", views.audit_lookup_bsn, name="lookup_bsn"),
    path("audit/export.csv", views.audit_export, name="export"),
]
