# SPDX-License-Identifier: EUPL-1.2
"""The template offered on the upload page is the documented layout, and uploaded unchanged it is accepted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wijkteam.vroegsignalering.batch.reader import COLUMNS
from wijkteam.vroegsignalering.models import Signaal

from .support import upload

pytestmark = pytest.mark.django_db


def test_template_round_trip(place, users, client_for, frozen_time, django_capture_on_commit_callbacks):
    client = client_for(users.teamleider)
    response = client.get(reverse("vroegsignalering:upload_template"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = response.content
    assert data.decode().splitlines()[0] == ";".join(COLUMNS)
    item = upload(client, "sjabloon.csv", data, django_capture_on_commit_callbacks)
    item.refresh_from_db()
    assert (item.status, item.nieuw, item.ongeldig) == ("klaar", 1, 0)
    signaal = Signaal.objects.get()
    assert (signaal.partnertype, signaal.bedrag, signaal.adres.huisletter) == ("Energie", 450, "A")
