# SPDX-License-Identifier: EUPL-1.2
"""`manage.py purge_vroegsignalen [--dry-run] [--today YYYY-MM-DD]`: remove vroegsignalering's personal
data past its retention term (see wijkteam/vroegsignalering/retentie/services.py).

Idempotent; run it daily, e.g. from cron:

    30 2 * * *  cd /srv/wijkteam && .venv/bin/python manage.py purge_vroegsignalen

(docs/vroegsignalering-rapportage.md also shows a systemd timer).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkteam.vroegsignalering.retentie.services import DEFAULT_CHUNK, purge_personal_data


class Command(BaseCommand):
    help = "Remove personal data of signals and zaken without accepted help once their retention term has passed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="only count what would be purged")
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="pretend it is this date (YYYY-MM-DD), to look ahead")
        parser.add_argument("--maanden", type=int, default=None,
                            help="retention term in months (default: the setting, else 12)")
        parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK, help="zaken per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = purge_personal_data(today=options["today"], months=options["maanden"],
                                         chunk=options["chunk"], dry_run=options["dry_run"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        verb = "Zou verwijderen" if result.dry_run else "Persoonsgegevens verwijderd"
        self.stdout.write(
            f"{verb} (gesloten op of voor {result.cutoff:%d-%m-%Y}, termijn {result.term_months} maanden): "
            f"{result.zaken} zaken, {result.signalen} signalen, {result.zorgsignalen} zorgsignalen, "
            f"{result.werklijst_items} werklijstregels, {result.uploadfouten} foutregels van uploads"
            + ("." if result.dry_run else
               f"; {result.huishoudens} huishoudens en {result.personen} personen waar niets meer naar verwijst.")
        )
