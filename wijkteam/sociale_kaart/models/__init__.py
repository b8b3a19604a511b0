# SPDX-License-Identifier: EUPL-1.2
"""Django models for every table of HSDS 3.0 (Open Referral's Human Services Data Specification).

Split by theme for readability; import from here. HSDS_MODELS maps each HSDS table name to its
model, for importers, exporters and the conformance tests.
"""

from __future__ import annotations

from .base import HsdsModel, LocationType
from .core import (
    PUBLIC_STATUSES,
    Location,
    LocationQuerySet,
    Organization,
    Program,
    Service,
    ServiceAtLocation,
    ServiceQuerySet,
    ServiceStatus,
)
from .details import (
    Accessibility,
    Address,
    Contact,
    CostOption,
    ExtentType,
    Frequency,
    Funding,
    Language,
    OrganizationIdentifier,
    Phone,
    PhoneType,
    RequiredDocument,
    Schedule,
    ServiceArea,
    Weekday,
)
from .imports import HsdsExternalReference, HsdsImport, HsdsImportFormat, HsdsImportStatus  # noqa: F401
from .taxonomy import (
    LINK_TYPE_BY_TAXONOMY,
    Attribute,
    LinkEntity,
    MappingMethod,
    Metadata,
    MetaTableDescription,
    Taxonomy,
    TaxonomyTerm,
    TaxonomyTermMapping,
)
from .werk import DuplicateCandidate, ServiceMerge, VerificationTask  # noqa: F401 (registers our workflow models)

HSDS_MODELS: dict[str, type[HsdsModel]] = {
    model.hsds_table: model
    for model in (
        Organization,
        OrganizationIdentifier,
        Program,
        Service,
        ServiceAtLocation,
        Location,
        Address,
        Phone,
        Contact,
        Schedule,
        ServiceArea,
        Language,
        Accessibility,
        CostOption,
        RequiredDocument,
        Funding,
        Taxonomy,
        TaxonomyTerm,
        Attribute,
        Metadata,
        MetaTableDescription,
    )
}

__all__ = [
    "HSDS_MODELS",
    "LINK_TYPE_BY_TAXONOMY",
    "PUBLIC_STATUSES",
    "Accessibility",
    "Address",
    "Attribute",
    "Contact",
    "CostOption",
    "ExtentType",
    "Frequency",
    "Funding",
    "HsdsModel",
    "Language",
    "LinkEntity",
    "Location",
    "LocationQuerySet",
    "LocationType",
    "MappingMethod",
    "MetaTableDescription",
    "Metadata",
    "Organization",
    "OrganizationIdentifier",
    "Phone",
    "PhoneType",
    "Program",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceQuerySet",
    "ServiceStatus",
    "Taxonomy",
    "TaxonomyTerm",
    "TaxonomyTermMapping",
    "Weekday",
]
