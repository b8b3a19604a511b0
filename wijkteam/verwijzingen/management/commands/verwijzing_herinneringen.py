# SPDX-License-Identifier: EUPL-1.2
"""manage.py verwijzing_herinneringen: remind partners that have not answered, escalate waits past the norm.

Run daily (cron or a scheduled task). Idempotent: one reminder per referral per period of
WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN working days, one escalation per referral.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wijkteam.verwijzingen.services import send_reminders


class Command(BaseCommand):
    help = "Send referral reminders to partners and escalate second-line waits past their norm."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_reminders()
        self.stdout.write(f"{result.herinneringen} herinneringen, {result.escalaties} escalaties")
