# SPDX-License-Identifier: EUPL-1.2
"""The import/export page is the beheerder's: every other role gets a 403 that is written to the
audit trail; anonymous visitors go to the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent, Outcome
from wijkteam.sociale_kaart.models import HsdsImport

from .conftest import package_files, small_tables, zip_of

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sociale_kaart.io.urls")]

OTHER_ROLES = ["medewerker", "teamleider", "partner", "analist", "privacy"]


def _urls(pk: int | None = None) -> list[str]:
    urls = [
        reverse("sociale_kaart_import:index"),
        reverse("sociale_kaart_import:export_csv"),
        reverse("sociale_kaart_import:export_json"),
    ]
    if pk is not None:
        urls.append(reverse("sociale_kaart_import:detail", args=[pk]))
    return urls


def test_the_page_lives_at_the_agreed_address():
    assert reverse("sociale_kaart_import:index") == "/werk/sociale-kaart/import/"


def test_beheerder_may_use_every_page(users, client_for):
    item = HsdsImport.objects.create(filename="x.zip", format="csv")
    client = client_for(users.beheerder)
    for url in _urls(item.pk):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_are_refused_and_audited(users, client_for, role):
    user = getattr(users, role)
    item = HsdsImport.objects.create(filename="x.zip", format="csv")
    client = client_for(user)
    for url in _urls(item.pk):
        assert client.get(url).status_code == 403, url
    upload = zip_of(package_files(small_tables()))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("sociale_kaart_import:index"),
                           {"bestand": SimpleUploadedFile("kaart.zip", upload, "application/zip")})
    assert response.status_code == 403
    assert HsdsImport.objects.count() == 1  # nothing queued
    denied = AuditEvent.objects.filter(user_id=user.pk, action=Action.DENIED, outcome=Outcome.DENIED)
    assert denied.count() == 5


def test_beheerder_without_second_factor_is_sent_to_it(users, client_for):
    response = client_for(users.beheerder, verified=False).get(reverse("sociale_kaart_import:index"))
    assert response.status_code == 302
    assert reverse("accounts:two_factor") in response["Location"]


def test_anonymous_goes_to_login(client):
    response = client.get(reverse("sociale_kaart_import:index"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
