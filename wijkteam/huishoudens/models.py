# SPDX-License-Identifier: EUPL-1.2
"""Addresses, households, persons and consent: the one model signals, cases and referrals share.

`Persoon.huishouden` is where a person lives now; `HuishoudenLidmaatschap` is the history of it: which
household, from when until when, recorded by whom. Every write that puts a person in a household (the write
path in services.py and both bulk writers) opens a row; a move closes the open row and opens the next.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn as stdnum_bsn

from wijkteam.gebieden.models import Buurt
from wijkteam.gebieden.postcodes import normalise_postcode  # also importable from here for older callers

from . import crypto


def validate_bsn(value: str) -> str:
    """Return the BSN as 9 digits, or raise a Dutch error when the 11-proef fails."""
    compact = stdnum_bsn.compact(value or "")
    if not stdnum_bsn.is_valid(compact):
        raise ValidationError(_("Dit BSN klopt niet: controleer de 9 cijfers (11-proef)."), code="bsn")
    return compact


class Adres(models.Model):
    postcode = models.CharField(_("postcode"), max_length=7)
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    huisletter = models.CharField(_("huisletter"), max_length=1, blank=True)
    huisnummertoevoeging = models.CharField(_("toevoeging"), max_length=4, blank=True)
    straat = models.CharField(_("straat"), max_length=100)
    woonplaats = models.CharField(_("woonplaats"), max_length=80)
    buurt = models.ForeignKey(Buurt, on_delete=models.PROTECT, null=True, blank=True, related_name="adressen")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        constraints = [
            models.UniqueConstraint(
                "postcode", "huisnummer", Lower("huisletter"), Lower("huisnummertoevoeging"), name="uniek_adres"
            )
        ]

    def __str__(self) -> str:
        return f"{self.straat} {self.huisnummer_volledig}, {self.postcode} {self.woonplaats}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.postcode = normalise_postcode(self.postcode)
        self.huisletter = self.huisletter.upper()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.postcode = normalise_postcode(self.postcode)
        self.huisletter = self.huisletter.upper()

    @property
    def huisnummer_volledig(self) -> str:
        toevoeging = f"-{self.huisnummertoevoeging}" if self.huisnummertoevoeging else ""
        return f"{self.huisnummer}{self.huisletter}{toevoeging}"


class Huishouden(models.Model):
    adres = models.ForeignKey(Adres, on_delete=models.PROTECT, related_name="huishoudens")
    sinds = models.DateField(_("woont hier sinds"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self) -> str:
        return f"Huishouden {self.pk}"


class Persoon(models.Model):
    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, null=True, blank=True, related_name="leden"
    )
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    # BSN: ciphertext plus keyed hash; see crypto.py. Never logged, never in a URL.
    bsn_versleuteld = models.TextField(blank=True, editable=False)
    bsn_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [models.Index(fields=["achternaam", "geboortedatum"], name="persoon_naam_geb")]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        voor = self.voornamen.split(" ")[0] if self.voornamen else self.voorletters
        return " ".join(part for part in (voor, self.tussenvoegsel, self.achternaam) if part)

    def set_bsn(self, value: str | None) -> None:
        if not value:
            self.bsn_versleuteld, self.bsn_hash = "", None
            return
        compact = validate_bsn(value)
        self.bsn_versleuteld = crypto.encrypt(compact)
        self.bsn_hash = crypto.lookup_hash(compact)

    @property
    def bsn(self) -> str:
        return crypto.decrypt(self.bsn_versleuteld) if self.bsn_versleuteld else ""

    @property
    def bsn_gemaskeerd(self) -> str:
        value = self.bsn
        return f"*****{value[-4:]}" if value else ""


class Doel(models.TextChoices):
    """Purposes a resident can consent to (AVG art. 6/9): each specific, none bundled."""

    GEGEVENS_DELEN_PARTNERS = "delen_partners", _("Gegevens delen met partners voor hulp")
    CONTACT_OPNEMEN = "contact", _("Contact opnemen na een signaal")
    VERWIJZING = "verwijzing", _("Verwijzen naar een andere organisatie")
    ONDERZOEK = "onderzoek", _("Gebruik voor (geanonimiseerd) onderzoek")


class Toestemming(models.Model):
    """One consent event. Append-only: withdrawing is a new row, so the history stays visible."""

    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="toestemmingen")
    doel = models.CharField(_("doel"), max_length=30, choices=Doel.choices)
    gegeven = models.BooleanField(_("gegeven"), help_text=_("Uit = ingetrokken"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("vastgelegd door")
    )
    tijdstip = models.DateTimeField(_("tijdstip"))
    toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return f"{self.get_doel_display()}: {'gegeven' if self.gegeven else 'ingetrokken'}"


class HuishoudenLidmaatschap(models.Model):
    """Append-only: a person's membership of a household, from `vanaf` until `tot` (empty: still a member).

    Opened when a person is created in a household or moves into one; a move sets `tot` on the open row (the
    only change a row ever gets) and opens the next, so at most one row per person is open. Personal data:
    the rows go with the person (CASCADE), never on their own. A household that someone's history names is not
    deleted (PROTECT) until that person's rows go.
    """

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="lidmaatschappen",
                                verbose_name=_("persoon"))
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="lidmaatschappen",
                                   verbose_name=_("huishouden"))
    vanaf = models.DateTimeField(_("vanaf"))
    tot = models.DateTimeField(_("tot"), null=True, blank=True)
    # The user who put the person in the household; empty for a system (an upload, an API token, the demo):
    # the audit trail names it.
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", db_index=False, verbose_name=_("door"))

    class Meta:
        verbose_name = _("lidmaatschap van een huishouden")
        verbose_name_plural = _("lidmaatschappen van huishoudens")
        ordering = ["vanaf", "id"]
        constraints = [
            models.UniqueConstraint(fields=["persoon"], condition=Q(tot__isnull=True),
                                    name="lidmaatschap_een_open_per_persoon"),
            models.CheckConstraint(condition=Q(tot__isnull=True) | Q(tot__gte=F("vanaf")),
                                   name="lidmaatschap_tot_na_vanaf"),
        ]

    def __str__(self) -> str:
        return f"Persoon {self.persoon_id} in huishouden {self.huishouden_id}"
