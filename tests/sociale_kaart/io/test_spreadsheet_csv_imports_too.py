# SPDX-License-Identifier: EUPL-1.2
"""CSV saved by a Dutch spreadsheet program (semicolons, a byte-order mark, a folder inside the zip)
imports like the standard comma-separated package; columns that are not HSDS are skipped with a note."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models import Organization, Service

from .conftest import package_files, small_tables, zip_of

pytestmark = pytest.mark.django_db


def test_semicolons_bom_and_a_folder_in_the_zip():
    files = {}
    for name, content in package_files(small_tables()).items():
        text = content.decode().replace(",", ";")
        files[f"export-2026/{name}"] = "\ufeff" + text
    result = import_bytes(zip_of(files), "kaart.zip")
    assert result.errors == [], [str(p) for p in result.errors]
    assert Service.objects.count() == 3
    assert Organization.objects.get().email == "info@buurtwerk.test"


def test_unknown_columns_and_files_are_skipped_with_a_note():
    files = package_files(small_tables())
    header, rest = files["organizations.csv"].decode().split("\r\n", 1)
    files["organizations.csv"] = (header + ",kleur\r\n" + rest.replace("\r\n", ",blauw\r\n")).encode()
    files["leesmij.csv"] = b"a,b\r\n1,2\r\n"
    result = import_bytes(zip_of(files), "kaart.zip")
    assert result.ok
    assert sorted(str(p) for p in result.warnings) == [
        "leesmij.csv: dit bestand hoort niet bij HSDS en wordt overgeslagen",
        "organizations.csv, veld 'kleur': deze kolom is geen HSDS-veld van organization en wordt overgeslagen",
    ]
