# SPDX-License-Identifier: EUPL-1.2
"""Looking a resident up by BSN is a read of personal data: it is on the trail, without the BSN."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent, Outcome

pytestmark = pytest.mark.django_db


def test_a_found_bsn_is_recorded_with_the_person_and_without_the_number(place, users, client_for):
    person = f.PersoonFactory(bsn="123456782", huishouden__adres__buurt=place.buurt_a)

    response = client_for(users.privacy).post(reverse("privacy:audit_lookup_bsn"), {"bsn": "123456782"})

    assert response.status_code == 302
    event = AuditEvent.objects.get(username="privacy", action=Action.SEARCH, object_type="huishoudens.persoon")
    assert event.person_id == person.pk
    assert event.outcome == Outcome.SUCCESS
    assert event.detail == {"kind": "bsn", "hits": 1}
    assert "123456782" not in str(AuditEvent.objects.values_list("detail", "path", "reason", "object_id"))


def test_an_unknown_bsn_is_recorded_as_a_search_without_a_hit(users, client_for):
    response = client_for(users.privacy).post(reverse("privacy:audit_lookup_bsn"), {"bsn": "111222333"})

    assert response.status_code == 400
    event = AuditEvent.objects.get(username="privacy", action=Action.SEARCH, object_type="huishoudens.persoon")
    assert event.person_id is None
    assert event.outcome == Outcome.FAILURE
    assert event.detail == {"kind": "bsn", "hits": 0}
