# SPDX-License-Identifier: EUPL-1.2
"""The shipped taxonomies (levensdomeinen, soort aanbod, doelgroep) and their idempotent loader.

The data lives in data/taxonomies.json so a beheerder or translator can read it without Python.
Ids are uuid5 of a fixed namespace and the code, so a term has the same id on every install:
exports, links from other municipalities' data and bookmarks keep working.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db import transaction

DATA_FILE = Path(__file__).resolve().parent / "data" / "taxonomies.json"
NAMESPACE = uuid.UUID("4c9f8d7a-acfa-56f4-a43b-2390a5de6761")

LEVENSDOMEINEN = "levensdomeinen"
SOORT_AANBOD = "soort-aanbod"
DOELGROEP = "doelgroep"


def taxonomy_uuid(slug: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, slug)


def term_uuid(slug: str, code: str) -> uuid.UUID:
    # The taxonomy slug is part of the name: codes are only unique within a taxonomy (HSDS).
    return uuid.uuid5(NAMESPACE, f"{slug}/{code}")


@cache
def shipped_taxonomies() -> dict[str, Any]:
    """The parsed data file (cached: it only changes with a release)."""
    data: dict[str, Any] = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    if uuid.UUID(data["namespace"]) != NAMESPACE:
        raise ValueError("taxonomies.json namespace differs from NAMESPACE; ids would change")
    return data


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int


def load_taxonomies(apps: Apps | None = None) -> LoadResult:
    """Create or update the shipped taxonomies and terms; running it again changes nothing.

    The shipped fields (name, description, synonyms, age range ...) are authoritative and are
    reset to the data file; local additions belong in new terms. Pass the migration's `apps` when
    called from a migration, so the historical models are used.
    """
    if apps is None:
        apps = global_apps
    taxonomy_model = apps.get_model("sociale_kaart", "Taxonomy")
    term_model = apps.get_model("sociale_kaart", "TaxonomyTerm")
    data = shipped_taxonomies()
    language = data.get("language", "nl")
    created = updated = 0
    with transaction.atomic():
        for tax in data["taxonomies"]:
            slug = tax["slug"]
            taxonomy, was_created = taxonomy_model.objects.update_or_create(
                id=taxonomy_uuid(slug),
                defaults={
                    "slug": slug,
                    "name": tax["name"],
                    "description": tax["description"],
                    "version": tax.get("version", ""),
                },
            )
            created, updated = (created + 1, updated) if was_created else (created, updated + 1)
            for term in tax["terms"]:
                _obj, was_created = term_model.objects.update_or_create(
                    id=term_uuid(slug, term["code"]),
                    defaults={
                        "taxonomy": taxonomy,
                        "taxonomy_name": tax["name"],
                        "code": term["code"],
                        "name": term["name"],
                        "name_en": term.get("name_en", ""),
                        "description": term["description"],
                        "language": language,
                        "synonyms": list(term.get("synonyms", [])),
                        "minimum_age": term.get("minimum_age"),
                        "maximum_age": term.get("maximum_age"),
                    },
                )
                created, updated = (created + 1, updated) if was_created else (created, updated + 1)
    return LoadResult(created=created, updated=updated)
