# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HulpvragenConfig(AppConfig):
    name = "wijkteam.hulpvragen"
    verbose_name = _("Hulpvragen")
    default_auto_field = "django.db.models.BigAutoField"
