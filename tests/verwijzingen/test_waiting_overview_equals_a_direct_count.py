# SPDX-License-Identifier: EUPL-1.2
"""The waiting overview's figures equal a direct count over the test data (waiting now, started in the period,
median and p90 wait, share within the norm), small cells are suppressed ("<10", no median under 10 starts,
complementary suppression) on the page and in the CSV, and no personal data is in either. Analist and
teamleider only; the query count is bounded."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from typing import Any

import pytest
from django.urls import reverse

from tests import factories as f
from tests import factories_verwijzingen as fv
from wijkteam.verwijzingen.models import Verwijzing
from wijkteam.verwijzingen.overzicht.figures import build

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def referrals(place: Any, users: Any, frozen_time: Any) -> dict[str, Any]:
    ggz = f.OrganisatieFactory(naam="GGZ Groot")
    klein = f.OrganisatieFactory(naam="Jeugdhulp Klein")
    huishouden = f.HuishoudenFactory(adres__buurt=place.buurt_a, adres__straat="Geheimstraat")
    persoon = f.PersoonFactory(huishouden=huishouden, achternaam="Zichtbaarmans")
    common = {"casus": None, "huishouden": huishouden, "persoon": persoon, "tweede_lijn": True}
    # GGZ Groot, Basis-GGZ: 30 started in the period with waits 20..78 days (intake after 10 days), 12 waiting.
    for n in range(30):
        start = TODAY - dt.timedelta(days=3 * n)
        wait = 20 + 2 * n
        fv.VerwijzingFactory(organisatie=ggz, product="Basis-GGZ", status="gestart",
                             verwezen_op=start - dt.timedelta(days=wait), aangemeld_op=start - dt.timedelta(days=wait),
                             intake_op=start - dt.timedelta(days=wait - 10), gestart_op=start, **common)
    for _n in range(12):
        fv.VerwijzingFactory(organisatie=ggz, product="Basis-GGZ", status="wachtlijst", **common)
    # Jeugdhulp Klein: 3 waiting, 2 started: small cells.
    for _n in range(3):
        fv.VerwijzingFactory(organisatie=klein, product="Ambulant", status="wachtlijst", domein="jeugdzorg", **common)
    for n in range(2):
        fv.VerwijzingFactory(organisatie=klein, product="Ambulant", status="gestart", domein="jeugdzorg",
                             verwezen_op=TODAY - dt.timedelta(days=40 + n), gestart_op=TODAY - dt.timedelta(days=n),
                             **common)
    # Outside the figures: collective referrals and a start before the period.
    fv.VerwijzingFactory(organisatie=ggz, huishouden=huishouden, casus=None, status="wachtlijst")
    fv.VerwijzingFactory(organisatie=ggz, product="Basis-GGZ", status="afgerond", verwezen_op=dt.date(2024, 1, 1),
                         gestart_op=dt.date(2024, 3, 1), **common)
    return {"ggz": ggz, "klein": klein}


def test_figures_equal_a_direct_count(referrals: Any) -> None:
    overview = build(TODAY)
    rows = {row.organisatie: row for row in overview.rows}
    van = overview.van
    for naam, row in rows.items():
        base = Verwijzing.objects.filter(soort="tweede_lijn", organisatie__naam=naam, product=row.product)
        assert row.wachtend_raw == base.filter(status__in=["verstuurd", "ontvangen", "geaccepteerd",
                                                           "wachtlijst"]).count()
        started = list(base.filter(gestart_op__gte=van, gestart_op__lte=TODAY))
        waits = sorted((v.gestart_op - (v.aangemeld_op or v.verwezen_op)).days for v in started)
        assert sorted(row.stat.waits) == waits
        within = sum(1 for v in started
                     if ((v.intake_op or v.gestart_op) - (v.aangemeld_op or v.verwezen_op)).days <= 28
                     and (v.gestart_op - (v.intake_op or v.gestart_op)).days <= 70)
        assert row.stat.within == within
    groot = rows["GGZ Groot"]
    assert (groot.wachtend_raw, groot.stat.n) == (12, 30)
    waits = [20 + 2 * n for n in range(30)]
    assert groot.stat.mediaan == int(statistics.median(waits))
    assert groot.stat.p90 == sorted(waits)[math.ceil(0.9 * 30) - 1]
    assert sum(m.stat.n for m in overview.months) == 32
    november = overview.months[-1]
    assert november.stat.n == Verwijzing.objects.filter(gestart_op__gte=dt.date(2026, 11, 1),
                                                        gestart_op__lte=TODAY).count()


def test_small_cells_are_suppressed(referrals: Any, client_for: Any, users: Any) -> None:
    overview = build(TODAY)
    rows = {row.organisatie: row for row in overview.rows}
    klein, groot = rows["Jeugdhulp Klein"], rows["GGZ Groot"]
    assert klein.wachtend.text == "<10" and klein.gestart.text == "<10"
    assert klein.stat.mediaan is None and klein.stat.p90 is None
    # Complementary suppression: one hidden cell in a column hides the next smallest, so totals give nothing away.
    assert groot.wachtend.hidden and groot.gestart.hidden
    assert groot.stat.mediaan is not None  # a median over 30 starts is shown
    assert groot.stat.binnen_norm.value is None  # a share only over 100 or more
    page = client_for(users.analist).get(reverse("verwijzingen:wachttijden")).content.decode()
    csv_text = client_for(users.analist).get(reverse("verwijzingen:wachttijden_csv")).content.decode()
    assert "&lt;10" in page and "<10" in csv_text
    for text in (page, csv_text):
        assert "Zichtbaarmans" not in text and "Geheimstraat" not in text
    klein_line = next(line for line in csv_text.splitlines() if "Jeugdhulp Klein" in line)
    assert klein_line.split(";")[4:7] == ["<10", "<10", ""]


def test_who_may_read_the_overview(referrals: Any, client_for: Any, users: Any,
                                   django_assert_max_num_queries: Any) -> None:
    # Session, second factor, menu and audit: ~33 queries; the figures themselves are 2, whatever the size.
    with django_assert_max_num_queries(40):
        assert client_for(users.teamleider).get(reverse("verwijzingen:wachttijden")).status_code == 200
    assert client_for(users.analist).get(reverse("verwijzingen:wachttijden_csv")).status_code == 200
    for user in (users.medewerker, users.partner, users.privacy):
        assert client_for(user).get(reverse("verwijzingen:wachttijden")).status_code == 403
    assert client_for(None).get(reverse("verwijzingen:wachttijden")).status_code == 302
