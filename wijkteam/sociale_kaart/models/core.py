# SPDX-License-Identifier: EUPL-1.2
"""The HSDS core: organization, program, service, location and service_at_location.

Field names are the HSDS field names, so import and export map one to one; a foreign key is
named after the HSDS `*_id` field without `_id`, so its column is exactly the HSDS field. Optional
HSDS strings are stored as "" (Django convention); an exporter leaves empty strings out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import HsdsModel, LocationType
from .taxonomy import Attribute, LinkEntity, TaxonomyTerm


class Organization(HsdsModel):
    hsds_table = "organization"

    name = models.CharField(_("naam"), max_length=255)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("omschrijving"))
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    # tax_status and tax_id are DEPRECATED in HSDS 3.0; kept so an import round-trips unchanged.
    tax_status = models.CharField(max_length=255, blank=True)
    tax_id = models.CharField(max_length=255, blank=True)
    # HSDS type "number"; a year is a whole number.
    year_incorporated = models.PositiveSmallIntegerField(null=True, blank=True)
    legal_status = models.CharField(max_length=255, blank=True)
    logo = models.CharField(max_length=500, blank=True)
    uri = models.URLField(max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="child_organizations"
    )

    # --- Ours, not HSDS --------------------------------------------------------------------
    # The partner whose users maintain this entry (self-maintenance, referrals). Not every
    # organisation on the kaart is a partner with logins, hence nullable.
    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hsds_organizations",
        verbose_name=_("partnerorganisatie"),
    )

    class Meta:
        verbose_name = _("organisatie (sociale kaart)")
        verbose_name_plural = _("organisaties (sociale kaart)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Program(HsdsModel):
    hsds_table = "program"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="programs")
    name = models.CharField(_("naam"), max_length=255)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    """HSDS enum service.status (the values, including the space, are HSDS's)."""

    ACTIVE = "active", _("actief")
    INACTIVE = "inactive", _("niet actief")
    DEFUNCT = "defunct", _("opgeheven")
    TEMPORARILY_CLOSED = "temporarily closed", _("tijdelijk gesloten")


# Statuses residents see. A temporarily closed service stays visible (with its alert) so people
# do not conclude it no longer exists; inactive and defunct ones are hidden. Visibility is derived
# from status, never stored, so it cannot drift.
PUBLIC_STATUSES = frozenset({ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED})


class ServiceQuerySet(models.QuerySet["Service"]):
    def public(self) -> ServiceQuerySet:
        return self.filter(status__in=PUBLIC_STATUSES)

    def with_term(self, term: TaxonomyTerm | str, *, taxonomy: str | None = None) -> ServiceQuerySet:
        """Services carrying `term` (a TaxonomyTerm or its code, e.g. "LD01") via HSDS attribute rows.

        Chain calls for AND; use `with_any_term` for OR. `taxonomy` (a slug) disambiguates a code
        that an imported taxonomy might share with ours.
        """
        links = Attribute.objects.filter(link_entity=LinkEntity.SERVICE)
        if isinstance(term, TaxonomyTerm):
            links = links.filter(taxonomy_term=term)
        else:
            links = links.filter(taxonomy_term__code=term)
            if taxonomy is not None:
                links = links.filter(taxonomy_term__taxonomy__slug=taxonomy)
        return self.filter(id__in=links.values("link_id"))

    def with_any_term(self, codes: Iterable[str]) -> ServiceQuerySet:
        links = Attribute.objects.filter(link_entity=LinkEntity.SERVICE, taxonomy_term__code__in=list(codes))
        return self.filter(id__in=links.values("link_id"))


class Service(HsdsModel):
    hsds_table = "service"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="services")
    program = models.ForeignKey(Program, on_delete=models.SET_NULL, null=True, blank=True, related_name="services")
    name = models.CharField(_("naam"), max_length=255)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    url = models.URLField(_("website"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE, db_index=True
    )
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(_("hoe aanmelden"), blank=True)
    fees_description = models.TextField(_("kosten"), blank=True)
    # wait_time, fees and licenses are DEPRECATED in HSDS 3.0; kept for lossless round-trips.
    wait_time = models.TextField(blank=True)
    fees = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(_("voor wie"), blank=True)
    # HSDS "number": ages may be fractional (e.g. 0.5 for six months).
    minimum_age = models.FloatField(_("minimumleeftijd"), null=True, blank=True)
    maximum_age = models.FloatField(_("maximumleeftijd"), null=True, blank=True)
    # When the information was last checked; freshness (verouderd aanbod) is measured from it.
    assured_date = models.DateField(_("laatst gecontroleerd"), null=True, blank=True, db_index=True)
    assurer_email = models.EmailField(blank=True)
    licenses = models.TextField(blank=True)
    alert = models.TextField(_("melding"), blank=True)
    # HSDS's own last_modified (from the source on import). Our `modified` is always maintained;
    # an exporter publishes `last_modified or modified`.
    last_modified = models.DateTimeField(null=True, blank=True)

    # --- Ours, not HSDS --------------------------------------------------------------------
    # Denormalised text the search reads (one column instead of joins per query). Rebuilt by
    # rebuild_search_document(); the search module refines what goes in (stemming, synonyms).
    search_document = models.TextField(blank=True, editable=False)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def rebuild_search_document(self, *, save: bool = False) -> str:
        """Concatenate the searchable text: names, description and attached term names."""
        parts: list[Any] = [self.name, self.alternate_name, self.description]
        parts.extend(self.terms().values_list("name", flat=True))
        self.search_document = "\n".join(str(p) for p in parts if p)
        if save:
            self.save(update_fields=["search_document", "modified"])
        return self.search_document


class LocationQuerySet(models.QuerySet["Location"]):
    def wheelchair_accessible(self) -> LocationQuerySet:
        """Locations with an accessibility row about wheelchairs.

        HSDS accessibility is free text; our convention (and the factories') is a description that
        mentions "rolstoel" (or "wheelchair" in imported data).
        """
        accessible = Q(accessibility__description__icontains="rolstoel") | Q(
            accessibility__description__icontains="wheelchair"
        )
        return self.filter(accessible).distinct()


class Location(HsdsModel):
    hsds_table = "location"

    location_type = models.CharField(
        _("soort locatie"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    url = models.URLField(max_length=500, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="locations"
    )
    name = models.CharField(_("naam"), max_length=255, blank=True)
    alternate_name = models.CharField(_("andere naam"), max_length=255, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    transportation = models.TextField(_("bereikbaarheid"), blank=True)
    # WGS84 decimal degrees, as HSDS defines them.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = models.CharField(max_length=255, blank=True)
    external_identifier_type = models.CharField(max_length=100, blank=True)

    # --- Ours, not HSDS --------------------------------------------------------------------
    # The CBS buurt the location lies in, derived from its coordinates or postcode, so the kaart
    # can filter and monitoring can aggregate per buurt/wijk without geometry queries.
    buurt = models.ForeignKey(
        "gebieden.Buurt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sociale_kaart_locations",
        verbose_name=_("buurt"),
    )

    objects = LocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["name"]
        indexes = [
            # Bounding-box prefilter of proximity search ("nearby").
            models.Index(fields=["latitude", "longitude"], name="sk_location_lat_long"),
        ]

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(HsdsModel):
    hsds_table = "service_at_location"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)

    class Meta:
        verbose_name = _("aanbod op locatie")
        verbose_name_plural = _("aanbod op locaties")

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"
