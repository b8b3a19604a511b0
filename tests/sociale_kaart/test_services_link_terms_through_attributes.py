# SPDX-License-Identifier: EUPL-1.2
"""Taxonomy terms attach to services through HSDS attribute rows; with_term() filters on them."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import LocationFactory, ServiceFactory, link_terms, term
from wijkteam.sociale_kaart.models import Attribute, LinkEntity, Service

pytestmark = pytest.mark.django_db


def test_a_term_link_is_an_attribute_row():
    service = ServiceFactory(terms=["LD01"])
    attribute = Attribute.objects.get(link_id=service.id)
    assert attribute.link_entity == LinkEntity.SERVICE == "service"
    assert attribute.taxonomy_term == term("LD01")
    # The shipped taxonomies have their own HSDS link_type.
    assert attribute.link_type == "topic"


def test_link_types_per_taxonomy():
    service = ServiceFactory(terms=["LD01", "SA01", "DG05"])
    types = dict(service.hsds_attributes().values_list("taxonomy_term__code", "link_type"))
    assert types == {"LD01": "topic", "SA01": "service_type", "DG05": "audience"}


def test_adding_a_term_twice_adds_one_row():
    service = ServiceFactory()
    link_terms(service, "LD06")
    link_terms(service, "LD06")
    assert service.hsds_attributes().count() == 1


def test_with_term_by_code_or_term():
    geld = ServiceFactory(terms=["LD01", "SA01"])
    eenzaam = ServiceFactory(terms=["LD11"])
    ServiceFactory()
    assert list(Service.objects.with_term("LD01")) == [geld]
    assert list(Service.objects.with_term(term("LD11"))) == [eenzaam]
    assert list(Service.objects.with_term("LD01", taxonomy="levensdomeinen")) == [geld]
    assert not Service.objects.with_term("LD01", taxonomy="doelgroep").exists()


def test_chained_with_term_is_and_with_any_term_is_or():
    both = ServiceFactory(terms=["LD01", "DG05"])
    only_geld = ServiceFactory(terms=["LD01"])
    only_ouderen = ServiceFactory(terms=["DG05"])
    assert list(Service.objects.with_term("LD01").with_term("DG05")) == [both]
    assert set(Service.objects.with_any_term(["LD01", "DG05"])) == {both, only_geld, only_ouderen}


def test_links_of_other_records_do_not_count_for_services():
    location = LocationFactory()
    link_terms(location, "LD01")
    assert not Service.objects.with_term("LD01").exists()
    assert list(location.terms()) == [term("LD01")]


def test_terms_of_a_service():
    service = ServiceFactory(terms=["LD04", "SA07"])
    assert sorted(service.terms().values_list("code", flat=True)) == ["LD04", "SA07"]


def test_deleting_a_term_deletes_its_links():
    service = ServiceFactory(terms=["LD13"])
    term("LD13").delete()
    assert not service.hsds_attributes().exists()
