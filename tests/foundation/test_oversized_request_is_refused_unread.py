# SPDX-License-Identifier: EUPL-1.2
"""A request whose body is too large gets 413 before anything reads it; only the HSDS import
takes a large upload."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


class _UnreadableBody(io.RawIOBase):
    """A wsgi.input that fails the test if anything reads it."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        raise AssertionError("the body was read")


def test_anonymous_120_mb_post_to_the_login_page_is_refused_unread():
    response = Client().generic("POST", reverse("accounts:login"), b"",
                                content_type="application/x-www-form-urlencoded",
                                CONTENT_LENGTH=str(120 * 1024 * 1024), **{"wsgi.input": _UnreadableBody()})

    assert response.status_code == 413
    assert "te groot" in response.content.decode()


def test_a_normal_login_post_still_works(users):
    response = Client().post(reverse("accounts:login"), {"username": "medewerker", "password": "verkeerd"})
    assert response.status_code == 200


def test_the_hsds_import_may_take_more_than_a_form(users, client_for):
    limit = settings.WIJKTEAM_MAX_REQUEST_BYTES
    body = b"x" * (limit + 1)

    form = client_for(users.beheerder).generic("POST", reverse("accounts:login"), body,
                                                content_type="application/octet-stream")
    upload = client_for(users.beheerder).generic("POST", reverse("sociale_kaart_import:index"), body,
                                                  content_type="application/octet-stream")

    assert form.status_code == 413
    assert upload.status_code != 413


def test_the_large_import_limit_is_for_a_signed_in_session_only(users):
    # Anonymous (or with a made-up session cookie): refused unread like any other page, not parsed to disk first.
    made_up = Client()
    made_up.cookies[settings.SESSION_COOKIE_NAME] = "verzonnen"
    for client in (Client(), made_up):
        response = client.generic("POST", reverse("sociale_kaart_import:index"), b"",
                                  content_type="multipart/form-data; boundary=x",
                                  CONTENT_LENGTH=str(settings.WIJKTEAM_MAX_REQUEST_BYTES + 1),
                                  **{"wsgi.input": _UnreadableBody()})
        assert response.status_code == 413
