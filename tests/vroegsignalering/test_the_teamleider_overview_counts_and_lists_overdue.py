# SPDX-License-Identifier: EUPL-1.2
"""The teamleider's overview: per team the open, unassigned and overdue counts and each worker's load (equal to
a direct count), and the overdue list; bounded queries; for teamleiders only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_vroegsignalering import SignaalFactory, VroegsignaalzaakFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import ZaakStatus
from wijkteam.vroegsignalering.outreach.queue import figures

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("vroegsignalering:outreach_overview")


def zaak(place, naam, *, buurt=None, **fields):
    household = f.HuishoudenFactory(adres__buurt=buurt or place.buurt_a)
    person = f.PersoonFactory(huishouden=household, achternaam=naam)
    defaults = {"termijn_eerste_contact": dt.date(2026, 11, 27), "termijn_afsluiten": dt.date(2027, 1, 20)}
    item = VroegsignaalzaakFactory(huishouden=household, team=place.team_a, ontvangen=dt.date(2026, 11, 20),
                                   **{**defaults, **fields})
    SignaalFactory(persoon=person, zaak=item)
    return item


def test_counts_and_overdue_list(place, users, client_for, frozen_time):
    zaak(place, "Vrij")
    zaak(place, "Contactlaat", termijn_eerste_contact=dt.date(2026, 11, 20), toegewezen_aan=users.medewerker)
    zaak(place, "Sluitlaat", termijn_afsluiten=dt.date(2026, 11, 24), eerste_contactpoging=dt.date(2026, 11, 3),
         toegewezen_aan=users.medewerker)
    zaak(place, "Bezig", toegewezen_aan=users.teamleider, crisis=True)
    zaak(place, "Dicht", status=ZaakStatus.GESLOTEN, termijn_eerste_contact=dt.date(2026, 10, 1))
    zaak(place, "Noord", buurt=place.buurt_b, termijn_eerste_contact=dt.date(2026, 10, 1))

    result = figures(place.team_a, today=dt.date(2026, 11, 25))
    assert (result.open, result.vrij, result.crisis) == (4, 1, 1)
    assert (result.te_laat_contact, result.te_laat_afsluiten) == (1, 1)
    load = {worker.username: (n, late) for worker, n, late in result.per_medewerker}
    assert load == {"medewerker": (2, 2), "teamleider": (1, 0)}

    response = client_for(users.teamleider).get(OVERVIEW)
    assert response.status_code == 200
    page = response.content.decode()
    overdue = page[page.index("Zaken over hun termijn"):]
    assert "Contactlaat" in overdue and "Sluitlaat" in overdue
    assert "Vrij" not in overdue and "Dicht" not in page and "Noord" not in page
    assert AuditEvent.objects.filter(action=Action.READ, user_id=users.teamleider.pk, detail__via="overzicht").exists()


def test_overview_queries_are_bounded(place, users, client_for, frozen_time, django_assert_max_num_queries):
    for i in range(30):
        zaak(place, f"Laat{i}", termijn_eerste_contact=dt.date(2026, 11, 2), toegewezen_aan=users.medewerker)
    client = client_for(users.teamleider)
    # Fixed queries, plus one audit row per zaak and per person named (30 each, at most OVERDUE_SHOWN).
    with django_assert_max_num_queries(15 + 2 * 30):
        assert client.get(OVERVIEW).status_code == 200


def test_only_for_teamleiders(place, users, client_for):
    for user in (users.medewerker, users.medewerker_b, users.partner, users.analist, users.privacy):
        assert client_for(user).get(OVERVIEW).status_code == 403
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()
    assert client_for(None).get(OVERVIEW).status_code == 302
