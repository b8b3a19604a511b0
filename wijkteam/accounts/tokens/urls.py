# SPDX-License-Identifier: EUPL-1.2
"""URLs of the API token pages, included into the app's namespace `accounts` at /werk/api-sleutels/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.token_list, name="api_tokens"),
    path("nieuw/", views.token_create, name="api_token_create"),
    path("<int:pk>/intrekken/", views.token_revoke, name="api_token_revoke"),
]
