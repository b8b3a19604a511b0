# SPDX-License-Identifier: EUPL-1.2
"""The beheerder uploads a zip or JSON file; the import runs as a background task (django-tasks;
the immediate backend in tests) that keeps a progress record; the page shows the result, or every
error in Dutch; htmx refreshes only the progress block. Exports download the whole kaart."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.hsds_io import services as import_services
from wijkteam.sociale_kaart.models import HsdsImport, HsdsImportStatus, Service

from .conftest import EXAMPLES_DIR, csv_table, example_files, package_files, small_tables, unzip, zip_of

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sociale_kaart.io.urls")]

INDEX = "/werk/sociale-kaart/import/"


def _upload(client, name: str, content: bytes, capture):
    with capture(execute=True):
        response = client.post(INDEX, {"bestand": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    return HsdsImport.objects.get(), response["Location"]


def test_zip_upload_is_imported_in_the_background(users, client_for, django_capture_on_commit_callbacks):
    client = client_for(users.beheerder)
    item, location = _upload(client, "kaart.zip", zip_of(example_files()), django_capture_on_commit_callbacks)
    assert location == reverse("sociale_kaart_import:detail", args=[item.pk])
    assert (item.status, item.rows_done, item.rows_total, item.error_count) == (HsdsImportStatus.DONE, 21, 21, 0)
    assert item.format == "csv" and item.created_by == users.beheerder
    assert item.started_at and item.finished_at
    assert bytes(item.upload) == b""  # the uploaded file is not kept
    assert item.summary["service"] == {"created": 1, "updated": 0, "unchanged": 0}
    page = client.get(location).content.decode()
    assert "Klaar: 21 rijen zijn verwerkt." in page
    assert "hx-trigger" not in page  # finished: no more polling
    # The example's references to records elsewhere are listed as things to know.
    assert "verwijst naar een organisatie die niet op de sociale kaart staat" in page
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="sociale_kaart.hsdsimport",
                                     object_id=str(item.pk)).exists()


def test_json_upload(users, client_for, django_capture_on_commit_callbacks):
    content = (EXAMPLES_DIR / "service_full.json").read_bytes()
    item, _location = _upload(client_for(users.beheerder), "aanbod.json", content, django_capture_on_commit_callbacks)
    assert (item.status, item.format) == (HsdsImportStatus.DONE, "json")
    assert Service.objects.filter(name="Community Counselling").exists()


def test_a_bad_file_shows_every_error_and_changes_nothing(users, client_for, django_capture_on_commit_callbacks):
    rows = small_tables()
    rows["service"][2]["status"] = "open"
    rows["organization"][0]["email"] = "info@"
    before = Service.objects.count()
    item, location = _upload(client_for(users.beheerder), "kaart.zip", zip_of(package_files(rows)),
                             django_capture_on_commit_callbacks)
    assert item.status == HsdsImportStatus.FAILED
    assert Service.objects.count() == before
    assert item.error_count == 2
    page = client_for(users.beheerder).get(location).content.decode()
    assert "er zijn 2 fouten gevonden. Er is niets veranderd." in page
    assert ("services.csv, rij 4, veld &#x27;status&#x27;: &#x27;open&#x27; is geen geldige waarde "
            "(toegestaan: active, inactive, defunct, temporarily closed)") in page
    assert "organizations.csv, rij 2, veld &#x27;email&#x27;: &#x27;info@&#x27; is geen geldig e-mailadres" in page


def test_running_import_polls_with_htmx_and_has_a_refresh_link_without_js(users, client_for):
    item = HsdsImport.objects.create(filename="groot.zip", format="csv", status=HsdsImportStatus.VALIDATING,
                                     rows_total=1000, rows_done=250)
    url = reverse("sociale_kaart_import:detail", args=[item.pk])
    page = client_for(users.beheerder).get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page and f'hx-get="{url}"' in page
    assert '<progress id="voortgang-balk" max="1000" value="250">25%</progress>' in page
    assert "250 van 1000 rijen" in page
    assert f'href="{url}">Vernieuwen</a>' in page
    partial = client_for(users.beheerder).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith('<div id="import-voortgang"')
    assert "<html" not in partial


def test_progress_is_recorded_while_checking(users, monkeypatch):
    """The task writes rows_done as it goes (here: seen by a spy on every progress write)."""
    seen: list[tuple[int, int]] = []
    original = import_services._ProgressRecorder._store

    def spy(self, **fields):
        if "rows_done" in fields and "rows_total" in fields:
            seen.append((fields["rows_done"], fields["rows_total"]))
        original(self, **fields)

    monkeypatch.setattr(import_services._ProgressRecorder, "_store", spy)
    item = HsdsImport.objects.create(filename="kaart.zip", format="csv", upload=zip_of(example_files()))
    import_services.run_import(item.pk)
    assert seen[0] == (1, 21) and seen[-1] == (21, 21)


def test_upload_form_refuses_other_files(users, client_for):
    response = client_for(users.beheerder).post(INDEX, {"bestand": SimpleUploadedFile("lijst.xlsx", b"PK..")})
    assert response.status_code == 200
    assert "Kies een .zip-bestand (CSV-tabellen) of een .json-bestand." in response.content.decode()
    assert not HsdsImport.objects.exists()


def test_exports_download_and_are_audited(users, client_for, example):
    client = client_for(users.beheerder)
    response = client.get(reverse("sociale_kaart_import:export_csv"))
    assert response["Content-Type"] == "application/zip"
    assert 'attachment; filename="sociale-kaart-hsds-' in response["Content-Disposition"]
    files = unzip(b"".join(response.streaming_content))
    assert "datapackage.json" in files
    assert any(row["name"] == "Community Counselling" for row in csv_table(files["services.csv"]))
    response = client.get(reverse("sociale_kaart_import:export_json"), {"soort": "organizations"})
    organizations = json.loads(b"".join(response.streaming_content))
    assert "Example Organization Inc." in [o["name"] for o in organizations]
    response = client.get(reverse("sociale_kaart_import:export_json"))
    services = json.load(io.BytesIO(b"".join(response.streaming_content)))
    assert [s["name"] for s in services] == ["Community Counselling"]
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_type="sociale_kaart.hsds").count() == 3


@pytest.fixture
def example(db):
    from wijkteam.sociale_kaart.hsds_io.readers import read_csv_files
    from wijkteam.sociale_kaart.hsds_io.services import import_raw

    assert import_raw(read_csv_files(example_files())).ok


def test_the_record_shows_each_step(users, monkeypatch):
    """Checking, then saving: the status on the record moves with the import."""
    statuses: list[str] = []
    original = import_services.write

    def spy_write(checked, **kwargs):
        statuses.append(HsdsImport.objects.get().status)
        return original(checked, **kwargs)

    monkeypatch.setattr(import_services, "write", spy_write)
    item = HsdsImport.objects.create(filename="kaart.zip", format="csv", upload=zip_of(example_files()))
    import_services.run_import(item.pk)
    assert statuses == [HsdsImportStatus.WRITING]
    assert HsdsImport.objects.get().status == HsdsImportStatus.DONE
