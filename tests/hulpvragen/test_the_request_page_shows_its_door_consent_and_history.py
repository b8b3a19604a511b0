# SPDX-License-Identifier: EUPL-1.2
"""The request page: the request in the resident's words, household, the door it came through, consent at the
door and as recorded, the status history, the link to triage; its actions (take it, close, choose the person,
confirm consents, route) are POST forms that go through the services and are refused outside the team."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests import factories as f
from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.huishoudens.models import Doel, Toestemming
from wijkteam.hulpvragen.models import HulpvraagStatus, Kanaal
from wijkteam.hulpvragen.services import Aanvrager, Contact, create_request

from .support import adres, postcodes

pytestmark = pytest.mark.django_db


def _url(name: str, pk: int) -> str:
    return reverse(f"hulpvragen:{name}", kwargs={"pk": pk})


def test_the_page_shows_request_door_consent_history_and_triage(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    hv = HulpvraagFactory(persoon__huishouden__adres__buurt=place.buurt_a, team=place.team_a, web=True,
                          toestemmingen={"contact": True, "onderzoek": False})
    html = client_for(users.medewerker).get(_url("hulpvraag_detail", hv.pk)).content.decode()
    assert "voel me sinds de scheiding erg alleen" in html
    assert "Webformulier" in html and "Financiën" in html and "Sociaal netwerk" in html
    assert escape(hv.persoon.achternaam) in html and escape(hv.huishouden.adres.straat) in html
    assert "Contact opnemen na een signaal" in html and "niets vastgelegd" in html
    assert "Geschiedenis" in html and "Nieuw" in html
    assert reverse("hulpvragen:triage", kwargs={"pk": hv.pk}) in html
    assert "Wat de bewoner te horen kreeg" in html


def test_take_it_then_close_it(place: Any, users: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    client = client_for(users.medewerker)
    client.post(_url("assign", hv.pk), {"actie": "zelf"})
    hv.refresh_from_db()
    assert hv.behandelaar == users.medewerker and hv.status == HulpvraagStatus.IN_BEHANDELING
    response = client.post(_url("change_status", hv.pk), {"naar": "afgesloten", "afsluitreden": ""}, follow=True)
    assert "Kies waarom de hulpvraag wordt afgesloten." in response.content.decode()
    client.post(_url("change_status", hv.pk), {"naar": "afgesloten", "afsluitreden": "collectief"})
    hv.refresh_from_db()
    assert hv.status == HulpvraagStatus.AFGESLOTEN and hv.afsluitreden == "collectief"


def test_choose_the_person_and_confirm_the_web_consents(place: Any, users: Any, client_for: Any,
                                                        frozen_time: Any) -> None:
    postcodes(place)
    anna = Aanvrager(achternaam="Jansen", geboortedatum=dt.date(1990, 4, 2))
    first = create_request(kanaal=Kanaal.WEB, omschrijving="x", aanvrager=anna, adres=adres(), system="webformulier")
    twin = f.PersoonFactory(huishouden=first.huishouden, achternaam="Jansen", geboortedatum=anna.geboortedatum)
    hv = create_request(kanaal=Kanaal.WEB, omschrijving="y", aanvrager=anna, adres=adres(), system="webformulier",
                        contact=Contact(telefoon="0687654321"), toestemmingen={Doel.CONTACT_OPNEMEN: True})
    client = client_for(users.medewerker)
    html = client.get(_url("hulpvraag_detail", hv.pk)).content.decode()
    assert "Wie is de aanvrager?" in html and "0687654321" in html
    # Someone who is not a candidate cannot be chosen here.
    stranger = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    client.post(_url("link_person", hv.pk), {"persoon": stranger.pk})
    hv.refresh_from_db()
    assert hv.persoon is None
    client.post(_url("link_person", hv.pk), {"persoon": twin.pk})
    hv.refresh_from_db()
    twin.refresh_from_db()
    assert hv.persoon == twin and not hv.persoon_onzeker and hv.aangeleverd == {}
    assert twin.telefoon == "0687654321"
    client.post(_url("confirm_consents", hv.pk))
    assert Toestemming.objects.get(persoon=twin, doel=Doel.CONTACT_OPNEMEN).vastgelegd_door == users.medewerker


def test_a_teamleider_routes_the_central_queue(place: Any, users: Any, client_for: Any) -> None:
    hv = HulpvraagFactory(centraal=True)
    assert client_for(users.medewerker).post(_url("route", hv.pk), {"team": place.team_a.pk}).status_code == 403
    client_for(users.teamleider).post(_url("route", hv.pk), {"team": place.team_b.pk})
    hv.refresh_from_db()
    assert hv.team_id == place.team_b.pk


@pytest.mark.parametrize("name", ["assign", "change_status", "link_person", "confirm_consents"])
def test_actions_are_refused_outside_the_team(place: Any, users: Any, client_for: Any, name: str) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    assert client_for(users.medewerker_b).post(_url(name, hv.pk), {"actie": "zelf"}).status_code == 403
    hv.refresh_from_db()
    assert hv.behandelaar is None and hv.status == HulpvraagStatus.NIEUW
