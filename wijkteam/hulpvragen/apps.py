# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HulpvragenConfig(AppConfig):
    name = "wijkteam.hulpvragen"
    verbose_name = _("Hulpvragen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registered here, not at import: the handoff needs the models, which exist once apps are ready.
        from wijkteam.vroegsignalering.handoff import (  # app loading: models not ready at import
            IntakeHandoff,
            register_intake,
        )

        from .services import hulpvraag_url, receive_vroegsignaalzaak  # app loading: models not ready at import

        register_intake(IntakeHandoff(receive=receive_vroegsignaalzaak, url=hulpvraag_url))
