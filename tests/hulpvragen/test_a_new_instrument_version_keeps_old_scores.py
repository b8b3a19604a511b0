# SPDX-License-Identifier: EUPL-1.2
"""Instruments are data with versions: the shipped "Zelfredzaamheid" has 13 domains (LD01-LD13) with five
described levels each; a new version is added beside the old one and never rewrites an old score (the score
keeps the domain row, and so the words, of its own version); editing a loaded version is refused."""

from __future__ import annotations

import json
import shutil

import pytest

from wijkteam.hulpvragen.assessment import instruments
from wijkteam.hulpvragen.assessment.instruments import InstrumentChanged, load_instruments
from wijkteam.hulpvragen.assessment.services import current_instrument
from wijkteam.hulpvragen.models import Instrument, InstrumentNiveau, Score
from wijkteam.sociale_kaart.taxonomies import shipped_taxonomies

from .triage_support import assess, single_mother

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    shutil.copy(instruments.DATA_DIR / "zelfredzaamheid-1.json", tmp_path)
    monkeypatch.setattr(instruments, "DATA_DIR", tmp_path)
    instruments.shipped_instruments.cache_clear()
    yield tmp_path
    instruments.shipped_instruments.cache_clear()


def _write_version(data_dir, versie, change):
    data = json.loads((data_dir / "zelfredzaamheid-1.json").read_text(encoding="utf-8"))
    data["versie"] = versie
    change(data)
    (data_dir / f"zelfredzaamheid-{versie}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_shipped_instrument_covers_the_13_levensdomeinen_with_five_levels():
    instrument = current_instrument()
    ours = next(t for t in shipped_taxonomies()["taxonomies"] if t["slug"] == "levensdomeinen")
    assert (instrument.code, instrument.versie) == ("zelfredzaamheid", 1)
    assert list(instrument.domeinen.values_list("code", "naam")) == [(t["code"], t["name"]) for t in ours["terms"]]
    texts = InstrumentNiveau.objects.filter(domein__instrument=instrument)
    assert texts.count() == 13 * 5
    assert all(len(t.omschrijving) > 20 for t in texts)


def test_a_new_version_leaves_old_scores_and_their_words_alone(place, users, data_dir, frozen_time):
    hulpvraag = single_mother(place)
    old = assess(hulpvraag, users.medewerker, {"LD04": 2})
    old_words = Score.objects.get(assessment=old).domein.niveaus.get(niveau=2).omschrijving

    _write_version(data_dir, 2, lambda d: d["domeinen"][3]["niveaus"].update({"2": "Nieuwe woorden voor niveau 2."}))
    assert load_instruments() == 1
    assert load_instruments() == 0  # idempotent

    assert current_instrument().versie == 2
    new = assess(hulpvraag, users.medewerker, {"LD04": 2})
    old_score, new_score = Score.objects.get(assessment=old), Score.objects.get(assessment=new)
    assert old_score.domein.instrument.versie == 1
    assert old_score.domein.niveaus.get(niveau=2).omschrijving == old_words
    assert new_score.domein.instrument.versie == 2
    assert new_score.domein.niveaus.get(niveau=2).omschrijving == "Nieuwe woorden voor niveau 2."
    assert Instrument.objects.filter(code="zelfredzaamheid").count() == 2


def test_changing_a_loaded_version_is_refused(data_dir):
    path = data_dir / "zelfredzaamheid-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["domeinen"][0]["niveaus"]["1"] = "Stilletjes anders."
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    instruments.shipped_instruments.cache_clear()

    with pytest.raises(InstrumentChanged):
        load_instruments()


def test_a_version_without_all_five_levels_is_refused(data_dir):
    _write_version(data_dir, 2, lambda d: d["domeinen"][0]["niveaus"].pop("3"))
    instruments.shipped_instruments.cache_clear()
    with pytest.raises(ValueError, match="LD01 needs a description for each of the levels 1-5"):
        load_instruments()
