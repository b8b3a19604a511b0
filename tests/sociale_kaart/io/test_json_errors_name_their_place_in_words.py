# SPDX-License-Identifier: EUPL-1.2
"""A problem in an HSDS JSON file is placed in words ("locatie 1 van object 2"), never as a JSON
pointer ("onderdeel /, veld 'id'"), and a file that is no JSON says on which line it breaks."""

from __future__ import annotations

import json

import pytest

from .conftest import ORG_ID
from .import_page import errors_on, upload

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sociale_kaart.io.urls")]


def test_nested_and_top_level_places_in_words(users, client_for, django_capture_on_commit_callbacks):
    document = [
        {"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "Welzijn."},
        {"id": ORG_ID.replace("0001", "0002"), "name": "Buurthuis", "description": "Ontmoeten.",
         "locations": [{"location_type": "physical", "name": "De Schakel",
                        "addresses": [{"id": "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0777", "address_1": "Dorpsstraat 1",
                                       "city": "Voorbeeld", "region": "", "state_province": "Utrecht",
                                       "postal_code": "", "country": "NL", "address_type": "physical"}]}]},
    ]
    _item, page = upload(client_for(users.beheerder), "kaart.json", json.dumps(document).encode(),
                         django_capture_on_commit_callbacks)
    errors = errors_on(page)
    assert "kaart.json, locatie 1 van object 2, veld 'id': dit veld is verplicht maar is leeg" in errors
    assert "onderdeel" not in page


def test_a_single_object_without_id_is_the_object_at_the_top(users, client_for, django_capture_on_commit_callbacks):
    document = {"name": "Formulierenhulp", "status": "active", "description": "Hulp.", "organization_id": ORG_ID}
    _item, page = upload(client_for(users.beheerder), "dienst.json", json.dumps(document).encode(),
                         django_capture_on_commit_callbacks)
    assert errors_on(page)[0] == (
        "dienst.json, het object bovenaan in het bestand, veld 'id': dit veld is verplicht maar is leeg"
    )


def test_a_file_that_is_no_json_says_where_it_breaks(users, client_for, django_capture_on_commit_callbacks):
    _item, page = upload(client_for(users.beheerder), "kaart.json", b'[\n  {"id": "x",}\n]',
                         django_capture_on_commit_callbacks)
    assert errors_on(page) == [
        "kaart.json is geen geldige JSON: er klopt iets niet op regel 2, teken 14."
    ]
