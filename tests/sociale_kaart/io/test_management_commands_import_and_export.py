# SPDX-License-Identifier: EUPL-1.2
"""`hsds_import PATH` and `hsds_export --format csv|json OUT` use the same service functions as the
page: a folder, a zip and a JSON file import; a bad file is refused with Dutch errors and exit 1."""

from __future__ import annotations

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from wijkteam.sociale_kaart.models import Service

from .conftest import EXAMPLE_CSV_DIR, EXAMPLES_DIR, csv_table, package_files, small_tables

pytestmark = pytest.mark.django_db


def test_import_a_folder_then_export_csv_zip_and_folder(tmp_path):
    out = StringIO()
    call_command("hsds_import", str(EXAMPLE_CSV_DIR), stdout=out)
    assert "Geïmporteerd: 21 rijen; 1 aanbod bijgewerkt." in out.getvalue()
    call_command("hsds_export", "--format", "csv", str(tmp_path / "kaart.zip"), stderr=StringIO())
    with zipfile.ZipFile(tmp_path / "kaart.zip") as archive:
        services = csv_table(archive.read("services.csv"))
    assert [row["name"] for row in services] == ["Community Counselling"]
    call_command("hsds_export", "--format", "csv", str(tmp_path / "map"), stderr=StringIO())
    assert (tmp_path / "map" / "datapackage.json").exists()
    assert csv_table((tmp_path / "map" / "services.csv").read_bytes()) == services
    # The exported folder imports again without changes.
    again = StringIO()
    call_command("hsds_import", str(tmp_path / "map"), stdout=again)
    assert "0 aanbod bijgewerkt" in again.getvalue()


def test_import_json_and_export_json(tmp_path):
    call_command("hsds_import", str(EXAMPLES_DIR / "service_full.json"), stdout=StringIO())
    call_command("hsds_export", "--format", "json", str(tmp_path / "aanbod.json"), stderr=StringIO())
    services = json.loads((tmp_path / "aanbod.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in services] == ["Community Counselling"]
    call_command("hsds_export", "--format", "json", "--json-kind", "organizations", str(tmp_path / "org.json"),
                 stderr=StringIO())
    organizations = json.loads((tmp_path / "org.json").read_text(encoding="utf-8"))
    assert organizations[0]["services"][0]["name"] == "Community Counselling"


def test_a_bad_file_exits_with_dutch_errors_and_changes_nothing(tmp_path):
    rows = small_tables()
    rows["service"][2]["status"] = "open"
    folder = tmp_path / "pakket"
    folder.mkdir()
    for name, content in package_files(rows).items():
        (folder / name).write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError, match="Niet geïmporteerd: 1 fout"):
        call_command("hsds_import", str(folder), stdout=StringIO(), stderr=err)
    assert "fout: services.csv, rij 4, veld 'status': 'open' is geen geldige waarde" in err.getvalue()
    assert not Service.objects.exists()


def test_a_missing_path_is_named():
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("hsds_import", "/geen/bestand.zip")
