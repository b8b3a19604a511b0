# SPDX-License-Identifier: EUPL-1.2
"""Contact attempts (DDAS contact types, reached yes/no, date and dagdeel): the first one dates the zaak and
moves it from nieuw to contact gezocht, or to in gesprek once the resident is reached. A date in the
future or before receipt, a missing field, or a closed zaak is refused with a Dutch error naming the field,
and nothing is written. Each attempt is in the audit trail (without the note's text)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import Contactpoging, Contactsoort, ZaakStatus, ZaakStatusHistorie
from wijkteam.vroegsignalering.zaken.services import record_contact_attempt

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db


def _post(client, zaak, **fields):
    data = {"soort": "Telefoon", "bereikt": "nee", "datum": "24-11-2026", "dagdeel": "Ochtend", "notitie": "", **fields}
    return client.post(reverse("vroegsignalering:zaak_contactpoging", args=[zaak.pk]), data)


def test_attempts_through_the_page(place, users, client_for, frozen_time):
    zaak = zaak_world(place).zaak
    client = client_for(users.medewerker)

    response = _post(client, zaak, soort="Brief", datum="2026-11-20", notitie="Brief met voorstel huisbezoek.")
    assert response.status_code == 302
    assert response["Location"].endswith("#contactpogingen")
    zaak.refresh_from_db()
    assert (zaak.status, zaak.eerste_contactpoging, zaak.datum_opgepakt) == (
        ZaakStatus.CONTACT_GEZOCHT, dt.date(2026, 11, 20), dt.date(2026, 11, 20))

    assert _post(client, zaak, soort="Huisbezoek", bereikt="ja", dagdeel="Avond").status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.IN_GESPREK
    assert zaak.eerste_contactpoging == dt.date(2026, 11, 20)  # still the first one
    assert list(ZaakStatusHistorie.objects.filter(zaak=zaak).values_list("naar", flat=True)) == [
        ZaakStatus.NIEUW, ZaakStatus.CONTACT_GEZOCHT, ZaakStatus.IN_GESPREK]

    page = client.get(reverse("vroegsignalering:zaak_detail", args=[zaak.pk])).content.decode()
    assert "Brief met voorstel huisbezoek." in page
    assert "Huisbezoek" in page and "Avond" in page
    events = AuditEvent.objects.filter(action=Action.CREATE, object_type="vroegsignalering.contactpoging",
                                       household_id=zaak.huishouden_id, user_id=users.medewerker.pk)
    assert events.count() == 2
    assert all("voorstel" not in str(e.detail) for e in events)  # the note's text stays out of the trail


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"datum": "26-11-2026"}, "datum", "De datum van de contactpoging mag niet in de toekomst liggen."),
    ({"datum": "04-11-2026"}, "datum", "mag niet vóór de ontvangst van het signaal (05-11-2026) liggen"),
    ({"datum": "31-02-2026"}, "datum", "Vul de datum van de contactpoging in als dd-mm-jjjj."),
    ({"soort": ""}, "soort", "Kies de soort contact."),
    ({"soort": "Postduif"}, "soort", "Kies een soort contact uit de lijst."),
    ({"bereikt": ""}, "bereikt", "Kies bij “Inwoner bereikt?” ja of nee."),
    ({"dagdeel": "Nacht"}, "dagdeel", "Kies een dagdeel: ochtend, middag of avond."),
])
def test_bad_input_names_the_field_and_writes_nothing(place, users, client_for, frozen_time, fields, field,
                                                      message):
    zaak = zaak_world(place).zaak
    response = _post(client_for(users.medewerker), zaak, **fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page.replace("&quot;", '"').replace("&#x27;", "'")
    assert f'id="id_{field}-error"' in page
    assert not Contactpoging.objects.exists()
    zaak.refresh_from_db()
    assert (zaak.status, zaak.eerste_contactpoging) == (ZaakStatus.NIEUW, None)


def test_a_closed_zaak_takes_no_attempts(place, users, frozen_time):
    zaak = zaak_world(place, status=ZaakStatus.GESLOTEN).zaak
    with pytest.raises(ValidationError) as refused:
        record_contact_attempt(zaak, soort=Contactsoort.TELEFOON, bereikt=True, datum=dt.date(2026, 11, 24),
                               dagdeel="Middag", by=users.medewerker)
    assert "Deze zaak is gesloten" in refused.value.messages[0]
    assert not Contactpoging.objects.exists()


def test_an_earlier_attempt_written_down_later_dates_the_zaak(place, users, frozen_time):
    zaak = zaak_world(place).zaak
    record_contact_attempt(zaak, soort="Telefoon", bereikt=False, datum=dt.date(2026, 11, 23), dagdeel="Middag",
                           by=users.medewerker)
    record_contact_attempt(zaak, soort="Kaartje", bereikt=False, datum=dt.date(2026, 11, 10), dagdeel="Ochtend",
                           by=users.medewerker)
    zaak.refresh_from_db()
    assert zaak.eerste_contactpoging == dt.date(2026, 11, 10)
    assert zaak.status == ZaakStatus.CONTACT_GEZOCHT
