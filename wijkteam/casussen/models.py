# SPDX-License-Identifier: EUPL-1.2
"""Data and invariants of casussen (see docs/architecture.md): one household, one case, one plan, one regisseur.

- `Casus`: the household's case. At most one open case per household (a database constraint), exactly one
  regisseur, any number of co-workers (`medewerkers`), a status workflow (`CASUS_TRANSITIONS`) with an
  append-only history (`CasusStatusHistorie`; the row of each closing keeps its reason and outcome, which
  reopening clears on the case), closure reason and outcome, the buurt the household lived in when the case
  was opened (`buurt`, a snapshot: monitoring counts the case there whatever happens to the address later),
  and `versie` for optimistic locking of edits of the case itself.
- `RegisseurHistorie`: append-only, one row per change of regisseur (the first row at opening). Who was
  regisseur from when to when follows from consecutive rows; a handover is a row with `vorige` set.
- `CasusGewichtHistorie`: append-only, one row per weight the case had (the first at opening), like
  `RegisseurHistorie`: the next row's `vanaf` ends one.
- `Plan` (one per case, `versie` for optimistic locking) with its goals per life domain (`PlanDoel`), actions
  (`PlanActie`), and the informal network and involved professionals (`Betrokkene`).
- `Taak` (tasks and reminders with a due date), `Contactmoment` (contacts and notes).
- `Noodtoegang`: emergency access ("break the glass") to a case outside one's need to know.
- Caseload: `TeamNorm` and `MedewerkerProfiel` (the current settings) with their append-only histories
  `TeamNormHistorie` and `MedewerkerProfielHistorie` (a row per value set, from `vanaf`), so caseload per FTE
  can be told for any past day.

All writes go through services.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Team
from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Huishouden
from wijkteam.hulpvragen.models import Hulpvraag


class CasusStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    INTAKE = "intake", _("Intake")
    PLAN = "plan", _("Plan maken")
    UITVOERING = "uitvoering", _("Uitvoering")
    AFRONDING = "afronding", _("Afronding")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    HEROPEND = "heropend", _("Heropend")


# Which status may follow which. A plan can be revisited while it is carried out (uitvoering → plan) and
# rounding off can turn out premature (afronding → uitvoering); closing is possible from every open status
# (the resident may stop at any moment); only a closed case can be reopened.
CASUS_TRANSITIONS: dict[str, frozenset[str]] = {
    CasusStatus.AANGEMELD: frozenset({CasusStatus.INTAKE, CasusStatus.AFGESLOTEN}),
    CasusStatus.INTAKE: frozenset({CasusStatus.PLAN, CasusStatus.AFGESLOTEN}),
    CasusStatus.PLAN: frozenset({CasusStatus.UITVOERING, CasusStatus.AFGESLOTEN}),
    CasusStatus.UITVOERING: frozenset({CasusStatus.PLAN, CasusStatus.AFRONDING, CasusStatus.AFGESLOTEN}),
    CasusStatus.AFRONDING: frozenset({CasusStatus.UITVOERING, CasusStatus.AFGESLOTEN}),
    CasusStatus.AFGESLOTEN: frozenset({CasusStatus.HEROPEND}),
    CasusStatus.HEROPEND: frozenset({CasusStatus.INTAKE, CasusStatus.PLAN, CasusStatus.UITVOERING,
                                     CasusStatus.AFGESLOTEN}),
}
CASUS_OPEN = frozenset(set(CasusStatus.values) - {CasusStatus.AFGESLOTEN})


class Sluitreden(models.TextChoices):
    DOELEN_BEREIKT = "doelen_bereikt", _("Doelen bereikt")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen aan andere hulp")
    BEWONER_STOPT = "bewoner_stopt", _("Bewoner wil geen hulp meer")
    GEEN_CONTACT = "geen_contact", _("Geen contact meer mogelijk")
    VERHUISD = "verhuisd", _("Verhuisd buiten de wijk")
    OVERLEDEN = "overleden", _("Overleden")
    ANDERS = "anders", _("Anders")


class Uitkomst(models.TextChoices):
    BEREIKT = "bereikt", _("Doelen bereikt")
    DEELS = "deels", _("Doelen deels bereikt")
    NIET = "niet", _("Doelen niet bereikt")
    ONBEKEND = "onbekend", _("Niet te zeggen")


class Gewicht(models.TextChoices):
    LICHT = "licht", _("Licht")
    MIDDEL = "middel", _("Middel")
    ZWAAR = "zwaar", _("Zwaar")


class Levensdomein(models.TextChoices):
    """The 13 life domains of the Zelfredzaamheid-Matrix, with the codes of the sociale kaart's taxonomy."""

    LD01 = "LD01", _("Financiën")
    LD02 = "LD02", _("Werk en opleiding")
    LD03 = "LD03", _("Tijdsbesteding")
    LD04 = "LD04", _("Huisvesting")
    LD05 = "LD05", _("Huiselijke relaties")
    LD06 = "LD06", _("Geestelijke gezondheid")
    LD07 = "LD07", _("Lichamelijke gezondheid")
    LD08 = "LD08", _("Middelengebruik")
    LD09 = "LD09", _("Basale ADL")
    LD10 = "LD10", _("Instrumentele ADL")
    LD11 = "LD11", _("Sociaal netwerk")
    LD12 = "LD12", _("Maatschappelijke participatie")
    LD13 = "LD13", _("Justitie")


