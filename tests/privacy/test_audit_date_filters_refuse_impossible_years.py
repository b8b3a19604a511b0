# SPDX-License-Identifier: EUPL-1.2
"""A date filter of the audit trail outside 1900-2999 (year 1, year 9999) is refused with a Dutch error at
the field, on the page and for the CSV: never a 500 (OverflowError converting to UTC), and no EXPORT event
for a file that was not made."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db

MESSAGE = "Kies een datum tussen 1900 en 2999."


@pytest.mark.parametrize("url_name", ["privacy:audit_list", "privacy:audit_export"])
@pytest.mark.parametrize("field", ["since", "until"])
@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_an_impossible_year_gets_a_dutch_field_error(url_name, field, value, users, client_for):
    response = client_for(users.privacy).get(reverse(url_name), {field: value})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert MESSAGE in html
    assert f'id="id_{field}-error"' in html
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


@pytest.mark.parametrize("value", ["1900-01-01", "2999-12-31"])
def test_the_edges_are_valid_filters(value, users, client_for):
    client = client_for(users.privacy)
    assert client.get(reverse("privacy:audit_list"), {"since": value, "until": value}).status_code == 200
    response = client.get(reverse("privacy:audit_export"), {"since": value, "until": value})
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"id,timestamp")
