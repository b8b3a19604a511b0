# SPDX-License-Identifier: EUPL-1.2
"""Data and invariants of verwijzingen (see docs/architecture.md and docs/verwijzingen.md).

- `Verwijzing`: one warm referral of a resident to a sociale-kaart service (`soort` collectief) or to
  second-line care (`soort` tweede_lijn: GGZ, jeugdzorg, Wmo-maatwerk, schuldhulpverlening). The partner
  organisation that receives it is the service's `Organization.organisatie`. Statuses follow
  `VERWIJZING_TRANSITIONS`; every change (status, dates, bridging plan, reminder, escalation) writes an
  append-only `VerwijzingGebeurtenis`, which is also what the case timeline shows.
- Consent per referral: `gedeeld` lists the data items (`GedeeldGegeven`) the resident agreed to share with
  this partner. The partner sees exactly those (`access.partner_view`) and nothing more.
- `Wachtnorm`: the configurable norms per second-line domain (default the GGZ Treeknorm: 4 weeks from
  registration to intake, 10 weeks from intake to start). A second-line referral stores the norm in force
  when it was made (`norm_dagen_tot_intake`, `norm_dagen_tot_start`) and is judged by it, so a later change of
  the Wachtnorm applies to new referrals and never rewrites past "within norm" figures.
- `buurt`: the household's buurt when referred, kept for figures per wijk/buurt after a move.
- `Overbruggingsplan`: what the team and network do while the resident waits, with a check-in cadence
  (tasks in the case) and the risk signals that escalate to the team lead.

All writes go through services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Organisatie, Team
from wijkteam.casussen.models import Casus
from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Huishouden, Persoon
from wijkteam.hulpvragen.models import Hulpvraag
from wijkteam.sociale_kaart.models import Service


class Soort(models.TextChoices):
    COLLECTIEF = "collectief", _("Collectieve voorziening")
    TWEEDE_LIJN = "tweede_lijn", _("Tweede lijn")


class Domein(models.TextChoices):
    """Second-line care domains, each with its own waiting norm (`Wachtnorm`)."""

    GGZ = "ggz", _("GGZ")
    JEUGDZORG = "jeugdzorg", _("Jeugdzorg")
    WMO = "wmo", _("Wmo-maatwerk")
    SCHULDHULP = "schuldhulp", _("Schuldhulpverlening")


class VerwijzingStatus(models.TextChoices):
    VERSTUURD = "verstuurd", _("Verstuurd")
    ONTVANGEN = "ontvangen", _("Ontvangen")
    GEACCEPTEERD = "geaccepteerd", _("Geaccepteerd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
    GESTART = "gestart", _("Gestart")
    AFGEROND = "afgerond", _("Afgerond")
    NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")
    GESTOPT = "gestopt", _("Gestopt")


S = VerwijzingStatus
# Which status may follow which. The partner may answer straight from "verstuurd" (receiving is implied);
# a place on the waiting list ends in acceptance or a start; "gestopt" (the resident or the team stops)
# is possible while the referral is open. The four end states are final: a new referral starts again.
VERWIJZING_TRANSITIONS: dict[str, frozenset[str]] = {
    S.VERSTUURD: frozenset({S.ONTVANGEN, S.GEACCEPTEERD, S.AFGEWEZEN, S.WACHTLIJST, S.GESTOPT}),
    S.ONTVANGEN: frozenset({S.GEACCEPTEERD, S.AFGEWEZEN, S.WACHTLIJST, S.GESTOPT}),
    S.WACHTLIJST: frozenset({S.GEACCEPTEERD, S.GESTART, S.AFGEWEZEN, S.NIET_VERSCHENEN, S.GESTOPT}),
    # Accepted, but no place yet: the resident goes on the waiting list.
    S.GEACCEPTEERD: frozenset({S.WACHTLIJST, S.GESTART, S.NIET_VERSCHENEN, S.GESTOPT}),
    S.GESTART: frozenset({S.AFGEROND, S.GESTOPT}),
    S.AFGEWEZEN: frozenset(),
    S.AFGEROND: frozenset(),
    S.NIET_VERSCHENEN: frozenset(),
    S.GESTOPT: frozenset(),
}
# A reason is required for these (the worker must know why, to refer elsewhere).
REDEN_VERPLICHT = frozenset({S.AFGEWEZEN, S.GESTOPT, S.NIET_VERSCHENEN})
# Waiting for the partner's first answer (reminders).
WACHT_OP_REACTIE = frozenset({S.VERSTUURD})
# Waiting for care to start (second-line waits, bridging plans).
WACHTEND = frozenset({S.VERSTUURD, S.ONTVANGEN, S.GEACCEPTEERD, S.WACHTLIJST})
AFGESLOTEN = frozenset({S.AFGEWEZEN, S.AFGEROND, S.NIET_VERSCHENEN, S.GESTOPT})


class GedeeldGegeven(models.TextChoices):
    """The data items a resident can agree to share with the partner, each separately."""

    NAAM = "naam", _("Naam")
    CONTACT = "contact", _("Telefoon en e-mail")
    ADRES = "adres", _("Adres")
    GEBOORTEDATUM = "geboortedatum", _("Geboortedatum")
    VRAAG = "vraag", _("De hulpvraag (samenvatting van het wijkteam)")
    LEVENSDOMEINEN = "levensdomeinen", _("Levensdomeinen")


class Verwijzing(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.PROTECT, null=True, blank=True, related_name="verwijzingen",
                              verbose_name=_("casus"))
    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="verwijzingen", verbose_name=_("hulpvraag"))
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="verwijzingen",
                                   verbose_name=_("huishouden"))
    persoon = models.ForeignKey(Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="verwijzingen",
                                verbose_name=_("voor wie"))
    # The team responsible (the case's, else the request's): its lead gets the escalations.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="verwijzingen",
                             verbose_name=_("team"))
    service = models.ForeignKey(Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="verwijzingen",
                                verbose_name=_("aanbod"))
    # The service's name when referred: a later merge or removal of the entry keeps the referral readable.
    aanbod_naam = models.CharField(_("aanbod"), max_length=255)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="verwijzingen",
                                    verbose_name=_("partnerorganisatie"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    domein = models.CharField(_("domein tweede lijn"), max_length=20, choices=Domein.choices, blank=True)
    product = models.CharField(_("product"), max_length=200, blank=True,
                               help_text=_("Bijvoorbeeld: basis-GGZ, ambulante jeugdhulp, begeleiding."))
    status = models.CharField(_("status"), max_length=20, choices=VerwijzingStatus.choices,
                              default=VerwijzingStatus.VERSTUURD)
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    # Consent for this referral: the items the resident agreed to share with this partner.
    gedeeld: models.JSONField[list[str], list[str]] = models.JSONField(_("gedeeld met de partner"), default=list)
    toestemming_op = models.DateTimeField(_("toestemming vastgelegd"))
    samenvatting = models.TextField(_("samenvatting voor de partner"), blank=True)
    levensdomeinen: models.JSONField[list[str], list[str]] = models.JSONField(_("levensdomeinen"), default=list,
                                                                             blank=True)
    # Dates (second line: the Treeknorm counts from registration to intake, and from intake to start).
    verwezen_op = models.DateField(_("verwezen op"))
    aangemeld_op = models.DateField(_("aangemeld op"), null=True, blank=True)
    intake_op = models.DateField(_("intake op"), null=True, blank=True)
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    verwachte_intake = models.DateField(_("verwachte intake"), null=True, blank=True)
    verwachte_start = models.DateField(_("verwachte start"), null=True, blank=True)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    warme_overdracht = models.TextField(_("warme overdracht"), blank=True)
    # The partner's first answer is due by this date (working days after sending).
    reactie_uiterlijk = models.DateField(_("reactie uiterlijk"))
    laatste_herinnering = models.DateField(_("laatste herinnering"), null=True, blank=True)
    geescaleerd_op = models.DateTimeField(_("geëscaleerd naar teamleider"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             verbose_name=_("verwezen door"))
    aangemaakt = models.DateTimeField(_("aangemaakt"))
    # Second line: the domain's norm in force when referred (`wachttijd.norm_of` judges the waits by it). Empty
    # for collective referrals, which have no norm; a row without it falls back to the current norm.
    norm_dagen_tot_intake = models.PositiveIntegerField(_("norm tot intake (dagen)"), null=True, blank=True)
    norm_dagen_tot_start = models.PositiveIntegerField(_("norm van intake tot start (dagen)"), null=True, blank=True)
    # The household's buurt when referred (its address's): figures per wijk/buurt stay put when the household
    # moves, and need no join through the household.
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("buurt"))

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-verwezen_op", "-id"]
        indexes = [
            models.Index(fields=["organisatie", "status"], name="verwijzing_partner_status"),
            models.Index(fields=["status", "reactie_uiterlijk"], name="verwijzing_reactie"),
            models.Index(fields=["soort", "status"], name="verwijzing_soort_status"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(soort="collectief") | ~models.Q(domein=""),
                                   name="verwijzing_tweede_lijn_heeft_domein"),
        ]

    def __str__(self) -> str:
        return f"Verwijzing {self.pk}"

    @property
    def is_tweede_lijn(self) -> bool:
        return self.soort == Soort.TWEEDE_LIJN

    @property
    def is_wachtend(self) -> bool:
        return self.status in WACHTEND

    @property
    def is_open(self) -> bool:
        return self.status not in AFGESLOTEN

    def allowed_transitions(self) -> list[str]:
        return [s for s in VerwijzingStatus.values if s in VERWIJZING_TRANSITIONS[self.status]]


class Gebeurtenis(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("Verwezen")
    STATUS = "status", _("Status")
    DATUMS = "datums", _("Datums")
    OVERBRUGGING = "overbrugging", _("Overbruggingsplan")
    RISICO = "risico", _("Risicosignaal")
    HERINNERING = "herinnering", _("Herinnering")
    ESCALATIE = "escalatie", _("Escalatie")
    OVERDRACHT = "overdracht", _("Warme overdracht")


class VerwijzingGebeurtenis(models.Model):
    """Append-only: everything that happened to a referral, by a user or a system (an API token, a command)."""

    verwijzing = models.ForeignKey(Verwijzing, on_delete=models.CASCADE, related_name="gebeurtenissen")
    soort = models.CharField(max_length=20, choices=Gebeurtenis.choices)
    van = models.CharField(max_length=20, choices=VerwijzingStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=VerwijzingStatus.choices, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    door_systeem = models.CharField(max_length=100, blank=True)
    tijdstip = models.DateTimeField()
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis van een verwijzing")
        verbose_name_plural = _("gebeurtenissen van verwijzingen")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.soort} {self.van} → {self.naar}"


NORM_HELP = _("Geldt voor verwijzingen die vanaf nu worden gemaakt; eerdere verwijzingen houden de norm van "
               "het moment waarop ze zijn gemaakt.")


class Wachtnorm(models.Model):
    """The norm for one second-line domain, in days. Without a row the Treeknorm defaults apply. A referral
    copies the norm when it is made (`Verwijzing.norm_dagen_tot_*`): a change here applies to new referrals."""

    domein = models.CharField(_("domein"), max_length=20, choices=Domein.choices, unique=True)
    dagen_tot_intake = models.PositiveIntegerField(_("dagen van aanmelding tot intake"), default=28,
                                                   help_text=NORM_HELP)
    dagen_tot_start = models.PositiveIntegerField(_("dagen van intake tot start"), default=70, help_text=NORM_HELP)

    class Meta:
        verbose_name = _("wachtnorm")
        verbose_name_plural = _("wachtnormen")
        ordering = ["domein"]

    def __str__(self) -> str:
        return f"{self.get_domein_display()}: {self.dagen_tot_intake}/{self.dagen_tot_start}"


class Overbruggingsplan(models.Model):
    """What happens while the resident waits for second-line care (one per referral; a change is a new version
    of the same row, and each save is an event on the referral)."""

    verwijzing = models.OneToOneField(Verwijzing, on_delete=models.CASCADE, related_name="overbruggingsplan")
    wat_team = models.TextField(_("wat het wijkteam doet"))
    wat_netwerk = models.TextField(_("wat het netwerk doet"), blank=True)
    checkin_dagen = models.PositiveSmallIntegerField(_("contact elke zoveel dagen"))
    risicosignalen = models.TextField(_("risicosignalen"),
                                      help_text=_("Waarop letten we? Bij zo'n signaal gaat het naar de teamleider."))
    vastgesteld = models.DateTimeField(_("vastgesteld"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)

    class Meta:
        verbose_name = _("overbruggingsplan")
        verbose_name_plural = _("overbruggingsplannen")

    def __str__(self) -> str:
        return f"Overbruggingsplan {self.verwijzing_id}"
