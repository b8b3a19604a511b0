# SPDX-License-Identifier: EUPL-1.2
"""Every staff list (each parameter-free GET page under /werk/) answers huge, negative and
non-numeric values in its query string with a page or a field error, never a 500 (an id that
reaches the database unchecked raises OverflowError on SQLite, an out-of-range error on PostgreSQL).

Each page is asked by a role that may see it, one parameter at a time (an invalid parameter must
not hide another's failure). The names are those the staff lists use for ids and pages; a list that
adds an id filter uses wijkteam.core.query_ids.DatabaseIdField, and its name belongs here.
"""

from __future__ import annotations

import pytest

from tests.architecture.url_rules import walk

pytestmark = pytest.mark.django_db

ID_PARAMETERS = ["person", "household", "user", "organisatie", "organisation", "service", "location", "team",
                 "wijk", "buurt", "id", "pk", "pagina", "page"]
BAD_VALUES = ["99999999999999999999999", "-9223372036854775809", "abc"]
ROLES = ["medewerker", "teamleider", "partner", "privacy", "beheerder"]


def _staff_lists() -> list[str]:
    return sorted({f"/{e.route}" for e in walk() if e.route.startswith("werk/") and not e.has_parameters
                   and not e.admin})


def test_no_staff_list_fails_on_an_impossible_id(users, client_for):
    clients = {role: client_for(getattr(users, role)) for role in ROLES}
    reached = []
    for path in _staff_lists():
        client = next((c for c in clients.values() if c.get(path).status_code == 200), None)
        if client is None:
            continue  # POST-only or a download that needs more than a GET
        reached.append(path)
        for name in ID_PARAMETERS:
            for value in BAD_VALUES:
                # The test client re-raises a view's exception, so an OverflowError fails here by name.
                response = client.get(path, {name: value})
                assert response.status_code < 500, (path, name, value, response.status_code)
    assert "/werk/audit/" in reached and "/werk/audit/export.csv" in reached
