# SPDX-License-Identifier: EUPL-1.2
"""One fixed demo login per role, each with a confirmed authenticator whose key follows from the seed."""

from __future__ import annotations

import pytest

from wijkteam.accounts.models import Role, User
from wijkteam.demo.staff import DEMO_PASSWORD, totp_hex_key

from .conftest import SEED


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_its_named_user_with_a_confirmed_device(demo_town: dict[str, int], role: Role) -> None:
    user = User.objects.get(username=role.value)

    assert user.role == role
    assert user.check_password(DEMO_PASSWORD)
    device = user.totpdevice_set.get()
    assert device.confirmed
    assert device.key == totp_hex_key(SEED, user.username)
    assert len(bytes.fromhex(device.key)) == 20


@pytest.mark.django_db
def test_staff_structure(demo_town: dict[str, int]) -> None:
    users = list(User.objects.prefetch_related("teams"))
    assert 20 <= len(users) <= 30
    assert all(u.totpdevice_set.filter(confirmed=True).count() == 1 for u in users)
    assert {u.username for u in users if u.is_staff} == {"beheerder"}
    assert {u.username for u in users if u.is_superuser} == {"beheerder"}
    # Every partner acts for an organisation of a different kind; nobody else acts for one.
    partners = [u for u in users if u.role == Role.PARTNER]
    assert len({p.organisatie.soort for p in partners if p.organisatie}) == len(partners) >= 5
    assert all(u.organisatie_id is None for u in users if u.role != Role.PARTNER)
    # Each wijkteam: several medewerkers and one teamleider.
    for team_naam in ("Wijkteam Centrum", "Wijkteam Noord", "Wijkteam Oost", "Wijkteam Zuid-West"):
        leden = [u for u in users if any(t.naam == team_naam for t in u.teams.all())]
        assert sum(u.role == Role.MEDEWERKER for u in leden) >= 2
        assert sum(u.role == Role.TEAMLEIDER for u in leden) == 1
    assert User.objects.get(username="medewerker").teams.get().naam == "Wijkteam Centrum"
