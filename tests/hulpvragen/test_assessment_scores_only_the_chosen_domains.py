# SPDX-License-Identifier: EUPL-1.2
"""The assessment on the triage screen stores a score only for the domains the worker scored (the
request's domains are on the form, others can be added); the safety question is required, and a safety
concern needs a note. The request moves from "nieuw" to "in behandeling"; the write is audited."""

from __future__ import annotations

import pytest

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.hulpvragen.models import Assessment, HulpvraagStatus

from .triage_support import single_mother

pytestmark = pytest.mark.django_db


def _post(client, hulpvraag, data):
    return client.post(f"/werk/hulpvragen/triage/{hulpvraag.pk}/", {"stap": "assessment", **data})


def test_only_the_scored_domains_are_stored(place, users, client_for, frozen_time):
    hulpvraag = single_mother(place)
    client = client_for(users.medewerker)

    page = client.get(f"/werk/hulpvragen/triage/{hulpvraag.pk}/").content.decode()
    # The request's domains come first, open; the others behind "Ander levensdomein toevoegen".
    assert page.index("LD01 Financiën (genoemd in de hulpvraag)") < page.index("Ander levensdomein toevoegen")
    assert page.index("Ander levensdomein toevoegen") < page.index("LD04 Huisvesting")
    assert "Er is geen geld voor eten of vaste lasten" in page  # the level's own words

    response = _post(client, hulpvraag, {
        "niveau_LD01": "3", "toelichting_LD01": "Huurachterstand van twee maanden.",
        "niveau_LD11": "", "niveau_LD04": "2", "veiligheid": "veilig",
    })

    assert response.status_code == 302
    assessment = Assessment.objects.get(hulpvraag=hulpvraag)
    assert {s.domein.code: s.niveau for s in assessment.scores.select_related("domein")} == {"LD01": 3, "LD04": 2}
    assert assessment.huishouden == hulpvraag.huishouden and assessment.door == users.medewerker
    assert (assessment.instrument.code, assessment.instrument.versie) == ("zelfredzaamheid", 1)
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.IN_BEHANDELING
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="hulpvragen.assessment")
    assert event.detail["domeinen"] == ["LD01", "LD04"]


def test_the_safety_question_and_a_score_are_required(place, users, client_for):
    hulpvraag = single_mother(place)

    response = _post(client_for(users.medewerker), hulpvraag, {"niveau_LD01": ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Beantwoord de vraag over veiligheid." in page
    assert "Scoor ten minste één levensdomein" in page
    assert not Assessment.objects.exists()


def test_a_safety_concern_needs_a_note(place, users, client_for):
    hulpvraag = single_mother(place)

    response = _post(client_for(users.medewerker), hulpvraag, {"niveau_LD05": "2", "veiligheid": "zorgen"})

    assert "Licht toe wat er speelt rond de veiligheid" in response.content.decode()
    assert not Assessment.objects.exists()
