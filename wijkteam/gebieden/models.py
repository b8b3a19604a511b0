# SPDX-License-Identifier: EUPL-1.2
"""Places: gemeente, wijk and buurt, with CBS codes and optional GeoJSON boundaries.

Codes follow CBS's Wijk- en Buurtkaart: GM + 4 digits, WK + 6 digits (gemeente + 2), BU + 8 digits
(wijk + 2). Monitoring aggregates on these codes, so they are validated, not free text.
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

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

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.naam
