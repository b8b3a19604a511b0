# SPDX-License-Identifier: EUPL-1.2
"""A household that prefers another language gets provisions that speak it lifted (about a kilometre's
worth) and says so in the reason; without a language preference distance alone decides."""

from __future__ import annotations

import pytest

from wijkteam.hulpvragen.triage.proposals import Household, Need, propose
from wijkteam.sociale_kaart.models import Language

from .triage_support import HOME, index, provision

pytestmark = pytest.mark.django_db


def test_a_provision_in_the_households_language_is_lifted_and_named(frozen_time):
    provision("Taalcafé om de hoek", ["LD12", "SA05"], km=0.4)
    arabic = provision("Vrouwengroep Al Amal", ["LD12", "SA03"], km=1.2)
    Language.objects.create(service=arabic, code="ar", name="Arabisch")
    index()
    need = [Need("LD12", 3, genoemd=True)]

    dutch = propose(Household(latitude=HOME[0], longitude=HOME[1]), need)[0]
    arabic_speaking = propose(Household(latitude=HOME[0], longitude=HOME[1], taal="ar"), need)[0]

    assert [o.naam for o in dutch.options] == ["Taalcafé om de hoek", "Vrouwengroep Al Amal"]
    assert [o.naam for o in arabic_speaking.options] == ["Vrouwengroep Al Amal", "Taalcafé om de hoek"]
    assert arabic_speaking.options[0].reden == "lotgenotengroep 1,2 km verderop, ook in het Arabisch"
