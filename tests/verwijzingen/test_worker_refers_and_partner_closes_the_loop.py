# SPDX-License-Identifier: EUPL-1.2
"""The closed loop through HTTP: the regisseur refers from the case (consent per item), the partner accepts,
puts the resident on the waiting list, starts (with the warme overdracht) and completes; every step is on the
case's timeline and in the referral's history; the consent is a Doel.VERWIJZING row of the person; the partner
is mailed (no personal data) once the referral is committed. Who may not: another team's worker, a partner."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from wijkteam.audit.models import Action, AuditEvent
from wijkteam.huishoudens.models import Doel, Toestemming
from wijkteam.verwijzingen.models import Verwijzing, VerwijzingStatus

from .support import case_and_service

pytestmark = pytest.mark.django_db


def _refer(client: Any, w: Any) -> Any:
    return client.post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "collectief", "persoon": w.persoon.pk,
        "gedeeld": ["naam", "contact"], "samenvatting": "Voelt zich eenzaam sinds de verhuizing.",
        "levensdomeinen": ["LD11"], "verwezen_op": "2026-11-25"})


def test_the_whole_loop_shows_on_the_case(client_for: Any, place: Any, users: Any, frozen_time: Any,
                                          mailoutbox: Any, django_capture_on_commit_callbacks: Any) -> None:
    w = case_and_service(place, users)
    worker = client_for(users.medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        response = _refer(worker, w)
    v = Verwijzing.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("verwijzingen:detail", args=[v.pk])
    assert (v.organisatie, v.status, v.gedeeld) == (users.partner.organisatie, "verstuurd", ["naam", "contact"])
    assert Toestemming.objects.filter(persoon=w.persoon, doel=Doel.VERWIJZING, gegeven=True).count() == 1
    assert len(mailoutbox) == 1 and "Fatima" not in mailoutbox[0].body and str(v.pk) in mailoutbox[0].subject

    partner = client_for(users.partner)
    answer = reverse("verwijzingen_partner:antwoord", args=[v.pk])
    assert partner.post(answer, {"status": "geaccepteerd"}).status_code == 302
    assert partner.post(answer, {"status": "wachtlijst", "verwachte_start": "2026-12-15"}).status_code == 302
    assert partner.post(answer, {"status": "gestart", "warme_overdracht": "Kennismaking samen met de regisseur."}
                        ).status_code == 302
    assert partner.post(answer, {"status": "afgerond"}).status_code == 302
    v.refresh_from_db()
    assert v.status == VerwijzingStatus.AFGEROND and v.gestart_op is not None and v.afgesloten_op is not None

    case_page = worker.get(reverse("casussen:casus_detail", args=[w.casus.pk])).content.decode()
    for step in ("Verwezen naar Maatjesproject Samen", "Verstuurd → Geaccepteerd", "Geaccepteerd → Op de wachtlijst",
                 "Op de wachtlijst → Gestart", "Gestart → Afgerond", "Kennismaking samen met de regisseur."):
        assert step in case_page, step
    detail = worker.get(reverse("verwijzingen:detail", args=[v.pk])).content.decode()
    assert "Afgerond" in detail and "Warme overdracht" in detail
    assert list(v.gebeurtenissen.values_list("naar", flat=True).exclude(naar="")) == [
        "verstuurd", "geaccepteerd", "wachtlijst", "gestart", "afgerond"]
    assert AuditEvent.objects.filter(object_type="verwijzingen.verwijzing", object_id=str(v.pk),
                                     action=Action.UPDATE, user_id=users.partner.pk).count() == 4


def test_a_refusal_needs_a_reason_and_a_skipped_step_is_refused(client_for: Any, place: Any, users: Any) -> None:
    w = case_and_service(place, users)
    assert _refer(client_for(users.medewerker), w).status_code == 302
    v = Verwijzing.objects.get()
    partner = client_for(users.partner)
    answer = reverse("verwijzingen_partner:antwoord", args=[v.pk])
    response = partner.post(answer, {"status": "afgewezen"})
    assert response.status_code == 400 and "Schrijf de reden op" in response.content.decode()
    response = partner.post(answer, {"status": "afgerond"})  # not offered from "verstuurd"
    assert response.status_code == 400
    v.refresh_from_db()
    assert v.status == "verstuurd" and v.gebeurtenissen.count() == 1
    assert partner.post(answer, {"status": "afgewezen", "reden": "Wachtlijst gesloten"}).status_code == 302
    v.refresh_from_db()
    assert (v.status, v.reden) == ("afgewezen", "Wachtlijst gesloten")


def test_nothing_is_shared_without_a_choice(client_for: Any, place: Any, users: Any) -> None:
    w = case_and_service(place, users)
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", {
        "service": str(w.service.pk), "soort": "tweede_lijn", "persoon": w.persoon.pk, "verwezen_op": "2026-11-25"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit veld is verplicht." in page or "Kies wat de bewoner" in page
    assert not Verwijzing.objects.exists()


def test_who_may_not_refer_from_the_case(client_for: Any, place: Any, users: Any) -> None:
    w = case_and_service(place, users)
    url = f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}"
    assert client_for(users.medewerker_b).get(url).status_code == 403
    assert client_for(users.partner).get(url).status_code == 403
    assert client_for(users.analist).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302
    assert AuditEvent.objects.filter(action=Action.DENIED, user_id=users.medewerker_b.pk,
                                     object_type="casussen.casus", object_id=str(w.casus.pk)).exists()
