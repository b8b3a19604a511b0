# SPDX-License-Identifier: EUPL-1.2
"""On import, another supplier's terms are mapped onto ours: by code first, then by name ignoring
case, accents and spacing; a term without either stays for the beheerder. Importing the package
again changes no mapping."""

from __future__ import annotations

import pytest

from bench.bench_search_relevance import UNMATCHED_TERM
from wijkteam.sociale_kaart.models import MappingMethod, TaxonomyTerm, TaxonomyTermMapping
from wijkteam.sociale_kaart.taxonomies import term_uuid
from wijkteam.sociale_kaart.taxonomy_mapping import match

from .foreign_supplier import foreign_term, import_corpus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "name", "expected", "method"),
    [
        ("LD01", "iets anders", ("levensdomeinen", "LD01"), MappingMethod.CODE),
        ("ld04", "", ("levensdomeinen", "LD04"), MappingMethod.CODE),
        ("X-1", "  financien ", ("levensdomeinen", "LD01"), MappingMethod.NAME),
        ("", "GEESTELIJKE  GEZONDHEID", ("levensdomeinen", "LD06"), MappingMethod.NAME),
        ("", "Informatie & Advies", ("soort-aanbod", "SA06"), MappingMethod.NAME),
        ("", "Newcomers", ("doelgroep", "DG07"), MappingMethod.NAME),  # the English name counts too
    ],
)
def test_match_by_code_then_name(code, name, expected, method):
    assert match(code, name) == (term_uuid(*expected), method)


def test_no_code_and_no_name_of_ours_is_no_match():
    assert match("WIJK-99", "Buurtgericht werken") is None


def test_import_maps_each_term_and_leaves_the_unknown_one(frozen_time, django_capture_on_commit_callbacks):
    import_corpus(20, django_capture_on_commit_callbacks)
    ld02, ld01, sa06 = foreign_term("LD02"), foreign_term("LD01"), foreign_term("SA06")
    assert (ld02.code, ld02.mapping.target_id, ld02.mapping.method) == ("LD02", term_uuid("levensdomeinen", "LD02"),
                                                                       MappingMethod.CODE)
    assert (ld01.code, ld01.mapping.target_id, ld01.mapping.method) == ("T-LD-001", term_uuid("levensdomeinen", "LD01"),
                                                                       MappingMethod.NAME)
    assert sa06.mapping.target_id == term_uuid("soort-aanbod", "SA06")
    unmatched = TaxonomyTerm.objects.get(code=UNMATCHED_TERM[0])
    assert not TaxonomyTermMapping.objects.filter(term=unmatched).exists()
    # 13 + 8 + 7 of ours found again; our own terms get no mapping of their own.
    assert TaxonomyTermMapping.objects.count() == 28
    before = list(TaxonomyTermMapping.objects.order_by("term_id").values_list("term_id", "target_id", "method",
                                                                               "modified"))
    import_corpus(20, django_capture_on_commit_callbacks)
    after = list(TaxonomyTermMapping.objects.order_by("term_id").values_list("term_id", "target_id", "method",
                                                                              "modified"))
    assert after == before
