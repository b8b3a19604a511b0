# SPDX-License-Identifier: EUPL-1.2
"""`manage.py hsds_import PATH`: import HSDS data (a zip or folder with the CSV tables, or a JSON file).

The same service function as the beheerder's page: everything is checked first, and a file with any
error changes nothing. Problems are printed in Dutch, per file, row and field; the exit status is 1
when the file was refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from wijkteam.sociale_kaart.hsds_io.services import import_path


class Command(BaseCommand):
    help = "Importeer HSDS 3.0-gegevens: een zip of map met de CSV-tabellen, of een HSDS JSON-bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="zip-bestand, map met CSV-bestanden of JSON-bestand")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} bestaat niet.")
        result = import_path(path)
        for problem in result.warnings:
            self.stdout.write(f"let op: {problem}")
        if result.errors:
            for problem in result.errors:
                self.stderr.write(f"fout: {problem}")
            raise CommandError(f"Niet geïmporteerd: {len(result.errors)} fout(en). Er is niets veranderd.")
        changed = {name: c for name, c in result.summary.items() if c["created"] or c["updated"]}
        self.stdout.write(f"Geïmporteerd: {result.rows} rijen; {result.services_changed} aanbod bijgewerkt.")
        for name, counts in changed.items():
            self.stdout.write(f"  {name}: {counts['created']} nieuw, {counts['updated']} bijgewerkt")
