# SPDX-License-Identifier: EUPL-1.2
"""The worker's decisions are stored per domain (beside the proposal and the provisions proposed), audited,
move the request to "getrieerd", and are counted per domain for monitoring: the collective share, the
latest decision per request and domain only."""

from __future__ import annotations

import pytest

from wijkteam.audit.models import AuditEvent
from wijkteam.hulpvragen.models import HulpvraagStatus, TriageBesluit
from wijkteam.hulpvragen.triage.choices import Ondersteuning
from wijkteam.hulpvragen.triage.reads import counts_per_domain, latest_decisions
from wijkteam.hulpvragen.triage.services import Decision, record_triage

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart(frozen_time):
    made = provision("Inloopspreekuur geldzaken", ["LD01", "SA01"], km=0.5)
    provision("Koffieochtend", ["LD11", "SA05"], km=0.8)
    index()
    return made


def test_decisions_are_stored_per_domain_and_the_request_is_triaged(place, users, kaart):
    hulpvraag = single_mother(place)
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})

    rows = record_triage(
        hulpvraag,
        [Decision("LD01", Ondersteuning.COLLECTIEF), Decision("LD11", Ondersteuning.BEIDE, reden="Erg alleen.")],
        by=users.medewerker,
    )

    assert [(r.domein, r.voorstel, r.besluit) for r in rows] == [
        ("LD01", Ondersteuning.COLLECTIEF, Ondersteuning.COLLECTIEF),
        ("LD11", Ondersteuning.COLLECTIEF, Ondersteuning.BEIDE),
    ]
    ld01 = TriageBesluit.objects.get(domein="LD01")
    assert ld01.assessment == assessment and ld01.niveau == 3 and ld01.door == users.medewerker
    assert ld01.voorgestelde_diensten == [str(kaart.pk)]
    assert ld01.buurt == place.buurt_a
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.GETRIEERD
    assert list(hulpvraag.historie.values_list("naar", flat=True)) == ["nieuw", "in_behandeling", "getrieerd"]
    event = AuditEvent.objects.get(object_type="hulpvragen.triagebesluit")
    assert event.household_id == hulpvraag.huishouden_id
    assert event.detail["afwijkend"] == ["LD11"]


def test_the_collective_share_is_counted_per_domain(place, users, kaart):
    first, second, third = single_mother(place), single_mother(place), single_mother(place)
    for hulpvraag in (first, second, third):
        assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})
    record_triage(first, [Decision("LD01", "collectief"), Decision("LD11", "collectief")], by=users.medewerker)
    record_triage(second, [Decision("LD01", "individueel", reden="Wil geen groep."),
                           Decision("LD11", "beide", reden="Erg alleen.")], by=users.medewerker)
    record_triage(third, [Decision("LD01", "geen", reden="Al geregeld via werk."),
                          Decision("LD11", "collectief")], by=users.medewerker)
    # A redone triage counts once: the latest decision per request and domain.
    record_triage(third, [Decision("LD01", "collectief"), Decision("LD11", "collectief")], by=users.medewerker)

    counts = {c.domein: c for c in counts_per_domain()}

    assert (counts["LD01"].totaal, counts["LD01"].collectief, counts["LD01"].individueel) == (3, 2, 1)
    assert counts["LD01"].collectief_aandeel == pytest.approx(2 / 3)
    assert counts["LD01"].afwijkend == 1
    assert (counts["LD11"].totaal, counts["LD11"].collectief, counts["LD11"].alleen_collectief) == (3, 3, 2)
    assert counts["LD11"].naam == "Sociaal netwerk"
    assert {c.domein for c in counts_per_domain(wijk_codes=[place.wijk_b.code])} == set()
    assert latest_decisions(third)["LD01"].besluit == Ondersteuning.COLLECTIEF
    assert TriageBesluit.objects.filter(hulpvraag=third).count() == 4  # history kept


def test_the_screen_stores_the_decisions_and_shows_them(place, users, kaart, client_for):
    hulpvraag = single_mother(place)
    assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})
    client = client_for(users.medewerker)

    response = client.post(f"/werk/hulpvragen/triage/{hulpvraag.pk}/",
                           {"stap": "besluiten", "besluit_LD01": "collectief", "besluit_LD11": "beide",
                            "reden_LD11": "Voelt zich erg alleen; eerst samen op weg."})

    assert response.status_code == 302 and response["Location"].endswith("#vervolg")
    assert TriageBesluit.objects.filter(hulpvraag=hulpvraag).count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "De triage is vastgelegd." in page
    assert "Vastgelegde besluiten" in page
    # A redone triage starts from what was decided, not from the proposal.
    assert 'value="beide" id="id_besluit_LD11_2" checked' in page
    assert "Voelt zich erg alleen; eerst samen op weg.</textarea>" in page
