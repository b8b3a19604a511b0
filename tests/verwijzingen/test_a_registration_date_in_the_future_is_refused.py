# SPDX-License-Identifier: EUPL-1.2
"""A new referral's "aangemeld bij de aanbieder op" may not lie in the future, as every later change of the
referral already required. Before, the referral was made with a registration day to come, and then the
partner could not answer it at all (each status change was refused over a date the partner's form does not
show) until that day had come."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.html_support import field_error
from wijkteam.verwijzingen.models import Verwijzing, VerwijzingStatus

from .support import case_and_service

pytestmark = pytest.mark.django_db

FUTURE = "Deze datum kan niet in de toekomst liggen."


def _refer(client: Any, w: Any, aangemeld_op: str) -> Any:
    return client.post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "tweede_lijn", "domein": "ggz", "product": "basis-GGZ",
        "persoon": w.persoon.pk, "gedeeld": ["naam"], "verwezen_op": "2026-11-20", "aangemeld_op": aangemeld_op})


@pytest.mark.parametrize("aangemeld_op", ["2026-11-26", "2027-01-04"])
def test_a_registration_day_to_come_is_refused_at_the_field(aangemeld_op: str, place: Any, users: Any,
                                                            client_for: Any, frozen_time: Any) -> None:
    w = case_and_service(place, users)
    response = _refer(client_for(users.medewerker), w, aangemeld_op)

    assert response.status_code == 400
    html = response.content.decode()
    assert FUTURE in field_error(html, "id_aangemeld_op")
    # The refusal comes from the write path, after the form's cleaning: the input still points at its message.
    control = re.search(r'<input[^>]*id="id_aangemeld_op"[^>]*>', html)
    assert control is not None
    assert 'aria-invalid="true"' in control.group(0)
    assert "id_aangemeld_op-error" in control.group(0)
    assert not Verwijzing.objects.exists()


def test_registered_today_the_partner_can_answer(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_and_service(place, users)
    assert _refer(client_for(users.medewerker), w, "2026-11-25").status_code == 302
    v = Verwijzing.objects.get()
    answer = client_for(users.partner).post(reverse("verwijzingen_partner:antwoord", args=[v.pk]),
                                            {"status": "geaccepteerd"})
    assert answer.status_code == 302
    v.refresh_from_db()
    assert v.status == VerwijzingStatus.GEACCEPTEERD
