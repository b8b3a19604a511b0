# SPDX-License-Identifier: EUPL-1.2
"""Two logged-in users edit one service at once (issue 15 item 4): both load the form, the first
saves, the second save is refused with a Dutch message (409); the first change is intact, the
second user's own input is still in the form and the values now stored are shown beside it. A
deliberate second save (with the version the refusal page carries) then goes through. The same for
a location and for opening times, and after a beheerder's save in the admin."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests.factories_sociale_kaart import LocationFactory, ScheduleFactory
from wijkteam.sociale_kaart.admin import ServiceAdmin
from wijkteam.sociale_kaart.models import Location, Service, ServiceAtLocation

from .conftest import service_post_data

pytestmark = pytest.mark.django_db

STALE = "Iemand anders heeft dit aanbod intussen gewijzigd."


def _version(page: Any) -> str:
    found = re.search(r'name="versie" value="([0-9a-f]+)"', page.content.decode())
    assert found, "the form carries its version"
    return found.group(1)


def _text(response: Any) -> str:
    return html.unescape(response.content.decode())


def test_two_users_edit_one_service_the_second_save_is_refused(users, own_service, client_for):
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    partner, beheerder = client_for(users.partner), client_for(users.beheerder)
    partner_version = _version(partner.get(url))
    beheerder_version = _version(beheerder.get(url))
    assert partner_version == beheerder_version

    first = beheerder.post(url, {**service_post_data(own_service, description="Elke week op woensdag."),
                                 "versie": beheerder_version})
    assert first.status_code == 302
    second = partner.post(url, {**service_post_data(own_service, name="Taalcafé De Brug Oost"),
                                "versie": partner_version})

    assert second.status_code == 409
    page = _text(second)
    assert STALE in page
    assert 'value="Taalcafé De Brug Oost"' in page  # what the partner typed is still in the form
    assert "Nu opgeslagen:" in page and "Elke week op woensdag." in page  # and what is stored now
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé De Brug", "Elke week op woensdag.")

    # Having seen both, the partner saves again on purpose: that save carries the current version.
    again = partner.post(url, {**service_post_data(own_service, name="Taalcafé De Brug Oost"),
                               "versie": _version(second)})
    assert again.status_code == 302
    own_service.refresh_from_db()
    assert (own_service.name, own_service.description) == ("Taalcafé De Brug Oost", "Elke week op woensdag.")


def test_an_admin_save_makes_an_open_partner_form_stale(users, own_service, client_for):
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    partner = client_for(users.partner)
    version = _version(partner.get(url))
    # The beheerder changes the alert in the admin (ServiceAdmin.save_model, as the admin's change view calls it).
    request = RequestFactory().post("/")
    request.user = users.beheerder
    obj = Service.objects.get(pk=own_service.pk)
    obj.alert = "Gesloten in de kerstvakantie."
    ServiceAdmin(Service, admin_site=None).save_model(request, obj, form=None, change=True)  # type: ignore[arg-type]

    refused = partner.post(url, {**service_post_data(own_service, name="Ander naam"), "versie": version})
    assert refused.status_code == 409
    own_service.refresh_from_db()
    assert (own_service.name, own_service.alert) == ("Taalcafé De Brug", "Gesloten in de kerstvakantie.")


def test_a_form_without_a_version_still_saves(users, own_service, client_for):
    # Scripts and old pages post without one; the check is for forms that carry a version.
    url = reverse("sociale_kaart_werk:service_edit", args=[own_service.pk])
    assert client_for(users.partner).post(url, service_post_data(own_service, name="Zonder versie")).status_code == 302


LOCATION = {"name": "Buurthuis De Schakel", "address_1": "Havenstraat 12", "postal_code": "3511 AK",
            "city": "Voorbeeld", "state_province": "Utrecht", "description": "", "transportation": "",
            "accessibility": ""}


def test_two_users_edit_one_location_the_second_save_is_refused(users, own_service, client_for):
    location = LocationFactory(organization=own_service.organization, name="Buurthuis De Schakel")
    ServiceAtLocation.objects.create(service=own_service, location=location)
    url = reverse("sociale_kaart_werk:location_edit", args=[location.pk])
    partner, beheerder = client_for(users.partner), client_for(users.beheerder)
    partner_version, beheerder_version = _version(partner.get(url)), _version(beheerder.get(url))

    assert beheerder.post(url, {**LOCATION, "transportation": "Bus 8.", "versie": beheerder_version}).status_code == 302
    second = partner.post(url, {**LOCATION, "address_1": "Havenstraat 14", "versie": partner_version})

    assert second.status_code == 409
    page = _text(second)
    assert STALE in page and 'value="Havenstraat 14"' in page and "Bus 8." in page
    location = Location.objects.get(pk=location.pk)
    assert location.transportation == "Bus 8."
    assert location.addresses.get().address_1 == "Havenstraat 12"


class _FormValues(HTMLParser):
    """What a browser would post for the page's form that holds `marker` (the opening-times form
    changes often; reading it from the page keeps this test about versions, not about its fields)."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker, self.forms, self.current = marker, [], None  # type: ignore[var-annotated]
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.current = []
            self.forms.append(self.current)
        elif self.current is None:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self.current.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.current.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.current.append((self.textarea, ""))

    def handle_data(self, data: str) -> None:
        if self.textarea and self.current:
            name, text = self.current[-1]
            self.current[-1] = (name, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    @classmethod
    def of(cls, page: Any, marker: str) -> dict[str, list[str]]:
        parser = cls(marker)
        parser.feed(page.content.decode())
        for fields in parser.forms:
            if any(name == marker for name, _value in fields):
                values: dict[str, list[str]] = {}
                for name, value in fields:
                    values.setdefault(name, []).append(value.lstrip("\n"))
                return values
        raise AssertionError(f"no form with {marker}")


def test_two_users_edit_opening_times_the_second_save_is_refused(users, own_service, client_for):
    schedule = ScheduleFactory(service=own_service)
    url = reverse("sociale_kaart_werk:schedules_edit", args=[own_service.pk])
    partner, beheerder = client_for(users.partner), client_for(users.beheerder)
    partner_form = _FormValues.of(partner.get(url), "tijd-TOTAL_FORMS")
    beheerder_form = _FormValues.of(beheerder.get(url), "tijd-TOTAL_FORMS")
    assert partner_form["versie"] == beheerder_form["versie"]

    assert beheerder.post(url, {**beheerder_form, "tijd-0-closes_at": ["13:00"]}).status_code == 302
    second = partner.post(url, {**partner_form, "tijd-0-closes_at": ["11:00"]})

    assert second.status_code == 409
    page = _text(second)
    assert STALE in page
    assert 'value="11:00"' in page  # the partner's input is kept
    stored = page[page.index("Nu opgeslagen:"):]
    assert re.search(r"13[.:]00", stored[: stored.index("</dl>")])  # what the beheerder saved is shown
    schedule.refresh_from_db()
    assert schedule.closes_at == dt.time(13, 0)
