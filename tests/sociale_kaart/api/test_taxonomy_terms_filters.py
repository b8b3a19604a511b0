# SPDX-License-Identifier: EUPL-1.2
"""/taxonomy_terms: taxonomy_id, top_only (terms without a parent) and parent_id, also when the
parent is a term published elsewhere (as in the official example)."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import term
from wijkteam.sociale_kaart.models import Taxonomy, TaxonomyTerm

from .conftest import get_json, schema_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(db):
    budget = TaxonomyTerm.objects.create(code="LD01.1", name="Budgetbeheer", description="Hulp bij budgetteren.",
                                         parent=term("LD01"), taxonomy=term("LD01").taxonomy)
    return budget


def _codes(**params):
    data = get_json("/taxonomy_terms", per_page=200, **params)
    assert schema_errors("/taxonomy_terms", data) == []
    return [item.get("code") for item in data["contents"]]


def test_taxonomy_id_by_id_or_slug(tree):
    doelgroep = Taxonomy.objects.get(slug="doelgroep")
    assert _codes(taxonomy_id=str(doelgroep.id)) == [f"DG0{n}" for n in range(1, 8)]
    assert _codes(taxonomy_id="doelgroep") == [f"DG0{n}" for n in range(1, 8)]


def test_top_only_leaves_out_children(tree):
    codes = _codes(taxonomy_id="levensdomeinen", top_only="true")
    assert "LD01" in codes and "LD01.1" not in codes
    assert "LD01.1" in _codes(taxonomy_id="levensdomeinen")


def test_parent_id(tree):
    assert _codes(parent_id=str(term("LD01").id)) == ["LD01.1"]
    assert _codes(parent_id=str(term("LD02").id)) == []


def test_a_parent_published_elsewhere_counts_as_a_parent(example):
    outside_parent = "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2"  # in the example, not on our kaart
    data = get_json("/taxonomy_terms", parent_id=outside_parent)
    assert [item["id"] for item in data["contents"]] == ["3f7b145d-84af-42d7-8fae-eaca714b02b2"]
    assert data["contents"][0]["parent_id"] == outside_parent
    assert "code" not in _codes(top_only="true")


def test_search_finds_code_and_name(tree):
    assert _codes(search="budget") == ["LD01.1"]
    assert _codes(search="LD13") == ["LD13"]
