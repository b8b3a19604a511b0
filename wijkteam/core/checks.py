# SPDX-License-Identifier: EUPL-1.2
"""Start-up checks for the keys: a bad key stops the start with a clear message.

Without them the application would start and fail on first use: an empty SECRET_KEY gives a 500
on every request, an empty hash key makes BSN search silently find nothing, a bad Fernet key
gives a 500 on every person with a BSN. Registered as Django system checks (run by runserver,
migrate, `check` and `check --deploy`) and run again by wijkteam.wsgi before gunicorn serves.
"""

from __future__ import annotations

import binascii
from typing import Any

from cryptography.fernet import Fernet
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

TAG = "wijkteam_keys"
MIN_SECRET_LENGTH = 32


def _setting(name: str) -> Any:
    try:
        return getattr(settings, name, None)
    except ImproperlyConfigured:  # Django refuses to hand out an empty SECRET_KEY
        return None


def key_errors() -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    long_keys = [
        ("SECRET_KEY", "wijkteam.E001", "",
         "Generate one: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"),
        ("WIJKTEAM_HASH_KEY", "wijkteam.E002", ": BSN lookups would find nothing",
         "Set it once and keep it: changing it makes every stored BSN unfindable."),
    ]
    for name, check_id, consequence, hint in long_keys:
        value = _setting(name)
        if not value or len(str(value)) < MIN_SECRET_LENGTH:
            errors.append(checks.Error(
                f"{name} is empty or shorter than {MIN_SECRET_LENGTH} characters{consequence} "
                f"({name} is leeg of te kort).",
                hint=hint, id=check_id,
            ))
    field_keys = _setting("WIJKTEAM_FIELD_KEYS") or []
    bad = []
    for position, key in enumerate(field_keys, start=1):
        try:
            Fernet(str(key).encode())
        except (ValueError, binascii.Error):
            bad.append(position)
    if not field_keys or bad:
        where = f" (key {', '.join(map(str, bad))} is not a Fernet key)" if bad else " (none given)"
        errors.append(checks.Error(
            f"WIJKTEAM_FIELD_KEYS must hold one or more valid Fernet keys{where} "
            "(WIJKTEAM_FIELD_KEYS ontbreekt of is ongeldig).",
            hint="Generate one: python3 -c 'from cryptography.fernet import Fernet; "
                 "print(Fernet.generate_key().decode())'",
            id="wijkteam.E003",
        ))
    return errors


# Not deploy-only: runserver and migrate must stop too; `check --deploy` runs these as well.
@checks.register(TAG)
def check_keys(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return key_errors()


def refuse_to_start_on_bad_keys() -> None:
    """For the WSGI entry point: gunicorn does not run system checks itself."""
    errors = key_errors()
    if errors:
        raise ImproperlyConfigured("\n".join(f"{e.id}: {e.msg}" for e in errors))
