# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerwijzingenConfig(AppConfig):
    name = "wijkteam.verwijzingen"
    verbose_name = _("Verwijzingen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registered here, not at import: the hooks query the models, which exist once apps are ready.
        from wijkteam.accounts.menu import MenuItem, register_menu_item  # app loading: registered once apps are ready
        from wijkteam.casussen.actions import register_case_action  # app loading: registered once apps are ready
        from wijkteam.casussen.timeline import register_timeline_source  # app loading: models not ready at import
        from wijkteam.hulpvragen.next_steps import register_next_step  # app loading: models not ready at import

        from . import access  # app loading: access imports the models
        from .hooks import (  # app loading: hooks import the models
            CASE_REFERRALS_ACTION,
            REFER_CASE_ACTION,
            REFER_STEP,
            timeline_source,
        )

        register_timeline_source("verwijzingen", timeline_source)
        register_next_step(REFER_STEP)
        register_case_action(REFER_CASE_ACTION)
        register_case_action(CASE_REFERRALS_ACTION)
        register_menu_item(MenuItem("verwijzingen_partner:lijst", _("Verwijzingen"), access.may_answer_verwijzingen,
                                    order=30))
        register_menu_item(MenuItem("verwijzingen:escalaties", _("Wachtende verwijzingen"),
                                    access.may_view_escalaties, order=31))
        register_menu_item(MenuItem("verwijzingen:wachttijden", _("Wachttijden"), access.may_view_wachttijden,
                                    order=32))
