# SPDX-License-Identifier: EUPL-1.2
"""Consent per purpose: giving and withdrawing are separate rows; the latest one decides; both audited."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from tests import factories as f
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Doel
from wijkteam.huishoudens.services import current_consent, record_consent

pytestmark = pytest.mark.django_db


def test_withdrawal_keeps_history_and_is_audited(place, users, client_for):
    person = f.PersoonFactory(huishouden__adres__buurt=place.buurt_a)
    with time_machine.travel("2026-11-01T10:00:00+01:00", tick=False):
        record_consent(person, Doel.GEGEVENS_DELEN_PARTNERS, gegeven=True, by=users.medewerker)
    assert current_consent(person, Doel.GEGEVENS_DELEN_PARTNERS)
    with time_machine.travel("2026-11-20T10:00:00+01:00", tick=False):
        record_consent(person, Doel.GEGEVENS_DELEN_PARTNERS, gegeven=False, by=users.medewerker,
                       toelichting="Wil het eerst met haar dochter bespreken")

    assert not current_consent(person, Doel.GEGEVENS_DELEN_PARTNERS)
    assert person.toestemmingen.count() == 2
    assert AuditEvent.objects.filter(action=Action.CREATE, person_id=person.pk,
                                     object_type="huishoudens.toestemming").count() == 2
    page = client_for(users.medewerker).get(reverse("huishoudens:person_detail", args=[person.pk])).content.decode()
    assert page.index("ingetrokken") < page.index("gegeven</td>")
