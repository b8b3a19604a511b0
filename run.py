#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""The two commands of the README, with only Python >= 3.11 on the machine.

    python3 run.py demo    set up .venv, the database and the demo municipality "Gemeente Voorbeeld",
                           print the demo logins and start http://127.0.0.1:8000 (plus the task worker)
    python3 run.py test    the whole test suite (ruff, then pytest). Uses SQLite, or DATABASE_URL if set.

Other commands: `check` (ruff + mypy), `totp USERNAME` (the current code of a demo user),
`manage ARGS` (manage.py inside the venv with the demo environment).
Developer defaults (DEBUG, generated keys) live here and in var/dev.env, never in settings.py.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
VAR = ROOT / "var"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

if sys.version_info < (3, 11):  # noqa: UP036 - the one friendly message an old Python gets
    sys.exit("Wijkteam needs Python 3.11 or newer.")


def sh(*args: str | Path, env: dict[str, str] | None = None, check: bool = True) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=check).returncode  # noqa: S603


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project; reinstall only when pyproject.toml changed."""
    if not PY.exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    sh(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    sh(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(digest)


def _fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def dev_env() -> dict[str, str]:
    """Developer environment: generated once into var/dev.env so restarts can still decrypt BSNs."""
    VAR.mkdir(exist_ok=True)
    path = VAR / "dev.env"
    if not path.exists():
        path.write_text(
            f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
            f"WIJKTEAM_FIELD_KEYS={_fernet_key()}\n"
            f"WIJKTEAM_HASH_KEY={secrets.token_urlsafe(32)}\n"
        )
        path.chmod(0o600)
    env = dict(os.environ)
    for line in path.read_text().splitlines():
        key, _, value = line.partition("=")
        env.setdefault(key, value)
    env.setdefault("DEBUG", "1")
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    env.setdefault("WIJKTEAM_ENV", "demo")
    return env


def test_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKTEAM_FIELD_KEYS=_fernet_key(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        DEBUG="0",
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
        # Tests speak plain HTTP to the test client and the live server; the secure defaults
        # themselves are checked by tests/foundation/test_settings_secure_defaults.py.
        WIJKTEAM_SSL_REDIRECT="0",
        WIJKTEAM_SECURE_COOKIES="0",
        WIJKTEAM_HSTS_SECONDS="0",
        WIJKTEAM_MANIFEST_STATIC="0",
        WIJKTEAM_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    env.setdefault("WIJKTEAM_VAR_DIR", str(VAR / "test"))
    return env


def manage(*args: str, env: dict[str, str]) -> int:
    return sh(PY, ROOT / "manage.py", *args, env=env)


def cmd_demo(argv: list[str]) -> int:
    ensure_venv("")
    env = dev_env()
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    # Building the town writes thousands of audit events and "sends" a mail per demo referral: their lines
    # would bury the logins printed after them, and a made-up history mails nobody. The server itself logs at
    # the chosen level (INFO unless LOG_LEVEL says otherwise) and prints its mails to the console.
    build = {**env, "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
             "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    manage("demo_gemeente", *argv, env=build)
    port = env.get("PORT", "8000")
    worker = subprocess.Popen(  # noqa: S603
        [str(PY), str(ROOT / "manage.py"), "db_worker", "--queue-name", "*", "--no-reload"], cwd=ROOT, env=env
    )
    try:
        return manage("runserver", f"127.0.0.1:{port}", "--noreload", env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=10)


def cmd_test(argv: list[str]) -> int:
    ensure_venv("dev")
    env = test_env()
    (Path(env["WIJKTEAM_VAR_DIR"]) / "static").mkdir(parents=True, exist_ok=True)
    if sh(PY, "-m", "ruff", "check", ".", env=env, check=False):
        return 1
    workers = ["-n", env.get("WIJKTEAM_TEST_WORKERS", "2")] if "-n" not in argv else []
    return sh(PY, "-m", "pytest", *workers, *argv, env=env, check=False)


def cmd_check(argv: list[str]) -> int:
    ensure_venv("dev")
    env = test_env()
    return sh(PY, "-m", "ruff", "check", ".", env=env, check=False) or sh(
        PY, "-m", "mypy", "wijkteam", env=env, check=False
    )


def cmd_manage(argv: list[str]) -> int:
    ensure_venv("dev" if (VENV / ".installed-dev").exists() else "")
    return manage(*argv, env=dev_env())


def cmd_totp(argv: list[str]) -> int:
    return cmd_manage(["demo_totp", *argv])


COMMANDS = {"demo": cmd_demo, "test": cmd_test, "check": cmd_check, "manage": cmd_manage, "totp": cmd_totp}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
