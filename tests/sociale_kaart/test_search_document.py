# SPDX-License-Identifier: EUPL-1.2
"""rebuild_search_document() gathers the text search reads: names, description, term names."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.models import Service

pytestmark = pytest.mark.django_db


def test_document_holds_names_description_and_terms():
    service = ServiceFactory(
        name="Thuisadministratie",
        alternate_name="Papierwinkel",
        description="Vrijwilligers helpen met post.",
        terms=["LD01", "SA04"],
    )
    document = service.rebuild_search_document()
    for text in ["Thuisadministratie", "Papierwinkel", "Vrijwilligers helpen met post.", "Financiën", "Maatje"]:
        assert text in document
    assert service.search_document == document


def test_save_true_stores_it():
    service = ServiceFactory(name="Taalcafé", alternate_name="", description="", terms=["LD12"])
    service.rebuild_search_document(save=True)
    assert Service.objects.get(pk=service.pk).search_document == "Taalcafé\nMaatschappelijke participatie"


def test_without_save_nothing_is_written():
    service = ServiceFactory(name="Kledingbank")
    service.rebuild_search_document()
    assert Service.objects.get(pk=service.pk).search_document == ""
