# SPDX-License-Identifier: EUPL-1.2
"""`manage.py check_freshness`: create due "klopt dit nog?" tasks and enqueue their mails.

Idempotent: run it daily from cron, e.g.

    15 6 * * *  cd /srv/wijkteam && .venv/bin/python manage.py check_freshness

(or enqueue `wijkteam.sociale_kaart.freshness.tasks.check_freshness_task` from any scheduler). The mails go
out through the background worker (`manage.py db_worker`, queue "mail").
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wijkteam.sociale_kaart.freshness import create_due_tasks


class Command(BaseCommand):
    help = "Create verification tasks for services not checked for WIJKTEAM_FRESHNESS_VERIFY_MONTHS (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None,
            help="Pretend it is this date (YYYY-MM-DD), for a dry look ahead in a test environment.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run = create_due_tasks(options["today"])
        self.stdout.write(
            f"Controletaken: {len(run.created)} nieuw, {run.cancelled} vervallen; "
            f"e-mail naar {len(run.organizations)} organisatie(s) ingepland."
        )
