# SPDX-License-Identifier: EUPL-1.2
"""The folder as PDF: A4, the services with address, times and phone, page numbers, QR to the web page."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories_sociale_kaart import LocationFactory, ServiceAtLocationFactory, ServiceFactory
from wijkteam.sociale_kaart.public import leaflet_pdf
from wijkteam.sociale_kaart.public.views import build_folder

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_download(client, place, inloop, frozen_time):
    response = client.get(reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="wat-is-er-in-mijn-wijk-wk099901.pdf"' in response["Content-Disposition"]
    data = response.content
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Inloop geldzaken" in text
    # The gemeente's own place name is left out: every reader of the folder lives there.
    assert "Havenstraat 12, 3511 AB" in text
    assert "030 123 45 67" in text
    assert "Geld en schulden" in text
    assert "Gemeente Voorbeeld" in text
    assert "Gemaakt op 25 november 2026" in text
    assert "Pagina 1 van 1" in text


def test_pdf_is_a4_and_names_the_gemeente(client, place, inloop, frozen_time):
    pypdf = pytest.importorskip("pypdf")
    data = client.get(reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code])).content
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata.author == "Gemeente Voorbeeld"


def test_page_numbers_count_all_pages(client, place, frozen_time):
    for n in range(40):
        service = ServiceFactory(name=f"Activiteit {n:02d}", terms=["LD03"])
        ServiceAtLocationFactory(service=service, location=LocationFactory(buurt=place.buurt_a))
    text = pdf_text(client.get(reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code])).content)
    pages = text.count("Pagina ")
    assert pages > 1
    assert f"Pagina 1 van {pages}" in text and f"Pagina {pages} van {pages}" in text
    assert "Activiteit 00" in text and "Activiteit 39" in text


def test_uncompressed_pdf_carries_the_text_and_a_qr_code(rf, place, inloop, frozen_time):
    # Without pypdf: an uncompressed build shows the page text in the raw file.
    folder = build_folder(place.wijk_a, None, online_url="https://kaart.voorbeeld.test/w/1", now=timezone.now())
    data = leaflet_pdf.render_pdf(folder, compress=False)
    assert data.startswith(b"%PDF")
    assert b"(Inloop geldzaken)" in data
    assert b"Pagina 1 van 1" in data
    # The QR code is drawn as many small filled squares.
    assert data.count(b" re") > 100


def test_qr_code_points_to_the_online_folder(client, place, inloop, frozen_time, monkeypatch):
    seen: list[str] = []
    original = leaflet_pdf._qr
    monkeypatch.setattr(leaflet_pdf, "_qr", lambda url, *a, **k: seen.append(url) or original(url, *a, **k))
    client.get(reverse("sociale_kaart_public:leaflet_pdf", args=[place.wijk_a.code]), {"levensdomein": "LD01"})
    assert seen == [f"http://testserver/sociale-kaart/wijk/{place.wijk_a.code}/?levensdomein=LD01"]


def test_unknown_wijk_pdf_is_404(client, place):
    assert client.get(reverse("sociale_kaart_public:leaflet_pdf", args=["WK000000"])).status_code == 404
