# SPDX-License-Identifier: EUPL-1.2
"""Residents' pages of hulpvragen: the help request form and the anonymous self-help questionnaire; at /hulp/."""

from django.urls import URLPattern, URLResolver

app_name = "hulpvragen_public"
urlpatterns: list[URLPattern | URLResolver] = []
