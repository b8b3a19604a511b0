# SPDX-License-Identifier: EUPL-1.2
"""Assessment instruments shipped as data, one JSON file per published version (data/<code>-<versie>.json).

Why data and versions: the words of an instrument change (a clearer description, a domain added), but a
score given last year must keep meaning what it meant then. So a version, once loaded, is never edited:
`load_instruments` creates versions that are missing and checks that those present still equal their
file; a changed file with the same version number is refused (ship it as a new version instead). Scores
point at the domain row of their own version, so a new version never rewrites an old score.

Loaded by the data migration of these models and by `load_instruments()` in tests that flush the
database (transactional tests).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data"
LEVELS = ("1", "2", "3", "4", "5")
DEFAULT_INSTRUMENT = "zelfredzaamheid"


class InstrumentChanged(Exception):
    """A shipped file differs from the version already loaded under the same number."""


@cache
def shipped_instruments() -> tuple[dict[str, Any], ...]:
    """Every shipped version, oldest first per code (cached: the files change only with a release)."""
    versions = []
    for path in sorted(DATA_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        _check(data, path.name)
        versions.append(data)
    return tuple(sorted(versions, key=lambda d: (d["code"], d["versie"])))


def _check(data: dict[str, Any], name: str) -> None:
    codes = [d["code"] for d in data["domeinen"]]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{name}: a domain code occurs twice")
    for domain in data["domeinen"]:
        if tuple(sorted(domain["niveaus"])) != LEVELS or not all(domain["niveaus"][lv].strip() for lv in LEVELS):
            raise ValueError(f"{name}: domain {domain['code']} needs a description for each of the levels 1-5")


def load_instruments(apps: Apps | None = None) -> int:
    """Create the shipped versions that are missing; returns how many were created.

    Pass the migration's `apps` from a migration (historical models). Raises InstrumentChanged when a
    loaded version's domains or descriptions differ from its file.
    """
    apps = apps or global_apps
    instrument_model = apps.get_model("hulpvragen", "Instrument")
    domain_model = apps.get_model("hulpvragen", "InstrumentDomein")
    level_model = apps.get_model("hulpvragen", "InstrumentNiveau")
    created = 0
    with transaction.atomic():
        for data in shipped_instruments():
            existing = instrument_model.objects.filter(code=data["code"], versie=data["versie"]).first()
            if existing is not None:
                if _stored(existing, domain_model, level_model) != _described(data):
                    raise InstrumentChanged(
                        f"instrument {data['code']} version {data['versie']} differs from its file; "
                        "publish the change as a new version"
                    )
                continue
            instrument = instrument_model.objects.create(
                code=data["code"],
                naam=data["naam"],
                versie=data["versie"],
                gepubliceerd=dt.date.fromisoformat(data["gepubliceerd"]),
                beschrijving=data.get("beschrijving", ""),
            )
            for position, domain in enumerate(data["domeinen"], start=1):
                row = domain_model.objects.create(
                    instrument=instrument, code=domain["code"], naam=domain["naam"], volgorde=position
                )
                level_model.objects.bulk_create(
                    level_model(domein=row, niveau=int(level), omschrijving=domain["niveaus"][level])
                    for level in LEVELS
                )
            created += 1
    return created


def _described(data: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {d["code"]: (d["naam"], tuple(d["niveaus"][lv] for lv in LEVELS)) for d in data["domeinen"]}


def _stored(instrument: Any, domain_model: Any, level_model: Any) -> dict[str, tuple[str, tuple[str, ...]]]:
    texts: dict[int, dict[int, str]] = {}
    for domain_id, level, text in level_model.objects.filter(domein__instrument=instrument).values_list(
        "domein_id", "niveau", "omschrijving"
    ):
        texts.setdefault(domain_id, {})[level] = text
    return {
        d.code: (d.naam, tuple(texts.get(d.pk, {}).get(int(lv), "") for lv in LEVELS))
        for d in domain_model.objects.filter(instrument=instrument)
    }
