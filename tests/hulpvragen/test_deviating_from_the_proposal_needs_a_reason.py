# SPDX-License-Identifier: EUPL-1.2
"""A decision that deviates from the proposal is refused without a reason: a Dutch error naming the
domain, and nothing stored (not one decision of the other domains either)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from wijkteam.hulpvragen.models import HulpvraagStatus, TriageBesluit
from wijkteam.hulpvragen.triage.choices import Ondersteuning
from wijkteam.hulpvragen.triage.services import Decision, record_triage

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def triaged(place, users, frozen_time):
    provision("Inloopspreekuur geldzaken", ["LD01", "SA01"], km=0.5)
    provision("Koffieochtend", ["LD11", "SA05"], km=0.8)
    index()
    hulpvraag = single_mother(place)
    assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})
    return hulpvraag


def test_the_service_refuses_a_deviation_without_a_reason(triaged, users):
    decisions = [
        Decision("LD01", Ondersteuning.COLLECTIEF),
        Decision("LD11", Ondersteuning.INDIVIDUEEL, reden="   "),
    ]
    with pytest.raises(ValidationError) as refused:
        record_triage(triaged, decisions, by=users.medewerker)

    assert refused.value.message_dict == {
        "reden_LD11": [
            "Sociaal netwerk: uw besluit (Individuele ondersteuning) wijkt af van het voorstel "
            "(Collectief (voorliggend aanbod)). Geef de reden."
        ]
    }
    assert not TriageBesluit.objects.exists()
    triaged.refresh_from_db()
    assert triaged.status == HulpvraagStatus.IN_BEHANDELING


def test_every_domain_needs_a_decision(triaged, users):
    with pytest.raises(ValidationError) as refused:
        record_triage(triaged, [Decision("LD01", Ondersteuning.COLLECTIEF)], by=users.medewerker)
    assert refused.value.message_dict == {"besluit_LD11": ["Sociaal netwerk: kies een besluit."]}
    assert not TriageBesluit.objects.exists()


def test_the_screen_shows_the_error_at_the_domain_and_stores_nothing(triaged, users, client_for):
    response = client_for(users.medewerker).post(
        f"/werk/hulpvragen/triage/{triaged.pk}/",
        {"stap": "besluiten", "besluit_LD01": "collectief", "besluit_LD11": "tweede_lijn", "reden_LD11": ""},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is 1 fout. Er is nog niets opgeslagen." in page
    assert "Sociaal netwerk: uw besluit (Tweede lijn) wijkt af van het voorstel" in page
    assert 'href="#id_reden_LD11"' in page
    assert not TriageBesluit.objects.exists()


def test_with_a_reason_the_deviation_is_stored(triaged, users, client_for):
    response = client_for(users.medewerker).post(
        f"/werk/hulpvragen/triage/{triaged.pk}/",
        {"stap": "besluiten", "besluit_LD01": "collectief", "besluit_LD11": "tweede_lijn",
         "reden_LD11": "Al in behandeling bij de GGZ; zij pakken dit op."},
    )

    assert response.status_code == 302
    stored = {row.domein: row for row in TriageBesluit.objects.all()}
    assert stored["LD11"].besluit == Ondersteuning.TWEEDE_LIJN
    assert stored["LD11"].voorstel == Ondersteuning.COLLECTIEF
    assert stored["LD11"].wijkt_af and stored["LD11"].reden.startswith("Al in behandeling")
    assert not stored["LD01"].wijkt_af
