# SPDX-License-Identifier: EUPL-1.2
"""The access hook: another app registers a grant and its users see those persons and households, no more."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.urls import reverse

from tests import factories as f
from wijkteam.huishoudens.access import Grant, register_grant, unregister_grant

pytestmark = pytest.mark.django_db

# Stands in for e.g. a cases app: "the regisseur of a case sees its person". Here: persons named "Zaak".
CASE_GRANT = Grant(
    name="tests.zaak",
    persons=lambda user: Q(achternaam="Zaak") if user.username == "medewerker_noord" else None,
    households=lambda user: Q(leden__achternaam="Zaak") if user.username == "medewerker_noord" else None,
)


@pytest.fixture
def case_grant():
    register_grant(CASE_GRANT)
    yield CASE_GRANT
    unregister_grant(CASE_GRANT.name)


def test_grant_opens_person_and_household_outside_the_team_wijk(place, users, client_for, case_grant):
    person = f.PersoonFactory(achternaam="Zaak", huishouden__adres__buurt=place.buurt_a)
    neighbour = f.PersoonFactory(achternaam="Buur", huishouden__adres__buurt=place.buurt_a)
    noord = client_for(users.medewerker_b)

    assert noord.get(reverse("huishoudens:person_detail", args=[person.pk])).status_code == 200
    assert noord.get(reverse("huishoudens:household_detail", args=[person.huishouden_id])).status_code == 200
    assert noord.get(reverse("huishoudens:person_detail", args=[neighbour.pk])).status_code == 403
    # A grant never reaches roles that may not see personal data at all.
    assert client_for(users.analist).get(reverse("huishoudens:person_detail", args=[person.pk])).status_code == 403


def test_without_the_grant_the_team_wijk_decides(place, users, client_for):
    person = f.PersoonFactory(achternaam="Zaak", huishouden__adres__buurt=place.buurt_a)
    assert client_for(users.medewerker_b).get(reverse("huishoudens:person_detail", args=[person.pk])).status_code == 403
    assert client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk])).status_code == 200


def test_a_grant_name_is_registered_once(case_grant):
    with pytest.raises(ValueError, match="already registered"):
        register_grant(case_grant)
