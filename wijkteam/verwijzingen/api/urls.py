# SPDX-License-Identifier: EUPL-1.2
"""The partners' referral API (token, no session); at /api/verwijzingen/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "verwijzingen_api"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
]
