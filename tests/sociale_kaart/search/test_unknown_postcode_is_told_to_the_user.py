# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: a postcode the kaart cannot place was silently ignored. The public page says so next
to the field (and does not pretend to sort by distance); the HSDS API answers 400 with a message."""

from __future__ import annotations

import pytest

from wijkteam.gebieden.models import Postcode
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import make_service
from .http_results import result_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart_with_one_postcode(place):
    make_service("Geldloket", "Hulp bij rekeningen en schulden.", ["LD01"], lat=52.09, lon=5.12)
    Postcode.objects.create(pc6="3511 AB", latitude=52.09, longitude=5.12, buurt=place.buurt_a)
    reindex_all()


def test_public_page_tells_an_unknown_postcode(client, kaart_with_one_postcode):
    page = result_page(client, q="schulden", postcode="9999zz")
    assert "Postcode 9999 ZZ kennen we niet. Controleer de postcode, of kies uw wijk." in page
    assert "van u" not in page  # no distances shown as if measured from somewhere

    known = result_page(client, q="schulden", postcode="3511ab")
    assert "kennen we niet" not in known
    assert "Geldloket" in known


def test_four_digit_area_that_has_no_postcodes_is_unknown_too(client, kaart_with_one_postcode):
    assert "Postcode 9999 kennen we niet." in result_page(client, q="schulden", postcode="9999")
    assert "kennen we niet" not in result_page(client, q="schulden", postcode="3511")


@pytest.mark.parametrize("path", ["/api/hsds/services", "/api/hsds/service_at_locations"])
def test_api_answers_400_for_an_unknown_postcode(client, kaart_with_one_postcode, path):
    response = client.get(path, {"postcode": "9999ZZ"})
    assert response.status_code == 400
    assert response.json() == {"status": 400, "message": "postcode '9999ZZ' is onbekend"}
    assert client.get(path, {"postcode": "3511AB"}).status_code == 200
