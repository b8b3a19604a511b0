# SPDX-License-Identifier: EUPL-1.2
"""The partner portal for referrals; at /werk/partner/verwijzingen/."""

from django.urls import URLPattern, URLResolver

app_name = "verwijzingen_partner"
urlpatterns: list[URLPattern | URLResolver] = []
