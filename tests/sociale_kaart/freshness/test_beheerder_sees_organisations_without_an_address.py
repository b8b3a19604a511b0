# SPDX-License-Identifier: EUPL-1.2
"""The beheerder sees which organisations the "klopt dit nog?" mail cannot reach (no partner
address, no e-mail of their own, none on the waiting services), from the worklist of outdated
entries; nobody else may see that list."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.freshness import create_due_tasks

from .imported_kaart import import_kaart

pytestmark = pytest.mark.django_db

URL = "/werk/sociale-kaart/onbereikbaar/"


@pytest.fixture
def checked(users, client_for, django_capture_on_commit_callbacks):
    client = client_for(users.beheerder)
    import_kaart(client, django_capture_on_commit_callbacks)
    with time_machine.travel("2026-11-26T06:15:00+01:00", tick=False), django_capture_on_commit_callbacks(
        execute=True
    ):
        create_due_tasks()
    return client


def test_the_page_lives_at_the_agreed_address():
    assert reverse("sociale_kaart_werk:onbereikbaar") == URL


def test_only_the_organisation_without_any_address_is_listed(checked):
    page = checked.get(URL).content.decode()
    assert "Klusjesclub Oost" in page
    assert "1 organisatie" in page
    for reachable in ("Stichting Thuis", "Buurthuis De Kern"):
        assert reachable not in page
    worklist = checked.get(reverse("sociale_kaart_werk:verouderd")).content.decode()
    assert "1 organisatie kunnen we niet mailen om haar aanbod te controleren" in worklist
    assert f'href="{URL}"' in worklist


def test_an_address_added_takes_it_off_the_list(checked):
    from wijkteam.sociale_kaart.models import Organization

    Organization.objects.filter(name="Klusjesclub Oost").update(email="klus@oost.test")
    assert "Klusjesclub Oost" not in checked.get(URL).content.decode()


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "partner", "analist", "privacy"])
def test_other_roles_are_refused_and_audited(users, client_for, role):
    user = getattr(users, role)
    assert client_for(user).get(URL).status_code == 403
    assert AuditEvent.objects.filter(user_id=user.pk, action=Action.DENIED).exists()
    if role in {"medewerker", "teamleider", "partner"}:
        # They do see the outdated entries, but not the beheerder's notice.
        worklist = client_for(user).get(reverse("sociale_kaart_werk:verouderd")).content.decode()
        assert "kunnen we niet mailen" not in worklist
