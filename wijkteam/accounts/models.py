# SPDX-License-Identifier: EUPL-1.2
"""Teams, partner organisations and the people who log in, each with exactly one role."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
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


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="gebruikers"
    )
    teams = models.ManyToManyField(Team, related_name="leden", blank=True, verbose_name=_("teams"))

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
