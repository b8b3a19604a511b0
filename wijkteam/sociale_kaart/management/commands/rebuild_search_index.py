# SPDX-License-Identifier: EUPL-1.2
"""`manage.py rebuild_search_index`: rebuild the sociale kaart search index from the services."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from wijkteam.sociale_kaart.search import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of the sociale kaart (all services, in one transaction)."

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        count = reindex_all()
        seconds = time.perf_counter() - start
        self.stdout.write(f"Zoekindex opnieuw opgebouwd: {count} aanbod in {seconds:.1f} s.")
