# SPDX-License-Identifier: EUPL-1.2
"""The partner portal for referrals; at /werk/partner/verwijzingen/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "verwijzingen_partner"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/antwoord/", views.antwoord, name="antwoord"),
]
