# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VroegsignaleringConfig(AppConfig):
    name = "wijkteam.vroegsignalering"
    verbose_name = _("Vroegsignalering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wijkteam.accounts.menu import MenuItem, register_menu_item  # app loading: registered once apps are ready
        from wijkteam.huishoudens.links import register_household_links  # app loading: registered once apps are ready

        from . import access  # app loading: access imports the models
        from .household_links import household_zaak_links  # app loading: imports the models

        register_menu_item(MenuItem("vroegsignalering:outreach_queue", _("Vroegsignalen"), access.may_work_on_zaken,
                                    order=20))
        register_menu_item(MenuItem("vroegsignalering:outreach_overview", _("Overzicht vroegsignalen"),
                                    access.may_lead_outreach, order=21))
        register_menu_item(MenuItem("vroegsignalering:upload_index", _("Signalen uploaden"),
                                    access.may_upload_signalen, order=22))
        register_menu_item(MenuItem("vroegsignalering:werklijst_index", _("Werklijst koppelingen"),
                                    access.may_work_on_zaken, order=23))
        register_menu_item(MenuItem("vroegsignalering:rapportage_funnel", _("Vroegsignalering in cijfers"),
                                    access.may_view_vroegsignalering_rapportage, order=70))
        register_menu_item(MenuItem("vroegsignalering:rapportage_ddas", _("DDAS-levering"),
                                    access.may_export_ddas, order=71))
        register_household_links("vroegsignalering", household_zaak_links, order=10)
