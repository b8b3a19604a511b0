# SPDX-License-Identifier: EUPL-1.2
"""The beheerder maps an imported term that matched nothing (/werk/sociale-kaart/taxonomie/): the
choice is audited, search and the levensdomein filter follow it, and importing the package again
keeps it. Only the beheerder may see or use the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bench.bench_search_relevance import UNMATCHED_TERM, build
from wijkteam.audit.models import Action, AuditEvent
from wijkteam.sociale_kaart.models import MappingMethod, TaxonomyTerm, TaxonomyTermMapping
from wijkteam.sociale_kaart.search import SearchQuery, search_services
from wijkteam.sociale_kaart.taxonomies import term_uuid
from wijkteam.sociale_kaart.taxonomy_mapping.forms import field_name

from .foreign_supplier import import_corpus, package, truth
from .import_page import upload

pytestmark = pytest.mark.django_db

URL = "/werk/sociale-kaart/taxonomie/"
LD13 = term_uuid("levensdomeinen", "LD13")


def test_the_page_lives_at_the_agreed_address():
    assert reverse("sociale_kaart_werk:taxonomie_koppelen") == URL


def test_beheerder_maps_the_unmatched_term_and_it_survives_a_reimport(
    frozen_time, users, client_for, django_capture_on_commit_callbacks
):
    corpus, _result = import_corpus(30, django_capture_on_commit_callbacks)
    unmatched = TaxonomyTerm.objects.get(code=UNMATCHED_TERM[0])
    known = truth(corpus)
    # Stale and inactive copies carry it too, but stay hidden.
    tagged = {a for a in unmatched.attributes.values_list("link_id", flat=True) if a in known}
    assert tagged
    # Before: the services carrying only the unmatched term are no Justitie services.
    justitie = {sid for sid, codes in known.items() if "LD13" in codes}

    def found_under_ld13():
        return {h.service.id for h in search_services(SearchQuery(levensdomeinen=("LD13",), per_page=100)).hits}

    assert found_under_ld13() == justitie
    client = client_for(users.beheerder)
    page = client.get(URL).content.decode()
    assert "1 geïmporteerde term is nog niet gekoppeld" in page
    # The unmatched term comes first, with its own label on its select.
    assert page.index(UNMATCHED_TERM[1]) < page.index("T-LD-001")
    assert f'for="id_{field_name(unmatched.id)}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {field_name(unmatched.id): str(LD13), "pagina": "1"})
    assert response.status_code == 302
    mapping = TaxonomyTermMapping.objects.get(term=unmatched)
    assert (mapping.target_id, mapping.method, mapping.modified_by) == (LD13, MappingMethod.BEHEERDER,
                                                                       users.beheerder.username)
    assert found_under_ld13() == justitie | tagged
    event = AuditEvent.objects.get(action=Action.UPDATE, object_type="sociale_kaart.taxonomyterm",
                                   object_id=str(unmatched.id))
    assert event.user_id == users.beheerder.pk
    assert event.detail["mapping"] == {"before": "", "after": str(LD13)}
    assert "nog niet gekoppeld;" not in client.get(URL).content.decode()
    # The same package again: the beheerder's mapping stays, the index still follows it.
    import_corpus(30, django_capture_on_commit_callbacks)
    assert TaxonomyTermMapping.objects.get(term=unmatched).method == MappingMethod.BEHEERDER
    assert found_under_ld13() == justitie | tagged


def test_the_import_result_points_at_the_mapping_page(users, client_for, frozen_time,
                                                     django_capture_on_commit_callbacks):
    _item, page = upload(client_for(users.beheerder), "andere-leverancier.zip", package(build(10)),
                         django_capture_on_commit_callbacks)
    assert "1 geïmporteerde term betekent (nog) niets voor zoeken en filters." in page
    assert f'href="{URL}"' in page


def test_beheerder_may_override_an_automatic_mapping_and_say_none_fits(
    frozen_time, users, client_for, django_capture_on_commit_callbacks
):
    import_corpus(10, django_capture_on_commit_callbacks)
    term = TaxonomyTerm.objects.get(code="T-SA-002")  # matched on the name "cursus / training"
    client = client_for(users.beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {field_name(term.id): "geen", "pagina": "1"})
    mapping = TaxonomyTermMapping.objects.get(term=term)
    assert (mapping.target_id, mapping.method) == (None, MappingMethod.BEHEERDER)


@pytest.mark.parametrize("role", ["medewerker", "teamleider", "partner", "analist", "privacy"])
def test_other_roles_are_refused_and_audited(users, client_for, role):
    user = getattr(users, role)
    client = client_for(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403
    assert AuditEvent.objects.filter(user_id=user.pk, action=Action.DENIED).count() == 2


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