class Casus(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="casussen",
                                   verbose_name=_("huishouden"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="casussen", verbose_name=_("team"))
    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="casussen_als_regisseur", verbose_name=_("regisseur"))
    medewerkers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="casussen_als_medewerker",
                                         verbose_name=_("medewerkers"))
    status = models.CharField(_("status"), max_length=20, choices=CasusStatus.choices,
                              default=CasusStatus.AANGEMELD)
    # The request the case was opened from (triage's "Casus openen"); empty when opened directly.
    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="casussen", verbose_name=_("hulpvraag"))
    # Where the household lived when the case was opened (services.open_case), never updated: the case stays
    # counted in this buurt (and its wijk) when the household moves or its address is emptied. Pages that need
    # where the household lives now read the address.
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("buurt"))
    # Empty = derived from the plan's domains (caseload, issue 19 item 4). Every change adds a
    # CasusGewichtHistorie row.
    gewicht = models.CharField(_("gewicht"), max_length=10, choices=Gewicht.choices, blank=True)
    sluitreden = models.CharField(_("reden van afsluiten"), max_length=30, choices=Sluitreden.choices, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)
    sluit_toelichting = models.TextField(_("toelichting bij afsluiten"), blank=True)
    geopend = models.DateField(_("geopend"))
    gesloten = models.DateField(_("gesloten"), null=True, blank=True)
    # Optimistic locking: every change of the case row raises it; a form carries the version it showed.
    versie = models.PositiveIntegerField(default=1)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        indexes = [
            models.Index(fields=["team", "status"], name="casus_team_status"),
            models.Index(fields=["regisseur", "status"], name="casus_regisseur_status"),
        ]
        constraints = [
            # 1 gezin, 1 plan: at most one open case per household (services.open_case answers with it).
            models.UniqueConstraint(fields=["huishouden"], name="casus_een_open_per_huishouden",
                                    condition=Q(status__in=sorted(CASUS_OPEN))),
        ]

    def __str__(self) -> str:
        return f"Casus {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in CASUS_OPEN

    def allowed_transitions(self) -> list[str]:
        return [s for s in CasusStatus.values if s in CASUS_TRANSITIONS[self.status]]


class CasusStatusHistorie(models.Model):
    """Append-only: every status a case went through, by whom.

    A row to `afgesloten` carries that closing's reason and outcome: the case's own fields hold only the
    latest closing and are emptied when it is reopened, these rows keep every one."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="statushistorie")
    van = models.CharField(max_length=20, choices=CasusStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=CasusStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    tijdstip = models.DateTimeField()
    toelichting = models.CharField(max_length=500, blank=True)
    sluitreden = models.CharField(_("reden van afsluiten"), max_length=30, choices=Sluitreden.choices, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True)

    class Meta:
        ordering = ["tijdstip", "id"]
        constraints = [
            # A reason and an outcome belong to a closing only.
            models.CheckConstraint(condition=Q(naar=CasusStatus.AFGESLOTEN) | Q(sluitreden="", uitkomst=""),
                                   name="statushistorie_sluiten_alleen_bij_afsluiten"),
        ]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"


class RegisseurHistorie(models.Model):
    """Append-only: one row per regisseur, from `vanaf`; the next row's `vanaf` ends it. `vorige` empty = opening."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="regisseurhistorie")
    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vorige = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")
    vanaf = models.DateTimeField()
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)

    class Meta:
        ordering = ["vanaf", "id"]

    def __str__(self) -> str:
        return f"{self.vorige_id} → {self.regisseur_id}"

    @property
    def is_overdracht(self) -> bool:
        return self.vorige_id is not None


