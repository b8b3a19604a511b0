# SPDX-License-Identifier: EUPL-1.2
"""Proposals still work when the sociale kaart came from another municipality's HSDS package: its services
carry the supplier's own taxonomy terms, mapped onto our levensdomeinen (by code, by name, or by the
beheerder), and the triage finds them through those mappings."""

from __future__ import annotations

import pytest

from tests.sociale_kaart.io.foreign_supplier import import_corpus
from wijkteam.hulpvragen.triage.choices import Ondersteuning
from wijkteam.hulpvragen.triage.services import proposals_for
from wijkteam.sociale_kaart.models import (
    Attribute,
    MappingMethod,
    Taxonomy,
    TaxonomyTerm,
    TaxonomyTermMapping,
)
from wijkteam.sociale_kaart.taxonomies import term_uuid

from .triage_support import assess, index, provision, single_mother

pytestmark = pytest.mark.django_db


def test_an_imported_package_yields_proposals_through_its_mapped_terms(
    place, users, frozen_time, django_capture_on_commit_callbacks
):
    import_corpus(120, django_capture_on_commit_callbacks)
    ours = [term_uuid("levensdomeinen", code) for code in ("LD01", "LD11")]
    # Not one service carries our own term: whatever is proposed came through the mapping.
    assert not Attribute.objects.filter(taxonomy_term_id__in=ours).exists()
    hulpvraag = single_mother(place)
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3, "LD11": 3})

    proposals = {p.code: p for p in proposals_for(hulpvraag, assessment)}

    assert set(proposals) == {"LD01", "LD11"}
    for proposal in proposals.values():
        assert proposal.options, proposal.code
        assert proposal.advies == Ondersteuning.COLLECTIEF
        assert all(option.reden for option in proposal.options)
        assert all(o.afstand_km is None or o.afstand_km <= 3.0 for o in proposal.options)


def test_a_term_the_beheerder_mapped_counts_as_our_levensdomein(place, users, frozen_time):
    theirs = Taxonomy.objects.create(name="Leefgebieden Gemeente Elders", description="Hun eigen indeling.")
    geldzaken = TaxonomyTerm.objects.create(taxonomy=theirs, code="ELD-GELD", name="Rondkomen",
                                            description="Hulp bij rondkomen.")
    TaxonomyTermMapping.objects.create(term=geldzaken, target_id=term_uuid("levensdomeinen", "LD01"),
                                       method=MappingMethod.BEHEERDER)
    service = provision("Geldcafé Elders", [], km=0.7)
    service.add_term(geldzaken)
    index()
    hulpvraag = single_mother(place, levensdomeinen=["LD01"])
    assessment = assess(hulpvraag, users.medewerker, {"LD01": 3})

    [financien] = proposals_for(hulpvraag, assessment)

    assert [o.naam for o in financien.options] == ["Geldcafé Elders"]
    assert financien.options[0].reden == "aanbod 700 m verderop"
