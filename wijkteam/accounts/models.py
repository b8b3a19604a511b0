# SPDX-License-Identifier: EUPL-1.2
"""Teams, partner organisations and the people who log in, each with exactly one role.

What someone is and where they work is overwritten in place (`User.role`, `User.is_active`, `User.teams`); the
history of it is kept as data for monitoring (caseload per FTE and staff turnover per team and month), written
by `services.record_account_changes` (the admin's save, `services.set_teams`, the demo, the test factories):

- `TeamLidmaatschap`: who was in which team from when until when (at most one open row per user and team);
- `AccountHistorie`: append-only, one row per role and active flag an account had, from `vanaf`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.gebieden.models import Gemeente, Wijk


class Role(models.TextChoices):
    MEDEWERKER = "medewerker", _("Medewerker wijkteam")
    TEAMLEIDER = "teamleider", _("Teamleider")
    PARTNER = "partner", _("Partner")
    ANALIST = "analist", _("Analist")
    PRIVACY = "privacy", _("Privacyfunctionaris")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


# Roles that may see personal data at all need a second factor; the analist sees aggregates only.
ROLES_WITH_PERSONAL_DATA = frozenset({Role.MEDEWERKER, Role.TEAMLEIDER, Role.PARTNER, Role.PRIVACY, Role.BEHEERDER})


class Team(models.Model):
    """A sociaal wijkteam; it covers one or more wijken of its gemeente."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="teams")
    naam = models.CharField(_("naam"), max_length=100)
    wijken = models.ManyToManyField(Wijk, related_name="teams", verbose_name=_("wijken"))
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class OrganisatieSoort(models.TextChoices):
    WELZIJN = "welzijn", _("Welzijnsorganisatie")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    GGZ = "ggz", _("GGZ-aanbieder")
    JEUGDHULP = "jeugdhulp", _("Jeugdhulpaanbieder")
    SCHULDHULP = "schuldhulp", _("Schuldhulpverlening")
    ONDERWIJS = "onderwijs", _("School of onderwijs")
    ZORG = "zorg", _("Zorgaanbieder")
    HUISARTS = "huisarts", _("Huisartsenpraktijk")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligersorganisatie")
    NUTSBEDRIJF = "nutsbedrijf", _("Energie- of waterbedrijf")
    GEMEENTE = "gemeente", _("Gemeentelijke dienst")
    OVERIG = "overig", _("Overig")


class Organisatie(models.Model):
    """A partner organisation that works with the wijkteams (and may have its own logins).

    The sociale kaart describes organisations in HSDS terms; a directory entry links here when the
    organisation is also a partner with users, so referrals and self-maintenance know who is who.
    """

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=OrganisatieSoort.choices)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    gemeenten = models.ManyToManyField(Gemeente, related_name="organisaties", blank=True)

    class Meta:
        verbose_name = _("partnerorganisatie")
        verbose_name_plural = _("partnerorganisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


DEFAULT_TOTP_ENROLMENT_DAYS = 7


def totp_enrolment_days() -> int:
    """How long an enrolment window stays open (settings.WIJKTEAM_TOTP_ENROLMENT_DAYS)."""
    return int(getattr(settings, "WIJKTEAM_TOTP_ENROLMENT_DAYS", DEFAULT_TOTP_ENROLMENT_DAYS))


def totp_enrolment_window_end() -> dt.datetime:
    """When an enrolment window opened now closes: the default for a new account, and what
    `services.open_enrolment` sets."""
    return timezone.now() + dt.timedelta(days=totp_enrolment_days())


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="gebruikers"
    )
    teams = models.ManyToManyField(Team, related_name="leden", blank=True, verbose_name=_("teams"))
    # The enrolment window: until this moment the user may bind an authenticator themself, at login;
    # None means not at all. No trust on first use: without a window, whoever knows the password could
    # bind their own phone. Every account starts with an open window however it is made (beheer,
    # createsuperuser, the demo), enrolling closes it, and only a beheerder opens it again
    # (services.reset_second_factor). Not editable in forms: it changes through services.py only.
    totp_enrolment_until = models.DateTimeField(
        _("tweede stap zelf instellen kan tot"), null=True, blank=True, editable=False,
        default=totp_enrolment_window_end,
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            # A partner always acts for exactly one organisation; nobody else acts for one.
            models.CheckConstraint(
                condition=(Q(role=Role.PARTNER) & Q(organisatie__isnull=False))
                | (~Q(role=Role.PARTNER) & Q(organisatie__isnull=True)),
                name="partner_has_organisatie",
            ),
        ]

    @property
    def needs_two_factor(self) -> bool:
        return self.role in ROLES_WITH_PERSONAL_DATA

    @property
    def is_beheerder(self) -> bool:
        return self.role == Role.BEHEERDER


