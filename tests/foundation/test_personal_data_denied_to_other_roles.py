# SPDX-License-Identifier: EUPL-1.2
"""Who may not see a person gets 403, and the refusal is on the audit trail with the person's id."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent, Outcome

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["partner", "analist", "beheerder", "medewerker_b"])
def test_roles_without_access_get_403_and_the_denial_is_logged(role, place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    user = getattr(users, role)

    response = client_for(user).get(reverse("huishoudens:person_detail", args=[person.pk]))

    assert response.status_code == 403
    assert "Jansen" not in response.content.decode()
    denial = AuditEvent.objects.get(action=Action.DENIED, user_id=user.pk)
    assert denial.outcome == Outcome.DENIED
    assert denial.person_id == person.pk
    assert denial.object_id == str(person.pk)
    assert not AuditEvent.objects.filter(action=Action.READ, person_id=person.pk).exists()


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "privacy"])
def test_roles_with_access_see_the_person(role, place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)

    response = client_for(getattr(users, role)).get(reverse("huishoudens:person_detail", args=[person.pk]))

    assert response.status_code == 200


def test_anonymous_is_sent_to_login(place):
    from django.test import Client

    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    response = Client().get(reverse("huishoudens:person_detail", args=[person.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_id_is_refused_like_a_forbidden_one(place, users, client_for):
    # Same answer for "does not exist" and "not yours", so ids cannot be probed.
    response = client_for(users.partner).get(reverse("huishoudens:person_detail", args=[999_999]))
    assert response.status_code == 403


def test_household_page_follows_the_same_rules(place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    url = reverse("huishoudens:household_detail", args=[person.huishouden_id])

    assert client_for(users.medewerker).get(url).status_code == 200
    assert client_for(users.partner).get(url).status_code == 403
    assert client_for(users.medewerker_b).get(url).status_code == 403
    reads = AuditEvent.objects.filter(action=Action.READ, household_id=person.huishouden_id)
    # The household read, and the member whose name the page shows.
    assert sorted(reads.values_list("object_type", "person_id")) == [
        ("huishoudens.huishouden", None), ("huishoudens.persoon", person.pk)]


def test_audit_page_only_for_privacy_officer(users, client_for):
    for role in ["medewerker", "teamleider", "partner", "analist", "beheerder"]:
        assert client_for(getattr(users, role)).get(reverse("privacy:audit_list")).status_code == 403, role
    assert client_for(users.privacy).get(reverse("privacy:audit_list")).status_code == 200
