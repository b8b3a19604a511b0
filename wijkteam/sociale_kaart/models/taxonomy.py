# SPDX-License-Identifier: EUPL-1.2
"""HSDS taxonomy, taxonomy_term, attribute and metadata.

`attribute` is HSDS 3.0's one way to attach a taxonomy term to any record: a row holds the
term, the record's id (`link_id`) and its table (`link_entity`). It is the canonical link between
services and our levensdomeinen, soorten aanbod and doelgroepen; there is deliberately no
ManyToMany next to it, so import, export and search all read the same rows. `metadata` is the
HSDS change history, pointing at any record the same way (`resource_id` + `resource_type`).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import HsdsModel


class Taxonomy(HsdsModel):
    hsds_table = "taxonomy"

    name = models.CharField(_("naam"), max_length=255)
    description = models.TextField(_("omschrijving"))
    uri = models.URLField(max_length=500, blank=True)
    version = models.CharField(max_length=50, blank=True)
    # Ours: a stable key for the taxonomies we ship ("levensdomeinen", "soort-aanbod", "doelgroep"),
    # so code and URLs never depend on a display name. Empty (NULL) for imported taxonomies.
    slug = models.SlugField(max_length=50, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(HsdsModel):
    hsds_table = "taxonomy_term"

    code = models.CharField(max_length=50, blank=True, db_index=True)
    name = models.CharField(_("naam"), max_length=255)
    description = models.TextField(_("omschrijving"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("bovenliggende term"),
    )
    # HSDS has both a free-text `taxonomy` and the `taxonomy_id` reference. The foreign key owns the
    # Python name `taxonomy` (column taxonomy_id), so the free text lives in `taxonomy_name`, stored
    # in the HSDS column name `taxonomy`.
    taxonomy_name = models.CharField(max_length=255, blank=True, db_column="taxonomy")
    language = models.CharField(max_length=10, blank=True)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.CASCADE, null=True, blank=True, related_name="terms", verbose_name=_("taxonomie")
    )
    term_uri = models.URLField(max_length=500, blank=True)

    # --- Ours, not HSDS --------------------------------------------------------------------
    # English name for the English interface (HSDS has one name per term, in `language`).
    name_en = models.CharField(_("naam (Engels)"), max_length=255, blank=True)
    # Everyday words residents use for this term ("geldzorgen", "rood staan"); search expands a
    # query with them. HSDS has no synonyms field, so this is our own column (a JSON list).
    synonyms = models.JSONField(_("synoniemen"), default=list, blank=True)
    # Age range for doelgroep terms (e.g. jongeren 12-23); NULL where an age makes no sense.
    minimum_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximumleeftijd"), null=True, blank=True)

    class Meta:
        verbose_name = _("taxonomieterm")
        verbose_name_plural = _("taxonomietermen")
        ordering = ["taxonomy__name", "code", "name"]
        constraints = [
            # HSDS: "code and taxonomy_id combined define the term".
            models.UniqueConstraint(
                fields=["taxonomy", "code"], condition=~Q(code=""), name="sk_term_code_unique_per_taxonomy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.code else self.name


class LinkEntity:
    """Values of `attribute.link_entity`: the HSDS table of `link_id` (HSDS leaves the list open)."""

    ORGANIZATION = "organization"
    SERVICE = "service"
    LOCATION = "location"
    SERVICE_AT_LOCATION = "service_at_location"
    PROGRAM = "program"


# `attribute.link_type` for the taxonomies we ship: what the term says about the record. HSDS
# leaves link_type an open codelist; these are the values our export publishes.
LINK_TYPE_BY_TAXONOMY: dict[str, str] = {
    "levensdomeinen": "topic",
    "soort-aanbod": "service_type",
    "doelgroep": "audience",
}


class Attribute(HsdsModel):
    hsds_table = "attribute"

    # Any record's id; no generic foreign key, exactly as HSDS models it, so one table serves all.
    link_id = models.UUIDField(db_index=True)
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes")
    # HSDS open codelist of what the term describes, e.g. "topic", "service_type", "audience".
    link_type = models.CharField(max_length=100, blank=True)
    link_entity = models.CharField(max_length=50)
    value = models.TextField(blank=True)

    class Meta:
        verbose_name = _("kenmerk")
        verbose_name_plural = _("kenmerken")
        indexes = [
            # "Which services carry term X": the filter behind every taxonomy facet.
            models.Index(fields=["taxonomy_term", "link_entity"], name="sk_attribute_term_entity"),
        ]

    def __str__(self) -> str:
        return f"{self.link_entity}:{self.link_id} → {self.taxonomy_term_id}"


class Metadata(HsdsModel):
    hsds_table = "metadata"

    # HSDS names these resource_id/resource_type (not link_id/link_entity as attribute does).
    resource_id = models.UUIDField(db_index=True)
    resource_type = models.CharField(max_length=50)
    last_action_date = models.DateField()
    last_action_type = models.CharField(max_length=50)
    field_name = models.CharField(max_length=100)
    previous_value = models.TextField(blank=True)
    replacement_value = models.TextField(blank=True)
    updated_by = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("wijzigingsregel")
        verbose_name_plural = _("wijzigingsregels")
        ordering = ["-last_action_date"]

    def __str__(self) -> str:
        return f"{self.resource_type}:{self.resource_id} {self.last_action_type} {self.field_name}"


class MetaTableDescription(HsdsModel):
    hsds_table = "meta_table_description"

    name = models.CharField(max_length=255, blank=True)
    language = models.CharField(max_length=10, blank=True)
    character_set = models.CharField(max_length=50, blank=True)

    class Meta:
        verbose_name = _("tabelbeschrijving")
        verbose_name_plural = _("tabelbeschrijvingen")

    def __str__(self) -> str:
        return self.name or str(self.id)


class MappingMethod(models.TextChoices):
    CODE = "code", _("zelfde code")
    NAME = "name", _("zelfde naam")
    BEHEERDER = "beheerder", _("door de beheerder")


class TaxonomyTermMapping(models.Model):
    """Ours, not HSDS: which shipped term an imported term means.

    Another supplier's package carries its own taxonomy ids; its "LD01 Financiën" is a different row
    than ours. This row says it means our LD01, so search, the levensdomein filter and the API treat
    services tagged with it as tagged with ours. Matched by code or name on import; the beheerder
    decides the rest (taxonomy_mapping.services). Kept per imported term id, so a re-import of the same
    package finds the mapping again. `target` NULL: the beheerder decided it has no equivalent.
    """

    term = models.OneToOneField(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="mapping", verbose_name=_("geïmporteerde term")
    )
    target = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mapped_from",
        verbose_name=_("term van de sociale kaart"),
    )
    method = models.CharField(_("gekoppeld op"), max_length=20, choices=MappingMethod.choices)
    modified = models.DateTimeField(_("gewijzigd"), auto_now=True)
    modified_by = models.CharField(_("gewijzigd door"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("koppeling van een taxonomieterm")
        verbose_name_plural = _("koppelingen van taxonomietermen")

    def __str__(self) -> str:
        return f"{self.term_id} → {self.target_id}"
