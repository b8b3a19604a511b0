# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SocialeKaartConfig(AppConfig):
    name = "wijkteam.sociale_kaart"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The search package registers the index clean-up on service deletion when imported;
        # import it here so management commands and workers get it too.
        from . import search  # noqa: F401