class CasusGewichtHistorie(models.Model):
    """Append-only: one row per weight of the case, from `vanaf`; the next row's `vanaf` ends it. The first row
    is written at opening; later rows only when the weight changes.

    `gewicht` is as on the case: a weight the worker chose, or empty = derived from the life domains (what it
    derives to follows from the assessments and plan goals of that moment, see continuiteit.services)."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="gewichthistorie")
    gewicht = models.CharField(_("gewicht"), max_length=10, choices=Gewicht.choices, blank=True)
    vanaf = models.DateTimeField(_("vanaf"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False, verbose_name=_("door"))

    class Meta:
        ordering = ["vanaf", "id"]

    def __str__(self) -> str:
        return f"{self.casus_id} {self.gewicht or '-'}"

    @property
    def afgeleid(self) -> bool:
        return not self.gewicht


class Plan(models.Model):
    """The one plan of a case. `versie` is the optimistic lock of the plan form (services.save_plan)."""

    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="plan")
    situatie = models.TextField(_("situatie"), blank=True,
                                help_text=_("Hoe het nu gaat met het huishouden, kort en feitelijk."))
    eigen_woorden = models.TextField(_("wat de bewoner zelf wil"), blank=True,
                                     help_text=_("In de woorden van de bewoner zelf."))
    afspraken = models.TextField(_("afspraken"), blank=True)
    risicos = models.TextField(_("risico's en veiligheid"), blank=True)
    versie = models.PositiveIntegerField(default=1)
    gewijzigd = models.DateTimeField(_("gewijzigd"), null=True, blank=True)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")

    def __str__(self) -> str:
        return f"Plan {self.casus_id}"


class PlanDoel(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="doelen")
    levensdomein = models.CharField(_("levensdomein"), max_length=4, choices=Levensdomein.choices)
    doel = models.TextField(_("doel"))
    eigen_woorden = models.TextField(_("in de woorden van de bewoner"), blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["volgorde", "levensdomein", "id"]

    def __str__(self) -> str:
        return f"{self.levensdomein}: {self.doel[:40]}"


class Uitvoerder(models.TextChoices):
    BEWONER = "bewoner", _("Bewoner")
    NETWERK = "netwerk", _("Netwerk")
    MEDEWERKER = "medewerker", _("Medewerker wijkteam")
    PARTNER = "partner", _("Partnerorganisatie")


class PlanActie(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="acties")
    doel = models.ForeignKey(PlanDoel, on_delete=models.SET_NULL, null=True, blank=True, related_name="acties",
                             verbose_name=_("bij doel"))
    wie = models.CharField(_("wie"), max_length=20, choices=Uitvoerder.choices)
    wie_naam = models.CharField(_("naam"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: zus Fatima"))
    wat = models.TextField(_("wat"))
    wanneer = models.DateField(_("uiterlijk"), null=True, blank=True)
    afgerond = models.BooleanField(_("afgerond"), default=False)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["volgorde", "wanneer", "id"]

    def __str__(self) -> str:
        return self.wat[:60]


class BetrokkeneSoort(models.TextChoices):
    FAMILIE = "familie", _("Familie")
    BUREN = "buren", _("Buren")
    VRIENDEN = "vrienden", _("Vrienden")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")
    PROFESSIONAL = "professional", _("Professional")


INFORMEEL = frozenset({BetrokkeneSoort.FAMILIE, BetrokkeneSoort.BUREN, BetrokkeneSoort.VRIENDEN,
                       BetrokkeneSoort.VRIJWILLIGER})


class Betrokkene(models.Model):
    """Someone around the household: the informal network, or a professional involved."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="betrokkenen")
    soort = models.CharField(_("soort"), max_length=20, choices=BetrokkeneSoort.choices)
    naam = models.CharField(_("naam"), max_length=200)
    rol = models.CharField(_("rol of relatie"), max_length=200, blank=True,
                           help_text=_("Bijvoorbeeld: moeder, buurvrouw, schuldhulpverlener"))
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        ordering = ["volgorde", "id"]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_informeel(self) -> bool:
        return self.soort in INFORMEEL


