# SPDX-License-Identifier: EUPL-1.2
"""Assignment (`assign_zaak` through the queue's buttons): a medewerker takes a free zaak of the team or gives
their own back; the teamleider assigns to anyone of the team; each change is audited and in the history.
Another team's medewerker, a partner, an analist get an audited 403; a manipulated form too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories as f
from tests.factories_vroegsignalering import VroegsignaalzaakFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import ZaakToewijzing
from wijkteam.vroegsignalering.outreach.services import AssignmentNotAllowed, assign_zaak

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(place):
    return VroegsignaalzaakFactory(huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a), team=place.team_a,
                                   ontvangen=dt.date(2026, 11, 20))


def assign_url(zaak):
    return reverse("vroegsignalering:zaak_assign", args=[zaak.pk])


def history(zaak):
    return list(ZaakToewijzing.objects.filter(zaak=zaak).order_by("pk").values_list("van", "naar", "door"))


def test_a_medewerker_takes_a_free_zaak_and_gives_it_back(zaak, users, client_for):
    client = client_for(users.medewerker)
    response = client.post(assign_url(zaak), {"aan": "mij", "volgende": "/werk/vroegsignalering/wachtrij/?toon=vrij"})
    assert response.status_code == 302 and response["Location"] == "/werk/vroegsignalering/wachtrij/?toon=vrij"
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(zaak.pk), user_id=users.medewerker.pk,
                                     household_id=zaak.huishouden_id).exists()
    client.post(assign_url(zaak), {"aan": ""})
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan is None
    assert history(zaak) == [(None, users.medewerker.pk, users.medewerker.pk),
                             (users.medewerker.pk, None, users.medewerker.pk)]


def test_a_medewerker_cannot_take_a_colleagues_zaak_or_hand_it_to_others(zaak, users, client_for, place):
    colleague = f.UserFactory(medewerker=True, teams=[place.team_a])
    zaak.toegewezen_aan = colleague
    zaak.save()
    client = client_for(users.medewerker)
    response = client.post(assign_url(zaak), {"aan": "mij"}, follow=True)
    assert "al aan een collega toegewezen" in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == colleague
    assert client.post(assign_url(zaak), {"aan": str(colleague.pk)}).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker.pk,
                                     object_id=str(zaak.pk)).exists()
    # An open redirect is not followed.
    assert client.post(assign_url(zaak), {"aan": "mij", "volgende": "https://elders.test/"})["Location"] == \
        reverse("vroegsignalering:outreach_queue")


def test_the_teamleider_assigns_anyone_of_the_team_only(zaak, users, client_for, place):
    client = client_for(users.teamleider)
    client.post(assign_url(zaak), {"aan": str(users.medewerker.pk)})
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker
    response = client.post(assign_url(zaak), {"aan": str(users.medewerker_b.pk)}, follow=True)
    assert "niet aan deze persoon toewijzen" in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan == users.medewerker
    with pytest.raises(AssignmentNotAllowed):
        assign_zaak(zaak, to=users.partner, by=users.teamleider)


def test_others_are_refused(zaak, users, client_for):
    for user in (users.medewerker_b, users.partner, users.analist, users.privacy):
        assert client_for(user).post(assign_url(zaak), {"aan": "mij"}).status_code == 403
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).exists()
    response = client_for(None).post(assign_url(zaak), {"aan": "mij"})
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    zaak.refresh_from_db()
    assert zaak.toegewezen_aan is None and not history(zaak)
    assert client_for(users.medewerker).get(assign_url(zaak)).status_code == 405
