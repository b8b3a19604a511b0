# SPDX-License-Identifier: EUPL-1.2
"""Requests for help (hulpvragen): data and invariants. The write path is `services.py`.

A `Hulpvraag` is one request, from whichever door it came in (`Kanaal`): the resident's web form, the
anonymous self-help that ends in "ik wil graag contact", a phone call or a visit to the desk, a
vroegsignaal whose household accepted help, or a partner's warm handover.

What lives where (data minimisation: personal data is stored once):
- Who asks is a `huishoudens.Persoon` (`persoon`), found or added through the household write path;
  their phone and e-mail live on that Persoon (`huishoudens.services.update_contact`), consent per purpose
  in `huishoudens.Toestemming` (`record_consent`). The request keeps what was *answered at this door*
  (`toestemmingen`, a snapshot, because a web form has no user to record the consent rows under).
- When the person could not be decided (two residents fit), the request has no `persoon`; the
  `kandidaten` are offered to the worker and `aangeleverd` holds what the requester said about
  themselves (name, birth date, phone, e-mail) until the worker decides; then it is emptied.
- `team` is the team whose wijk covers the address's buurt; None is the central queue (no address, or
  an address outside every team's wijk). `buurt` stays after anonymisation for the per-wijk counts.

Statuses follow `HULPVRAAG_TRANSITIONS`; every change writes an append-only `HulpvraagStatusHistorie`.
Retention: `geanonimiseerd` marks a request whose personal links and free text were emptied (later).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Organisatie, Team
from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Huishouden, Persoon
from wijkteam.vroegsignalering.models import Vroegsignaalzaak

# The sociale kaart's levensdomeinen (taxonomy `levensdomeinen`, data/taxonomies.json). Listed here as
# well so a request can be validated and labelled without a database query; a test keeps both equal.
LEVENSDOMEINEN: dict[str, str | Promise] = {
    "LD01": _("Financiën"),
    "LD02": _("Werk & opleiding"),
    "LD03": _("Tijdsbesteding"),
    "LD04": _("Huisvesting"),
    "LD05": _("Huiselijke relaties"),
    "LD06": _("Geestelijke gezondheid"),
    "LD07": _("Lichamelijke gezondheid"),
    "LD08": _("Middelengebruik"),
    "LD09": _("Basale ADL"),
    "LD10": _("Instrumentele ADL"),
    "LD11": _("Sociaal netwerk"),
    "LD12": _("Maatschappelijke participatie"),
    "LD13": _("Justitie"),
}


class Kanaal(models.TextChoices):
    """The door a request came in through."""

    WEB = "web", _("Webformulier")
    TELEFOON = "telefoon", _("Telefoon")
    BALIE = "balie", _("Balie")
    VROEGSIGNALERING = "vroegsignalering", _("Vroegsignalering")
    WARME_OVERDRACHT = "warme_overdracht", _("Warme overdracht door een partner")
    ZELFHULP = "zelfhulp", _("Zelfhulp 'Wat speelt er?'")


class HulpvraagStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    IN_BEHANDELING = "in_behandeling", _("In behandeling (intake)")
    GETRIEERD = "getrieerd", _("Getrieerd")
    DOORGEZET = "doorgezet", _("Doorgezet")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


HULPVRAAG_TRANSITIONS: dict[str, frozenset[str]] = {
    HulpvraagStatus.NIEUW: frozenset({HulpvraagStatus.IN_BEHANDELING, HulpvraagStatus.AFGESLOTEN}),
    # Triage may start straight from intake; a request can also be closed at intake (e.g. a duplicate).
    HulpvraagStatus.IN_BEHANDELING: frozenset({HulpvraagStatus.GETRIEERD, HulpvraagStatus.AFGESLOTEN}),
    # Back to intake when the triage has to be redone (new facts); onwards once a step is taken.
    HulpvraagStatus.GETRIEERD: frozenset({HulpvraagStatus.IN_BEHANDELING, HulpvraagStatus.DOORGEZET,
                                          HulpvraagStatus.AFGESLOTEN}),
    HulpvraagStatus.DOORGEZET: frozenset({HulpvraagStatus.AFGESLOTEN}),
    HulpvraagStatus.AFGESLOTEN: frozenset(),
}
HULPVRAAG_OPEN = frozenset({HulpvraagStatus.NIEUW, HulpvraagStatus.IN_BEHANDELING, HulpvraagStatus.GETRIEERD})


class AfsluitReden(models.TextChoices):
    GEHOLPEN_COLLECTIEF = "collectief", _("Geholpen met algemeen (collectief) aanbod")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen of casus geopend")
    GEEN_HULP_NODIG = "geen_hulp_nodig", _("Geen hulp (meer) nodig")
    NIET_BEREIKT = "niet_bereikt", _("Aanvrager niet bereikt")
    INGETROKKEN = "ingetrokken", _("Aanvrager ziet af van hulp")
    DUBBEL = "dubbel", _("Dubbele hulpvraag")
    BUITEN_GEMEENTE = "buiten_gemeente", _("Woont buiten de gemeente")
    OVERIG = "overig", _("Anders")


class ContactVoorkeur(models.TextChoices):
    TELEFOON = "telefoon", _("Bellen")
    EMAIL = "email", _("E-mail")
    BRIEF = "brief", _("Brief")
    LANGSKOMEN = "langskomen", _("Langskomen (huisbezoek)")


class Hulpvraag(models.Model):
    # Who and where (personal links: SET_NULL, emptied by retention).
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="hulpvragen", verbose_name=_("huishouden"))
    persoon = models.ForeignKey(Persoon, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="hulpvragen", verbose_name=_("aanvrager"))
    persoon_onzeker = models.BooleanField(
        _("aanvrager nog bepalen"), default=False,
        help_text=_("Meer dan één bewoner past bij de gegevens: een medewerker kiest."))
    kandidaten = models.ManyToManyField(Persoon, blank=True, related_name="+", verbose_name=_("mogelijke aanvragers"))
    # What the requester said about themselves while no Persoon holds it (see the module docstring).
    aangeleverd = models.JSONField(_("opgegeven gegevens"), default=dict, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="hulpvragen",
                             verbose_name=_("team"), db_index=False)
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # The request.
    kanaal = models.CharField(_("binnengekomen via"), max_length=20, choices=Kanaal.choices)
    status = models.CharField(_("status"), max_length=20, choices=HulpvraagStatus.choices,
                              default=HulpvraagStatus.NIEUW)
    omschrijving = models.TextField(_("hulpvraag in eigen woorden"), blank=True)
    levensdomeinen = models.JSONField(_("levensdomeinen"), default=list, blank=True)
    urgent = models.BooleanField(_("spoed of onveilig"), default=False)
    # Contact: the numbers themselves are on the Persoon; here how and when the resident wants it.
    contactvoorkeur = models.CharField(_("contact bij voorkeur via"), max_length=20, choices=ContactVoorkeur.choices,
                                       blank=True)
    bereikbaar = models.CharField(_("wanneer bereikbaar"), max_length=200, blank=True)
    toestemmingen = models.JSONField(_("toestemming bij de aanvraag"), default=dict, blank=True)
    # When a worker recorded those answers as Toestemming rows (services.confirm_consents): once per request.
    toestemmingen_bevestigd = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    # The doors with a source.
    vroegsignaalzaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.SET_NULL, null=True, blank=True,
                                         related_name="hulpvragen", verbose_name=_("vroegsignaalzaak"))
    verwijzer_organisatie = models.ForeignKey(Organisatie, on_delete=models.SET_NULL, null=True, blank=True,
                                              related_name="overgedragen_hulpvragen",
                                              verbose_name=_("overgedragen door organisatie"))
    verwijzer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="overgedragen_hulpvragen", verbose_name=_("overgedragen door"))
    overdracht_notitie = models.TextField(_("overdrachtsnotitie"), blank=True)
    # Dates, people, retention.
    ontvangen = models.DateTimeField(_("ontvangen"))
    reactie_uiterlijk = models.DateField(_("reactie uiterlijk"))
    behandelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="hulpvragen", verbose_name=_("behandelaar"))
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+", verbose_name=_("aangemaakt door"))
    aangemaakt_systeem = models.CharField(_("aangemaakt door systeem"), max_length=100, blank=True)
    afsluitreden = models.CharField(_("reden afsluiten"), max_length=20, choices=AfsluitReden.choices, blank=True)
    afgesloten = models.DateTimeField(_("afgesloten"), null=True, blank=True)
    geanonimiseerd = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        indexes = [
            # The intake queue: a team's open requests by deadline (team None: the central queue).
            models.Index(fields=["team", "status", "reactie_uiterlijk"], name="hulpvraag_queue"),
            models.Index(fields=["huishouden", "status"], name="hulpvraag_huishouden"),
        ]

    def __str__(self) -> str:
        return f"Hulpvraag {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in HULPVRAAG_OPEN

    @property
    def levensdomein_namen(self) -> list[str]:
        return [str(LEVENSDOMEINEN.get(code, code)) for code in self.levensdomeinen]


class HulpvraagStatusHistorie(models.Model):
    """Append-only: every status a request went through, by whom (a user or a system name)."""

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(max_length=20, choices=HulpvraagStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=HulpvraagStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    door_systeem = models.CharField(max_length=100, blank=True)
    tijdstip = models.DateTimeField()
    toelichting = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("statuswijziging hulpvraag")
        verbose_name_plural = _("statuswijzigingen hulpvragen")
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"


# --- Assessment instruments and triage (issue 18 items 3-4; H5b: assessment/, triage/) -------------------

from .triage.choices import Niveau, Ondersteuning, Veiligheid  # noqa: E402  (the choices are shared with the engine)


class Instrument(models.Model):
    """One published version of an assessment instrument (shipped as data: assessment/data/*.json).

    A version is never edited once scores exist: a changed instrument is a new version (new rows), and
    each score keeps the domain row, hence the version and its level descriptions, it was given under.
    """

    code = models.SlugField(_("code"), max_length=50)
    naam = models.CharField(_("naam"), max_length=200)
    versie = models.PositiveIntegerField(_("versie"))
    gepubliceerd = models.DateField(_("gepubliceerd"))
    beschrijving = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")
        ordering = ["code", "-versie"]
        constraints = [models.UniqueConstraint(fields=["code", "versie"], name="instrument_code_versie")]

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.versie})"


class InstrumentDomein(models.Model):
    """A domain of one instrument version: the sociale kaart's levensdomein code and its name."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="domeinen")
    code = models.CharField(_("code"), max_length=4)
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["instrument", "volgorde", "code"]
        constraints = [models.UniqueConstraint(fields=["instrument", "code"], name="instrumentdomein_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class InstrumentNiveau(models.Model):
    """What a level means in one domain of one version, in plain Dutch."""

    domein = models.ForeignKey(InstrumentDomein, on_delete=models.PROTECT, related_name="niveaus")
    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices)
    omschrijving = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("niveau")
        verbose_name_plural = _("niveaus")
        ordering = ["domein", "niveau"]
        constraints = [models.UniqueConstraint(fields=["domein", "niveau"], name="instrumentniveau_domein_niveau")]

    def __str__(self) -> str:
        return f"{self.domein.code} {self.niveau}"


class Assessment(models.Model):
    """One assessment of a household (or one person in it) for a request, under one instrument version.

    Only the domains that matter for the request are scored (data minimisation): a `Score` row per
    scored domain, none for the rest. The safety question is asked every time (`veiligheid`).
    """

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.PROTECT, related_name="assessments")
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="assessments")
    persoon = models.ForeignKey(Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessments")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assessments")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    datum = models.DateField(_("datum"))
    aangemaakt = models.DateTimeField(_("vastgelegd"), auto_now_add=True)
    veiligheid = models.CharField(_("veiligheid"), max_length=10, choices=Veiligheid.choices)
    veiligheid_toelichting = models.CharField(_("toelichting veiligheid"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["datum", "id"]
        indexes = [models.Index(fields=["huishouden", "datum"], name="assessment_huishouden")]

    def __str__(self) -> str:
        return f"Assessment {self.pk}"


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    domein = models.ForeignKey(InstrumentDomein, on_delete=models.PROTECT, related_name="+")
    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assessment", "domein__volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domein"], name="score_assessment_domein"),
            models.CheckConstraint(condition=models.Q(niveau__gte=1, niveau__lte=5), name="score_niveau_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.domein.code}: {self.niveau}"


class TriageBesluit(models.Model):
    """The worker's decision for one domain of a request, beside what the engine proposed.

    Append-only: a new triage of the same request adds rows (the latest per domain counts); kept with
    the personal links emptied at retention, so the collective share per domain and wijk stays countable.
    """

    hulpvraag = models.ForeignKey(Hulpvraag, on_delete=models.PROTECT, related_name="triagebesluiten")
    assessment = models.ForeignKey(Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    domein = models.CharField(_("levensdomein"), max_length=4)
    niveau = models.PositiveSmallIntegerField(_("niveau"), choices=Niveau.choices, null=True, blank=True)
    voorstel = models.CharField(_("voorstel"), max_length=20, choices=Ondersteuning.choices)
    besluit = models.CharField(_("besluit"), max_length=20, choices=Ondersteuning.choices)
    reden = models.TextField(_("reden"), blank=True)
    # The collective provisions proposed (service ids of the sociale kaart), for monitoring what was offered.
    voorgestelde_diensten = models.JSONField(default=list, blank=True)
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    tijdstip = models.DateTimeField(_("tijdstip"))

    class Meta:
        verbose_name = _("triagebesluit")
        verbose_name_plural = _("triagebesluiten")
        ordering = ["tijdstip", "id"]
        indexes = [models.Index(fields=["domein", "besluit"], name="triagebesluit_domein")]

    def __str__(self) -> str:
        return f"{self.domein}: {self.besluit}"

    @property
    def domein_naam(self) -> str:
        return str(LEVENSDOMEINEN.get(self.domein, self.domein))

    @property
    def wijkt_af(self) -> bool:
        return self.besluit != self.voorstel
