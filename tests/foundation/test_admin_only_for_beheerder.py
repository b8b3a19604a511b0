# SPDX-License-Identifier: EUPL-1.2
"""Django admin is for the functional administrator only, and only after the second factor."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def test_beheerder_reaches_admin(users, client_for):
    assert client_for(users.beheerder).get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "partner", "analist", "privacy"])
def test_other_roles_are_refused(role, users, client_for):
    response = client_for(getattr(users, role)).get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, username=users.all()[role].username).exists()


def test_anonymous_goes_to_the_one_login_page():
    from django.test import Client

    response = Client().get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))


def test_beheerder_without_second_factor_does_not(users, client_for):
    response = client_for(users.beheerder, verified=False).get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("accounts:two_factor") in response["Location"]


def test_audit_rows_are_not_in_admin(users, client_for):
    from django.contrib import admin

    from wijkteam.audit.models import AuditEvent

    assert not admin.site.is_registered(AuditEvent)
