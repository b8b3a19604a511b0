# SPDX-License-Identifier: EUPL-1.2
"""A request moves only along HULPVRAAG_TRANSITIONS; each change writes a history row and an audit row;
closing needs a reason (and words for "anders"); assigning takes a new request into intake and routes a
central-queue request to the worker's team."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.hulpvragen.models import HULPVRAAG_TRANSITIONS, AfsluitReden, HulpvraagStatus
from wijkteam.hulpvragen.services import TransitionNotAllowed, assign, change_status, close, route_to_team

pytestmark = pytest.mark.django_db


def test_every_status_has_its_transitions() -> None:
    assert set(HULPVRAAG_TRANSITIONS) == set(HulpvraagStatus.values)
    assert HULPVRAAG_TRANSITIONS[HulpvraagStatus.AFGESLOTEN] == frozenset()


def test_the_path_through_intake_and_its_history(place: Any, users: Any, frozen_time: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    assign(hv, users.medewerker, by=users.teamleider)
    assert hv.status == HulpvraagStatus.IN_BEHANDELING and hv.behandelaar == users.medewerker
    change_status(hv, HulpvraagStatus.GETRIEERD, by=users.medewerker)
    change_status(hv, HulpvraagStatus.DOORGEZET, by=users.medewerker)
    close(hv, reden=AfsluitReden.DOORVERWEZEN, by=users.medewerker)
    assert [h.naar for h in hv.historie.order_by("tijdstip", "id")] == [
        "nieuw", "in_behandeling", "getrieerd", "doorgezet", "afgesloten"]
    hv.refresh_from_db()
    assert hv.afsluitreden == AfsluitReden.DOORVERWEZEN and hv.afgesloten is not None
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(hv.pk), person_id=hv.persoon_id).count() >= 5


def test_a_step_outside_the_table_is_refused(place: Any, users: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    with pytest.raises(TransitionNotAllowed):
        change_status(hv, HulpvraagStatus.DOORGEZET, by=users.medewerker)
    close(hv, reden=AfsluitReden.DUBBEL, by=users.medewerker)
    with pytest.raises(TransitionNotAllowed):
        change_status(hv, HulpvraagStatus.IN_BEHANDELING, by=users.medewerker)


def test_closing_needs_a_reason(place: Any, users: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    with pytest.raises(ValidationError):
        change_status(hv, HulpvraagStatus.AFGESLOTEN, by=users.medewerker)
    with pytest.raises(ValidationError):
        close(hv, reden=AfsluitReden.OVERIG, by=users.medewerker, toelichting=" ")
    hv.refresh_from_db()
    assert hv.status == HulpvraagStatus.NIEUW and hv.historie.count() == 1


def test_only_a_worker_of_the_team_can_be_assigned(place: Any, users: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    with pytest.raises(ValidationError):
        assign(hv, users.medewerker_b, by=users.teamleider)
    with pytest.raises(ValidationError):
        assign(hv, users.partner, by=users.teamleider)


def test_the_central_queue_is_routed_by_assigning_or_by_the_teamleider(place: Any, users: Any) -> None:
    central = HulpvraagFactory(centraal=True)
    assign(central, users.medewerker_b, by=users.teamleider)
    assert central.team_id == place.team_b.pk
    other = HulpvraagFactory(centraal=True)
    route_to_team(other, place.team_a, by=users.teamleider)
    other.refresh_from_db()
    assert other.team_id == place.team_a.pk and other.behandelaar is None


def test_a_closed_request_is_not_assigned_or_routed(place: Any, users: Any) -> None:
    hv = HulpvraagFactory(team=place.team_a)
    close(hv, reden=AfsluitReden.GEEN_HULP_NODIG, by=users.medewerker)
    with pytest.raises(ValidationError):
        assign(hv, users.medewerker, by=users.medewerker)
    with pytest.raises(ValidationError):
        route_to_team(hv, place.team_b, by=users.teamleider)
    hv.refresh_from_db()
    assert hv.behandelaar is None and hv.team_id == place.team_a.pk
