# SPDX-License-Identifier: EUPL-1.2
"""A BSN is searched by POST only: refused in the GET search (with a pointer), never in a URL or the trail."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

BSN = "111222333"


def test_bsn_shaped_get_is_refused_with_a_pointer_to_the_bsn_field(place, users, client_for):
    f.PersoonFactory(bsn=BSN, huishouden__adres__buurt=place.buurt_a)
    for typed in (BSN, "1112.22.333", "11122233"):
        response = client_for(users.medewerker).get(reverse("huishoudens:person_search"), {"q": typed}, follow=True)
        html = response.content.decode()
        assert response.status_code == 400
        # Sent on at once to a URL without the number.
        assert [url for url, _status in response.redirect_chain] == ["/werk/personen/?fout=bsn"]
        assert "Zoeken op BSN" in html and 'href="#bsn"' in html
        assert "/werk/personen/1/" not in html and "persoon gevonden" not in html
        # Not echoed back into the page either.
        assert typed not in html


def test_bsn_search_by_post_finds_the_person_without_the_bsn_in_any_url(place, users, client_for):
    person = f.PersoonFactory(bsn=BSN, huishouden__adres__buurt=place.buurt_a)
    f.PersoonFactory(bsn="123456782", huishouden__adres__buurt=place.buurt_b)  # other team's wijk
    client = client_for(users.medewerker)
    page = client.get(reverse("huishoudens:person_search")).content.decode()
    assert 'method="post"' in page and 'name="bsn"' in page

    response = client.post(reverse("huishoudens:person_search"), {"bsn": "1112.22.333"}, follow=True)

    assert response.status_code == 200 and response.redirect_chain == []
    html = response.content.decode()
    assert f'href="/werk/personen/{person.pk}/"' in html and "1 persoon gevonden" in html
    assert BSN not in response.request["PATH_INFO"] + response.request.get("QUERY_STRING", "")
    assert BSN not in html
    other = client.post(reverse("huishoudens:person_search"), {"bsn": "123456782"}).content.decode()
    assert "0 personen gevonden" in other
    trail = list(AuditEvent.objects.values_list("path", "detail", "reason", "object_id"))
    assert trail and BSN not in str(trail) and "123456782" not in str(trail)


def test_invalid_bsn_gets_a_dutch_error(users, client_for):
    response = client_for(users.medewerker).post(reverse("huishoudens:person_search"), {"bsn": "123456789"})
    assert response.status_code == 400
    assert "11-proef" in response.content.decode()


def test_bsn_search_refused_for_partner_and_analist(users, client_for):
    for role in ("partner", "analist"):
        response = client_for(getattr(users, role)).post(reverse("huishoudens:person_search"), {"bsn": BSN})
        assert response.status_code == 403


def test_htmx_search_shows_the_refusal_in_the_results_region(place, users, client_for):
    response = client_for(users.medewerker).get(reverse("huishoudens:person_search"), {"q": BSN}, follow=True,
                                                HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'role="alert"' in html and 'href="#bsn"' in html and BSN not in html
