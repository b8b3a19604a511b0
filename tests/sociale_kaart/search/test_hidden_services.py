# SPDX-License-Identifier: EUPL-1.2
"""Public search shows only publicly visible services; the editors' view adds those hidden by freshness."""

from __future__ import annotations

import pytest

from tests.factories_sociale_kaart import ServiceFactory
from wijkteam.sociale_kaart.search import reindex_all

from .conftest import names

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(db, frozen_time):
    ServiceFactory(name="Actueel spreekuur", terms=["LD01"])
    ServiceFactory(name="Verouderd spreekuur", terms=["LD01"], stale=True)
    ServiceFactory(name="Gestopt spreekuur", terms=["LD01"], inactive=True)
    ServiceFactory(name="Verbouwing spreekuur", terms=["LD01"], temporarily_closed=True)
    reindex_all()


def test_public_search_hides_stale_and_inactive(mixed, search):
    for result in (search("spreekuur"), search(), search(levensdomeinen=("LD01",))):
        assert set(names(result)) == {"Actueel spreekuur", "Verbouwing spreekuur"}
        assert result.total == 2


def test_include_hidden_adds_stale_but_not_inactive(mixed, search):
    result = search("spreekuur", include_hidden=True)
    assert set(names(result)) == {"Actueel spreekuur", "Verouderd spreekuur", "Verbouwing spreekuur"}
    assert result.total == 3


def test_index_agrees_with_the_visibility_module(db, frozen_time, search):
    """The index applies visibility.py's rule itself; the two must never disagree."""
    import datetime as dt

    from django.utils import timezone

    from wijkteam.sociale_kaart.models import Service
    from wijkteam.sociale_kaart.visibility import hide_cutoff, publicly_visible

    cutoff = hide_cutoff()
    ServiceFactory(name="Op de grens", assured_date=cutoff)
    ServiceFactory(name="Net te oud", assured_date=cutoff - dt.timedelta(days=1))
    never_new = ServiceFactory(name="Nooit gecontroleerd, nieuw", assured_date=None)
    never_old = ServiceFactory(name="Nooit gecontroleerd, oud", assured_date=None)
    # created is auto_now_add: set it directly, as an import of old records would.
    Service.objects.filter(pk=never_old.pk).update(
        created=timezone.make_aware(dt.datetime.combine(cutoff - dt.timedelta(days=1), dt.time(23, 30)))
    )
    Service.objects.filter(pk=never_new.pk).update(
        created=timezone.make_aware(dt.datetime.combine(cutoff, dt.time(0, 30)))
    )
    ServiceFactory(name="Opgeheven", status="defunct")
    ServiceFactory(name="Tijdelijk dicht", temporarily_closed=True)
    reindex_all()
    expected = set(publicly_visible(Service.objects.all()).values_list("name", flat=True))
    assert set(names(search(per_page=100))) == expected
    assert expected == {"Op de grens", "Nooit gecontroleerd, nieuw", "Tijdelijk dicht"}
