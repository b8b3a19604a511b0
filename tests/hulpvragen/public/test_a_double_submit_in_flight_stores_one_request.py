# SPDX-License-Identifier: EUPL-1.2
"""A double click sends the form twice at once: the second post arrives while the first is still storing. The
form's token is claimed before anything is stored, so the second post stores nothing and shows the same
acknowledgement; a post refused with a field error gives the token back, so the corrected form can be sent."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.vroegsignalering.support import place_postcode
from wijkteam.hulpvragen.models import Hulpvraag
from wijkteam.hulpvragen.public import views

from .support import FORM, filled, form_token

pytestmark = pytest.mark.django_db


def test_the_second_post_of_a_double_click_stores_nothing(place: Any, frozen_time: Any, monkeypatch: Any) -> None:
    place_postcode(place)
    client = Client()
    token = form_token(client)
    frozen_time.shift(10)
    data = {**filled(), "formulier": token}
    second: list[Any] = []
    calls: list[int] = []
    real_create = views.create_request

    def create_while_the_second_post_arrives(**kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:  # the second click reaches the server while the first is being stored
            second.append(Client().post(reverse(FORM), data))
        return real_create(**kwargs)

    monkeypatch.setattr(views, "create_request", create_while_the_second_post_arrives)
    first = client.post(reverse(FORM), data)
    assert first.status_code == 200 and second[0].status_code == 200
    assert "Samira" in second[0].content.decode()  # the same acknowledgement
    assert Hulpvraag.objects.count() == 1


def test_a_refused_post_gives_the_token_back(place: Any, frozen_time: Any, monkeypatch: Any) -> None:
    place_postcode(place)
    client = Client()
    token = form_token(client)
    frozen_time.shift(10)
    real_create = views.create_request
    refusals = iter([ValidationError({"postcode": "Deze postcode kennen we niet."})])

    def refuse_once(**kwargs: Any) -> Any:
        error = next(refusals, None)
        if error is not None:
            raise error
        return real_create(**kwargs)

    monkeypatch.setattr(views, "create_request", refuse_once)
    refused = client.post(reverse(FORM), {**filled(), "formulier": token})
    assert "Deze postcode kennen we niet." in refused.content.decode()
    client.post(reverse(FORM), {**filled(), "formulier": token})
    assert Hulpvraag.objects.count() == 1
