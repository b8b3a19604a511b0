# SPDX-License-Identifier: EUPL-1.2
"""What every HSDS table shares: a UUID primary key (HSDS ids are UUIDs) and our own timestamps."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .taxonomy import Attribute, Metadata, TaxonomyTerm


class LocationType(models.TextChoices):
    """HSDS enum for location.location_type and address.address_type."""

    PHYSICAL = "physical", _("bezoekadres")
    POSTAL = "postal", _("postadres")
    VIRTUAL = "virtual", _("online")


class HsdsModel(models.Model):
    """Abstract base of every HSDS table.

    `id` is the HSDS id itself, so an imported record keeps its id and an export needs no mapping.
    `created` and `modified` are ours, not HSDS: the API's `modified_after` filter and incremental
    exports need a last-modified moment on every row. `modified` is set by `save()` only, so code
    that uses `QuerySet.update()` or `bulk_update()` must set it itself.
    """

    # The HSDS table name, as used in `attribute.link_entity`, `metadata.resource_type` and the
    # tabular package; set on every concrete model.
    hsds_table: ClassVar[str] = ""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    modified = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def hsds_attributes(self) -> models.QuerySet[Attribute]:
        """The HSDS `attribute` rows (taxonomy terms) that point at this record."""
        from .taxonomy import Attribute  # cycle: taxonomy's models subclass HsdsModel from this module

        return Attribute.objects.filter(link_id=self.id, link_entity=self.hsds_table)

    def hsds_metadata(self) -> models.QuerySet[Metadata]:
        """The HSDS `metadata` rows (change history) that point at this record."""
        from .taxonomy import Metadata  # cycle: taxonomy imports this module

        return Metadata.objects.filter(resource_id=self.id, resource_type=self.hsds_table)

    def terms(self) -> models.QuerySet[TaxonomyTerm]:
        """The taxonomy terms attached to this record through HSDS `attribute` rows."""
        from .taxonomy import TaxonomyTerm  # cycle: taxonomy imports this module

        return TaxonomyTerm.objects.filter(
            attributes__link_id=self.id, attributes__link_entity=self.hsds_table
        ).distinct()

    def add_term(self, term: TaxonomyTerm, *, link_type: str | None = None, value: str = "") -> Attribute:
        """Attach `term` with an HSDS `attribute` row; idempotent for the same term and link_type.

        Without `link_type`, the shipped taxonomies get their own (see LINK_TYPE_BY_TAXONOMY).
        """
        from .taxonomy import LINK_TYPE_BY_TAXONOMY, Attribute  # cycle: taxonomy imports this module

        if link_type is None:
            slug = term.taxonomy.slug if term.taxonomy is not None else None
            link_type = LINK_TYPE_BY_TAXONOMY.get(slug or "", "")
        attribute, _created = Attribute.objects.get_or_create(
            link_id=self.id,
            link_entity=self.hsds_table,
            taxonomy_term=term,
            link_type=link_type,
            defaults={"value": value},
        )
        return attribute
