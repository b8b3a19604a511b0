# SPDX-License-Identifier: EUPL-1.2
"""Staff search by surname, postcode or BSN (by POST), only within their teams' wijken; the query is not logged."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def test_search_by_surname_postcode_and_bsn(place, users, client_for):
    mine = f.PersoonFactory(achternaam="Bakker", bsn="111222333", huishouden__adres__buurt=place.buurt_a,
                            huishouden__adres__postcode="3511 AB")
    f.PersoonFactory(achternaam="Bakker", huishouden__adres__buurt=place.buurt_b)  # other team's wijk
    client = client_for(users.medewerker)
    url = reverse("huishoudens:person_search")

    by_name = client.get(url, {"q": "bakk"}).content.decode()
    assert re.findall(r"/werk/personen/\d+/", by_name) == [f"/werk/personen/{mine.pk}/"]
    assert f"/werk/personen/{mine.pk}/" in client.get(url, {"q": "3511ab"}).content.decode()
    assert f"/werk/personen/{mine.pk}/" in client.post(url, {"bsn": "111222333"}).content.decode()

    searches = AuditEvent.objects.filter(action=Action.SEARCH, username="medewerker")
    details = list(searches.order_by("id").values_list("detail", flat=True))
    assert [d["kind"] for d in details] == ["naam", "postcode", "bsn"]
    assert "111222333" not in str(details) and "bakk" not in str(details)


def test_search_page_refused_for_partner_and_analist(users, client_for):
    for role in ["partner", "analist"]:
        assert client_for(getattr(users, role)).get(reverse("huishoudens:person_search"), {"q": "x"}).status_code == 403


def test_htmx_request_gets_only_the_results_fragment(place, users, client_for):
    f.PersoonFactory(achternaam="Visser", huishouden__adres__buurt=place.buurt_a)
    response = client_for(users.medewerker).get(reverse("huishoudens:person_search"), {"q": "Visser"},
                                                 HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Visser" in html and "<html" not in html
