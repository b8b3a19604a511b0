# SPDX-License-Identifier: EUPL-1.2
"""An emergency access is reviewed once: a second review (another officer's open page, a resubmitted form) is
refused with a Dutch form error and the first finding, its reviewer and time stay. A reviewed access shows
that finding instead of the form."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests.conftest import TEST_TOTP_KEY
from wijkteam.accounts.services import set_totp_secret
from wijkteam.casussen.models import Noodtoegang

from .support import case_world

pytestmark = pytest.mark.django_db

REASON = "Crisis bij het gezin: de politie belt, regisseur is vandaag ziek"
FIRST = "Terecht: de regisseur was ziek en er was acuut gevaar."


def test_a_second_review_is_refused_and_the_first_finding_stays(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    w = case_world(place, users)
    client_for(w.outsider).post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]), {"reden": REASON})
    toegang = Noodtoegang.objects.get()
    item = reverse("casussen:noodtoegang_item", args=[toegang.pk])
    second_officer = f.UserFactory(username="privacy2", first_name="Paul", last_name="Privacyman", privacy=True)
    set_totp_secret(second_officer, TEST_TOTP_KEY)
    first, second = client_for(users.privacy), client_for(second_officer)
    assert 'name="bevinding"' in second.get(item).content.decode()  # both have the form open

    assert first.post(item, {"bevinding": FIRST}).status_code == 302
    frozen_time.shift(dt.timedelta(minutes=5))
    response = second.post(item, {"bevinding": "Niet terecht."})

    assert response.status_code == 400
    body = response.content.decode()
    assert "Deze noodtoegang is al beoordeeld." in body
    assert FIRST in body and "Pia Privacyhof" in body  # the finding and who made it, instead of the form
    assert 'name="bevinding"' not in body
    toegang.refresh_from_db()
    assert toegang.beoordeling == FIRST and toegang.beoordeeld_door == users.privacy


def test_a_reviewed_access_shows_the_finding_instead_of_the_form(place: Any, users: Any, client_for: Any,
                                                                 frozen_time: Any) -> None:
    w = case_world(place, users)
    client_for(w.outsider).post(reverse("casussen:casus_noodtoegang", args=[w.casus.pk]), {"reden": REASON})
    item = reverse("casussen:noodtoegang_item", args=[Noodtoegang.objects.get().pk])
    privacy = client_for(users.privacy)
    privacy.post(item, {"bevinding": FIRST})
    response = privacy.get(item)
    assert response.status_code == 200
    body = response.content.decode()
    assert FIRST in body and "Pia Privacyhof" in body
    assert 'name="bevinding"' not in body and "Markeren als beoordeeld" not in body
