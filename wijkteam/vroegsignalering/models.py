# SPDX-License-Identifier: EUPL-1.2
"""Early signals (Wgs vroegsignalering) and the zaken that follow them up.

Vocabulary follows the national exchange model DDAS Vroegsignalering 0.9 (`ddas/`): the values of
`Signaalpartner`, `Contactsoort`, `Dagdeel`, `Eindresultaat` and `SignaalStatus` are the schema's enum
strings exactly, so the DDAS delivery maps 1:1 (tests/vroegsignalering keeps them equal to the schema).

Tables and what a later capability finds here:
- `Upload`: one batch file (who, when, status with history, counts new/repeat/invalid, row errors in
  `UploadFout`). The file itself is deleted once processed: it holds personal data nobody needs again.
- `Signaal`: one signal. `soort` separates a financial Wgs signal (partner type from EnumSignaalpartner)
  from a non-financial concern (`ZorgBron`: huisarts, school, ...; free-text `zorg`) that is kept under its
  own purpose (`doel`) and is visible only to the team. `dedupe_key` makes a signal idempotent across
  files and the (future) API: partner type + partner name + person + ontstaansdatum + bedrag.
- `Vroegsignaalzaak`: a household's signals grouped; status with an allowed-transitions table and
  append-only `ZaakStatusHistorie`; Divosa classification; priority (item 6), deadlines (item 8),
  assignment, DDAS result, "hulp geaccepteerd" and the link to a future intake.
- `Contactpoging`: DDAS contact attempts (item 7).
- `MatchWerklijstItem`: a signal whose person could not be decided (two candidates): a worker chooses.

Retention (item 9) decision: signal and zaak rows are *kept* with their personal links and free text
removed (`anonimiseer` sets `geanonimiseerd`), not deleted. The funnel and the DDAS counts read the same
rows before and after the purge, so the counts need no second aggregate table and cannot drift from
it. Everything that points at a person does so with SET_NULL (or CASCADE for rows that are personal
through and through: `MatchWerklijstItem`, `UploadFout`), so the purge, and a later deletion of a
person by the privacy officer, is never blocked. What stays after the purge: partner type, bedrag,
dates, flags, classification, buurt (for per-wijk figures), team, statuses and results.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Organisatie, Team
from wijkteam.gebieden.models import Buurt
from wijkteam.huishoudens.models import Adres, Huishouden, Persoon

# --- DDAS enumerations (values are the schema's strings) ---------------------------------------


class Signaalpartner(models.TextChoices):
    """EnumSignaalpartner: the Wgs signal partner types."""

    HUUR = "Huur", _("Huur")
    ENERGIE = "Energie", _("Energie")
    WATER = "Water", _("Water")
    ZORG = "Zorg", _("Zorgverzekering")
    CAK_ZORGVERZEKERINGEN = "CAK Zorgverzekeringen", _("CAK Zorgverzekeringen")
    CAK_EIGEN_BIJDRAGE = "CAK Eigen bijdrage", _("CAK Eigen bijdrage")
    HYPOTHEEK = "Hypotheek", _("Hypotheek")
    BELASTINGDIENST = "Belastingdienst", _("Belastingdienst")
    DIENST_TOESLAGEN = "Dienst Toeslagen", _("Dienst Toeslagen")
    DUO = "DUO", _("DUO")
    OVERIGE = "Overige", _("Overige")


class Contactsoort(models.TextChoices):
    """EnumContactsoort."""

    BRIEF = "Brief", _("Brief")
    TELEFOON = "Telefoon", _("Telefoon")
    SMS_WHATSAPP = "SMS/Whatsapp", _("SMS of WhatsApp")
    MAIL = "Mail", _("E-mail")
    HUISBEZOEK = "Huisbezoek", _("Huisbezoek")
    KAARTJE = "Kaartje", _("Kaartje in de bus")
    OVERIGE = "Overige", _("Overige")
    ADMINISTRATIEF = "Administratief", _("Administratief")


class Dagdeel(models.TextChoices):
    """EnumDagdeel."""

    OCHTEND = "Ochtend", _("Ochtend")
    MIDDAG = "Middag", _("Middag")
    AVOND = "Avond", _("Avond")


class Eindresultaat(models.TextChoices):
    """EnumEindresultaat: how a zaak ends."""

    HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding", _("Niet opgepakt: herhaalde melding")
    ONTERECHT = "Niet opgepakt: onterecht signaal", _("Niet opgepakt: onterecht signaal")
    OVERLEDEN = "Inwoner is overleden", _("Inwoner is overleden")
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente", _("Persoon is geen inwoner (meer) in de gemeente")
    ANDERE_REDEN = "Niet opgepakt: andere reden", _("Niet opgepakt: andere reden")
    BEKEND_SHV = "Inwoner al bekend bij schuldhulpverlening", _("Inwoner al bekend bij schuldhulpverlening")
    ANDER_TRAJECT = "Inwoner heeft al een ander lopend traject", _("Inwoner heeft al een ander lopend traject")
    GEEN_CONTACT = "Definitief geen contact kunnen krijgen", _("Definitief geen contact kunnen krijgen")
    GEEN_REACTIE = "Geen reactie na eerder contact", _("Geen reactie na eerder contact")
    GEEN_HULP_NODIG = "Inwoner hoeft geen hulp vanuit vroegsignalering", _(
        "Inwoner hoeft geen hulp vanuit vroegsignalering")
    ZELF_BETAALD = "Inwoner heeft zelf al betaald/betalingsregeling getroffen", _(
        "Inwoner heeft zelf al betaald/betalingsregeling getroffen")
    ADVIES_QUICK_FIX = "(Budget)advies en/of quick fix", _("(Budget)advies en/of quick fix")
    VERVOLG_FINANCIEEL = "Vervolghulp en/of verwijzing financieel", _("Vervolghulp en/of verwijzing financieel")
    VERWIJZING_ZONDER_CONTACT = "Verwijzing zonder contact", _("Verwijzing zonder contact")
    VERVOLG_NIET_FINANCIEEL = "Vervolghulp en/of verwijzing niet financieel", _(
        "Vervolghulp en/of verwijzing niet financieel")


class SignaalStatus(models.TextChoices):
    """EnumSignaalstatus: whether a signal was taken up."""

    NOG_NIET_OPGEPAKT = "Nog niet opgepakt", _("Nog niet opgepakt")
    ONTERECHT = "Niet opgepakt: onterecht signaal", _("Niet opgepakt: onterecht signaal")
    OVERLEDEN = "Inwoner is overleden", _("Inwoner is overleden")
    GEEN_INWONER = "Persoon is geen inwoner (meer) in de gemeente", _("Persoon is geen inwoner (meer) in de gemeente")
    HERHAALDE_MELDING = "Niet opgepakt: herhaalde melding", _("Niet opgepakt: herhaalde melding")
    ANDERE_REDEN = "Niet opgepakt: andere reden", _("Niet opgepakt: andere reden")


# A signal's status only leaves "nog niet opgepakt"; a wrong choice is corrected by a worker going back.
SIGNAAL_TRANSITIONS: dict[str, frozenset[str]] = {
    SignaalStatus.NOG_NIET_OPGEPAKT: frozenset(set(SignaalStatus.values) - {SignaalStatus.NOG_NIET_OPGEPAKT}),
    **{value: frozenset({SignaalStatus.NOG_NIET_OPGEPAKT}) for value in SignaalStatus.values
       if value != SignaalStatus.NOG_NIET_OPGEPAKT},
}


# --- Our own vocabularies ----------------------------------------------------------------------


class SignaalSoort(models.TextChoices):
    FINANCIEEL = "financieel", _("Betalingsachterstand (Wgs)")
    ZORG = "zorg", _("Zorgsignaal")


class ZorgBron(models.TextChoices):
    """Who raised a non-financial concern."""

    HUISARTS = "huisarts", _("Huisarts")
    SCHOOL = "school", _("School")
    POLITIE = "politie", _("Politie")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    BUURTBEWONER = "buurtbewoner", _("Buurtbewoner")
    EIGEN_WAARNEMING = "eigen_waarneming", _("Eigen waarneming")


class Doel(models.TextChoices):
    """The purpose a signal is processed for (AVG art. 5(1)(b)): never mixed."""

    WGS_VROEGSIGNALERING = "wgs", _("Vroegsignalering van schulden (Wgs art. 3)")
    ZORGSIGNAAL = "zorgsignaal", _("Zorg om een inwoner, gemeld aan het wijkteam")


class Bron(models.TextChoices):
    BESTAND = "bestand", _("Bestand")
    API = "api", _("API")
    FORMULIER = "formulier", _("Formulier")


class Classificatie(models.TextChoices):
    """Divosa's kinds of melding (see services.classify_addresses for the exact rule)."""

    ENKELVOUDIG = "enkelvoudig", _("Enkelvoudig")
    MEERVOUDIG = "meervoudig", _("Meervoudig")
    OPEENVOLGEND = "opeenvolgend", _("Opeenvolgend")


