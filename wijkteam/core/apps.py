# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "wijkteam.core"
    default = True
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Importing the module registers the start-up checks; Django's convention is to do so in
        # ready(), once the app registry is loaded.
        from . import checks  # noqa: F401
