# SPDX-License-Identifier: EUPL-1.2
"""One organisation that cannot be loaded makes every service pointing at it fail too. The import
page names the root cause first and folds the knock-on errors into one line per file and field,
instead of burying the cause under a hundred "verwijst naar een onbekende organisatie"."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.models import HsdsImportStatus, Service

from .conftest import ORG_ID, package_files, small_tables, zip_of
from .import_page import errors_on, upload

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sociale_kaart.io.urls")]


def _many_services(organization_id: str, count: int = 30) -> dict[str, list[dict[str, str]]]:
    rows = small_tables()
    rows["service"] = [
        {"id": f"6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c1{n:03d}", "organization_id": organization_id,
         "name": f"Dienst {n}", "status": "active", "description": "Hulp in de buurt.", "assured_date": "2026-10-01"}
        for n in range(count)
    ]
    rows["service_at_location"] = []
    rows["schedule"] = []
    return rows


def test_a_rejected_organisation_row_comes_first_and_its_services_are_one_line(
    users, client_for, django_capture_on_commit_callbacks
):
    rows = _many_services("org-1")
    rows["organization"][0]["id"] = "org-1"
    item, page = upload(client_for(users.beheerder), "kaart.zip", zip_of(package_files(rows)),
                        django_capture_on_commit_callbacks)
    assert item.status == HsdsImportStatus.FAILED and Service.objects.count() == 0
    assert errors_on(page) == [
        "organizations.csv, rij 2, veld 'id': 'org-1' is geen geldige UUID "
        "(zoals 3f2504e0-4f89-41d3-9a0c-0305e82c3301)",
        "services.csv, veld 'organization_id': 30 rijen verwijzen naar een organisatie die niet geladen kon worden "
        "(rij 2, rij 3, rij 4, rij 5, rij 6 en nog 25); los eerst de fout in organizations.csv, rij 2 op",
    ]
    assert "er zijn 2 fouten gevonden" in page


def test_an_unreadable_organisations_file_comes_first_and_its_services_are_one_line(
    users, client_for, django_capture_on_commit_callbacks
):
    files: dict[str, bytes | str] = dict(package_files(_many_services(ORG_ID, count=7)))
    # Saved by a spreadsheet as Latin-1: "Café" is no UTF-8.
    files["organizations.csv"] = b"id,name,description\r\n" + f"{ORG_ID},Caf\xe9 De Hoek,Buurt\r\n".encode("latin-1")
    item, page = upload(client_for(users.beheerder), "kaart.zip", zip_of(files), django_capture_on_commit_callbacks)
    assert item.status == HsdsImportStatus.FAILED
    assert errors_on(page) == [
        "organizations.csv: het bestand is geen UTF-8-tekst; sla het op als 'CSV UTF-8'",
        "services.csv, veld 'organization_id': 7 rijen verwijzen naar een organisatie die niet geladen kon worden "
        "(rij 2, rij 3, rij 4, rij 5, rij 6 en nog 2); los eerst de fout in organizations.csv op",
    ]


def test_a_reference_to_a_record_that_is_nowhere_stays_an_error_of_its_own(
    users, client_for, django_capture_on_commit_callbacks
):
    rows = _many_services(ORG_ID, count=2)
    rows["service"][1]["organization_id"] = "0b6f8a52-9d8e-4d43-8f7d-5a0d8d0c9999"
    _item, page = upload(client_for(users.beheerder), "kaart.zip", zip_of(package_files(rows)),
                         django_capture_on_commit_callbacks)
    assert errors_on(page) == [
        "services.csv, rij 3, veld 'organization_id': '0b6f8a52-9d8e-4d43-8f7d-5a0d8d0c9999' verwijst naar een "
        "onbekende organisatie (niet in dit bestand en niet op de sociale kaart)",
    ]
