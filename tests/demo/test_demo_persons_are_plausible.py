# SPDX-License-Identifier: EUPL-1.2
"""Residents: 1-4 per household, plausible ages and names, ~30% with a unique valid BSN."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.nl import bsn as stdnum_bsn

from wijkteam.demo.generator import REFERENCE_DATE
from wijkteam.huishoudens.models import Huishouden, Persoon, Toestemming

TUSSENVOEGSEL_WORDS = {"van", "de", "der", "den", "het", "ter", "'t"}


@pytest.mark.django_db
def test_bsns_pass_the_11_proef_and_are_unique(demo_town: dict[str, int]) -> None:
    personen = list(Persoon.objects.all())
    bsns = [p.bsn for p in personen if p.bsn_hash]

    assert 0.2 < len(bsns) / len(personen) < 0.4
    assert all(stdnum_bsn.is_valid(bsn) for bsn in bsns)
    assert len(set(bsns)) == len(bsns)
    assert all(bsn.startswith("9") for bsn in bsns), "demo BSNs stay in the recognisable 9-range"
    assert all(p.bsn_versleuteld == "" for p in personen if not p.bsn_hash)


@pytest.mark.django_db
def test_households_have_one_to_four_members_with_an_adult(demo_town: dict[str, int]) -> None:
    for huishouden in Huishouden.objects.prefetch_related("leden"):
        leden = list(huishouden.leden.all())
        assert 1 <= len(leden) <= 4
        ages = [(REFERENCE_DATE - p.geboortedatum).days / 365.25 for p in leden if p.geboortedatum]
        assert len(ages) == len(leden)
        assert max(ages) >= 18
        assert all(0 <= age <= 105 for age in ages)
        assert huishouden.sinds is not None and huishouden.sinds <= REFERENCE_DATE


@pytest.mark.django_db
def test_names_have_voorletters_and_dutch_tussenvoegsels(demo_town: dict[str, int]) -> None:
    personen = list(Persoon.objects.all())
    for persoon in personen:
        assert persoon.achternaam and persoon.achternaam[0].isupper()
        assert persoon.voorletters == "".join(
            ("IJ" if naam.startswith("IJ") else naam[0]) + "." for naam in persoon.voornamen.split(" ")
        )
        assert set(persoon.tussenvoegsel.split()) <= TUSSENVOEGSEL_WORDS
    assert any(p.tussenvoegsel for p in personen)
    assert all(p.email.endswith("@example.org") for p in personen if p.email)


@pytest.mark.django_db
def test_some_consent_is_recorded_by_a_medewerker_of_the_wijk(demo_town: dict[str, int]) -> None:
    toestemmingen = list(Toestemming.objects.select_related("vastgelegd_door", "persoon__huishouden__adres__buurt"))
    # The households step's consents lie before the reference date; later steps record consent with a request.
    before = dt.datetime.combine(REFERENCE_DATE, dt.time(), tzinfo=dt.UTC)
    from_households_step = [t for t in toestemmingen if t.tijdstip < before]
    assert from_households_step
    for toestemming in from_households_step:
        wijk = toestemming.persoon.huishouden.adres.buurt.wijk_id  # type: ignore[union-attr]
        assert toestemming.vastgelegd_door.role == "medewerker"
        assert toestemming.vastgelegd_door.teams.filter(wijken=wijk).exists()
    # With a request: the worker who took the call or the visit, or the partner who handed the resident over.
    assert {t.vastgelegd_door.role for t in toestemmingen} <= {"medewerker", "teamleider", "partner"}
