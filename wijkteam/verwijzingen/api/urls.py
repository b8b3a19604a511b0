# SPDX-License-Identifier: EUPL-1.2
"""The partners' referral API (token, no session); at /api/verwijzingen/."""

from django.urls import URLPattern, URLResolver

app_name = "verwijzingen_api"
urlpatterns: list[URLPattern | URLResolver] = []
