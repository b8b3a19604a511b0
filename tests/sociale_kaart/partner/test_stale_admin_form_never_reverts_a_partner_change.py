# SPDX-License-Identifier: EUPL-1.2
"""A beheerder who saves an admin page loaded before a partner's change is refused (issue 15 item 4):
nothing is written, the partner's change stays, and the beheerder is told in Dutch. A fresh admin page
then saves as usual."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from .conftest import service_post_data

pytestmark = pytest.mark.django_db

STALE = "Iemand anders heeft dit intussen gewijzigd."


class _FormFields(HTMLParser):
    """The values a browser would post for the admin's change form (inputs, selects, textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, Any] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "checkbox", "file"):
            self.data[name] = a.get("value") or ""
        elif tag == "input" and name and a.get("type") == "checkbox" and "checked" in a:
            self.data[name] = a.get("value") or "on"
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += data


def _admin_form(page: Any) -> dict[str, Any]:
    parser = _FormFields()
    parser.feed(page.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return {k: v for k, v in parser.data.items() if not k.startswith("_")}


def test_admin_save_from_an_old_page_is_refused(users, own_service, client_for):
    admin_url = reverse("admin:sociale_kaart_service_change", args=[own_service.pk])
    partner_url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    beheerder, partner = client_for(users.beheerder), client_for(users.partner)

    old_page = beheerder.get(admin_url)
    assert old_page.status_code == 200
    stale_form = _admin_form(old_page)
    assert stale_form["wt_versie"]

    saved = partner.post(partner_url, service_post_data(own_service, description="Nu ook op donderdag."))
    assert saved.status_code == 302

    refused = beheerder.post(admin_url, {**stale_form, "name": "Taalcafé (beheer)"})
    assert refused.status_code == 200
    assert STALE in html.unescape(refused.content.decode())
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé De Brug", "Nu ook op donderdag.")

    fresh_form = _admin_form(beheerder.get(admin_url))
    done = beheerder.post(admin_url, {**fresh_form, "name": "Taalcafé (beheer)"})
    assert done.status_code == 302
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé (beheer)", "Nu ook op donderdag.")