class Taak(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="taken")
    titel = models.CharField(_("taak"), max_length=200)
    toelichting = models.TextField(_("toelichting"), blank=True)
    deadline = models.DateField(_("uiterlijk"), null=True, blank=True)
    toegewezen_aan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="casustaken", verbose_name=_("voor"))
    # Where a task came from when not typed by a worker, e.g. "overbrugging" (verwijzingen's bridging plan).
    bron = models.CharField(_("bron"), max_length=40, blank=True)
    afgerond = models.DateTimeField(_("afgerond"), null=True, blank=True)
    afgerond_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="+")
    aangemaakt = models.DateTimeField(_("aangemaakt"))
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        related_name="+", db_index=False)

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["afgerond", "deadline", "id"]
        indexes = [models.Index(fields=["toegewezen_aan", "afgerond", "deadline"], name="taak_open_per_persoon")]

    def __str__(self) -> str:
        return self.titel

    def is_te_laat(self, today: dt.date | None = None) -> bool:
        if self.afgerond is not None or self.deadline is None:
            return False
        return self.deadline < (today or timezone.localdate())


class ContactSoort(models.TextChoices):
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    GESPREK = "gesprek", _("Gesprek op kantoor")
    TELEFOON = "telefoon", _("Telefoon")
    BEELDBELLEN = "beeldbellen", _("Beeldbellen")
    BERICHT = "bericht", _("E-mail of bericht")
    NETWERK = "netwerk", _("Overleg met netwerk")
    PROFESSIONAL = "professional", _("Overleg met professional")
    NOTITIE = "notitie", _("Notitie")


