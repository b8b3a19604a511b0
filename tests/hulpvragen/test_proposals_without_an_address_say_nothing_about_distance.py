# SPDX-License-Identifier: EUPL-1.2
"""A request without a known address (the central queue) still gets proposals for its domains, but the
reasons say nothing about distance: nothing is "verderop" from a place we do not know, and a service with
a location is not called online."""

from __future__ import annotations

import pytest

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.hulpvragen.triage.services import proposals_for

from .triage_support import assess, index, provision

pytestmark = pytest.mark.django_db


def test_reasons_without_a_place(place, users, frozen_time):
    provision("Inloopspreekuur geldzaken", ["LD01", "SA01"], km=0.6, free=True, byday="TU")
    index()
    hulpvraag = HulpvraagFactory(centraal=True, levensdomeinen=["LD01"])
    assessment = assess(hulpvraag, users.teamleider, {"LD01": 3})

    [financien] = proposals_for(hulpvraag, assessment)

    assert [o.reden for o in financien.options] == ["inloopspreekuur, dinsdagochtend, gratis"]
    assert financien.options[0].afstand_km is None
