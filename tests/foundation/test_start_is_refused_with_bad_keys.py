# SPDX-License-Identifier: EUPL-1.2
"""Missing or invalid keys stop the start with a message naming the key (a system check with an id),
instead of a 500 on every request or a BSN search that silently finds nothing."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "s" * 50,
    "WIJKTEAM_HASH_KEY": "h" * 40,
    "WIJKTEAM_FIELD_KEYS": base64.urlsafe_b64encode(b"k" * 32).decode(),
}


def _run(code_or_args: list[str], **overrides: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "wijkteam.settings",
           "WIJKTEAM_VAR_DIR": os.environ.get("WIJKTEAM_VAR_DIR", str(ROOT / "var" / "test")),
           "LOG_LEVEL": "WARNING", **GOOD, **overrides}
    return subprocess.run([sys.executable, *code_or_args], env=env, cwd=ROOT,  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("key", "value", "check_id"), [
    ("SECRET_KEY", "", "wijkteam.E001"),
    ("WIJKTEAM_HASH_KEY", "", "wijkteam.E002"),
    ("WIJKTEAM_FIELD_KEYS", "", "wijkteam.E003"),
    ("WIJKTEAM_FIELD_KEYS", "not-a-fernet-key", "wijkteam.E003"),
])
def test_check_deploy_fails_and_names_the_key(key, value, check_id):
    result = _run(["manage.py", "check", "--deploy"], **{key: value})

    assert result.returncode != 0
    assert check_id in result.stderr
    assert key in result.stderr


def test_check_passes_with_good_keys():
    result = _run(["manage.py", "check"])
    assert result.returncode == 0, result.stderr


def test_the_wsgi_application_refuses_to_load_with_a_bad_key():
    result = _run(["-c", "import wijkteam.wsgi"], WIJKTEAM_HASH_KEY="")

    assert result.returncode != 0
    assert "wijkteam.E002" in result.stderr


@pytest.mark.django_db
def test_healthz_is_503_when_a_key_is_bad(settings):
    settings.WIJKTEAM_HASH_KEY = ""

    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json()["keys"] is False
