# SPDX-License-Identifier: EUPL-1.2
"""HSDS JSON for our records, as the official compiled schemas describe it.

Fields are the HSDS columns of each table (tables.py reads them from the schemas), in HSDS order.
Optional fields without a value are left out rather than sent as "" (an empty string would break
`format: uri/email/uuid`), required ones are always there. References to records outside the kaart
(see HsdsExternalReference) are put back. Attributes (taxonomy terms, with the term and its
taxonomy nested) and metadata are attached in one pass per response: three queries, however many
objects the response holds.

The same functions serve the API and the JSON export, so both publish the same shape.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from wijkteam.accounts.models import User

from ..hsds_io.tables import table
from ..hsds_io.values import to_json
from ..models import (
    Attribute,
    HsdsExternalReference,
    HsdsModel,
    Location,
    Metadata,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

CHUNK = 2000


def scalars(obj: HsdsModel, table_name: str) -> dict[str, Any]:
    """The record's own HSDS fields: required ones always, optional ones only with a value."""
    out: dict[str, Any] = {}
    for col in table(table_name).columns:
        value = to_json(getattr(obj, col.attname))
        if value is None:
            if col.required and col.json_type == "string" and not col.format:
                out[col.name] = ""
            continue
        out[col.name] = value
    if table_name == "service":
        # HSDS last_modified is the source's own moment when imported; otherwise ours.
        out["last_modified"] = to_json(getattr(obj, "last_modified", None) or obj.modified)
    return out


def _public_names(updated_by: set[str]) -> dict[str, str]:
    """Username → what the public API says instead: the partner's organisation, or the municipality for staff.
    Names that are no user (the importer's source, "systeem") stay as they are. One query per page."""
    names: dict[str, str] = {}
    for username, organisatie in User.objects.filter(username__in=updated_by).values_list("username",
                                                                                        "organisatie__naam"):
        names[username] = organisatie or settings.WIJKTEAM_GEMEENTE_NAAM
    return names


def _children(obj: Any, relation: str) -> list[Any]:
    """A nested list in a stable order (entry order), independent of the database.

    Reads the prefetched `hsds_<relation>` list (see _rel); falls back to a query when the caller did
    not prefetch, so a forgotten prefetch costs speed, not correctness.
    """
    items = getattr(obj, f"hsds_{relation}", None)
    if items is None:
        items = list(getattr(obj, relation).all())
    return sorted(items, key=lambda o: (o.created, str(o.id)))


