# SPDX-License-Identifier: EUPL-1.2
"""Three imported organisations, none with a partner account, last checked on 1 May 2026: one with
its own e-mail address, one reachable only through its service's address, one with no address at all.
Imported through the beheerder's import page, as in practice."""

from __future__ import annotations

from typing import Any

from tests.sociale_kaart.io.conftest import package_files, zip_of
from tests.sociale_kaart.io.import_page import upload
from wijkteam.sociale_kaart.models import HsdsImportStatus

ORGS = {
    "thuis": ("5b0e5a8e-1d2c-4b6e-8f00-000000000001", "Stichting Thuis", "info@thuis.test"),
    "buurthuis": ("5b0e5a8e-1d2c-4b6e-8f00-000000000002", "Buurthuis De Kern", ""),
    "klusjes": ("5b0e5a8e-1d2c-4b6e-8f00-000000000003", "Klusjesclub Oost", ""),
}
# service key -> (id, organisation key, name, service e-mail)
SERVICES = {
    "thuisadministratie": ("5b0e5a8e-1d2c-4b6e-8f00-000000000101", "thuis", "Thuisadministratie", ""),
    "maatje": ("5b0e5a8e-1d2c-4b6e-8f00-000000000102", "thuis", "Maatjesproject", "maatje@thuis.test"),
    "inloop": ("5b0e5a8e-1d2c-4b6e-8f00-000000000103", "buurthuis", "Inloop De Kern", "inloop@kern.test"),
    "klussen": ("5b0e5a8e-1d2c-4b6e-8f00-000000000104", "klusjes", "Klussendienst", ""),
}
LAST_CHECK = "2026-05-01"


def import_kaart(client: Any, capture: Any) -> None:
    rows = {
        "organization": [
            {"id": oid, "name": name, "description": "Organisatie in Voorbeeld.", "email": email}
            for oid, name, email in ORGS.values()
        ],
        "service": [
            {"id": sid, "organization_id": ORGS[org][0], "name": name, "status": "active", "email": email,
             "description": "Hulp in de buurt.", "assured_date": LAST_CHECK}
            for sid, org, name, email in SERVICES.values()
        ],
    }
    item, _page = upload(client, "andere-kaart.zip", zip_of(package_files(rows)), capture)
    assert item.status == HsdsImportStatus.DONE, item.errors
