# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("audit/", views.audit_list, name="audit_list"),
    path("audit/bsn/", views.audit_lookup_bsn, name="audit_lookup_bsn"),
    path("audit/export.csv", views.audit_export, name="audit_export"),
]
