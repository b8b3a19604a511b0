# SPDX-License-Identifier: EUPL-1.2
"""A zaak's page and its actions are for the medewerkers and teamleiders of the team that covers the zaak's
buurt. Another team's medewerker gets a 403 that is in the audit trail (also for its POST actions, which
then change nothing); partner, analist, privacy officer and beheerder are refused; anonymous visitors go to
the login page. Every view of the zaak is an audited read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import Contactpoging, ZaakStatus

from .zaken_support import zaak_world

pytestmark = pytest.mark.django_db

PAGES = ["zaak_detail", "zaak_brief"]
ACTIONS = ["zaak_contactpoging", "zaak_sluiten", "zaak_hulp_geaccepteerd"]


def test_only_the_buurts_team_opens_a_zaak(place, users, client_for, frozen_time):
    world = zaak_world(place)
    zaak = world.zaak
    urls = {name: reverse(f"vroegsignalering:{name}", args=[zaak.pk]) for name in PAGES + ACTIONS}

    for user in (users.medewerker, users.teamleider):
        client = client_for(user)
        assert client.get(urls["zaak_detail"]).status_code == 200
        assert client.get(urls["zaak_brief"]).status_code == 200
        assert AuditEvent.objects.filter(action=Action.READ, object_type="vroegsignalering.vroegsignaalzaak",
                                         object_id=str(zaak.pk), user_id=user.pk,
                                         household_id=zaak.huishouden_id).exists()

    attempt = {"soort": "Telefoon", "bereikt": "ja", "datum": "2026-11-24", "dagdeel": "Ochtend"}
    for user in (users.medewerker_b, users.partner, users.analist, users.privacy, users.beheerder):
        client = client_for(user)
        for name in PAGES:
            assert client.get(urls[name]).status_code == 403, (user.username, name)
        for name in ACTIONS:
            assert client.post(urls[name], attempt).status_code == 403, (user.username, name)
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() == len(PAGES + ACTIONS)
    # The other team's refusal names the zaak and its household: the resident's trail shows the attempt.
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker_b.pk, object_id=str(zaak.pk),
                                     household_id=zaak.huishouden_id).count() == len(PAGES + ACTIONS)
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.NIEUW
    assert not Contactpoging.objects.exists()

    anonymous = client_for(None)
    for name in PAGES:
        response = anonymous.get(urls[name])
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    for name in ACTIONS:
        response = anonymous.post(urls[name], attempt)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_zaak_is_a_403_not_a_404(place, users, client_for):
    # A 404 would tell a prober which ids exist.
    response = client_for(users.medewerker).get(reverse("vroegsignalering:zaak_detail", args=[999999]))
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, object_id="999999").exists()
