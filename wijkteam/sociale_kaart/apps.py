# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "wijkteam.sociale_kaart"
    default_auto_field = "django.db.models.BigAutoField"