# --- Uploads -----------------------------------------------------------------------------------


class UploadStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    CONTROLEREN = "controleren", _("Bezig met controleren")
    OPSLAAN = "opslaan", _("Bezig met opslaan")
    KLAAR = "klaar", _("Klaar")
    GEWEIGERD = "geweigerd", _("Geweigerd")
    MISLUKT = "mislukt", _("Mislukt")


UPLOAD_TRANSITIONS: dict[str, frozenset[str]] = {
    UploadStatus.WACHTRIJ: frozenset({UploadStatus.CONTROLEREN, UploadStatus.MISLUKT}),
    UploadStatus.CONTROLEREN: frozenset({UploadStatus.OPSLAAN, UploadStatus.GEWEIGERD, UploadStatus.MISLUKT}),
    UploadStatus.OPSLAAN: frozenset({UploadStatus.KLAAR, UploadStatus.MISLUKT}),
    UploadStatus.KLAAR: frozenset(),
    UploadStatus.GEWEIGERD: frozenset(),
    UploadStatus.MISLUKT: frozenset(),
}
UPLOAD_RUNNING = frozenset({UploadStatus.WACHTRIJ, UploadStatus.CONTROLEREN, UploadStatus.OPSLAAN})


def upload_storage() -> FileSystemStorage:
    # Under VAR_DIR, never inside the code tree; files are removed once processed.
    return FileSystemStorage(location=settings.VAR_DIR / "vroegsignalering" / "uploads")


