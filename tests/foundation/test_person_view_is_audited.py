# SPDX-License-Identifier: EUPL-1.2
"""A medewerker opening a person writes one NEN 7513 audit row; the privacy officer finds it by person."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent, Outcome

pytestmark = pytest.mark.django_db


def test_medewerker_viewing_a_person_creates_a_complete_audit_row(place, users, client_for, frozen_time):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a, achternaam="Jansen")
    client = client_for(users.medewerker)

    response = client.get(reverse("huishoudens:person_detail", args=[person.pk]),
                          HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="10.1.2.3", HTTP_X_REQUEST_ID="req-12345678")

    assert response.status_code == 200
    assert "Jansen" in response.content.decode()
    event = AuditEvent.objects.get(action=Action.READ, person_id=person.pk)
    assert event.timestamp.isoformat() == "2026-11-25T09:15:00+00:00"
    assert event.user_id == users.medewerker.pk
    assert event.username == "medewerker"
    assert event.role == "medewerker"
    assert event.object_type == "huishoudens.persoon"
    assert event.object_id == str(person.pk)
    assert event.household_id == person.huishouden_id
    assert event.ip_address == "10.1.2.3"
    assert event.user_agent == "Firefox/140"
    assert event.request_id == "req-12345678"
    assert event.outcome == Outcome.SUCCESS
    # The response carries the same request id, so a complaint can be traced to the row.
    assert response["X-Request-ID"] == "req-12345678"


def test_privacy_officer_finds_who_looked_at_a_person_and_exports_it(place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    other = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]))
    client_for(users.teamleider).get(reverse("huishoudens:person_detail", args=[other.pk]))
    privacy = client_for(users.privacy)

    page = privacy.get(reverse("privacy:audit_list"), {"person": person.pk})

    assert page.status_code == 200
    html = page.content.decode()
    assert "medewerker" in html
    assert "teamleider" not in html.split("<tbody")[1]

    export = privacy.get(reverse("privacy:audit_export"), {"person": person.pk, "action": "read"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [(r["username"], r["action"], r["person_id"]) for r in rows] == [("medewerker", "read", str(person.pk))]
    # Searching and exporting the trail are themselves on the trail.
    assert AuditEvent.objects.filter(username="privacy", action=Action.SEARCH).exists()
    assert AuditEvent.objects.filter(username="privacy", action=Action.EXPORT).exists()


def test_audit_filter_by_user(place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]))
    client_for(users.teamleider).get(reverse("huishoudens:person_detail", args=[person.pk]))

    page = client_for(users.privacy).get(reverse("privacy:audit_list"), {"user": "teamleider", "action": "read"})

    body = page.content.decode().split("<tbody")[1]
    assert body.count("<tr") == 1
    assert "teamleider" in body


def test_csv_export_neutralises_formula_injection(place, users, client_for):
    # A username typed as a spreadsheet formula must not execute when the officer opens the CSV.
    client_for(None).post(reverse("accounts:login"), {"username": "=HYPERLINK(\"x\")", "password": "nope"})

    export = client_for(users.privacy).get(reverse("privacy:audit_export"), {"action": "login_failed"})

    content = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_privacy_officer_can_find_a_person_by_bsn_without_it_in_a_url_or_the_trail(place, users, client_for):
    person = f.PersoonFactory(bsn="123456782", huishouden__adres__buurt=place.buurt_a)
    client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk]))
    privacy = client_for(users.privacy)

    response = privacy.post(reverse("privacy:audit_lookup_bsn"), {"bsn": "1234.56.782"})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('privacy:audit_list')}?person={person.pk}"
    body = privacy.get(response["Location"], {"action": "read"}).content.decode().split("<tbody")[1]
    assert body.count("<tr") == 1 and "medewerker" in body
    assert "123456782" not in str(list(AuditEvent.objects.values_list("detail", "path", "reason")))


def test_unknown_bsn_gives_a_dutch_error(users, client_for):
    page = client_for(users.privacy).post(reverse("privacy:audit_lookup_bsn"), {"bsn": "111222333"})
    assert page.status_code == 400
    assert "Er is geen persoon met dit BSN." in page.content.decode()


def test_bsn_lookup_is_only_for_the_privacy_officer(users, client_for):
    response = client_for(users.medewerker).post(reverse("privacy:audit_lookup_bsn"), {"bsn": "111222333"})
    assert response.status_code == 403
