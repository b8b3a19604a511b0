# SPDX-License-Identifier: EUPL-1.2
"""Every date typed into a referral's forms outside 1900-2999 is refused beside its field in Dutch ("Kies een
datum tussen 1900 en 2999."), and nothing is written: the worker's new referral (verwezen op, aangemeld op),
the partner's answer (datum, intake, verwachte intake and start) and the worker's dates form. Before, a referral
made in year 1 (with an answer due in year 1), a registration in 9999, an expected start in 9999 or a closing
day the answer did not use were stored or passed as typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests import factories_verwijzingen as fv
from tests.html_support import field_error
from wijkteam.verwijzingen.models import Soort, Verwijzing, VerwijzingGebeurtenis, VerwijzingStatus

from .support import case_and_service

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."
VALUES = ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"]
DATES = ("aangemeld_op", "intake_op", "gestart_op", "verwachte_intake", "verwachte_start")


def _waiting(users: Any, place: Any) -> Verwijzing:
    """A second-line referral of team A's case (users.medewerker is its regisseur), accepted by partner A."""
    return fv.VerwijzingFactory(organisatie=users.partner.organisatie, soort=Soort.TWEEDE_LIJN, domein="ggz",
                                product="basis-GGZ", status=VerwijzingStatus.GEACCEPTEERD,
                                casus__team=place.team_a, casus__regisseur=users.medewerker,
                                verwezen_op=dt.date(2026, 11, 2), aangemeld_op=dt.date(2026, 11, 2))


def _dates(v: Verwijzing) -> tuple[Any, ...]:
    v.refresh_from_db()
    return (v.status, v.verwezen_op, v.afgesloten_op, *(getattr(v, name) for name in DATES))


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("field", ["verwezen_op", "aangemeld_op"])
def test_a_new_referral_with_a_date_outside_the_years_is_refused(field: str, value: str, place: Any, users: Any,
                                                                 client_for: Any, frozen_time: Any) -> None:
    w = case_and_service(place, users)
    data = {"service": str(w.service.pk), "soort": "tweede_lijn", "domein": "ggz", "product": "basis-GGZ",
            "persoon": w.persoon.pk, "gedeeld": ["naam"], "verwezen_op": "2026-11-20", field: value}
    response = client_for(users.medewerker).post(f"{reverse('verwijzingen:nieuw')}?casus={w.casus.pk}", data)

    assert response.status_code == 400
    assert YEARS in field_error(response.content.decode(), f"id_{field}")
    assert not Verwijzing.objects.exists()


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("field", ["datum", "intake_op", "verwachte_intake", "verwachte_start"])
def test_a_partner_answer_with_a_date_outside_the_years_is_refused(field: str, value: str, place: Any, users: Any,
                                                                   client_for: Any, frozen_time: Any) -> None:
    v = _waiting(users, place)
    before, events = _dates(v), VerwijzingGebeurtenis.objects.count()
    response = client_for(users.partner).post(reverse("verwijzingen_partner:antwoord", args=[v.pk]),
                                              {"status": "wachtlijst", field: value})

    assert response.status_code == 400
    assert YEARS in field_error(response.content.decode(), f"id_{field}")
    assert _dates(v) == before and VerwijzingGebeurtenis.objects.count() == events


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("field", DATES)
def test_the_workers_dates_outside_the_years_are_refused(field: str, value: str, place: Any, users: Any,
                                                         client_for: Any, frozen_time: Any) -> None:
    v = _waiting(users, place)
    before, events = _dates(v), VerwijzingGebeurtenis.objects.count()
    response = client_for(users.medewerker).post(reverse("verwijzingen:datums", args=[v.pk]), {field: value})

    assert response.status_code == 400
    assert YEARS in field_error(response.content.decode(), f"id_{field}")
    assert _dates(v) == before and VerwijzingGebeurtenis.objects.count() == events


def test_an_expected_start_in_2999_is_still_a_date(place: Any, users: Any, client_for: Any,
                                                   frozen_time: Any) -> None:
    v = _waiting(users, place)
    response = client_for(users.partner).post(reverse("verwijzingen_partner:antwoord", args=[v.pk]),
                                              {"status": "wachtlijst", "verwachte_start": "2999-12-31"})
    assert response.status_code == 302
    v.refresh_from_db()
    assert (v.status, v.verwachte_start) == (VerwijzingStatus.WACHTLIJST, dt.date(2999, 12, 31))
