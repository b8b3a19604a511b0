# SPDX-License-Identifier: EUPL-1.2
"""Only a teamleider uploads signal files; an upload's report is for teamleiders of the uploader's team.
Everyone else gets a 403 that is in the audit trail, and every view of a report is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.services import set_totp_secret
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.vroegsignalering.models import Upload

pytestmark = pytest.mark.django_db


def test_who_may_upload_and_read_reports(place, users, client_for):
    item = Upload.objects.create(bestandsnaam="okt.csv", team=place.team_a, geupload_door=users.teamleider,
                                 status="klaar")
    teamleider_b = f.UserFactory(username="teamleider_noord", teamleider=True, teams=[place.team_b])
    set_totp_secret(teamleider_b, TEST_TOTP_KEY)
    index = reverse("vroegsignalering:upload_index")
    detail = reverse("vroegsignalering:upload_detail", args=[item.pk])
    errors = reverse("vroegsignalering:upload_errors_csv", args=[item.pk])

    own = client_for(users.teamleider)
    assert own.get(index).status_code == 200
    assert own.get(detail).status_code == 200
    assert AuditEvent.objects.filter(action=Action.READ, object_type="vroegsignalering.upload",
                                     object_id=str(item.pk), user_id=users.teamleider.pk).exists()

    for user in (users.medewerker, users.medewerker_b, users.partner, users.analist, users.beheerder):
        client = client_for(user)
        for url in (index, detail, errors):
            assert client.get(url).status_code == 403, (user.username, url)
        assert AuditEvent.objects.filter(action=Action.DENIED, user_id=user.pk).count() == 3
    other = client_for(teamleider_b)
    assert other.get(index).status_code == 200
    assert okt_not_listed(other.get(index).content.decode())
    for url in (detail, errors):
        assert other.get(url).status_code == 403
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=teamleider_b.pk,
                                     object_id=str(item.pk)).count() == 2
    assert client_for(None).get(detail).status_code == 302  # to the login page


def okt_not_listed(page: str) -> bool:
    return "okt.csv" not in page
