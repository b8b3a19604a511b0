# SPDX-License-Identifier: EUPL-1.2
"""An import that brings a service looking like one on the kaart warns, and puts the pair on the worklist."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.hsds_io.services import import_bytes
from wijkteam.sociale_kaart.models.werk import DuplicateCandidate, DuplicateSource

from .conftest import zip_of

pytestmark = pytest.mark.django_db


def test_lookalike_service_gives_a_warning_and_a_worklist_pair(example_package):
    existing = ServiceFactory(name="Community Counseling")  # the example package has "Community Counselling"

    result = import_bytes(zip_of(example_package), "hsds.zip")

    assert not result.errors
    warnings = [str(p) for p in result.warnings if "lijkt op" in p.message]
    assert any("Community Counseling" in w and "services.csv" in w for w in warnings), warnings
    pair = DuplicateCandidate.objects.get()
    assert existing.pk in {pair.service_a_id, pair.service_b_id}
    assert pair.source == DuplicateSource.IMPORT


def test_no_lookalike_no_warning(example_package):
    ServiceFactory(name="Voedselbank Voorbeeld")

    result = import_bytes(zip_of(example_package), "hsds.zip")

    assert not [p for p in result.warnings if "lijkt op" in p.message]
    assert not DuplicateCandidate.objects.exists()
