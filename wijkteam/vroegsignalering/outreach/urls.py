# SPDX-License-Identifier: EUPL-1.2
"""URLs of vroegsignalering's outreach pages, included into the app's namespace `vroegsignalering`."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