class TeamLidmaatschap(models.Model):
    """A user's membership of a team, from `vanaf` until `tot` (empty: still a member). Written only by
    `services.record_account_changes`: joining a team opens a row, leaving it sets `tot` on the open row (the
    only change a row ever gets), so at most one row per user and team is open.

    The user is protected (PROTECT), like the worker in the caseload histories of casussen: who was in a team
    in a past month, and who left it, must not change when an account is removed, so an account that was ever
    in a team is deactivated, never deleted. The team is protected for the same reason. Ids and moments only.
    """

    gebruiker = models.ForeignKey(User, on_delete=models.PROTECT, related_name="teamlidmaatschappen",
                                  verbose_name=_("gebruiker"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="lidmaatschappen", verbose_name=_("team"))
    vanaf = models.DateTimeField(_("vanaf"))
    tot = models.DateTimeField(_("tot"), null=True, blank=True)
    # The beheerder who put the user in the team; empty for the system (the upgrade, the demo).
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_index=False, verbose_name=_("door"))

    class Meta:
        verbose_name = _("teamlidmaatschap")
        verbose_name_plural = _("teamlidmaatschappen")
        ordering = ["vanaf", "id"]
        indexes = [models.Index(fields=["team", "vanaf"], name="teamlidmaatschap_team")]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "team"], condition=Q(tot__isnull=True),
                                    name="teamlidmaatschap_een_open_per_team"),
            models.CheckConstraint(condition=Q(tot__isnull=True) | Q(tot__gte=F("vanaf")),
                                   name="teamlidmaatschap_tot_na_vanaf"),
        ]

    def __str__(self) -> str:
        return f"Gebruiker {self.gebruiker_id} in team {self.team_id}"


class AccountHistorie(models.Model):
    """Append-only: every role and active flag an account had, from `vanaf`; the next row's `vanaf` ends it.
    `services.record_account_changes` adds a row when either differs from the latest row (the first row when
    the account is made).

    The account's rows go with it (CASCADE): an account that was ever in a team cannot be deleted at all (its
    `TeamLidmaatschap` rows protect it), so only accounts that no team figure counts (a partner, an account
    made by mistake) lose their history, and those may still be deleted. Ids, role and flag only."""

    gebruiker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="accounthistorie",
                                  verbose_name=_("gebruiker"))
    # Empty only for an account made in the admin before its role was chosen (the add form has no role).
    rol = models.CharField(_("rol"), max_length=20, choices=Role.choices, blank=True)
    actief = models.BooleanField(_("actief"))
    vanaf = models.DateTimeField(_("vanaf"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_index=False, verbose_name=_("door"))

    class Meta:
        verbose_name = _("accounthistorie")
        verbose_name_plural = _("accounthistorie")
        ordering = ["vanaf", "id"]

    def __str__(self) -> str:
        return f"Gebruiker {self.gebruiker_id} {self.rol or '-'} {'actief' if self.actief else 'inactief'}"


class ApiScope(models.TextChoices):
    """What an API token may be used for. One token, one purpose: a leaked token reaches only that."""

    SIGNALEN = "signalen", _("Vroegsignalen sturen (Wgs-signaalpartners)")
    VERWIJZINGEN = "verwijzingen", _("Verwijzingen ontvangen en terugmelden (partners)")


class ApiToken(models.Model):
    """A partner organisation's key to a partner API (wijkteam.accounts.api_tokens).

    The secret itself is never stored: `hash` is its SHA-256 (see api_tokens.py for why no slow or keyed
    hash is needed), `prefix` its first characters, shown in lists so a beheerder recognises a token a
    partner quotes without anyone being able to use it. A token always expires (`verloopt_op`) and can be
    revoked (`ingetrokken_op`); neither is ever undone, a partner gets a new token instead.
    """

    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="api_tokens",
                                    verbose_name=_("organisatie"))
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Waar de partner deze sleutel voor gebruikt."))
    scopes: models.JSONField[list[str], list[str]] = models.JSONField(_("mag gebruikt worden voor"), default=list)
    prefix = models.CharField(_("begin van de sleutel"), max_length=16, db_index=True)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt = models.DateTimeField(_("aangemaakt"))
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+", verbose_name=_("aangemaakt door"))
    verloopt_op = models.DateTimeField(_("verloopt op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="+", verbose_name=_("ingetrokken door"))
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["organisatie__naam", "-aangemaakt", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(verloopt_op__gt=models.F("aangemaakt")),
                                   name="apitoken_verloopt_na_aanmaken"),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.prefix}…)"

    def is_active_at(self, moment: Any) -> bool:
        return self.ingetrokken_op is None and moment < self.verloopt_op

    def status_at(self, moment: Any) -> str:
        if self.ingetrokken_op is not None:
            return str(_("ingetrokken"))
        if moment >= self.verloopt_op:
            return str(_("verlopen"))
        return str(_("actief"))
