# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VroegsignaleringConfig(AppConfig):
    name = "wijkteam.vroegsignalering"
    verbose_name = _("Vroegsignalering")
    default_auto_field = "django.db.models.BigAutoField"
