# SPDX-License-Identifier: EUPL-1.2
"""Places: gemeente, wijk and buurt, with CBS codes and optional GeoJSON boundaries.

Codes follow CBS's Wijk- en Buurtkaart: GM + 4 digits, WK + 6 digits (gemeente + 2), BU + 8 digits
(wijk + 2). Monitoring aggregates on these codes, so they are validated, not free text.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .postcodes import normalise_postcode

gemeente_code_validator = RegexValidator(r"^GM\d{4}$", _("Een gemeentecode is GM gevolgd door 4 cijfers."))
wijk_code_validator = RegexValidator(r"^WK\d{6}$", _("Een wijkcode is WK gevolgd door 6 cijfers."))
buurt_code_validator = RegexValidator(r"^BU\d{8}$", _("Een buurtcode is BU gevolgd door 8 cijfers."))


class Gemeente(models.Model):
    code = models.CharField(_("CBS-code"), max_length=6, unique=True, validators=[gemeente_code_validator])
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Wijk(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="wijken")
    code = models.CharField(_("CBS-code"), max_length=8, unique=True, validators=[wijk_code_validator])
    naam = models.CharField(_("naam"), max_length=100)
    # GeoJSON geometry (Polygon/MultiPolygon, WGS84); optional because not every gemeente has them.
    grens = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    # Population (CBS Kerncijfers wijken en buurten), for figures per 1,000 inhabitants; not our own household
    # register, which holds only the residents the wijkteam knows. Empty: the per-1,000 figures show unknown.
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.naam


class Buurt(models.Model):
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="buurten")
    code = models.CharField(_("CBS-code"), max_length=10, unique=True, validators=[buurt_code_validator])
    naam = models.CharField(_("naam"), max_length=100)
    grens = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    # Centre point, used for distance ordering when an address has no coordinates of its own.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    inwoners = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)  # CBS, as Wijk.inwoners

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.naam


class PostcodeBron(models.TextChoices):
    DEMO = "demo", _("demo-gemeente")
    PDOK = "pdok", _("PDOK/BAG-extract")
    HANDMATIG = "handmatig", _("handmatig")


class Postcode(models.Model):
    """The centre of one PC6 postcode: public knowledge, so the public map never needs residents' addresses.

    Filled by `manage.py load_postcodes` from a public extract (PDOK/BAG centroids) and by the demo
    generator from its own streets. A PC4 area's centre is the mean of its PC6 rows.
    """

    pc6 = models.CharField(_("postcode"), max_length=7, unique=True, help_text=_("zoals 1234 AB"))
    # The PC4 part, stored so a PC4 lookup is an indexed equality instead of a LIKE.
    pc4 = models.CharField(_("postcodegebied"), max_length=4, db_index=True, editable=False)
    latitude = models.FloatField(_("breedtegraad"))
    longitude = models.FloatField(_("lengtegraad"))
    buurt = models.ForeignKey(Buurt, on_delete=models.SET_NULL, null=True, blank=True, related_name="postcodes")
    bron = models.CharField(_("bron"), max_length=10, choices=PostcodeBron.choices, default=PostcodeBron.PDOK)

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["pc6"]

    def __str__(self) -> str:
        return self.pc6

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pc6 = normalise_postcode(self.pc6)
        self.pc4 = self.pc6[:4]
        super().save(*args, **kwargs)
