# SPDX-License-Identifier: EUPL-1.2
"""The HSDS 3.0 API, included at /api/hsds/. Paths as in the HSDS OpenAPI document (no trailing
slash); a trailing slash is accepted too."""

from django.urls import re_path

from . import views

app_name = "sociale_kaart_api"
_ID = r"(?P<id>[^/]+)"
urlpatterns = [
    re_path(r"^$", views.root, name="root"),
    re_path(r"^openapi\.json$", views.openapi, name="openapi"),
    re_path(r"^services/?$", views.service_list, name="service_list"),
    re_path(rf"^services/{_ID}/?$", views.service_detail, name="service_detail"),
    re_path(r"^organizations/?$", views.organization_list, name="organization_list"),
    re_path(rf"^organizations/{_ID}/?$", views.organization_detail, name="organization_detail"),
    re_path(r"^service_at_locations/?$", views.service_at_location_list, name="service_at_location_list"),
    re_path(rf"^service_at_locations/{_ID}/?$", views.service_at_location_detail, name="service_at_location_detail"),
    re_path(r"^taxonomies/?$", views.taxonomy_list, name="taxonomy_list"),
    re_path(rf"^taxonomies/{_ID}/?$", views.taxonomy_detail, name="taxonomy_detail"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_term_list, name="taxonomy_term_list"),
    re_path(rf"^taxonomy_terms/{_ID}/?$", views.taxonomy_term_detail, name="taxonomy_term_detail"),
]
