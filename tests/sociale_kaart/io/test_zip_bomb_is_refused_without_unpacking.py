# SPDX-License-Identifier: EUPL-1.2
"""A small zip that unpacks to a huge CSV (issue 15: 0.75 MB holding 250 MB drove the worker to
4.7 GB) is refused from the zip's directory, before a byte is unpacked: quickly, with a Dutch message
naming the file, without the memory to hold it, and with nothing written. A zip whose directory
lies about the size is caught while reading."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models import HsdsImport, HsdsImportStatus, Organization, Service

from .conftest import ORG_ID, package_files, small_tables

pytestmark = pytest.mark.django_db

HEADER = b"id,organization_id,name,status\r\n"
ROW = f"6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0101,{ORG_ID},Taalcafe,active\r\n".encode()
UNPACKED_MB = 120  # above the default limit of 100 MB


def _bomb(megabytes: int) -> bytes:
    """A zip with organizations.csv and a services.csv of `megabytes` MB, written in blocks."""
    buffer = io.BytesIO()
    block = ROW * 10_000
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", package_files({"organization": small_tables()["organization"]})[
            "organizations.csv"])
        with archive.open("services.csv", "w", force_zip64=True) as fh:
            fh.write(HEADER)
            for _ in range(megabytes * 1024 * 1024 // len(block) + 1):
                fh.write(block)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb(UNPACKED_MB)


def test_small_zip_with_a_huge_csv_is_refused_quickly_and_without_unpacking(bomb):
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = import_bytes(bomb, "kaart.zip")
        seconds = time.monotonic() - started
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [str(p) for p in result.errors] == [
        "kaart.zip: services.csv is uitgepakt groter dan 100,0\xa0MB; de import is gestopt en er is niets "
        "veranderd. Splits het bestand in delen of laat de grens verhogen (WIJKTEAM_IMPORT_MAX_BYTES)."
    ]
    assert seconds < 2
    # The upload itself is under 1 MB; unpacking even a tenth of the CSV would show here.
    assert peak < 8 * 1024 * 1024
    assert not Organization.objects.filter(id=ORG_ID).exists()


def test_the_beheerder_sees_the_dutch_message_and_nothing_changes(bomb, users, client_for,
                                                                  django_capture_on_commit_callbacks):
    services = Service.objects.count()
    client = client_for(users.beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/werk/sociale-kaart/import/", {"bestand": SimpleUploadedFile("kaart.zip", bomb)})
    assert response.status_code == 302
    item = HsdsImport.objects.get()
    assert item.status == HsdsImportStatus.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "services.csv is uitgepakt groter dan 100,0\xa0MB" in page
    assert Service.objects.count() == services
    assert not Organization.objects.filter(id=ORG_ID).exists()


# Where a zip record keeps its uncompressed size, name length and name (after its signature).
RECORDS = {b"PK\x03\x04": (22, 26, 30), b"PK\x01\x02": (24, 28, 46)}  # local header, directory entry


def _understate_size(data: bytes, member: str, claimed: int) -> bytes:
    """The zip with `member`'s uncompressed size in its local header and directory set to `claimed`."""
    out = bytearray(data)
    for signature, (size_at, name_length_at, name_at) in RECORDS.items():
        spot = out.find(signature)
        while spot != -1:
            name_length = struct.unpack_from("<H", out, spot + name_length_at)[0]
            if bytes(out[spot + name_at : spot + name_at + name_length]) == member.encode():
                struct.pack_into("<I", out, spot + size_at, claimed)
            spot = out.find(signature, spot + 4)
    return bytes(out)


def test_a_directory_that_understates_the_size_is_caught_while_reading():
    honest = io.BytesIO()
    with zipfile.ZipFile(honest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", package_files({"organization": small_tables()["organization"]})[
            "organizations.csv"])
        archive.writestr("services.csv", HEADER + ROW * 50_000)
    lying = _understate_size(honest.getvalue(), "services.csv", 1000)
    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("services.csv").file_size == 1000
    result = import_bytes(lying, "kaart.zip")
    assert [str(p) for p in result.errors] == [
        "kaart.zip: services.csv is beschadigd (het zip-bestand klopt niet); er is niets veranderd."
    ]
    assert not Organization.objects.filter(id=ORG_ID).exists()