class Builder:
    """Builds HSDS dicts and, in `finish()`, fills in attributes, metadata and external references.

    Public by default (the API at /api/hsds/ and the list items the search index keeps): who last confirmed a
    service or changed a record is a person of a partner or of the municipality, so `assurer_email` is shown
    only when it is the organisation's own public address, and `metadata.updated_by` names the organisation
    (the partner's, or the municipality) instead of the username. `private=True` is the beheerder's export,
    a backup that keeps them (exporters.py).
    """

    def __init__(self, *, private: bool = False) -> None:
        self.private = private
        self._nodes: list[tuple[dict[str, Any], str, uuid.UUID, bool, bool]] = []
        self._roots: list[tuple[dict[str, Any], str]] = []
        # One dict per taxonomy term however many attributes use it: a page of 50 services carries
        # ~130 attributes over a few dozen terms, and serialising each again was a fifth of the work.
        self._terms: dict[uuid.UUID, dict[str, Any]] = {}
        self._term_rows: dict[uuid.UUID, TaxonomyTerm] = {}

    def node(
        self, obj: HsdsModel, table_name: str, *, details: bool = True, metadata: bool | None = None
    ) -> dict[str, Any]:
        data = scalars(obj, table_name)
        if table_name == "service" and not self.private and data.get("assurer_email"):
            organization = obj.organization if Service.organization.is_cached(obj) else None  # type: ignore[attr-defined]
            if organization is None or data["assurer_email"].lower() != (organization.email or "").lower():
                del data["assurer_email"]
        with_metadata = details if metadata is None else metadata
        self._nodes.append((data, table_name, obj.id, details, with_metadata))
        return data

    def root(self, data: dict[str, Any], table_name: str) -> dict[str, Any]:
        """A top-level object: gets `attributes` and `metadata` arrays even when they are empty."""
        self._roots.append((data, table_name))
        return data

    def finish(self) -> None:
        wants_attributes = [n for n in self._nodes if n[3] and "attributes" in table(n[1]).nested]
        by_link: dict[uuid.UUID, list[Attribute]] = defaultdict(list)
        for batch in _chunks({n[2] for n in wants_attributes}):
            for attribute in Attribute.objects.filter(link_id__in=batch):
                by_link[attribute.link_id].append(attribute)
        # The terms once each (a page's ~130 attributes share a few dozen), not joined per attribute.
        term_ids = {a.taxonomy_term_id for rows in by_link.values() for a in rows}
        for batch in _chunks(term_ids - set(self._term_rows)):
            for term in TaxonomyTerm.objects.filter(id__in=batch).select_related("taxonomy"):
                self._term_rows[term.id] = term
        attribute_nodes: list[tuple[dict[str, Any], str, uuid.UUID, bool, bool]] = []
        for data, _table_name, record_id, _details, _meta in wants_attributes:
            attributes = sorted(by_link.get(record_id, []), key=lambda a: (a.created, str(a.id)))
            if attributes:
                data["attributes"] = [self._attribute(a, attribute_nodes) for a in attributes]
        nodes = self._nodes + attribute_nodes
        self._external_references(nodes)
        wants_metadata = [n for n in nodes if n[4] and "metadata" in table(n[1]).nested]
        by_resource: dict[uuid.UUID, list[Metadata]] = defaultdict(list)
        for batch in _chunks({n[2] for n in wants_metadata}):
            for row in Metadata.objects.filter(resource_id__in=batch):
                by_resource[row.resource_id].append(row)
        who = {m.updated_by for rows in by_resource.values() for m in rows}
        public_names = {} if self.private else _public_names(who)
        for data, _table_name, record_id, _details, _meta in wants_metadata:
            rows = sorted(by_resource.get(record_id, []), key=lambda m: (m.created, str(m.id)))
            if rows:
                data["metadata"] = [scalars(m, "metadata") for m in rows]
                if not self.private:
                    for item in data["metadata"]:
                        item["updated_by"] = public_names.get(item.get("updated_by", ""), item.get("updated_by", ""))
        for data, table_name in self._roots:
            nested = table(table_name).nested
            if "attributes" in nested:
                data.setdefault("attributes", [])
            if "metadata" in nested:
                data.setdefault("metadata", [])

    def _attribute(self, attribute: Attribute, nodes: list[Any]) -> dict[str, Any]:
        data = scalars(attribute, "attribute")
        term = self._term_rows.get(attribute.taxonomy_term_id) or attribute.taxonomy_term
        nodes.append((data, "attribute", attribute.id, False, False))
        term_data = self._terms.get(term.id)
        if term_data is None:
            term_data = self._terms[term.id] = term_dict(term)
            nodes.append((term_data, "taxonomy_term", term.id, False, False))
        data["taxonomy_term"] = term_data
        return data

    def _external_references(self, nodes: Sequence[tuple[dict[str, Any], str, uuid.UUID, bool, bool]]) -> None:
        found: dict[tuple[str, uuid.UUID], list[HsdsExternalReference]] = defaultdict(list)
        tables_with_refs = {n[1] for n in nodes if table(n[1]).references}
        ids = {n[2] for n in nodes if n[1] in tables_with_refs}
        for batch in _chunks(ids):
            for ref in HsdsExternalReference.objects.filter(record_id__in=batch, table__in=tables_with_refs):
                found[(ref.table, ref.record_id)].append(ref)
        if not found:
            return
        for data, table_name, record_id, _details, _meta in nodes:
            for ref in found.get((table_name, record_id), []):
                # A linked record wins over a remembered outside reference.
                data.setdefault(ref.field, str(ref.value))


