# SPDX-License-Identifier: EUPL-1.2
"""The user change form of /beheer/ as a beheerder's browser posts it, for the admin tests."""

from __future__ import annotations

from typing import Any


def user_form(user: Any, **changes: Any) -> dict[str, Any]:
    """The form's fields with the user's current values, then `changes`; a change to None leaves the field
    out (as an unticked box is left out)."""
    data = {
        "username": user.username, "first_name": user.first_name, "last_name": user.last_name,
        "email": user.email, "is_active": "on", "role": user.role, "organisatie": "",
        "teams": [t.pk for t in user.teams.all()], "date_joined_0": "2026-01-01", "date_joined_1": "09:00:00",
        "initial-date_joined_0": "2026-01-01", "initial-date_joined_1": "09:00:00",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
