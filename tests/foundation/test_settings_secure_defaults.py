# SPDX-License-Identifier: EUPL-1.2
"""Settings are secure unless told otherwise: checked in a fresh interpreter with a minimal environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
csp = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
print(json.dumps({
  "DEBUG": settings.DEBUG, "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
  "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE, "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
  "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS, "X_FRAME_OPTIONS": settings.X_FRAME_OPTIONS,
  "script_src": [str(s) for s in csp["script-src"]], "style_src": [str(s) for s in csp["style-src"]],
  "engine": settings.DATABASES["default"]["ENGINE"],
  "sqlite_mode": settings.DATABASES["default"].get("OPTIONS", {}).get("transaction_mode"),
}))
"""


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "wijkteam.settings",
            "WIJKTEAM_VAR_DIR": str(ROOT / "var")}
    return subprocess.run([sys.executable, "-c", PROBE], env={**base, **env}, cwd=ROOT,  # noqa: S603
                          capture_output=True, text=True, timeout=60, check=False)


def test_production_defaults_are_secure():
    result = _run({"SECRET_KEY": "x" * 50, "WIJKTEAM_FIELD_KEYS": "a", "WIJKTEAM_HASH_KEY": "b"})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["script_src"] == ["'self'"] and values["style_src"] == ["'self'"]  # no unsafe-inline
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["sqlite_mode"] == "IMMEDIATE"


def test_missing_secret_key_is_an_error_not_a_default():
    result = _run({"WIJKTEAM_FIELD_KEYS": "a", "WIJKTEAM_HASH_KEY": "b"})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_database_url_selects_postgresql():
    result = _run({"SECRET_KEY": "x" * 50, "WIJKTEAM_FIELD_KEYS": "a", "WIJKTEAM_HASH_KEY": "b",
                   "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/wijkteam"})
    assert json.loads(result.stdout)["engine"] == "django.db.backends.postgresql"