class Contactmoment(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="contactmomenten")
    soort = models.CharField(_("soort"), max_length=20, choices=ContactSoort.choices)
    datum = models.DateField(_("datum"))
    duur_minuten = models.PositiveIntegerField(_("duur in minuten"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("door"))
    verslag = models.TextField(_("verslag"))
    aangemaakt = models.DateTimeField(_("vastgelegd"))

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-aangemaakt", "-id"]
        indexes = [models.Index(fields=["casus", "-datum", "-aangemaakt"], name="contact_casus_recent")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}"


class Noodtoegang(models.Model):
    """Break the glass: a team member outside the case opens it for a stated reason, for a limited time.

    Every one is listed for the privacy officer, who marks it reviewed."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="noodtoegangen")
    casus = models.ForeignKey(Casus, on_delete=models.PROTECT, related_name="noodtoegangen")
    reden = models.TextField(_("reden"))
    start = models.DateTimeField(_("start"))
    verloopt = models.DateTimeField(_("verloopt"))
    beoordeeld = models.DateTimeField(_("beoordeeld"), null=True, blank=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")
    beoordeling = models.TextField(_("bevinding"), blank=True)

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["gebruiker", "casus", "verloopt"], name="noodtoegang_geldig")]

    def __str__(self) -> str:
        return f"Noodtoegang {self.pk}"

    def is_geldig(self, now: dt.datetime | None = None) -> bool:
        return self.start <= (now or timezone.now()) < self.verloopt


# --- Caseload and continuity (continuiteit/, issue 19 items 4-5) ------------------------------------


class TeamNorm(models.Model):
    """A team's caseload norm: weighted points per FTE, and the points of each weight (a team setting)."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="casus_norm")
    punten_per_fte = models.PositiveSmallIntegerField(_("punten per fte"), default=40)
    punten_licht = models.PositiveSmallIntegerField(_("punten voor een lichte casus"), default=1)
    punten_middel = models.PositiveSmallIntegerField(_("punten voor een middelzware casus"), default=2)
    punten_zwaar = models.PositiveSmallIntegerField(_("punten voor een zware casus"), default=3)
    gewijzigd = models.DateTimeField(_("gewijzigd"), null=True, blank=True)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")

    class Meta:
        verbose_name = _("caseloadnorm")
        verbose_name_plural = _("caseloadnormen")
        constraints = [
            models.CheckConstraint(condition=Q(punten_licht__lte=models.F("punten_middel"),
                                               punten_middel__lte=models.F("punten_zwaar"), punten_licht__gte=1),
                                   name="teamnorm_punten_oplopend"),
        ]

    def __str__(self) -> str:
        return f"Norm {self.team_id}"


class TeamNormHistorie(models.Model):
    """Append-only: every norm a team had, from `vanaf` (continuiteit.services.save_norm writes it)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+", verbose_name=_("team"))
    punten_per_fte = models.PositiveSmallIntegerField(_("punten per fte"))
    punten_licht = models.PositiveSmallIntegerField(_("punten voor een lichte casus"))
    punten_middel = models.PositiveSmallIntegerField(_("punten voor een middelzware casus"))
    punten_zwaar = models.PositiveSmallIntegerField(_("punten voor een zware casus"))
    vanaf = models.DateTimeField(_("vanaf"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False, verbose_name=_("door"))

    class Meta:
        ordering = ["vanaf", "id"]
        indexes = [models.Index(fields=["team", "vanaf"], name="teamnormhistorie_team")]
        constraints = [
            models.CheckConstraint(condition=Q(punten_licht__lte=models.F("punten_middel"),
                                               punten_middel__lte=models.F("punten_zwaar"), punten_licht__gte=1),
                                   name="teamnormhistorie_punten_oplopend"),
        ]

    def __str__(self) -> str:
        return f"Norm {self.team_id} {self.vanaf:%Y-%m-%d}"


class MedewerkerProfiel(models.Model):
    """A worker's FTE in a team (accounts stays a base app; a worker may split their hours over two teams)."""

    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casus_profielen")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="medewerker_profielen")
    fte = models.DecimalField(_("fte"), max_digits=3, decimal_places=2, default=1)

    class Meta:
        verbose_name = _("medewerkerprofiel")
        verbose_name_plural = _("medewerkerprofielen")
        constraints = [
            models.UniqueConstraint(fields=["medewerker", "team"], name="profiel_een_per_team"),
            models.CheckConstraint(condition=Q(fte__gt=0, fte__lte=Decimal("1.5")), name="profiel_fte_bereik"),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker_id} {self.fte}"


class MedewerkerProfielHistorie(models.Model):
    """Append-only: every FTE a worker had in a team, from `vanaf` (continuiteit.services.set_fte writes it).

    The worker is protected like in `RegisseurHistorie`: past caseload per FTE must not change when an account
    is removed (deactivate it instead)."""

    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("medewerker"))
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+", verbose_name=_("team"))
    fte = models.DecimalField(_("fte"), max_digits=3, decimal_places=2)
    vanaf = models.DateTimeField(_("vanaf"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False, verbose_name=_("door"))

    class Meta:
        ordering = ["vanaf", "id"]
        indexes = [models.Index(fields=["team", "vanaf"], name="profielhistorie_team")]
        constraints = [
            models.CheckConstraint(condition=Q(fte__gt=0, fte__lte=Decimal("1.5")),
                                   name="profielhistorie_fte_bereik"),
        ]

    def __str__(self) -> str:
        return f"{self.medewerker_id} {self.fte} {self.vanaf:%Y-%m-%d}"


class AfwezigheidSoort(models.TextChoices):
    ZIEK = "ziek", _("Ziek")
    VERLOF = "verlof", _("Verlof")
    VERTREK = "vertrek", _("Vertrekt uit het team")


class Afwezigheid(models.Model):
    """A worker absent, on leave or leaving, as marked by the team lead. No medical details: only the kind.

    `herverdeeld` is set when the redistribution of their cases was applied (continuiteit.services)."""

    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="afwezigheden")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="afwezigheden")
    soort = models.CharField(_("soort"), max_length=10, choices=AfwezigheidSoort.choices)
    vanaf = models.DateField(_("vanaf"))
    tot = models.DateField(_("tot en met"), null=True, blank=True)
    gemeld = models.DateTimeField(_("gemeld"))
    gemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    herverdeeld = models.DateTimeField(_("herverdeeld"), null=True, blank=True)
    herverdeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="+")

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        ordering = ["-vanaf", "-id"]
        indexes = [models.Index(fields=["team", "vanaf"], name="afwezigheid_team")]
        constraints = [
            models.CheckConstraint(condition=Q(tot__isnull=True) | Q(tot__gte=models.F("vanaf")),
                                   name="afwezigheid_tot_na_vanaf"),
        ]

    def __str__(self) -> str:
        return f"Afwezigheid {self.pk}"

    def is_actief(self, op: dt.date | None = None) -> bool:
        day = op or timezone.localdate()
        return self.vanaf <= day and (self.tot is None or day <= self.tot)


class Overdracht(models.Model):
    """One case handed over in an applied redistribution; monitoring counts handovers per month and cause.

    `voorgesteld` is the worker the proposal chose, `naar` the one the team lead applied."""

    afwezigheid = models.ForeignKey(Afwezigheid, on_delete=models.PROTECT, related_name="overdrachten")
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="overdrachten")
    van = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    naar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    voorgesteld = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    gewicht = models.CharField(max_length=10, choices=Gewicht.choices)
    tijdstip = models.DateTimeField()

    class Meta:
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"Overdracht {self.casus_id}"
