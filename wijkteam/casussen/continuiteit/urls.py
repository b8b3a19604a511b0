# SPDX-License-Identifier: EUPL-1.2
"""URLs of casussen's caseload and continuity pages, included into the app's namespace `casussen`."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
