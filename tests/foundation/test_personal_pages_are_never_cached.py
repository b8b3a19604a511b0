# SPDX-License-Identifier: EUPL-1.2
"""Staff pages, exports and every logged-in response carry `Cache-Control: no-store`; every
response carries a Permissions-Policy; the public sociale kaart stays cacheable for visitors."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_response_has_a_permissions_policy(users, client_for):
    for response in (Client().get("/"), Client().get("/healthz"), client_for(users.medewerker).get("/werk/")):
        policy = response["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


@pytest.mark.parametrize("url_name", ["accounts:werkomgeving", "privacy:audit_list", "privacy:audit_export"])
def test_staff_pages_and_exports_are_no_store(url_name, users, client_for):
    response = client_for(users.privacy).get(reverse(url_name))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_staff_area_is_no_store_even_for_a_refusal_or_a_redirect(users, client_for):
    assert "no-store" in client_for(users.analist).get(reverse("privacy:audit_list"))["Cache-Control"]
    assert "no-store" in Client().get(reverse("privacy:audit_list"))["Cache-Control"]


def test_a_logged_in_visitor_of_a_public_page_is_no_store(users, client_for):
    assert "no-store" in client_for(users.medewerker).get("/")["Cache-Control"]


def test_the_public_front_page_stays_cacheable_for_visitors():
    assert "no-store" not in Client().get("/").get("Cache-Control", "")
