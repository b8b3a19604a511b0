# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "wijkteam.casussen"
    verbose_name = _("Casussen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registered here, not at import: the hooks' rules query the models, which exist once apps are ready.
        from wijkteam.accounts.menu import MenuItem, register_menu_item  # app loading: registered once apps are ready
        from wijkteam.huishoudens.access import (  # app loading: models not ready at import
            register_grant,
            register_restriction,
        )
        from wijkteam.huishoudens.links import register_household_links  # app loading: registered once apps are ready
        from wijkteam.hulpvragen.next_steps import register_next_step  # app loading: models not ready at import
        from wijkteam.vroegsignalering.handoff import (  # app loading: models not ready at import
            register_open_case_lookup,
        )

        from .access import (  # app loading: models not ready at import
            NEED_TO_KNOW_GRANT,
            NEED_TO_KNOW_RESTRICTION,
            may_review_emergency_access,
            may_work_on_cases,  # app loading: models not ready at import
        )
        from .hooks import (  # app loading: models not ready at import
            OPEN_CASE_STEP,
            household_case_links,
            open_cases_by_household,
        )

        register_grant(NEED_TO_KNOW_GRANT)
        register_restriction(NEED_TO_KNOW_RESTRICTION)
        register_open_case_lookup(open_cases_by_household)
        register_next_step(OPEN_CASE_STEP)
        register_household_links("casussen", household_case_links, order=30)
        from .continuiteit.views import may_lead_team  # app loading: imports the models

        register_menu_item(MenuItem("casussen:mijn_casussen", _("Mijn casussen"), may_work_on_cases, order=40))
        register_menu_item(MenuItem("casussen:teambord", _("Teambord"), may_work_on_cases, order=41))
        register_menu_item(MenuItem("casussen:belasting", _("Caseload per fte"), may_lead_team, order=42))
        register_menu_item(MenuItem("casussen:afwezigheden", _("Afwezigheid en overdracht"), may_lead_team, order=43))
        register_menu_item(MenuItem("casussen:noodtoegang_review", _("Noodtoegang beoordelen"),
                                    may_review_emergency_access, order=80))
