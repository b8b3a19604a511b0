# SPDX-License-Identifier: EUPL-1.2
"""A term link (attribute) changed in the admin — a service's levensdomein, kind of help or audience — is
recorded like any other edit (HSDS metadata, an audit row naming the beheerder) and refreshes the service's
search row, since the term shows on its card and drives the facets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories_sociale_kaart import ServiceFactory, link_terms, term
from tests.sociale_kaart.admin_form import admin_form
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.history import services_affected_by
from wijkteam.sociale_kaart.models import Metadata
from wijkteam.sociale_kaart.search import reindex_service
from wijkteam.sociale_kaart.search.backends import read_cards
from wijkteam.sociale_kaart.search.cards import parse_card

pytestmark = pytest.mark.django_db


def test_changing_a_services_term_in_the_admin_is_recorded(users, client_for, django_capture_on_commit_callbacks):
    service = ServiceFactory(name="Schuldhulp Inloop")
    (attribute,) = link_terms(service, "LD01")
    reindex_service(service)
    assert services_affected_by(attribute) == {service.pk}
    client = client_for(users.beheerder)
    url = reverse("admin:sociale_kaart_attribute_change", args=[attribute.pk])
    new_term = term("LD02")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**admin_form(client.get(url)), "taxonomy_term": str(new_term.pk)})
    assert response.status_code == 302, response.content.decode()[:1500]
    attribute.refresh_from_db()
    assert attribute.taxonomy_term == new_term
    assert Metadata.objects.filter(resource_id=attribute.pk, last_action_type="update",
                                   field_name__startswith="taxonomy_term").exists()
    assert AuditEvent.objects.filter(action=Action.UPDATE, object_id=str(attribute.pk),
                                     user_id=users.beheerder.pk).exists()
    # The service's search row (its card) now carries the new levensdomein.
    card = parse_card(read_cards([service.pk])[service.pk])
    assert card is not None and card.domains == ("LD02",)
