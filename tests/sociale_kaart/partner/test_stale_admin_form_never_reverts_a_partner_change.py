# SPDX-License-Identifier: EUPL-1.2
"""A beheerder who saves an admin page loaded before a partner's change is refused (issue 15 item 4):
nothing is written, the partner's change stays, and the beheerder is told in Dutch. A fresh admin page
then saves as usual."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from tests.sociale_kaart.admin_form import admin_form

from .conftest import service_post_data

pytestmark = pytest.mark.django_db

STALE = "Iemand anders heeft dit intussen gewijzigd."


def test_admin_save_from_an_old_page_is_refused(users, own_service, client_for):
    admin_url = reverse("admin:sociale_kaart_service_change", args=[own_service.pk])
    partner_url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    beheerder, partner = client_for(users.beheerder), client_for(users.partner)

    old_page = beheerder.get(admin_url)
    assert old_page.status_code == 200
    stale_form = admin_form(old_page)
    assert stale_form["wt_versie"]

    saved = partner.post(partner_url, service_post_data(own_service, description="Nu ook op donderdag."))
    assert saved.status_code == 302

    refused = beheerder.post(admin_url, {**stale_form, "name": "Taalcafé (beheer)"})
    assert refused.status_code == 200
    assert STALE in html.unescape(refused.content.decode())
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé De Brug", "Nu ook op donderdag.")

    fresh_form = admin_form(beheerder.get(admin_url))
    done = beheerder.post(admin_url, {**fresh_form, "name": "Taalcafé (beheer)"})
    assert done.status_code == 302
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé (beheer)", "Nu ook op donderdag.")
