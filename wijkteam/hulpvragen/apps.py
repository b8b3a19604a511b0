# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HulpvragenConfig(AppConfig):
    name = "wijkteam.hulpvragen"
    verbose_name = _("Hulpvragen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registered here, not at import: the handoff needs the models, which exist once apps are ready.
        from wijkteam.accounts.menu import MenuItem, register_menu_item  # app loading: registered once apps are ready
        from wijkteam.huishoudens.links import register_household_links  # app loading: registered once apps are ready
        from wijkteam.vroegsignalering.handoff import (  # app loading: models not ready at import
            IntakeHandoff,
            register_intake,
        )

        from . import access  # app loading: models not ready at import
        from .household_links import household_request_links  # app loading: models not ready at import
        from .rapportage.access import may_view_collective_share  # app loading: models not ready at import
        from .services import hulpvraag_url, receive_vroegsignaalzaak  # app loading: models not ready at import

        register_intake(IntakeHandoff(receive=receive_vroegsignaalzaak, url=hulpvraag_url))
        register_household_links("hulpvragen", household_request_links, order=20)
        register_menu_item(MenuItem("hulpvragen:queue", _("Hulpvragen"), access.may_handle_hulpvragen, order=30))
        register_menu_item(MenuItem("hulpvragen:handovers", _("Overdracht aan wijkteam"),
                                    access.may_file_warm_handover, order=31))
        register_menu_item(MenuItem("hulpvragen:collective_share", _("Collectief aandeel"), may_view_collective_share,
                                    order=32))
