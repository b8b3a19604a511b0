# SPDX-License-Identifier: EUPL-1.2
"""The printable plan (issue 19 item 2): a PDF in B1 Dutch for the household, with the goals in everyday words
and the resident's own words beside them, who does what by when, the network, and the contact person; the
worker's risk notes stay off the paper; each download is audited as a print."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests import factories_casussen as fc
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.casussen.models import Uitvoerder

from .support import case_world

pytestmark = pytest.mark.django_db


def test_the_plan_pdf_speaks_to_the_household(place: Any, users: Any, client_for: Any, frozen_time: Any) -> None:
    w = case_world(place, users)
    plan = w.casus.plan
    plan.situatie, plan.risicos = "Drie maanden huurachterstand.", "Zorg om veiligheid kinderen"
    plan.afspraken = "Elke twee weken een huisbezoek."
    plan.save()
    doel = fc.PlanDoelFactory(plan=plan, levensdomein="LD01", doel="Vaste lasten op tijd betalen",
                              eigen_woorden="Ik wil niet meer bang zijn voor de post.")
    fc.PlanActieFactory(plan=plan, doel=doel, wie=Uitvoerder.NETWERK, wie_naam="zus Fatima",
                        wat="Helpt met de post sorteren")
    fc.BetrokkeneFactory(plan=plan, naam="Fatima", rol="zus", telefoon="0612345678")
    fc.BetrokkeneFactory(plan=plan, professional=True, naam="Karin de Vries")
    response = client_for(users.medewerker).get(reverse("casussen:plan_pdf", args=[w.casus.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in ("Uw plan met het wijkteam", "Geld en schulden", "Vaste lasten op tijd betalen",
                     "In uw eigen woorden: Ik wil niet meer bang zijn voor de post.", "Wie doet wat?",
                     "Iemand uit uw omgeving: zus Fatima", "Helpt met de post sorteren",
                     "Elke twee weken een huisbezoek.", "Mensen om u heen die helpen", "Karin de Vries",
                     "Uw contactpersoon", "Samira Bakker", "Pagina 1 van"):
        assert expected in text, expected
    assert "Zorg om veiligheid" not in text
    # The plan's own print row (each named member's row: test_plan_print_is_in_each_named_persons_trail.py).
    assert AuditEvent.objects.filter(action=Action.PRINT, user_id=users.medewerker.pk, object_type="casussen.plan",
                                     household_id=w.casus.huishouden_id).count() == 1


def test_no_pdf_outside_the_case(place: Any, users: Any, client_for: Any) -> None:
    w = case_world(place, users)
    assert client_for(w.outsider).get(reverse("casussen:plan_pdf", args=[w.casus.pk])).status_code == 403
    assert not AuditEvent.objects.filter(action=Action.PRINT).exists()
