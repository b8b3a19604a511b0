# SPDX-License-Identifier: EUPL-1.2
"""A triaged request moves on ("doorgezet") when a next step is taken for it, with the step in its history;
a request not yet triaged stays where it is, and a second step changes nothing."""

from __future__ import annotations

from typing import cast

from tests.factories_hulpvragen import HulpvraagFactory
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.hulpvragen.models import Hulpvraag, HulpvraagStatus
from wijkteam.hulpvragen.onwards import mark_moved_on


def test_a_triaged_request_moves_on_once(place, users, frozen_time) -> None:
    hulpvraag = cast(Hulpvraag, HulpvraagFactory(team=place.team_a, status=HulpvraagStatus.GETRIEERD))
    assert mark_moved_on(hulpvraag, step="Verwijzing naar het buurthuis", by=users.medewerker)
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.DOORGEZET
    last = hulpvraag.historie.order_by("id").last()
    assert last is not None and last.naar == HulpvraagStatus.DOORGEZET
    assert "Verwijzing naar het buurthuis" in last.toelichting
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(hulpvraag.pk)).exists()
    assert not mark_moved_on(hulpvraag, step="Casus geopend", by=users.medewerker)
    assert hulpvraag.historie.filter(naar=HulpvraagStatus.DOORGEZET).count() == 1


def test_a_request_still_in_intake_stays(place, users, frozen_time) -> None:
    hulpvraag = cast(Hulpvraag, HulpvraagFactory(team=place.team_a, status=HulpvraagStatus.IN_BEHANDELING))
    assert not mark_moved_on(hulpvraag, step="Casus geopend", by=users.medewerker)
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == HulpvraagStatus.IN_BEHANDELING
