# SPDX-License-Identifier: EUPL-1.2
"""The content catalogue itself: every reference resolves, every template is used and well-formed
(all variants, not only the ones a seed happens to draw), and its structure never depends on the seed."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

from wijkteam.demo.sociale_kaart.data import APPLICATION, DUPLICATE_OF, TEMPLATES, catalogue, render
from wijkteam.demo.sociale_kaart.steps import REFERENCE_DATE, demo_id
from wijkteam.demo.staff import ORGANISATIES
from wijkteam.sociale_kaart.duplicates import normalise_phone

TAXONOMIES = Path(__file__).resolve().parents[2] / "wijkteam" / "sociale_kaart" / "data" / "taxonomies.json"
U_FORM = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
JE_FORM = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)


def keys(seed: int) -> list[tuple[str, list[str], list[str]]]:
    return [(o.key, [o.offer_key(f) for f in o.offers], [v.key for v in o.venues])
            for o in catalogue(random.Random(seed))]


def test_structure_and_ids_do_not_depend_on_the_seed() -> None:
    assert keys(1) == keys(2) == keys(42)
    names = {o.name for o in catalogue(random.Random(1))} ^ {o.name for o in catalogue(random.Random(2))}
    assert names, "the seed does rename the generated families"
    assert demo_id("service", "welzijn/maatjesproject") == demo_id("service", "welzijn/maatjesproject")


def test_every_reference_resolves_and_every_template_is_used() -> None:
    orgs = catalogue(random.Random(0))
    venues = [v.key for o in orgs for v in o.venues]
    offers = {o.offer_key(f): f for o in orgs for f in o.offers}

    assert len(venues) == len(set(venues)) and len(offers) == sum(len(o.offers) for o in orgs)
    assert {f.tpl for f in offers.values()} == set(TEMPLATES)
    assert {f.venue for f in offers.values() if f.venue} <= set(venues)
    assert set(DUPLICATE_OF) | set(DUPLICATE_OF.values()) <= set(offers)
    assert [o.name for o in orgs if o.partner] == [naam for naam, _ in ORGANISATIES]
    for offer in offers.values():
        if offer.venue is None:
            assert "{" not in "".join(TEMPLATES[offer.tpl].names + TEMPLATES[offer.tpl].texts), offer.tpl


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_is_well_formed(key: str) -> None:
    tpl = TEMPLATES[key]
    codes = {t["code"] for tax in json.loads(TAXONOMIES.read_text())["taxonomies"] for t in tax["terms"]}
    assert set(tpl.codes) <= codes
    assert [c[:2] for c in tpl.codes].count("SA") == 1
    assert "LD" in {c[:2] for c in tpl.codes} and "DG" in {c[:2] for c in tpl.codes}
    wrong_form = U_FORM if tpl.je else JE_FORM
    for text in (*tpl.texts, tpl.voor, APPLICATION[tpl.how][int(tpl.je)]):
        assert not wrong_form.search(text), text
    for text in tpl.texts:
        assert 2 <= len(re.split(r"(?<=[.?!])\s+", text.strip())) <= 4, text
    for option in tpl.when:
        rows = render.parse_when(option, random.Random(0), REFERENCE_DATE)
        assert rows and all(r.description.endswith(".") for r in rows)
    fees, cost_rows = render.costs(tpl.cost)
    assert fees.endswith(".") and cost_rows and all(r.amount >= 0 for r in cost_rows)


def test_schedule_notation_becomes_hsds_fields() -> None:
    rng = random.Random(0)
    [weekly] = render.parse_when("W MO-FR 09:00-17:00 afspraak", rng, REFERENCE_DATE)
    [monthly] = render.parse_when("M 2FR,4FR 17:30-19:30", rng, REFERENCE_DATE)
    [last] = render.parse_when("M -1SA 10:00-12:00", rng, REFERENCE_DATE)
    [day] = render.parse_when("MD 15 10:00-12:00 inloop", rng, REFERENCE_DATE)
    [course] = render.parse_when("C6 TU 19:00-21:00", rng, REFERENCE_DATE)

    assert (weekly.freq, weekly.byday, weekly.attending_type) == ("WEEKLY", "MO,TU,WE,TH,FR", "op afspraak")
    assert weekly.description == "Maandag tot en met vrijdag van 9.00 tot 17.00 uur. Alleen op afspraak."
    assert (monthly.freq, monthly.byday) == ("MONTHLY", "2FR,4FR")
    assert monthly.description == "Elke tweede en vierde vrijdag van de maand, van 17.30 tot 19.30 uur."
    assert last.description.startswith("Elke laatste zaterdag van de maand")
    assert (day.byday, day.bymonthday) == ("", "15")
    assert course.count == 6 and course.dtstart is not None and course.dtstart.weekday() == 1
    assert course.dtstart > REFERENCE_DATE + dt.timedelta(days=13)


def test_the_copy_of_a_phone_number_is_the_same_number() -> None:
    rng = random.Random(3)
    for number in [render.landline(rng), render.landline(rng, "088"), render.mobile(rng)]:
        assert render.international(number).startswith("+31 ")
        assert normalise_phone(render.international(number)) == normalise_phone(number)
    assert render.euro(render.costs("2.50|per keer")[1][0].amount) == "€ 2,50"
