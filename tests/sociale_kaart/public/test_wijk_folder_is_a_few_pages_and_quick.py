# SPDX-License-Identifier: EUPL-1.2
"""A wijk folder with a wijk's worth of services (40 in the wijk, 200 gemeente-wide elsewhere) is
a few pages, lists only the wijk's own, and is made in well under a second of CPU time."""

from __future__ import annotations

import datetime as dt
import io
import time
from typing import Any

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import (
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)
from wijkteam.sociale_kaart.models import ServiceArea

pytestmark = pytest.mark.django_db

TOPICS = ["LD01", "LD03", "LD05", "LD11", "LD12"]


def test_forty_services_fit_a_few_pages(client: Any, place: Any, frozen_time: Any) -> None:
    pypdf = pytest.importorskip("pypdf")
    uri = f"https://gebieden.voorbeeld.example/{place.wijk_a.gemeente.code}"
    for n in range(240):
        in_wijk = n < 40
        service = ServiceFactory(
            name=f"{'Activiteit' if in_wijk else 'Elders'} {n:03d}", terms=[TOPICS[n % 5], TOPICS[(n + 1) % 5]],
            description="Samen koken en eten met buren uit de wijk. Iedereen is welkom, ook als u alleen komt.",
        )
        ServiceArea.objects.create(service=service, uri=uri)
        ServiceAtLocationFactory(service=service,
                                 location=LocationFactory(buurt=place.buurt_a if in_wijk else place.buurt_b))
        ScheduleFactory(service=service, byday="MO,TU,WE", opens_at=dt.time(9), closes_at=dt.time(12))
    url = reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code])
    client.get(url)  # warm: fonts and templates loaded once per process

    start = time.process_time()
    response = client.get(url)
    seconds = time.process_time() - start

    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Activiteit 000" in text and "Activiteit 039" in text
    assert "Elders" not in text
    assert len(reader.pages) <= 6, f"{len(reader.pages)} pages for 40 services"
    assert seconds < 1.0, f"{seconds:.2f} s of CPU for the folder"
