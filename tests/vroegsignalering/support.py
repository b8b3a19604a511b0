# SPDX-License-Identifier: EUPL-1.2
"""Shared by the upload tests: the postcode of the tests' buurt, and uploading a file through the page."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wijkteam.gebieden.models import Postcode
from wijkteam.vroegsignalering.models import Upload

POSTCODE = "3511 AB"


def place_postcode(place: Any) -> None:
    """The rows' postcode lies in team A's buurt, so their zaken go to team A."""
    Postcode.objects.create(pc6=POSTCODE, latitude=52.09, longitude=5.12, buurt=place.buurt_a)


def upload(client: Any, name: str, data: bytes, capture: Any) -> Upload:
    """POST the file as the teamleider does; the background task runs at commit (immediate backend)."""
    with capture(execute=True):
        response = client.post(reverse("vroegsignalering:upload_index"),
                               {"bestand": SimpleUploadedFile(name, data, content_type="text/csv")})
    assert response.status_code == 302, response.content.decode()[:2000]
    item = Upload.objects.order_by("-pk").first()
    assert item is not None and response["Location"] == reverse("vroegsignalering:upload_detail", args=[item.pk])
    return item
