# SPDX-License-Identifier: EUPL-1.2
"""`manage.py load_taxonomies`: reset the shipped taxonomies to data/taxonomies.json (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wijkteam.sociale_kaart.taxonomies import load_taxonomies


class Command(BaseCommand):
    help = "Load or refresh the shipped taxonomies (levensdomeinen, soort aanbod, doelgroep)."

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_taxonomies()
        self.stdout.write(f"Taxonomieën geladen: {result.created} nieuw, {result.updated} bijgewerkt.")
