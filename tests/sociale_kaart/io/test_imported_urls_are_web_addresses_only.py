# SPDX-License-Identifier: EUPL-1.2
"""An imported URL becomes a link on the public service page, so it must be a web address: http or
https. `javascript:` or `data:` would run in a visitor's browser; the import refuses the cell in Dutch
and stores nothing."""

from __future__ import annotations

import copy
import json

import pytest

from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
from wijkteam.sociale_kaart.hsds_io.services import import_bytes, import_raw
from wijkteam.sociale_kaart.models import Organization, Service

from .conftest import ORG_ID, SERVICE_IDS, package_files, small_tables

pytestmark = pytest.mark.django_db


def _message(value: str) -> str:
    return (f"'{value}' is geen webadres; alleen adressen die beginnen met http:// of https:// zijn toegestaan "
            "(bijvoorbeeld https://voorbeeld.nl)")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "ftp://example.com/folder"],
)
def test_a_service_url_that_is_no_web_address_is_refused(url):
    rows = copy.deepcopy(small_tables())
    rows["service"][1]["url"] = url
    result = import_raw(read_csv_files(package_files(rows)))
    assert [str(p) for p in result.errors] == [f"services.csv, rij 3, veld 'url': {_message(url)}"]
    assert not Service.objects.filter(url=url).exists()
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_an_organization_website_in_json_is_checked_the_same_way():
    document = [{"id": ORG_ID, "name": "Stichting Buurtwerk", "description": "x", "website": "javascript:alert(1)"}]
    result = import_bytes(json.dumps(document).encode(), "aanbod.json")
    assert [str(p) for p in result.errors] == [
        f"aanbod.json, object 1, veld 'website': {_message('javascript:alert(1)')}"
    ]
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_http_and_https_addresses_are_stored():
    rows = copy.deepcopy(small_tables())
    rows["service"][0]["url"] = "https://buurtwerk.test/formulieren?taal=nl"
    rows["service"][1]["url"] = "HTTP://buurtwerk.test/taalcafe"
    result = import_raw(read_csv_files(package_files(rows)))
    assert result.errors == []
    assert Service.objects.get(id=SERVICE_IDS[0]).url == "https://buurtwerk.test/formulieren?taal=nl"
    assert Service.objects.get(id=SERVICE_IDS[1]).url == "HTTP://buurtwerk.test/taalcafe"
