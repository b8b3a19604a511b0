# SPDX-License-Identifier: EUPL-1.2
"""Teams, partner organisations and the demo logins, each with a known TOTP secret.

Usernames are fixed per role (`medewerker`, `teamleider`, `partner`, `analist`, `privacy`,
`beheerder`, then `medewerker2`, ...) so README, tests and screenshots can name them. All share one
password and every user gets a confirmed authenticator whose key follows from seed + username, so a
regenerated demo keeps the secrets people already typed into their phone.

The staff joined a year before the demo was made and have been in their team since (their team memberships
and account history, written through accounts.services like the admin writes them), so the history monitoring
reads covers every case (the cases step dates the teams' norms and FTEs back as far).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from wijkteam.accounts.models import Organisatie, OrganisatieSoort, Role, Team, TeamLidmaatschap, User
from wijkteam.accounts.services import set_teams, set_totp_secret
from wijkteam.gebieden.models import Gemeente, Wijk

from .generator import GEMEENTE_CODE, DemoContext, Step, register
from .places import WIJKEN

DEMO_PASSWORD = "wijkteam-demo-2026"  # noqa: S105 - printed on purpose; demo environments only
EMAIL_DOMAIN = "voorbeeld.test"  # .test is reserved (RFC 2606): mail can never reach anyone
MEDEWERKERS_PER_TEAM = 3
STAFF_SINCE_DAYS = 365  # how long ago the demo staff joined (the cases step's norms go back as far)

# (name, kind) of the partner organisations, one partner login each, in this order.
ORGANISATIES: tuple[tuple[str, OrganisatieSoort], ...] = (
    ("Stichting Welzijn Voorbeeld", OrganisatieSoort.WELZIJN),
    ("Woonstichting Thuis in Voorbeeld", OrganisatieSoort.WONINGCORPORATIE),
    ("GGZ Voorbeeld-Midden", OrganisatieSoort.GGZ),
    ("Schuldhulp Voorbeeld", OrganisatieSoort.SCHULDHULP),
    ("Basisschool De Regenboog", OrganisatieSoort.ONDERWIJS),
    ("Jeugdhulp Voorbeeld", OrganisatieSoort.JEUGDHULP),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role
    wijk_code: str | None = None  # the team's wijk, for medewerkers and teamleiders
    organisatie: str | None = None  # for partners


def numbered(base: str, n: int) -> str:
    """medewerker, medewerker2, medewerker3, ...: the first of each role keeps the plain name."""
    return base if n == 1 else f"{base}{n}"


def demo_users() -> list[DemoUser]:
    """Every demo login, independent of seed and scale (reset finds them by these names)."""
    users: list[DemoUser] = []
    for team_index, (wijk_code, _naam, _cells) in enumerate(WIJKEN):
        for i in range(MEDEWERKERS_PER_TEAM):
            n = team_index * MEDEWERKERS_PER_TEAM + i + 1
            users.append(DemoUser(numbered("medewerker", n), Role.MEDEWERKER, wijk_code=wijk_code))
        users.append(DemoUser(numbered("teamleider", team_index + 1), Role.TEAMLEIDER, wijk_code=wijk_code))
    for n, (naam, _soort) in enumerate(ORGANISATIES, start=1):
        users.append(DemoUser(numbered("partner", n), Role.PARTNER, organisatie=naam))
    users += [
        DemoUser("analist", Role.ANALIST),
        DemoUser("privacy", Role.PRIVACY),
        DemoUser("beheerder", Role.BEHEERDER),
    ]
    return users


def totp_hex_key(seed: int, username: str) -> str:
    """20-byte TOTP key (hex) that follows from seed and username: deterministic, demo only."""
    digest = hmac.new(b"wijkteam-demo-totp", f"{seed}:{username}".encode(), hashlib.sha256).digest()
    return digest[:20].hex()


def create_teams(gemeente: Gemeente) -> dict[str, Team]:
    teams: dict[str, Team] = {}
    for wijk in Wijk.objects.filter(gemeente=gemeente).order_by("code"):
        slug = wijk.naam.lower().replace(" ", "-")
        team = Team.objects.create(
            gemeente=gemeente,
            naam=f"Wijkteam {wijk.naam}",
            email=f"wijkteam.{slug}@{EMAIL_DOMAIN}",
            telefoon="14 0999",  # the 14 + area-code number Dutch municipalities use
        )
        team.wijken.set([wijk])
        teams[wijk.code] = team
    return teams


def create_organisaties(gemeente: Gemeente) -> dict[str, Organisatie]:
    organisaties: dict[str, Organisatie] = {}
    for naam, soort in ORGANISATIES:
        slug = naam.lower().split()[-1] if soort == OrganisatieSoort.ONDERWIJS else soort.value
        org = Organisatie.objects.create(naam=naam, soort=soort, email=f"info@{slug}.{EMAIL_DOMAIN}")
        org.gemeenten.add(gemeente)
        organisaties[naam] = org
    return organisaties


def run(ctx: DemoContext) -> None:
    gemeente = Gemeente.objects.get(code=GEMEENTE_CODE)
    teams = create_teams(gemeente)
    organisaties = create_organisaties(gemeente)
    fake = ctx.faker("staff")
    # Hash once: PBKDF2 is deliberately slow (~0.5 s) and every demo user has the same password.
    password_hash = make_password(DEMO_PASSWORD)
    joined = ctx.now - dt.timedelta(days=STAFF_SINCE_DAYS)
    for spec in demo_users():
        user = User.objects.create(
            username=spec.username,
            password=password_hash,
            first_name=fake.first_name(),
            last_name=fake.last_name(),
            email=f"{spec.username}@{EMAIL_DOMAIN}",
            role=spec.role,
            organisatie=organisaties[spec.organisatie] if spec.organisatie else None,
            is_staff=spec.role == Role.BEHEERDER,
            is_superuser=spec.role == Role.BEHEERDER,
            date_joined=joined,
        )
        # Everyone gets their history (an account row; a membership for team staff) since they joined.
        set_teams(user, [teams[spec.wijk_code]] if spec.wijk_code else [], by=None, at=joined)
        set_totp_secret(user, totp_hex_key(ctx.seed, spec.username))
    ctx.counts.update(teams=len(teams), organisaties=len(organisaties), gebruikers=len(demo_users()))


def reset(ctx: DemoContext) -> None:
    # Normal deletes (not raw): these few rows have cascades (TOTP devices, team memberships, account history).
    usernames = [u.username for u in demo_users()]
    # Membership history protects its users and teams (a real account is deactivated, never deleted); the
    # demo's own made-up history goes first.
    TeamLidmaatschap.objects.filter(Q(gebruiker__username__in=usernames) | Q(team__gemeente__code=GEMEENTE_CODE)
                                    ).delete()
    User.objects.filter(username__in=usernames).delete()
    Organisatie.objects.filter(naam__in=[naam for naam, _ in ORGANISATIES], gemeenten__code=GEMEENTE_CODE).delete()
    Team.objects.filter(gemeente__code=GEMEENTE_CODE).delete()


STEP = register(Step(name="staff", order=20, run=run, reset=reset))
