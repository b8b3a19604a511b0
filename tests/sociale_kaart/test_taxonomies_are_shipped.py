# SPDX-License-Identifier: EUPL-1.2
"""The three shipped taxonomies are in every database, with stable codes, ids and synonyms."""

from __future__ import annotations

import uuid

import pytest

from wijkteam.sociale_kaart.models import Taxonomy, TaxonomyTerm
from wijkteam.sociale_kaart.taxonomies import NAMESPACE, shipped_taxonomies, taxonomy_uuid, term_uuid

pytestmark = pytest.mark.django_db

LEVENSDOMEINEN = [
    "Financiën",
    "Werk & opleiding",
    "Tijdsbesteding",
    "Huisvesting",
    "Huiselijke relaties",
    "Geestelijke gezondheid",
    "Lichamelijke gezondheid",
    "Middelengebruik",
    "Basale ADL",
    "Instrumentele ADL",
    "Sociaal netwerk",
    "Maatschappelijke participatie",
    "Justitie",
]


def _terms(slug: str) -> list[TaxonomyTerm]:
    return list(TaxonomyTerm.objects.filter(taxonomy__slug=slug).order_by("code"))


def test_thirteen_levensdomeinen_in_zrm_order_with_stable_codes():
    terms = _terms("levensdomeinen")
    assert [t.code for t in terms] == [f"LD{n:02d}" for n in range(1, 14)]
    assert [t.name for t in terms] == LEVENSDOMEINEN


def test_ids_are_uuid5_of_the_namespace_and_never_change():
    # Literal values: if these change, every install's links and exports break.
    assert uuid.UUID("4c9f8d7a-acfa-56f4-a43b-2390a5de6761") == NAMESPACE
    assert TaxonomyTerm.objects.get(code="LD01").id == uuid.UUID("6fe41ef0-ed3c-5f58-9b4f-e264b6e304bd")
    for term in TaxonomyTerm.objects.select_related("taxonomy"):
        assert term.id == term_uuid(term.taxonomy.slug, term.code)
    for taxonomy in Taxonomy.objects.filter(slug__isnull=False):
        assert taxonomy.id == taxonomy_uuid(taxonomy.slug)


def test_every_levensdomein_has_at_least_ten_everyday_synonyms():
    for term in _terms("levensdomeinen"):
        assert len(term.synonyms) >= 10, term.code
        assert len(set(term.synonyms)) == len(term.synonyms), term.code
        # Lowercase, so search can compare without case folding the list each time.
        assert all(s == s.lower() and s.strip() == s and s for s in term.synonyms), term.code


def test_synonyms_include_what_residents_say():
    synonyms = {t.code: set(t.synonyms) for t in _terms("levensdomeinen")}
    assert {"geldzorgen", "schulden", "rood staan", "huurachterstand", "deurwaarder", "voedselbank"} <= synonyms["LD01"]
    assert {"eenzaam", "eenzaamheid", "niemand om mee te praten", "vrienden maken"} <= synonyms["LD11"]
    assert {"somber", "depressief", "angstig", "stress", "burn-out", "piekeren"} <= synonyms["LD06"]


def test_eight_soorten_aanbod():
    terms = _terms("soort-aanbod")
    assert [t.code for t in terms] == [f"SA{n:02d}" for n in range(1, 9)]
    assert [t.name for t in terms] == [
        "Inloop / spreekuur",
        "Cursus / training",
        "Lotgenotengroep",
        "Maatje / vrijwilliger",
        "Activiteit / ontmoeting",
        "Informatie & advies",
        "Individuele begeleiding",
        "Materiële hulp",
    ]


def test_seven_doelgroepen_with_age_ranges_where_they_make_sense():
    terms = {t.name: t for t in _terms("doelgroep")}
    assert list(terms) == ["Kinderen", "Jongeren", "Ouders", "Volwassenen", "Ouderen", "Mantelzorgers", "Nieuwkomers"]
    assert (terms["Kinderen"].minimum_age, terms["Kinderen"].maximum_age) == (0, 11)
    assert (terms["Jongeren"].minimum_age, terms["Jongeren"].maximum_age) == (12, 23)
    assert (terms["Ouderen"].minimum_age, terms["Ouderen"].maximum_age) == (65, None)
    assert terms["Mantelzorgers"].minimum_age is None and terms["Mantelzorgers"].maximum_age is None


def test_every_term_has_description_english_name_and_language():
    for term in TaxonomyTerm.objects.filter(taxonomy__slug__isnull=False):
        assert term.description and term.name_en and term.language == "nl", term.code
        assert term.taxonomy_name == term.taxonomy.name
        assert len(term.synonyms) >= 10, term.code


def test_data_file_and_database_agree():
    shipped = {t["code"] for tax in shipped_taxonomies()["taxonomies"] for t in tax["terms"]}
    assert shipped == set(TaxonomyTerm.objects.values_list("code", flat=True))
    assert len(shipped) == 13 + 8 + 7
