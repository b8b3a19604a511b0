# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's work: the audit trail by person, household or user (later also
data-subject requests and retention). Sits above the domain apps, so it may read households;
the audit app below it stays free of domain imports."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "wijkteam.privacy"
    default_auto_field = "django.db.models.BigAutoField"
