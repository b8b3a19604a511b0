# SPDX-License-Identifier: EUPL-1.2
"""The write path for the public postcode table (gebieden.Postcode)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Buurt, Postcode, PostcodeBron
from .postcodes import normalise_postcode

# Column names accepted for each value; PDOK/BAG extracts differ in naming, so the common spellings count.
COLUMNS = {
    "postcode": ("postcode", "pc6"),
    "latitude": ("lat", "latitude", "breedtegraad"),
    "longitude": ("lon", "lng", "longitude", "lengtegraad"),
    "buurtcode": ("buurtcode", "buurt_code", "bu_code"),
}


@dataclass(frozen=True)
class PostcodePoint:
    pc6: str
    latitude: float
    longitude: float
    buurtcode: str = ""


def _column(header: Iterable[str], key: str) -> str | None:
    lowered = {name.strip().lower(): name for name in header}
    return next((lowered[name] for name in COLUMNS[key] if name in lowered), None)


def read_postcode_csv(stream: IO[str]) -> list[PostcodePoint]:
    """Rows of a CSV (comma or semicolon) with postcode, lat, lon and optionally buurtcode.

    Every bad row is reported (Dutch, with its line number); ValidationError lists them all.
    """
    sample = stream.read(4096)
    stream.seek(0)
    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
    reader = csv.DictReader(stream, dialect=dialect)
    header = reader.fieldnames or []
    names = {key: _column(header, key) for key in COLUMNS}
    missing = [key for key in ("postcode", "latitude", "longitude") if names[key] is None]
    if missing:
        raise ValidationError(
            _("De kolom(men) %(kolommen)s ontbreken; verwacht: postcode, lat, lon (en eventueel buurtcode).")
            % {"kolommen": ", ".join(missing)}
        )
    points: list[PostcodePoint] = []
    errors: list[str] = []
    for line, row in enumerate(reader, start=2):
        try:
            points.append(_point(row, names))
        except ValidationError as exc:
            errors.append(_("Regel %(regel)d: %(fout)s") % {"regel": line, "fout": " ".join(exc.messages)})
    if errors:
        raise ValidationError(errors)
    return points


def _point(row: Mapping[str, str | None], names: Mapping[str, str | None]) -> PostcodePoint:
    def value(key: str) -> str:
        column = names[key]
        return (row.get(column) or "").strip() if column else ""

    pc6 = normalise_postcode(value("postcode"))
    try:
        latitude = float(value("latitude").replace(",", "."))
        longitude = float(value("longitude").replace(",", "."))
    except ValueError:
        raise ValidationError(_("lat en lon moeten getallen zijn, zoals 52.09 en 5.12.")) from None
    # The Netherlands (with the Caribbean municipalities left out): a swapped lat/lon lands outside.
    if not (50.5 <= latitude <= 53.8 and 3.2 <= longitude <= 7.3):
        raise ValidationError(_("lat %(lat)s, lon %(lon)s ligt niet in Nederland (lat en lon verwisseld?).")
                              % {"lat": latitude, "lon": longitude})
    return PostcodePoint(pc6, latitude, longitude, value("buurtcode").upper())


def upsert_postcodes(points: Iterable[PostcodePoint], *, bron: PostcodeBron | str = PostcodeBron.PDOK,
                     buurten: Mapping[str, Buurt] | None = None) -> int:
    """Insert or update each postcode's centre (idempotent); returns the number of rows written.

    A buurtcode that names none of our buurten leaves the postcode without one rather than failing:
    a national extract covers more than this municipality.
    """
    rows = list(points)
    if buurten is None:
        codes = {p.buurtcode for p in rows if p.buurtcode}
        buurten = {b.code: b for b in Buurt.objects.filter(code__in=codes)} if codes else {}
    objects = {
        p.pc6: Postcode(pc6=p.pc6, pc4=p.pc6[:4], latitude=p.latitude, longitude=p.longitude,
                        buurt=buurten.get(p.buurtcode), bron=str(bron))
        for p in rows
    }
    with transaction.atomic():
        Postcode.objects.bulk_create(
            list(objects.values()), batch_size=2000, update_conflicts=True, unique_fields=["pc6"],
            update_fields=["pc4", "latitude", "longitude", "buurt", "bron"],
        )
    return len(objects)
