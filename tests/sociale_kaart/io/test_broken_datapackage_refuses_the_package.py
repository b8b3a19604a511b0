# SPDX-License-Identifier: EUPL-1.2
"""A datapackage.json that is not valid JSON refuses the whole package, saying where it breaks
(it used to be a warning, after which the tables were guessed from the file names)."""

from __future__ import annotations

import pytest

from wijkteam.sociale_kaart.models import HsdsImportStatus, Organization, Service

from .conftest import package_files, small_tables, zip_of
from .import_page import errors_on, upload

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sociale_kaart.io.urls")]


def test_broken_descriptor_refuses_the_package(users, client_for, django_capture_on_commit_callbacks):
    files: dict[str, bytes | str] = {**package_files(small_tables()),
                                     "datapackage.json": '{"name": "kaart",\n  "resources": [\n    {"name": }'}
    item, page = upload(client_for(users.beheerder), "kaart.zip", zip_of(files), django_capture_on_commit_callbacks)
    assert item.status == HsdsImportStatus.FAILED
    assert (Service.objects.count(), Organization.objects.count()) == (0, 0)
    assert "Er is niets veranderd" in page
    assert errors_on(page) == [
        "kaart.zip: datapackage.json kan niet gelezen worden: er klopt iets niet op regel 3, teken 14. Het pakket is "
        "niet ingelezen en er is niets veranderd: zonder deze beschrijving is niet zeker welk bestand welke tabel is. "
        "Verbeter datapackage.json of laat het bestand weg; dan gelden de standaard HSDS-bestandsnamen."
    ]


def test_without_a_descriptor_the_standard_file_names_count(users, client_for, django_capture_on_commit_callbacks):
    files: dict[str, bytes | str] = dict(package_files(small_tables()))
    item, _page = upload(client_for(users.beheerder), "kaart.zip", zip_of(files), django_capture_on_commit_callbacks)
    assert item.status == HsdsImportStatus.DONE
    assert Service.objects.count() == 3
