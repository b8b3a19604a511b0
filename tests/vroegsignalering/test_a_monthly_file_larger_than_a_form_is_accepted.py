# SPDX-License-Identifier: EUPL-1.2
"""A monthly signal file is megabytes (about 200 bytes a row: 100,000 rows are ~20 MB). The upload page allows
500 MB, but the request-size guard in front of every view refused anything over the normal form limit (2.5 MB,
some 12,000 rows) with "Dit verzoek is te groot." before the page saw it. The signal upload now has the large
limit too (for a signed-in session, as the HSDS import); anonymous large bodies are still refused unread."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories_vroegsignalering import SignaalRijFactory, csv_bytes
from wijkteam.vroegsignalering.models import Upload, UploadStatus

pytestmark = pytest.mark.django_db


def test_a_file_over_the_form_limit_reaches_the_upload_page(place: Any, users: Any, client_for: Any) -> None:
    header, row = csv_bytes([SignaalRijFactory(huisnummer="1")]).split(b"\n", 1)
    rows = settings.WIJKTEAM_MAX_REQUEST_BYTES // len(row) + 100
    data = header + b"\n" + row * rows
    assert len(data) > settings.WIJKTEAM_MAX_REQUEST_BYTES
    response = client_for(users.teamleider).post(
        reverse("vroegsignalering:upload_index"), {"bestand": SimpleUploadedFile("signalen.csv", data, "text/csv")})
    assert response.status_code == 302, response.content.decode()[:500]
    upload = Upload.objects.get()
    assert upload.status == UploadStatus.WACHTRIJ and upload.bestand.size == len(data)


def test_anonymous_large_upload_is_refused_unread() -> None:
    response = Client().generic("POST", reverse("vroegsignalering:upload_index"), b"",
                                content_type="multipart/form-data; boundary=x",
                                CONTENT_LENGTH=str(settings.WIJKTEAM_MAX_REQUEST_BYTES + 1))
    assert response.status_code == 413
