# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "wijkteam.casussen"
    verbose_name = _("Casussen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registered here, not at import: the hooks' rules query the models, which exist once apps are ready.
        from wijkteam.huishoudens.access import (  # app loading: models not ready at import
            register_grant,
            register_restriction,
        )
        from wijkteam.hulpvragen.next_steps import register_next_step  # app loading: models not ready at import
        from wijkteam.vroegsignalering.handoff import (  # app loading: models not ready at import
            register_open_case_lookup,
        )

        from .access import NEED_TO_KNOW_GRANT, NEED_TO_KNOW_RESTRICTION  # app loading: models not ready at import
        from .hooks import OPEN_CASE_STEP, open_cases_by_household  # app loading: models not ready at import

        register_grant(NEED_TO_KNOW_GRANT)
        register_restriction(NEED_TO_KNOW_RESTRICTION)
        register_open_case_lookup(open_cases_by_household)
        register_next_step(OPEN_CASE_STEP)
