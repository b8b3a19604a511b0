# SPDX-License-Identifier: EUPL-1.2
"""The plan's action date ("wanneer") and the intake's birth date keep to the one year range of every typed
date (1900-2999), with the same Dutch message beside the field; the edges are accepted."""

from __future__ import annotations

from typing import Any

import pytest

from wijkteam.casussen.plan.forms import ActieForm
from wijkteam.hulpvragen.intake.forms import ResidentFieldsForm

from .support import case_world

pytestmark = pytest.mark.django_db

YEARS = "Kies een datum tussen 1900 en 2999."


@pytest.mark.parametrize(("value", "refused"), [("0001-01-01", True), ("9999-12-31", True),
                                                ("1900-01-01", False), ("2999-12-31", False)])
def test_an_action_date(value: str, refused: bool, place: Any, users: Any, frozen_time: Any) -> None:
    plan = case_world(place, users).casus.plan
    form = ActieForm({"wie": "bewoner", "wat": "Post openen", "wanneer": value}, plan=plan)
    form.is_valid()
    assert (YEARS in form.errors.get("wanneer", [])) is refused


@pytest.mark.parametrize(("value", "refused"), [("01-01-0001", True), ("31-12-1899", True),
                                                ("01-01-1900", False)])
def test_a_birth_date_at_intake(value: str, refused: bool) -> None:
    form = ResidentFieldsForm({"achternaam": "Jansen", "geboortedatum": value})
    form.is_valid()
    assert (YEARS in form.errors.get("geboortedatum", [])) is refused
