# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerwijzingenConfig(AppConfig):
    name = "wijkteam.verwijzingen"
    verbose_name = _("Verwijzingen")
    default_auto_field = "django.db.models.BigAutoField"
