# SPDX-License-Identifier: EUPL-1.2
"""URLs of hulpvragen's intake pages, included into the app's namespace `hulpvragen`."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
