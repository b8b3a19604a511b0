# SPDX-License-Identifier: EUPL-1.2
"""Issue 16: name similarity alone flagged different organisations at different addresses ("X
begeleiding" / "X woonbegeleiding"). On the labelled records the scan an import runs finds the
real pairs (recall) and hardly anything else (precision), both at least 0.9."""

from __future__ import annotations

import pytest

from .labelled import records, scan_and_measure

pytestmark = pytest.mark.django_db


def test_scan_finds_the_labelled_pairs_with_precision_and_recall(db):
    outcome = scan_and_measure(records())
    assert outcome.precision >= 0.9, outcome.wrong()
    assert outcome.recall >= 0.9, outcome.missed()


def test_word_subset_names_of_different_organisations_are_not_paired(db):
    rows = [r for r in records() if r["key"] in {"amber-beg", "amber-woon", "kompas-beg", "kompas-woon",
                                                  "thuiszorg-beg", "thuiszorg-woon", "vb-1", "dierenvb"}]
    assert scan_and_measure(rows).found == set()


def test_a_second_signal_pairs_an_extended_name(db):
    # "Schuldhulp" / "Schuldhulpverlening": the same organisation and e-mail; "Huurteam" /
    # "Huurteam Voorbeeld": the same phone number written differently.
    rows = [r for r in records() if r["same"] in {"schuldhulp", "huurteam"}]
    outcome = scan_and_measure(rows)
    assert outcome.wrong() == [] and outcome.missed() == [] and len(outcome.truth) == 4
