# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "wijkteam.casussen"
    verbose_name = _("Casussen")
    default_auto_field = "django.db.models.BigAutoField"
