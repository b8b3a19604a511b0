# SPDX-License-Identifier: EUPL-1.2
"""Upload a file on the beheerder's import page and read the result page, as the beheerder does."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from wijkteam.sociale_kaart.models import HsdsImport

INDEX = "/werk/sociale-kaart/import/"


def upload(client: Any, name: str, content: bytes, capture: Any) -> tuple[HsdsImport, str]:
    """(the import record, the result page as text without tags) after the background import ran."""
    with capture(execute=True):
        response = client.post(INDEX, {"bestand": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    item = HsdsImport.objects.latest("pk")
    page = client.get(response["Location"]).content.decode()
    return item, page


def errors_on(page: str) -> list[str]:
    """The items of the page's error list, as the beheerder reads them."""
    section = page.split(">Fouten</h2>", 1)[1].split("</ol>", 1)[0]
    items = re.findall(r"<li[^>]*>(.*?)</li>", section, flags=re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]
