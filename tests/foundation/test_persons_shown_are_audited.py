# SPDX-License-Identifier: EUPL-1.2
"""Every person whose data a page shows is in the trail: household members and search results."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _read_person_ids(**filters):
    return sorted(AuditEvent.objects.filter(action=Action.READ, object_type="huishoudens.persoon", **filters)
                  .values_list("person_id", flat=True))


def test_household_page_records_every_member_shown(place, users, client_for):
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    members = [f.PersoonFactory(huishouden=household) for _ in range(3)]
    f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)  # a neighbour, not shown

    response = client_for(users.medewerker).get(reverse("huishoudens:household_detail", args=[household.pk]))

    assert response.status_code == 200
    assert _read_person_ids(detail__via="huishouden") == sorted(m.pk for m in members)
    assert set(AuditEvent.objects.filter(detail__via="huishouden").values_list("username", flat=True)) == {
        "medewerker"}


def test_search_results_record_every_person_listed(place, users, client_for):
    shown = [f.PersoonFactory(achternaam="Bakker", huishouden__adres__buurt=place.buurt_a) for _ in range(2)]
    f.PersoonFactory(achternaam="Bakker", huishouden__adres__buurt=place.buurt_b)  # out of scope: not shown
    f.PersoonFactory(achternaam="Visser", huishouden__adres__buurt=place.buurt_a)  # no match

    client_for(users.medewerker).get(reverse("huishoudens:person_search"), {"q": "bakker"})

    assert _read_person_ids(detail__via="zoeken") == sorted(p.pk for p in shown)


def test_refused_household_page_records_no_member_reads(place, users, client_for):
    household = f.HuishoudenFactory(adres__buurt=place.buurt_a)
    f.PersoonFactory(huishouden=household)
    response = client_for(users.medewerker_b).get(reverse("huishoudens:household_detail", args=[household.pk]))
    assert response.status_code == 403
    assert _read_person_ids() == []