def _chunks(ids: Iterable[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    items = list(ids)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# --- Taxonomies ----------------------------------------------------------------------------------


def taxonomy_dict(taxonomy: Taxonomy) -> dict[str, Any]:
    return scalars(taxonomy, "taxonomy")


def term_dict(term: TaxonomyTerm) -> dict[str, Any]:
    data = scalars(term, "taxonomy_term")
    if term.taxonomy is not None:
        data["taxonomy_detail"] = taxonomy_dict(term.taxonomy)
    return data


def terms_with_references(terms: Sequence[TaxonomyTerm]) -> list[dict[str, Any]]:
    """Terms for /taxonomy_terms, with parent/taxonomy ids that point outside the kaart put back."""
    builder = Builder()
    out = []
    for term in terms:
        data = term_dict(term)
        builder._nodes.append((data, "taxonomy_term", term.id, False, False))
        out.append(data)
    builder.finish()
    return out


def taxonomies_list(taxonomies: Sequence[Taxonomy]) -> list[dict[str, Any]]:
    return [taxonomy_dict(t) for t in taxonomies]


# --- Prefetching ---------------------------------------------------------------------------------


def _rel(prefix: str, relation: str, queryset: QuerySet[Any] | None = None) -> Prefetch:
    """Prefetch a relation into a plain list attribute `hsds_<relation>`.

    A list (to_attr) instead of the related manager's cache: Django then skips building a queryset
    per parent object, which is most of the prefetch time for a page of full services. `prefix` is
    the path of such attributes, e.g. "hsds_phones__".
    """
    return Prefetch(f"{prefix}{relation}", queryset=queryset, to_attr=f"hsds_{relation}")


def _phone_lookups(prefix: str) -> list[Prefetch]:
    return [_rel(prefix, "phones"), _rel(f"{prefix}hsds_phones__", "languages")]


def _contact_lookups(prefix: str) -> list[Prefetch]:
    return [_rel(prefix, "contacts"), *_phone_lookups(f"{prefix}hsds_contacts__")]


def _location_lookups(prefix: str) -> list[Prefetch]:
    """Everything a full location nests; `prefix` ends in "__" (or is "" for locations themselves)."""
    return [
        _rel(prefix, "languages"),
        _rel(prefix, "addresses"),
        *_contact_lookups(prefix),
        _rel(prefix, "accessibility"),
        *_phone_lookups(prefix),
        _rel(prefix, "schedules"),
    ]


def _organization_lookups(prefix: str = "") -> list[Prefetch]:
    return [
        _rel(prefix, "funding"),
        *_contact_lookups(prefix),
        *_phone_lookups(prefix),
        _rel(prefix, "locations"),
        *_location_lookups(f"{prefix}hsds_locations__"),
        _rel(prefix, "programs"),
        _rel(prefix, "organization_identifiers"),
    ]


def _service_lookups(prefix: str = "", *, with_locations: bool = True) -> list[Prefetch]:
    """Everything a full service nests except its organisation (fetched once per organisation, see
    `services_full`, however many of its services are on the page)."""
    lookups = [
        *_phone_lookups(prefix),
        _rel(prefix, "schedules"),
        _rel(prefix, "service_areas"),
        _rel(prefix, "languages"),
        _rel(prefix, "funding"),
        _rel(prefix, "cost_options"),
        _rel(prefix, "required_documents"),
        *_contact_lookups(prefix),
    ]
    if with_locations:
        sal = f"{prefix}hsds_service_at_locations__"
        lookups += [
            _rel(prefix, "service_at_locations", ServiceAtLocation.objects.select_related("location")),
            *_location_lookups(f"{sal}location__"),
            *_contact_lookups(sal),
            *_phone_lookups(sal),
            _rel(sal, "schedules"),
        ]
    return lookups


def services_full_queryset(qs: QuerySet[Service]) -> QuerySet[Service]:
    return qs.select_related("organization", "program").prefetch_related(*_service_lookups())


def services_list_queryset(qs: QuerySet[Service]) -> QuerySet[Service]:
    return qs.select_related("organization", "program")


def organizations_full_queryset(
    qs: QuerySet[Organization], *, services: QuerySet[Service], full_services: bool
) -> QuerySet[Organization]:
    service_qs = services.select_related("program").order_by("name", "id")
    lookups: list[Any] = [
        *_organization_lookups(),
        Prefetch("services", queryset=service_qs, to_attr="visible_services"),
    ]
    if full_services:
        lookups += _service_lookups("visible_services__")
    return qs.prefetch_related(*lookups)


def service_at_locations_list_queryset(qs: QuerySet[ServiceAtLocation]) -> QuerySet[ServiceAtLocation]:
    return qs.select_related("location", "service__organization", "service__program")


def service_at_locations_full_queryset(qs: QuerySet[ServiceAtLocation]) -> QuerySet[ServiceAtLocation]:
    return qs.select_related("location", "service__organization", "service__program").prefetch_related(
        *_contact_lookups(""),
        *_phone_lookups(""),
        _rel("", "schedules"),
        *_location_lookups("location__"),
        *_service_lookups("service__", with_locations=False),
    )


# --- Nested objects ------------------------------------------------------------------------------


def _phone(b: Builder, phone: Any) -> dict[str, Any]:
    data = b.node(phone, "phone")
    data["languages"] = [b.node(x, "language") for x in _children(phone, "languages")]
    return data


def _contact(b: Builder, contact: Any) -> dict[str, Any]:
    data = b.node(contact, "contact")
    data["phones"] = [_phone(b, p) for p in _children(contact, "phones")]
    return data


def _location_full(b: Builder, location: Location) -> dict[str, Any]:
    data = b.node(location, "location")
    data["languages"] = [b.node(x, "language") for x in _children(location, "languages")]
    data["addresses"] = [b.node(x, "address") for x in _children(location, "addresses")]
    data["contacts"] = [_contact(b, x) for x in _children(location, "contacts")]
    data["accessibility"] = [b.node(x, "accessibility") for x in _children(location, "accessibility")]
    data["phones"] = [_phone(b, x) for x in _children(location, "phones")]
    data["schedules"] = [b.node(x, "schedule") for x in _children(location, "schedules")]
    return data


def _organization_full(b: Builder, org: Organization) -> dict[str, Any]:
    data = b.node(org, "organization")
    data["funding"] = [b.node(x, "funding") for x in _children(org, "funding")]
    data["contacts"] = [_contact(b, x) for x in _children(org, "contacts")]
    data["phones"] = [_phone(b, x) for x in _children(org, "phones")]
    data["locations"] = [_location_full(b, x) for x in _children(org, "locations")]
    data["programs"] = [b.node(x, "program") for x in _children(org, "programs")]
    data["organization_identifiers"] = [
        b.node(x, "organization_identifier") for x in _children(org, "organization_identifiers")
    ]
    return data


def _service_full(
    b: Builder, service: Service, *, with_locations: bool = True, organization: str | dict[str, Any] = "flat"
) -> dict[str, Any]:
    """`organization`: the full organisation dict to nest, "flat" (its own fields) or "none"."""
    data = b.node(service, "service")
    data["phones"] = [_phone(b, x) for x in _children(service, "phones")]
    data["schedules"] = [b.node(x, "schedule") for x in _children(service, "schedules")]
    data["service_areas"] = [b.node(x, "service_area") for x in _children(service, "service_areas")]
    if with_locations:
        data["service_at_locations"] = [
            _sal_full(b, x, with_service=False) for x in _children(service, "service_at_locations")
        ]
    data["languages"] = [b.node(x, "language") for x in _children(service, "languages")]
    if isinstance(organization, dict):
        data["organization"] = organization
    elif organization == "flat":
        data["organization"] = b.node(service.organization, "organization", details=False)
    data["funding"] = [b.node(x, "funding") for x in _children(service, "funding")]
    data["cost_options"] = [b.node(x, "cost_option") for x in _children(service, "cost_options")]
    if service.program is not None:
        data["program"] = b.node(service.program, "program")
    data["required_documents"] = [b.node(x, "required_document") for x in _children(service, "required_documents")]
    data["contacts"] = [_contact(b, x) for x in _children(service, "contacts")]
    return b.root(data, "service")


def _sal_full(
    b: Builder, sal: ServiceAtLocation, *, with_service: bool, organization: str | dict[str, Any] = "flat"
) -> dict[str, Any]:
    data = b.node(sal, "service_at_location")
    data["contacts"] = [_contact(b, x) for x in _children(sal, "contacts")]
    data["phones"] = [_phone(b, x) for x in _children(sal, "phones")]
    data["schedules"] = [b.node(x, "schedule") for x in _children(sal, "schedules")]
    data["location"] = _location_full(b, sal.location)
    if with_service:
        data["service"] = _service_full(b, sal.service, with_locations=False, organization=organization)
    return data


def _service_list_item(b: Builder, service: Service) -> dict[str, Any]:
    # Lists carry the one-to-one fields (organization, program) but no arrays of children; the
    # taxonomy terms (attributes) are included because clients filter and label by them.
    data = b.node(service, "service", metadata=False)
    data["organization"] = b.node(service.organization, "organization", details=False)
    if service.program is not None:
        data["program"] = b.node(service.program, "program", details=False)
    return data


# --- Public entry points -------------------------------------------------------------------------


class _Organizations:
    """Full organisations for a list of services: fetched (with everything they nest) and serialised
    once each, however many of their services the list holds."""

    def __init__(self, b: Builder, ids: Iterable[uuid.UUID]) -> None:
        organizations = Organization.objects.filter(id__in=set(ids)).prefetch_related(*_organization_lookups())
        self._b = b
        self._by_id = {o.id: o for o in organizations}
        self._done: dict[uuid.UUID, dict[str, Any]] = {}

    def __getitem__(self, organization_id: uuid.UUID) -> dict[str, Any]:
        if organization_id not in self._done:
            self._done[organization_id] = _organization_full(self._b, self._by_id[organization_id])
        return self._done[organization_id]


def services_full(services: Iterable[Service], *, private: bool = False) -> list[dict[str, Any]]:
    """Fully nested services (from `services_full_queryset`); `private`: the beheerder's export (see Builder)."""
    services = list(services)
    b = Builder(private=private)
    organizations = _Organizations(b, (s.organization_id for s in services))
    out = [_service_full(b, s, organization=organizations[s.organization_id]) for s in services]
    b.finish()
    return out


def services_list(services: Iterable[Service]) -> list[dict[str, Any]]:
    b = Builder()
    out = [_service_list_item(b, s) for s in services]
    b.finish()
    return out


def services_minimal(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """`minimal=true`: id and last-modified moment, plus name and status, which the schema requires."""
    return [
        {
            "id": str(row["id"]),
            "name": row["name"],
            "status": row["status"],
            "last_modified": to_json(row["last_modified"] or row["modified"]),
        }
        for row in rows
    ]


MINIMAL_FIELDS = ("id", "name", "status", "last_modified", "modified")


def organizations_list(organizations: Iterable[Organization]) -> list[dict[str, Any]]:
    b = Builder()
    out = [b.node(o, "organization", metadata=False) for o in organizations]
    b.finish()
    return out


def organizations_full(organizations: Iterable[Organization], *, full_services: bool,
                       private: bool = False) -> list[dict[str, Any]]:
    """Organisations with all their details; `services` has the visible services (prefetched as
    `visible_services`), fully nested with `full_services`, otherwise with their own fields only."""
    b = Builder(private=private)
    out = []
    for org in organizations:
        data = _organization_full(b, org)
        services = getattr(org, "visible_services", [])
        if full_services:
            data["services"] = [_service_full(b, s, organization="none") for s in services]
        else:
            data["services"] = [b.node(s, "service", details=False) for s in services]
        out.append(b.root(data, "organization"))
    b.finish()
    return out


def service_at_locations_list(items: Iterable[ServiceAtLocation]) -> list[dict[str, Any]]:
    b = Builder()
    out = []
    for sal in items:
        data = b.node(sal, "service_at_location", metadata=False)
        data["location"] = b.node(sal.location, "location", details=False)
        data["service"] = _service_list_item(b, sal.service)
        out.append(data)
    b.finish()
    return out


def service_at_locations_full(items: Iterable[ServiceAtLocation]) -> list[dict[str, Any]]:
    """Fully nested service_at_locations (from `service_at_locations_full_queryset`): the location
    and the service with everything they nest, the service's organisation included."""
    items = list(items)
    b = Builder()
    organizations = _Organizations(b, (sal.service.organization_id for sal in items))
    out = [
        b.root(_sal_full(b, sal, with_service=True, organization=organizations[sal.service.organization_id]),
               "service_at_location")
        for sal in items
    ]
    b.finish()
    return out
