# SPDX-License-Identifier: EUPL-1.2
"""A numeric setting with a floor refuses a smaller value when the app starts, instead of running with it:
an enrolment window of 0 days would lock every new user out without a word."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from wijkteam.env import env_int


def test_a_value_below_the_minimum_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKTEAM_TOTP_ENROLMENT_DAYS", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("WIJKTEAM_TOTP_ENROLMENT_DAYS", 7, minimum=1)


def test_the_minimum_itself_and_the_default_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKTEAM_TOTP_ENROLMENT_DAYS", "1")
    assert env_int("WIJKTEAM_TOTP_ENROLMENT_DAYS", 7, minimum=1) == 1
    monkeypatch.delenv("WIJKTEAM_TOTP_ENROLMENT_DAYS")
    assert env_int("WIJKTEAM_TOTP_ENROLMENT_DAYS", 7, minimum=1) == 7


def test_not_a_number_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKTEAM_TOTP_ENROLMENT_DAYS", "zeven")
    with pytest.raises(ImproperlyConfigured, match="integer"):
        env_int("WIJKTEAM_TOTP_ENROLMENT_DAYS", 7, minimum=1)
