# SPDX-License-Identifier: EUPL-1.2
"""Every change a beheerder makes in /beheer/ is on the audit trail (django_admin_log is editable):
roles and teams with their values before and after, password sets, and opening a user's page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent

from .admin_support import user_form

pytestmark = pytest.mark.django_db


def test_changing_role_and_teams_records_before_and_after(place, users, client_for):
    target = users.medewerker
    beheerder = client_for(users.beheerder)

    response = beheerder.post(reverse("admin:accounts_user_change", args=[target.pk]),
                              user_form(target, role="teamleider", teams=[place.team_a.pk, place.team_b.pk]))

    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="accounts.user", object_id=str(target.pk))
    assert event.username == "beheerder"
    assert event.detail["before"]["role"] == "medewerker"
    assert event.detail["after"]["role"] == "teamleider"
    assert event.detail["before"]["teams"] == [place.team_a.pk]
    assert event.detail["after"]["teams"] == sorted([place.team_a.pk, place.team_b.pk])


def test_setting_a_password_is_recorded_without_the_password(users, client_for):
    target = users.medewerker

    response = client_for(users.beheerder).post(
        reverse("admin:auth_user_password_change", args=[target.pk]),
        {"password1": "Een-nieuw-wachtwoord-42", "password2": "Een-nieuw-wachtwoord-42", "usable_password": "true"},
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="accounts.user", object_id=str(target.pk))
    assert event.detail["password_set"] is True
    assert "Een-nieuw-wachtwoord-42" not in str(event.detail)


def test_opening_a_users_page_is_recorded(users, client_for):
    response = client_for(users.beheerder).get(reverse("admin:accounts_user_change", args=[users.partner.pk]))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=Action.READ, object_type="accounts.user",
                                     object_id=str(users.partner.pk), username="beheerder").exists()


def test_adding_and_deleting_through_the_admin_are_recorded(place, users, client_for):
    beheerder = client_for(users.beheerder)
    organisatie = f.OrganisatieFactory(naam="Buurtwerk")

    beheerder.post(reverse("admin:accounts_organisatie_delete", args=[organisatie.pk]), {"post": "yes"})
    response = beheerder.post(reverse("admin:accounts_organisatie_add"), {"naam": "Voedselbank", "soort": "welzijn"})

    assert response.status_code == 302
    assert AuditEvent.objects.filter(action=Action.DELETE, object_type="accounts.organisatie",
                                     object_id=str(organisatie.pk), username="beheerder").exists()
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="accounts.organisatie",
                                     username="beheerder").exists()


def test_nobody_else_gets_to_change_anything(users, client_for):
    response = client_for(users.teamleider).post(reverse("admin:accounts_user_change", args=[users.medewerker.pk]),
                                                 user_form(users.medewerker, role="beheerder"))

    assert response.status_code in (302, 403)
    users.medewerker.refresh_from_db()
    assert users.medewerker.role == "medewerker"
    assert not AuditEvent.objects.filter(action=Action.UPDATE, object_type="accounts.user").exists()
