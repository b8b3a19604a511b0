# SPDX-License-Identifier: EUPL-1.2
"""WIJKTEAM_IMPORT_MAX_ROWS and WIJKTEAM_IMPORT_MAX_BYTES bound one import: rows are counted and
bytes are counted while streaming (a folder given to the management command has no zip directory
to check first). Past a limit the import stops with a Dutch message naming the file and the
setting, and nothing is written."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models import Organization, Service

from .conftest import ORG_ID, package_files, small_tables, zip_of

pytestmark = pytest.mark.django_db


def _services(count: int) -> dict[str, list[dict[str, str]]]:
    rows = small_tables()
    template = rows["service"][0]
    rows["service"] = [
        {**template, "id": f"6f1c2f0e-0c1a-4a7e-9a51-{n:012d}", "name": f"Dienst {n}"} for n in range(count)
    ]
    return {"organization": rows["organization"], "service": rows["service"]}


def test_more_rows_than_allowed_stops_the_import(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 100
    result = import_bytes(zip_of(package_files(_services(150))), "kaart.zip")
    assert [str(p) for p in result.errors] == [
        "kaart.zip: services.csv heeft meer dan 100 rijen; de import is gestopt en er is niets veranderd. "
        "Splits het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_ROWS)."
    ]
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_at_the_row_limit_the_import_goes_through(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 100
    result = import_bytes(zip_of(package_files(_services(99))), "kaart.zip")
    assert result.ok, [str(p) for p in result.errors]
    assert Service.objects.filter(organization_id=ORG_ID).count() == 99


def test_json_rows_are_counted_too(settings):
    settings.WIJKTEAM_IMPORT_MAX_ROWS = 10
    document = [
        {"id": f"6f1c2f0e-0c1a-4a7e-9a51-{n:012d}", "name": f"Organisatie {n}", "description": "x"}
        for n in range(11)
    ]
    result = import_bytes(json.dumps(document).encode(), "aanbod.json")
    assert [str(p) for p in result.errors] == [
        "aanbod.json: het bestand heeft meer dan 10 rijen; de import is gestopt en er is niets veranderd. "
        "Splits het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_ROWS)."
    ]
    assert not Organization.objects.filter(name="Organisatie 0").exists()


def test_a_json_file_past_the_byte_limit_is_refused_before_parsing(settings):
    settings.WIJKTEAM_IMPORT_MAX_BYTES = 1024
    result = import_bytes(b"[" + b" " * 2000 + b"]", "aanbod.json")
    assert [str(p) for p in result.errors] == [
        "aanbod.json: het bestand is groter dan 1,0\xa0KB; de import is gestopt en er is niets veranderd. Splits het "
        "bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_BYTES)."
    ]


def test_a_folder_past_the_byte_limit_is_stopped_while_reading(settings, tmp_path):
    settings.WIJKTEAM_IMPORT_MAX_BYTES = 64 * 1024
    files = package_files(_services(1000))
    assert len(files["services.csv"]) > 64 * 1024
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("hsds_import", str(tmp_path), stdout=StringIO(), stderr=err)
    assert ("services.csv is groter dan 64,0\xa0KB; de import is gestopt en er is niets veranderd"
            in err.getvalue())
    assert not Organization.objects.filter(id=ORG_ID).exists()
