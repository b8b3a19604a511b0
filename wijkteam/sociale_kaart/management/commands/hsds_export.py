# SPDX-License-Identifier: EUPL-1.2
"""`manage.py hsds_export --format csv|json OUT`: export the whole kaart as HSDS 3.0.

csv: OUT ending in .zip gets the zipped data package, any other OUT is a folder that receives
datapackage.json and the CSV files. json: OUT is a file ("-" for standard output) with a list of
full services, or of full organisations with `--json-kind organizations`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from wijkteam.sociale_kaart.hsds_io.exporters import export_csv_folder, export_csv_package, export_json


class Command(BaseCommand):
    help = "Exporteer de sociale kaart als HSDS 3.0 (CSV-tabellen of JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--json-kind", choices=["services", "organizations"], default="services")
        parser.add_argument("out", help="bestand (.zip, .json), map, of - voor standaarduitvoer (json)")

    def handle(self, *args: Any, **options: Any) -> None:
        out: str = options["out"]
        if options["format"] == "json":
            if out == "-":
                count = export_json(sys.stdout, options["json_kind"])
            else:
                with Path(out).open("w", encoding="utf-8") as fh:
                    count = export_json(fh, options["json_kind"])
            self.stderr.write(f"{count} records geëxporteerd als HSDS JSON.")
            return
        target = Path(out)
        if target.suffix.lower() == ".zip":
            with target.open("wb") as fh:
                counts = export_csv_package(fh)
        else:
            counts = export_csv_folder(target)
        self.stderr.write(f"{sum(counts.values())} rijen in {len(counts)} HSDS-tabellen geëxporteerd naar {target}.")
