# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class GebiedenConfig(AppConfig):
    name = "wijkteam.gebieden"
    default_auto_field = "django.db.models.BigAutoField"
