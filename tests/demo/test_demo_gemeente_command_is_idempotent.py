# SPDX-License-Identifier: EUPL-1.2
"""`demo_gemeente` builds once; run again it only prints the logins, with --reset it rebuilds."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from wijkteam.accounts.models import User
from wijkteam.huishoudens.models import Huishouden, Persoon


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo_gemeente", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_second_run_only_prints_the_logins(demo_env: None) -> None:
    first = run("--scale", "120")
    personen = sorted(Persoon.objects.values_list("bsn_hash", flat=True).exclude(bsn_hash=None))

    second = run("--scale", "999")

    assert "already exists" in second
    assert Huishouden.objects.count() == 120
    assert sorted(Persoon.objects.values_list("bsn_hash", flat=True).exclude(bsn_hash=None)) == personen
    for text in (first, second):
        assert "http://127.0.0.1:8000" in text
        assert "wijkteam-demo-2026" in text
        assert "python3 run.py totp medewerker" in text
        for username in ("medewerker", "teamleider", "partner", "analist", "privacy", "beheerder"):
            assert f"username: {username} " in text
        assert text.count("otpauth://totp/") == 6


@pytest.mark.django_db
def test_reset_rebuilds_at_the_new_scale(demo_env: None) -> None:
    run("--scale", "120")
    medewerker_id = User.objects.get(username="medewerker").pk

    out = run("--scale", "80", "--reset")

    assert "already exists" not in out
    assert Huishouden.objects.count() == 80
    assert User.objects.filter(username="medewerker").exclude(pk=medewerker_id).exists()
    assert User.objects.count() == 25


@pytest.mark.django_db
def test_refuses_outside_a_demo_environment(settings: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIJKTEAM_ENV", raising=False)
    settings.DEBUG = False  # type: ignore[attr-defined]

    with pytest.raises(CommandError, match="WIJKTEAM_ENV=demo"):
        run("--scale", "10")
    assert not User.objects.exists()
