# SPDX-License-Identifier: EUPL-1.2
"""The CSV package is opened by people in spreadsheets: a partner-set name like =HYPERLINK(...) comes
out with a leading apostrophe (shown as text, never run), and the importer removes exactly that
apostrophe again, so export -> import gives back every value unchanged (values.py explains why the
escaping is unambiguous)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.hsds_io.readers import read_upload
from wijkteam.sociale_kaart.hsds_io.services import import_raw
from wijkteam.sociale_kaart.hsds_io.values import defuse_formula, restore_formula
from wijkteam.sociale_kaart.models import Phone, Service

from .conftest import csv_table, unzip, zip_of

pytestmark = pytest.mark.django_db

NAMES = {
    '=HYPERLINK("https://kwaad.example","Klik")': "'=HYPERLINK(\"https://kwaad.example\",\"Klik\")",
    "+31 hulp": "'+31 hulp",
    "-5 korting": "'-5 korting",
    "@SUM(A1)": "'@SUM(A1)",
    "\tTab": "'\tTab",
    "\rWagenretour": "'\rWagenretour",
    # An apostrophe of its own before a formula character gets one more, so it survives the import.
    "'=al met apostrof": "''=al met apostrof",
    # Not a formula: left alone.
    "'t Hoekje": "'t Hoekje",
    "Taal = toegang": "Taal = toegang",
}


def test_every_text_round_trips_through_defuse_and_restore():
    for name, cell in NAMES.items():
        assert defuse_formula(name) == cell
        assert restore_formula(cell) == name
    for text in ["", "'", "''", "'''=", "=", "a'=b", "'x", "''x"]:
        assert restore_formula(defuse_formula(text)) == text


def test_exported_cells_are_defused_and_import_back_unchanged(users, client_for):
    services = {name: ServiceFactory(name=name) for name in NAMES}
    phone = Phone.objects.create(service=services["'t Hoekje"], number="+31 30 123 4567")
    response = client_for(users.beheerder).get(reverse("sociale_kaart_import:export_csv"))
    assert response.status_code == 200
    package = unzip(b"".join(response.streaming_content))
    cells = {row["id"]: row["name"] for row in csv_table(package["services.csv"])}
    for name, service in services.items():
        assert cells[str(service.id)] == NAMES[name]
    assert {row["id"]: row["number"] for row in csv_table(package["phones.csv"])}[str(phone.id)] == "'+31 30 123 4567"

    # Change the names on the kaart, then import the exported package: the original names return.
    Service.objects.filter(id__in=[s.id for s in services.values()]).update(name="gewijzigd")
    Phone.objects.filter(id=phone.id).update(number="0")
    result = import_raw(read_upload(zip_of(dict(package)), "kaart.zip"))
    assert result.ok, [str(p) for p in result.errors]
    for name, service in services.items():
        service.refresh_from_db()
        assert service.name == name
    phone.refresh_from_db()
    assert phone.number == "+31 30 123 4567"

