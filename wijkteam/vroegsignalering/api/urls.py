# SPDX-License-Identifier: EUPL-1.2
"""The signal partners' API (token, no session); at /api/vroegsignalering/."""

from django.urls import URLPattern, URLResolver

app_name = "vroegsignalering_api"
urlpatterns: list[URLPattern | URLResolver] = []
