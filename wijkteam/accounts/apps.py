# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wijkteam.accounts"
    default_auto_field = "django.db.models.BigAutoField"
