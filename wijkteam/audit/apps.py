# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.db.backends.signals import connection_created

from .purge import register_sql_function


class AuditConfig(AppConfig):
    name = "wijkteam.audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every SQLite connection needs the function the DELETE trigger asks (see purge.py);
        # connected before any connection is opened.
        connection_created.connect(register_sql_function, dispatch_uid="wijkteam_audit_purge_function")