class Upload(models.Model):
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    bestand = models.FileField(_("bestand"), storage=upload_storage, upload_to="%Y/%m/", blank=True)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                      related_name="+", verbose_name=_("geüpload door"))
    # The uploader's team: who may see the report (it names residents of the whole file).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="+")
    aangemaakt = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=UploadStatus.choices,
                              default=UploadStatus.WACHTRIJ)
    # What the reader detected (shown in the report, so a supplier can be told).
    codering = models.CharField(_("tekenset"), max_length=20, blank=True)
    scheidingsteken = models.CharField(_("scheidingsteken"), max_length=1, blank=True)
    rijen_totaal = models.PositiveIntegerField(_("rijen"), default=0)
    rijen_gedaan = models.PositiveIntegerField(_("rijen verwerkt"), default=0)
    nieuw = models.PositiveIntegerField(_("nieuw"), default=0)
    herhaald = models.PositiveIntegerField(_("herhaald"), default=0)
    ongeldig = models.PositiveIntegerField(_("ongeldig"), default=0)
    werklijst = models.PositiveIntegerField(_("op de werklijst"), default=0)
    # Why a whole file was refused (a missing column), in Dutch; row errors are UploadFout rows.
    weigering = models.TextField(_("reden van weigering"), blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        verbose_name = _("upload van signalen")
        verbose_name_plural = _("uploads van signalen")
        ordering = ["-aangemaakt", "-id"]

    def __str__(self) -> str:
        return self.bestandsnaam

    @property
    def is_running(self) -> bool:
        return self.status in UPLOAD_RUNNING

    @property
    def percent(self) -> int:
        return int(100 * self.rijen_gedaan / self.rijen_totaal) if self.rijen_totaal else 0


class UploadStatusHistorie(models.Model):
    """Append-only: every status an upload went through."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(max_length=20, choices=UploadStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=UploadStatus.choices)
    tijdstip = models.DateTimeField()

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"



class UploadFout(models.Model):
    """One invalid value of one row: the error report (personal data: deleted with the upload)."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="fouten")
    rij = models.PositiveIntegerField(_("rij"))
    kolom = models.CharField(_("kolom"), max_length=40)
    waarde = models.CharField(_("waarde"), max_length=200, blank=True)
    melding = models.CharField(_("melding"), max_length=300)

    class Meta:
        verbose_name = _("fout in upload")
        verbose_name_plural = _("fouten in upload")
        ordering = ["rij", "id"]


# --- Zaken -------------------------------------------------------------------------------------

    def __str__(self) -> str:
        return f"rij {self.rij}, {self.kolom}"



class ZaakStatus(models.TextChoices):
    NIEUW = "nieuw", _("Nieuw")
    CONTACT_GEZOCHT = "contact_gezocht", _("Contact gezocht")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    NAAR_INTAKE = "naar_intake", _("Doorgezet naar intake")
    GESLOTEN = "gesloten", _("Gesloten")


ZAAK_TRANSITIONS: dict[str, frozenset[str]] = {
    ZaakStatus.NIEUW: frozenset({ZaakStatus.CONTACT_GEZOCHT, ZaakStatus.IN_GESPREK, ZaakStatus.GESLOTEN}),
    ZaakStatus.CONTACT_GEZOCHT: frozenset({ZaakStatus.IN_GESPREK, ZaakStatus.GESLOTEN}),
    ZaakStatus.IN_GESPREK: frozenset({ZaakStatus.NAAR_INTAKE, ZaakStatus.GESLOTEN}),
    ZaakStatus.NAAR_INTAKE: frozenset({ZaakStatus.GESLOTEN}),
    ZaakStatus.GESLOTEN: frozenset(),
}
ZAAK_OPEN = frozenset({ZaakStatus.NIEUW, ZaakStatus.CONTACT_GEZOCHT, ZaakStatus.IN_GESPREK, ZaakStatus.NAAR_INTAKE})


class Route(models.TextChoices):
    """Where a zaak goes (item 6): outreach by the team, or the regisseur of a case that is already open."""

    OUTREACH = "outreach", _("Outreach door het wijkteam")
    REGISSEUR = "regisseur", _("Naar de regisseur van de lopende casus")


class Vroegsignaalzaak(models.Model):
    # Indexes: every index costs each insert of a million-row upload, so an FK that leads a composite
    # index below gets none of its own (db_index=False).
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="vroegsignaalzaken", db_index=False)
    # Team and buurt stay after the purge: the funnel counts per wijk and team.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="vroegsignaalzaken",
                             db_index=False)
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=ZaakStatus.choices, default=ZaakStatus.NIEUW)
    classificatie = models.CharField(_("soort melding"), max_length=20, choices=Classificatie.choices,
                                     default=Classificatie.ENKELVOUDIG)
    crisis = models.BooleanField(_("crisissignaal"), default=False)
    # Item 6: a number to order by and the reasons in words (filled by the priority rules).
    prioriteit = models.IntegerField(_("prioriteit"), default=0)
    prioriteit_uitleg = models.TextField(_("waarom deze prioriteit"), blank=True)
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, default=Route.OUTREACH)
    toegewezen_aan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="vroegsignaalzaken", verbose_name=_("toegewezen aan"))
    # Dates of the DDAS model: received (matchingsdatum), first attempt, taken up, closed.
    ontvangen = models.DateField(_("ontvangen"))
    eerste_contactpoging = models.DateField(_("eerste contactpoging"), null=True, blank=True)
    datum_opgepakt = models.DateField(_("opgepakt"), null=True, blank=True)
    gesloten = models.DateField(_("gesloten"), null=True, blank=True)
    # Item 8: deadlines in Dutch working days.
    termijn_eerste_contact = models.DateField(_("uiterlijk eerste contactpoging"), null=True, blank=True)
    termijn_afsluiten = models.DateField(_("uiterlijk afsluiten"), null=True, blank=True)
    # Whether `termijn_eerste_contact` was set for a crisis: when a later signal changes `crisis`, the
    # deadline is recomputed (outreach/deadlines.py) and this says it was.
    termijn_bij_crisis = models.BooleanField(default=False, editable=False)
    eindresultaat = models.CharField(_("eindresultaat"), max_length=80, choices=Eindresultaat.choices, blank=True)
    hulp_geaccepteerd = models.BooleanField(_("hulp geaccepteerd"), null=True, blank=True)
    # The intake the triage capability will create; an id, not a FK, because that app does not exist yet.
    intake_id = models.PositiveBigIntegerField(_("intake"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    geanonimiseerd = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vroegsignaalzaak")
        verbose_name_plural = _("vroegsignaalzaken")
        indexes = [
            models.Index(fields=["huishouden", "status"], name="vszaak_huishouden_status"),
            models.Index(fields=["team", "status", "-prioriteit"], name="vszaak_team_queue"),
        ]
        constraints = [
            # At most one open zaak per household: a new signal joins it (services.open_zaak_for).
            models.UniqueConstraint(
                fields=["huishouden"], name="vszaak_een_open_per_huishouden",
                condition=Q(status__in=sorted(ZAAK_OPEN)) & Q(huishouden__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Vroegsignaalzaak {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in ZAAK_OPEN


class ZaakToewijzing(models.Model):
    """Append-only: every change of who a zaak is assigned to, by a person or by the routing (door_systeem)."""

    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="toewijzingen")
    van = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                            related_name="+", db_index=False)
    naar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_index=False)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_index=False)
    door_systeem = models.CharField(max_length=100, blank=True)
    tijdstip = models.DateTimeField()

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.van_id} → {self.naar_id}"


# --- Per team: deadlines and routing (outreach/) -----------------------------------------------

# Defaults of the deadlines, in Dutch working days after receipt (core.working_days).
# First contact: 5, and 1 for a crisis signal (issue 17 item 8; the Wgs guidance asks for contact "zo snel
# mogelijk" and a threatened eviction or disconnection cannot wait a week).
DAGEN_EERSTE_CONTACT = 5
DAGEN_EERSTE_CONTACT_CRISIS = 1
# Closing: 40 working days, about two calendar months. Why: signal partners deliver monthly, so a zaak open
# longer than two deliveries keeps absorbing new signals without a result; the usual outreach sequence
# (letter, two calls at different dagdelen, a home visit, a card, a reminder letter) fits in it with a week
# between steps; and Divosa's monitor looks at results per quarter, which this leaves room to report.
DAGEN_AFSLUITEN = 40


class OutreachInstelling(models.Model):
    """A team's deadlines for outreach, set by its teamleider. A team without a row uses the defaults above."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="outreach_instelling")
    dagen_eerste_contact = models.PositiveSmallIntegerField(
        _("eerste contactpoging binnen (werkdagen)"), default=DAGEN_EERSTE_CONTACT,
        validators=[MinValueValidator(1), MaxValueValidator(60)])
    dagen_eerste_contact_crisis = models.PositiveSmallIntegerField(
        _("eerste contactpoging bij een crisissignaal binnen (werkdagen)"), default=DAGEN_EERSTE_CONTACT_CRISIS,
        validators=[MinValueValidator(1), MaxValueValidator(60)])
    dagen_afsluiten = models.PositiveSmallIntegerField(
        _("afsluiten binnen (werkdagen)"), default=DAGEN_AFSLUITEN,
        validators=[MinValueValidator(1), MaxValueValidator(260)])
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="+")
    gewijzigd = models.DateTimeField(_("gewijzigd"), null=True, blank=True)

    class Meta:
        verbose_name = _("termijnen voor outreach")
        verbose_name_plural = _("termijnen voor outreach")
        constraints = [
            models.CheckConstraint(
                name="outreach_termijnen_oplopend",
                condition=Q(dagen_eerste_contact_crisis__lte=models.F("dagen_eerste_contact"))
                & Q(dagen_eerste_contact__lte=models.F("dagen_afsluiten")),
            ),
        ]

    def __str__(self) -> str:
        return f"Termijnen {self.team_id}"


class RoutingRegel(models.Model):
    """"Buurt X → medewerker Y" for a team's new zaken; the first matching rule (lowest `volgorde`) wins.

    No buurt: every buurt of the team (a catch-all at the end). No medewerker: the team pool (unassigned).
    """

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="routingregels")
    volgorde = models.PositiveIntegerField(_("volgorde"))
    buurt = models.ForeignKey(Buurt, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                              verbose_name=_("buurt"))
    medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="+", verbose_name=_("medewerker"))

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        ordering = ["team", "volgorde", "id"]

    def __str__(self) -> str:
        return f"Regel {self.volgorde} van team {self.team_id}"


class ZaakStatusHistorie(models.Model):
    """Append-only: every status a zaak went through, by whom."""

    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(max_length=20, choices=ZaakStatus.choices, blank=True)
    naar = models.CharField(max_length=20, choices=ZaakStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                             db_index=False)
    door_systeem = models.CharField(max_length=100, blank=True)
    tijdstip = models.DateTimeField()
    toelichting = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"



class Contactpoging(models.Model):
    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.CASCADE, related_name="contactpogingen")
    soort = models.CharField(_("soort contact"), max_length=20, choices=Contactsoort.choices)
    bereikt = models.BooleanField(_("bereikt"))
    datum = models.DateField(_("datum"))
    dagdeel = models.CharField(_("dagdeel"), max_length=10, choices=Dagdeel.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    notitie = models.TextField(_("notitie"), blank=True)  # personal: emptied by the purge

    class Meta:
        verbose_name = _("contactpoging")
        verbose_name_plural = _("contactpogingen")
        ordering = ["datum", "id"]


# --- Signals -----------------------------------------------------------------------------------

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum}"



class Signaal(models.Model):
    soort = models.CharField(_("soort signaal"), max_length=20, choices=SignaalSoort.choices,
                             default=SignaalSoort.FINANCIEEL)
    doel = models.CharField(_("doel"), max_length=20, choices=Doel.choices, default=Doel.WGS_VROEGSIGNALERING)
    # Financial (Wgs) signal:
    partnertype = models.CharField(_("soort signaalpartner"), max_length=30, choices=Signaalpartner.choices,
                                   blank=True)
    partnernaam = models.CharField(_("signaalpartner"), max_length=200, blank=True)
    bedrag = models.PositiveIntegerField(_("achterstand in euro"), null=True, blank=True)
    ontstaansdatum = models.DateField(_("ontstaansdatum"), null=True, blank=True)
    crisissignaal = models.BooleanField(_("crisissignaal"), default=False)
    warme_overdracht = models.BooleanField(_("warme overdracht"), default=False)
    # Concern signal (soort=zorg): who raised it and the concern in their words.
    zorg_bron = models.CharField(_("gemeld door"), max_length=20, choices=ZorgBron.choices, blank=True)
    zorg = models.TextField(_("zorg"), blank=True)
    signaaldatum = models.DateField(_("signaaldatum"))
    status = models.CharField(_("status"), max_length=60, choices=SignaalStatus.choices,
                              default=SignaalStatus.NOG_NIET_OPGEPAKT)
    classificatie = models.CharField(_("soort melding"), max_length=20, choices=Classificatie.choices,
                                     default=Classificatie.ENKELVOUDIG)
    # Who and where (personal links: SET_NULL, emptied by the purge). `adres` drives the Divosa
    # classification (signals at one address); `buurt` stays for the per-wijk figures.
    persoon = models.ForeignKey(Persoon, on_delete=models.SET_NULL, null=True, blank=True, related_name="signalen")
    huishouden = models.ForeignKey(Huishouden, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="signalen")
    # No index of its own: `signaal_adres_datum` leads with it (each index costs every insert).
    adres = models.ForeignKey(Adres, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              db_index=False)
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    zaak = models.ForeignKey(Vroegsignaalzaak, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="signalen")
    # Where it came from.
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.BESTAND)
    upload = models.ForeignKey(Upload, on_delete=models.SET_NULL, null=True, blank=True, related_name="signalen")
    upload_rij = models.PositiveIntegerField(_("rij in bestand"), null=True, blank=True)
    # Never looked up by these two (they say where a signal came from): no indexes to keep up.
    organisatie = models.ForeignKey(Organisatie, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", help_text=_("De partner die het via de API stuurde."),
                                    db_index=False)
    gemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", db_index=False)
    ontvangen = models.DateTimeField(_("ontvangen"))
    # sha256 of partner type + partner name + person + ontstaansdatum + bedrag (services.dedupe_key):
    # the same signal from a file, the next month's file or the API is stored once. NULL after the purge.
    dedupe_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    geanonimiseerd = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["adres", "signaaldatum"], name="signaal_adres_datum"),
            models.Index(fields=["signaaldatum"], name="signaal_datum"),
        ]
        constraints = [
            models.CheckConstraint(
                name="signaal_soort_velden",
                condition=(Q(soort=SignaalSoort.FINANCIEEL) & ~Q(partnertype="") & Q(doel=Doel.WGS_VROEGSIGNALERING))
                | (Q(soort=SignaalSoort.ZORG) & ~Q(zorg_bron="") & Q(doel=Doel.ZORGSIGNAAL)),
            ),
        ]

    def __str__(self) -> str:
        return f"Signaal {self.pk}"


class SignaalStatusHistorie(models.Model):
    """Append-only: status changes of a signal after it arrived (its first status is on the row)."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="historie")
    van = models.CharField(max_length=60, choices=SignaalStatus.choices)
    naar = models.CharField(max_length=60, choices=SignaalStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    tijdstip = models.DateTimeField()

    class Meta:
        ordering = ["tijdstip", "id"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"



class WerklijstStatus(models.TextChoices):
    OPEN = "open", _("Open")
    OPGELOST = "opgelost", _("Opgelost")


class MatchWerklijstItem(models.Model):
    """A signal whose person is ambiguous (more than one candidate at the address): never guessed."""

    signaal = models.OneToOneField(Signaal, on_delete=models.CASCADE, related_name="werklijst_item")
    kandidaten = models.ManyToManyField(Persoon, related_name="+")
    # What the partner delivered about the person (without the BSN; `bsn_hash` finds them): personal.
    aangeleverd: models.JSONField[dict[str, str], dict[str, str]] = models.JSONField(default=dict)
    bsn_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=WerklijstStatus.choices, default=WerklijstStatus.OPEN)
    opgelost_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="+")
    opgelost_op = models.DateTimeField(null=True, blank=True)

    TRANSITIONS: ClassVar[dict[str, frozenset[str]]] = {
        WerklijstStatus.OPEN: frozenset({WerklijstStatus.OPGELOST}),
        WerklijstStatus.OPGELOST: frozenset(),
    }

    class Meta:
        verbose_name = _("onzekere koppeling")
        verbose_name_plural = _("onzekere koppelingen")

    def __str__(self) -> str:
        return f"Werklijst: signaal {self.signaal_id}"

