# SPDX-License-Identifier: EUPL-1.2
"""A zaak's priority comes with its reasons in plain Dutch: a crisis first, then the kinds of creditors, rent
arrears, children, the total and a repeat; the score orders by the same facts. Stored when a signal joins."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests import factories as f
from tests.factories_vroegsignalering import signal_row
from tests.vroegsignalering.support import place_postcode
from wijkteam.vroegsignalering.models import Vroegsignaalzaak
from wijkteam.vroegsignalering.outreach.priority import ZaakFeiten, euro, kind_geboren_na, prioriteit
from wijkteam.vroegsignalering.services import ingest_signal


def test_crisis_comes_first_and_outweighs_everything_else():
    crisis = prioriteit(ZaakFeiten(crisis_partnertypes=frozenset({"Huur"}), partnertypes=frozenset({"Huur"}),
                                   totaal=100, huur=100))
    heavy = prioriteit(ZaakFeiten(partnertypes=frozenset({"Huur", "Energie", "Zorg", "DUO", "Water"}),
                                  totaal=50_000, huur=20_000, kinderen=5, opeenvolgend=True))
    assert crisis.uitleg.startswith("Crisissignaal: dreigende ontruiming")
    assert crisis.score > heavy.score
    both = prioriteit(ZaakFeiten(crisis_partnertypes=frozenset({"Huur", "Energie"}),
                                 partnertypes=frozenset({"Huur", "Energie"})))
    assert both.uitleg.startswith("Crisissignaal: dreigende afsluiting of ontruiming.")
    assert prioriteit(ZaakFeiten(crisis_partnertypes=frozenset({"Water"}), partnertypes=frozenset({"Water"}))
                      ).uitleg.startswith("Crisissignaal: dreigende afsluiting van energie of water.")


def test_the_example_of_the_issue_reads_as_sentences():
    result = prioriteit(ZaakFeiten(crisis_partnertypes=frozenset({"Energie", "Huur"}),
                                   partnertypes=frozenset({"Energie", "Huur", "Zorg"}), totaal=2_100, huur=1_250,
                                   kinderen=2))
    assert result.uitleg == ("Crisissignaal: dreigende afsluiting of ontruiming. 3 soorten schuldeisers. "
                             "Huurachterstand € 1.250. 2 kinderen in het huishouden. Totale achterstand € 2.100.")


@pytest.mark.parametrize(("feiten", "words"), [
    (ZaakFeiten(partnertypes=frozenset({"Zorg"}), totaal=300), "1 soort schuldeiser."),
    (ZaakFeiten(partnertypes=frozenset({"Zorg", "Energie"}), totaal=300), "2 soorten schuldeisers."),
    (ZaakFeiten(partnertypes=frozenset({"Huur"}), totaal=1_250, huur=1_250), "Huurachterstand € 1.250."),
    (ZaakFeiten(partnertypes=frozenset({"Hypotheek"}), totaal=12_000, hypotheek=12_000),
     "Hypotheekachterstand € 12.000."),
    (ZaakFeiten(partnertypes=frozenset({"Zorg"}), kinderen=1), "1 kind in het huishouden."),
    (ZaakFeiten(partnertypes=frozenset({"Zorg"}), opeenvolgend=True), "Al eerder een signaal op dit adres"),
])
def test_each_fact_has_its_sentence_and_raises_the_score(feiten, words):
    result = prioriteit(feiten)
    assert words in result.uitleg
    assert "Crisissignaal" not in result.uitleg
    assert result.score > prioriteit(ZaakFeiten()).score == 0


def test_more_kinds_of_creditors_more_rent_more_children_rank_higher():
    base = ZaakFeiten(partnertypes=frozenset({"Zorg"}), totaal=500)
    assert prioriteit(ZaakFeiten(partnertypes=frozenset({"Zorg", "DUO"}), totaal=500)).score > prioriteit(base).score
    assert prioriteit(ZaakFeiten(partnertypes=frozenset({"Huur"}), totaal=500, huur=500)).score > \
        prioriteit(ZaakFeiten(partnertypes=frozenset({"Energie"}), totaal=500)).score
    assert prioriteit(ZaakFeiten(partnertypes=frozenset({"Zorg"}), totaal=500, kinderen=3)).score > \
        prioriteit(ZaakFeiten(partnertypes=frozenset({"Zorg"}), totaal=500, kinderen=1)).score > prioriteit(base).score


def test_amounts_are_written_the_dutch_way():
    assert euro(1250) == "€ 1.250"
    assert euro(75) == "€ 75"
    assert euro(1_234_567) == "€ 1.234.567"


def test_a_child_is_under_18_on_the_day():
    assert kind_geboren_na(dt.date(2026, 12, 3)) == dt.date(2008, 12, 3)
    assert kind_geboren_na(dt.date(2028, 2, 29)) == dt.date(2010, 2, 28)


@pytest.mark.django_db
def test_ingest_stores_priority_with_children_rent_and_partners(place):
    place_postcode(place)
    with time_machine.travel(dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC), tick=False):
        first = ingest_signal(signal_row(achternaam="Smit", huisnummer="5"), system="t")
        household = first.signaal.huishouden
        f.PersoonFactory(huishouden=household, achternaam="Smit", geboortedatum=dt.date(2015, 4, 1))   # 11
        f.PersoonFactory(huishouden=household, achternaam="Smit", geboortedatum=dt.date(2008, 11, 26))  # 17 today
        f.PersoonFactory(huishouden=household, achternaam="Smit", geboortedatum=dt.date(2008, 11, 25))  # 18 today
        ingest_signal(signal_row(achternaam="Smit", huisnummer="5", huur=True, bedrag="1250"), system="t")
    zaak = Vroegsignaalzaak.objects.get(huishouden=household)
    assert zaak.prioriteit_uitleg == ("2 soorten schuldeisers. Huurachterstand € 1.250. "
                                      "2 kinderen in het huishouden. Totale achterstand € 1.700.")
    assert zaak.prioriteit == prioriteit(ZaakFeiten(partnertypes=frozenset({"Energie", "Huur"}), totaal=1_700,
                                                    huur=1_250, kinderen=2)).score

    # A crisis signal joining puts the crisis sentence first.
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC), tick=False):
        ingest_signal(signal_row(achternaam="Smit", huisnummer="5", partnertype="Water", partnernaam="Vitens",
                                 bedrag="80", crisis=True), system="t")
    zaak.refresh_from_db()
    assert zaak.crisis
    assert zaak.prioriteit_uitleg.startswith("Crisissignaal: dreigende afsluiting van energie of water. "
                                             "3 soorten schuldeisers.")
