# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "wijkteam.demo"
    default_auto_field = "django.db.models.BigAutoField"
