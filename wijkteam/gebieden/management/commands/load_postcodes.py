# SPDX-License-Identifier: EUPL-1.2
"""manage.py load_postcodes FILE: load public PC6 centroids into the postcode table.

FILE is a CSV (comma, semicolon or tab) with a header row and the columns
    postcode   "1234 AB" or "1234AB"
    lat        WGS84 latitude (also: latitude)
    lon        WGS84 longitude (also: lng, longitude)
    buurtcode  optional CBS buurtcode, e.g. BU03440101 (also: bu_code)
as a PDOK/BAG extract gives them (e.g. the centroid of each postcode's verblijfsobjecten). Loading is
idempotent: a postcode already in the table gets the new point. One bad row refuses the whole file,
with every bad row named, so nothing is half-written.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from wijkteam.gebieden.models import PostcodeBron
from wijkteam.gebieden.services import read_postcode_csv, upsert_postcodes


class Command(BaseCommand):
    help = "Load public postcode centroids (CSV: postcode, lat, lon[, buurtcode]) into the postcode table."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--bron", choices=PostcodeBron.values, default=PostcodeBron.PDOK)

    def handle(self, *args: Any, file: Path, bron: str, **options: Any) -> None:
        try:
            with file.open(encoding="utf-8-sig", newline="") as stream:
                points = read_postcode_csv(stream)
        except OSError as exc:
            raise CommandError(f"Kan {file} niet lezen: {exc.strerror}") from exc
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        written = upsert_postcodes(points, bron=bron)
        self.stdout.write(f"{written} postcodes geladen.")
