# SPDX-License-Identifier: EUPL-1.2
"""The HSDS detail tables that hang off organization, service, location and service_at_location.

Several HSDS details may belong to more than one parent (a phone of a location, a service, a
contact...): every such `*_id` is an optional foreign key, as in HSDS. related_name is the HSDS
array name on the parent (service.phones, location.accessibility, organization.funding), so an
exporter can walk the same names the JSON Schemas use.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import HsdsModel, LocationType


def _optional_parent(model: str, related_name: str) -> models.ForeignKey:
    # A detail disappears with its parent: a phone number without its service means nothing.
    return models.ForeignKey(model, on_delete=models.CASCADE, null=True, blank=True, related_name=related_name)


class OrganizationIdentifier(HsdsModel):
    hsds_table = "organization_identifier"

    organization = models.ForeignKey(
        "sociale_kaart.Organization", on_delete=models.CASCADE, related_name="organization_identifiers"
    )
    # Scheme per org-id.guide, e.g. "NL-KVK" for a KvK number.
    identifier_scheme = models.CharField(max_length=50, blank=True)
    identifier_type = models.CharField(max_length=100)
    identifier = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("organisatie-identificatie")
        verbose_name_plural = _("organisatie-identificaties")

    def __str__(self) -> str:
        return f"{self.identifier_scheme or self.identifier_type}: {self.identifier}"


def one_line_address(address_1: str, postal_code: str, city: str) -> str:
    """"Havenstraat 12, 3511 AB Voorbeeld" for residents; parts that are missing are left out."""
    return ", ".join(p for p in (address_1, f"{postal_code} {city}".strip()) if p)


class Address(HsdsModel):
    hsds_table = "address"

    location = _optional_parent("sociale_kaart.Location", "addresses")
    attention = models.CharField(max_length=255, blank=True)
    address_1 = models.CharField(_("straat en huisnummer"), max_length=255)
    address_2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(_("plaats"), max_length=100)
    region = models.CharField(max_length=100, blank=True)
    # Required by HSDS; for us the provincie.
    state_province = models.CharField(_("provincie"), max_length=100)
    # Indexed: the HSDS API filters on postcode.
    postal_code = models.CharField(_("postcode"), max_length=20, db_index=True)
    # ISO 3166-1 alpha-2.
    country = models.CharField(_("land"), max_length=2, default="NL")
    address_type = models.CharField(max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")

    def __str__(self) -> str:
        return f"{self.address_1}, {self.postal_code} {self.city}"


class PhoneType(models.TextChoices):
    """RFC 6350 TEL types, the list HSDS phone.type draws from."""

    TEXT = "text", _("sms")
    VOICE = "voice", _("bellen")
    FAX = "fax", _("fax")
    CELL = "cell", _("mobiel")
    VIDEO = "video", _("beeldbellen")
    PAGER = "pager", _("pieper")
    TEXTPHONE = "textphone", _("teksttelefoon")


class Phone(HsdsModel):
    hsds_table = "phone"

    location = _optional_parent("sociale_kaart.Location", "phones")
    service = _optional_parent("sociale_kaart.Service", "phones")
    organization = _optional_parent("sociale_kaart.Organization", "phones")
    contact = _optional_parent("sociale_kaart.Contact", "phones")
    service_at_location = _optional_parent("sociale_kaart.ServiceAtLocation", "phones")
    number = models.CharField(_("nummer"), max_length=50)
    # HSDS type "number".
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(max_length=20, choices=PhoneType.choices, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.number


class Contact(HsdsModel):
    hsds_table = "contact"

    organization = _optional_parent("sociale_kaart.Organization", "contacts")
    service = _optional_parent("sociale_kaart.Service", "contacts")
    service_at_location = _optional_parent("sociale_kaart.ServiceAtLocation", "contacts")
    location = _optional_parent("sociale_kaart.Location", "contacts")
    name = models.CharField(_("naam"), max_length=255, blank=True)
    title = models.CharField(_("functie"), max_length=255, blank=True)
    department = models.CharField(_("afdeling"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.name or self.email or str(self.id)


class Weekday(models.TextChoices):
    """HSDS enum schedule.wkst (iCal two-letter days; the JSON Schema's values, not schema.csv's)."""

    MO = "MO", _("maandag")
    TU = "TU", _("dinsdag")
    WE = "WE", _("woensdag")
    TH = "TH", _("donderdag")
    FR = "FR", _("vrijdag")
    SA = "SA", _("zaterdag")
    SU = "SU", _("zondag")


class Frequency(models.TextChoices):
    """HSDS enum schedule.freq."""

    WEEKLY = "WEEKLY", _("wekelijks")
    MONTHLY = "MONTHLY", _("maandelijks")


class Schedule(HsdsModel):
    """An iCal-style recurring opening time (RRULE fields), as HSDS defines it."""

    hsds_table = "schedule"

    service = _optional_parent("sociale_kaart.Service", "schedules")
    location = _optional_parent("sociale_kaart.Location", "schedules")
    service_at_location = _optional_parent("sociale_kaart.ServiceAtLocation", "schedules")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    # UTC offset in hours (HSDS "number"); may be fractional.
    timezone = models.FloatField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    wkst = models.CharField(max_length=2, choices=Weekday.choices, blank=True)
    freq = models.CharField(max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveIntegerField(null=True, blank=True)
    # Comma-separated iCal lists kept as the strings HSDS defines ("MO,WE", "2MO,-1FR", "-5").
    byday = models.CharField(max_length=100, blank=True)
    byweekno = models.CharField(max_length=100, blank=True)
    bymonthday = models.CharField(max_length=100, blank=True)
    byyearday = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    # Local wall-clock times. HSDS allows a "Z"/offset suffix; the importer converts such values
    # to local time (TIME_ZONE) because a TimeField carries no offset.
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    schedule_link = models.URLField(max_length=500, blank=True)
    attending_type = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self) -> str:
        times = f"{self.opens_at:%H:%M}-{self.closes_at:%H:%M}" if self.opens_at and self.closes_at else ""
        return " ".join(p for p in [self.freq, self.byday, times] if p) or self.description or str(self.id)


class ExtentType(models.TextChoices):
    """The formats service_area.extent_type lists (HSDS describes an enum but does not enforce it)."""

    GEOJSON = "geojson", "GeoJSON"
    TOPOJSON = "topojson", "TopoJSON"
    KML = "kml", "KML"
    TEXT = "text", _("tekst")


class ServiceArea(HsdsModel):
    hsds_table = "service_area"

    service = _optional_parent("sociale_kaart.Service", "service_areas")
    name = models.CharField(_("naam"), max_length=255, blank=True)
    description = models.TextField(blank=True)
    # A string, as HSDS defines it (GeoJSON text when extent_type is geojson).
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=10, choices=ExtentType.choices, blank=True)
    # e.g. a CBS code URI of the wijk or gemeente the service covers.
    uri = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self) -> str:
        return self.name or str(self.id)


class Language(HsdsModel):
    hsds_table = "language"

    service = _optional_parent("sociale_kaart.Service", "languages")
    location = _optional_parent("sociale_kaart.Location", "languages")
    phone = _optional_parent("sociale_kaart.Phone", "languages")
    name = models.CharField(_("taal"), max_length=100, blank=True)
    # ISO 639-1 or 639-3.
    code = models.CharField(max_length=10, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")

    def __str__(self) -> str:
        return self.name or self.code


class Accessibility(HsdsModel):
    hsds_table = "accessibility"

    location = _optional_parent("sociale_kaart.Location", "accessibility")
    description = models.TextField(_("toegankelijkheid"), blank=True)
    details = models.TextField(blank=True)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("toegankelijkheid")
        verbose_name_plural = _("toegankelijkheid")

    def __str__(self) -> str:
        return self.description[:80] or str(self.id)


class CostOption(HsdsModel):
    hsds_table = "cost_option"

    service = models.ForeignKey("sociale_kaart.Service", on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.TextField(blank=True)
    # ISO 4217.
    currency = models.CharField(max_length=3, blank=True)
    # Money: Decimal, never float. 0 means free ("gratis"), which the kaart filters on.
    amount = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    amount_description = models.TextField(blank=True)

    class Meta:
        verbose_name = _("kostenoptie")
        verbose_name_plural = _("kostenopties")

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} {self.option}".strip()


class RequiredDocument(HsdsModel):
    hsds_table = "required_document"

    service = _optional_parent("sociale_kaart.Service", "required_documents")
    document = models.TextField(_("document"), blank=True)
    uri = models.URLField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("benodigd document")
        verbose_name_plural = _("benodigde documenten")

    def __str__(self) -> str:
        return self.document[:80] or str(self.id)


class Funding(HsdsModel):
    hsds_table = "funding"

    organization = _optional_parent("sociale_kaart.Organization", "funding")
    service = _optional_parent("sociale_kaart.Service", "funding")
    source = models.TextField(_("financier"), blank=True)

    class Meta:
        verbose_name = _("financiering")
        verbose_name_plural = _("financieringen")

    def __str__(self) -> str:
        return self.source[:80] or str(self.id)
