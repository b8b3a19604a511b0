# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class HuishoudensConfig(AppConfig):
    name = "wijkteam.huishoudens"
    default_auto_field = "django.db.models.BigAutoField"
