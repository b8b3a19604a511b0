# SPDX-License-Identifier: EUPL-1.2
"""`get_zaak_for_user`: the team covering the zaak's buurt, the assigned worker and the privacy officer see a
zaak (an audited READ); anyone else gets a 403 that is in the audit trail, also for an id that does not exist."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from tests import factories as f
from tests.factories_vroegsignalering import VroegsignaalzaakFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.access import get_zaak_for_user, zaken_visible_to

pytestmark = pytest.mark.django_db


def request_as(user: Any) -> Any:
    request = RequestFactory().get("/werk/vroegsignalering/")
    user.is_verified = lambda: True  # what django-otp's middleware says after the second factor
    request.user = user
    return request


def test_team_assigned_worker_and_privacy_see_the_zaak_others_are_refused(place, users):
    zaak = VroegsignaalzaakFactory(huishouden=f.HuishoudenFactory(adres__buurt=place.buurt_a))
    for user in (users.medewerker, users.teamleider, users.privacy):
        assert get_zaak_for_user(request_as(user), zaak.pk) == zaak
        assert AuditEvent.objects.filter(action=Action.READ, user_id=user.pk, object_id=str(zaak.pk),
                                         household_id=zaak.huishouden_id).exists()
    for user in (users.medewerker_b, users.partner, users.analist, users.beheerder):
        with pytest.raises(PermissionDenied):
            get_zaak_for_user(request_as(user), zaak.pk)
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk, object_id=str(zaak.pk)).exists()
        assert not zaken_visible_to(user).exists()

    # A regisseur of another team to whom the zaak was routed sees it too.
    zaak.toegewezen_aan = users.medewerker_b
    zaak.save(update_fields=["toegewezen_aan"])
    assert get_zaak_for_user(request_as(users.medewerker_b), zaak.pk) == zaak


def test_an_unknown_id_is_refused_the_same_way(place, users):
    with pytest.raises(PermissionDenied):
        get_zaak_for_user(request_as(users.medewerker), 987654)
    assert AuditEvent.objects.filter(action=Action.DENIED, object_id="987654").exists()
