# SPDX-License-Identifier: EUPL-1.2
"""Imported taxonomy terms understood as the shipped ones (levensdomeinen, soort aanbod, doelgroep).

Another supplier's HSDS package tags its services with terms of its own taxonomy: other ids, often
the same codes (LD01-LD13) or names ("Financiën"). Search, the levensdomein filter and the API's
`taxonomy_term_id` only know our terms, so such services would be invisible to "geldzorgen". Each
imported term is therefore mapped onto one of ours (TaxonomyTermMapping):

1. by code (LD01 is LD01 whatever taxonomy it sits in), else
2. by name, ignoring case, accents and spacing ("financien" is "Financiën"), in Dutch or English;
3. the rest the beheerder maps on /werk/sociale-kaart/taxonomie/ (services.save_mappings).

The import maps new terms in its own transaction (`map_imported_terms`); a mapping is stored per
imported term id, so importing the package again keeps it. A mapping the beheerder made is never
overwritten by the automatic one.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.db import transaction
from django.db.models import Q, QuerySet

from ..models import Attribute, MappingMethod, Service, TaxonomyTerm, TaxonomyTermMapping
from ..taxonomies import shipped_taxonomies, term_uuid

CHUNK = 2000


def name_key(text: str) -> str:
    """'  Financiën ' -> 'financien': case, accents and spacing do not make a different term."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class _Shipped:
    by_code: dict[str, uuid.UUID]
    by_name: dict[str, uuid.UUID]


@cache
def _shipped() -> _Shipped:
    """Codes and names of the shipped terms (from the data file: they change only with a release)."""
    by_code: dict[str, uuid.UUID] = {}
    names: dict[str, set[uuid.UUID]] = {}
    for taxonomy in shipped_taxonomies()["taxonomies"]:
        for term in taxonomy["terms"]:
            term_id = term_uuid(taxonomy["slug"], term["code"])
            by_code[term["code"].upper()] = term_id
            for name in (term["name"], term.get("name_en", "")):
                if name:
                    names.setdefault(name_key(name), set()).add(term_id)
    # A name shared by two shipped terms says nothing; leave it to the beheerder.
    by_name = {key: next(iter(ids)) for key, ids in names.items() if len(ids) == 1}
    return _Shipped(by_code=by_code, by_name=by_name)


def match(code: str, name: str) -> tuple[uuid.UUID, str] | None:
    """(shipped term id, MappingMethod) for an imported term's code and name, or None."""
    shipped = _shipped()
    found = shipped.by_code.get(code.strip().upper()) if code else None
    if found is not None:
        return found, MappingMethod.CODE
    found = shipped.by_name.get(name_key(name)) if name else None
    if found is not None:
        return found, MappingMethod.NAME
    return None


def imported_terms() -> QuerySet[TaxonomyTerm]:
    """Terms outside the shipped taxonomies: what may need a mapping. (A term a beheerder adds to
    a shipped taxonomy is ours already.)"""
    slugs = [t["slug"] for t in shipped_taxonomies()["taxonomies"]]
    return TaxonomyTerm.objects.exclude(taxonomy__slug__in=slugs)


def unmapped_count() -> int:
    """Imported terms nobody decided on yet (the import pages point at the mapping page then)."""
    return imported_terms().filter(mapping__isnull=True).count()


def _chunks(ids: list[uuid.UUID]) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def services_tagged(term_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Ids of the records (services among them) that carry one of these terms."""
    found: set[uuid.UUID] = set()
    for batch in _chunks(sorted(set(term_ids))):
        found.update(Attribute.objects.filter(taxonomy_term_id__in=batch).values_list("link_id", flat=True))
    return found


def map_imported_terms(term_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Map these imported terms by code or name; returns the ids of the terms whose mapping changed.

    Call inside the import's transaction. A term the beheerder mapped keeps that mapping; an
    automatic mapping follows the term's current code and name (a re-import may change them).
    """
    ids = sorted(set(term_ids))
    changed: set[uuid.UUID] = set()
    for batch in _chunks(ids):
        current = {m.term_id: m for m in TaxonomyTermMapping.objects.select_for_update().filter(term_id__in=batch)}
        creates: list[TaxonomyTermMapping] = []
        for term_id, code, name in imported_terms().filter(id__in=batch).values_list("id", "code", "name"):
            mapping = current.get(term_id)
            if mapping is not None and mapping.method == MappingMethod.BEHEERDER:
                continue
            found = match(code, name)
            if found is None:
                if mapping is not None:
                    mapping.delete()
                    changed.add(term_id)
                continue
            target, method = found
            if mapping is None:
                creates.append(TaxonomyTermMapping(term_id=term_id, target_id=target, method=method,
                                                   modified_by="import"))
                changed.add(term_id)
            elif (mapping.target_id, mapping.method) != (target, method):
                mapping.target_id, mapping.method = target, method
                mapping.save(update_fields=["target", "method", "modified"])
                changed.add(term_id)
        TaxonomyTermMapping.objects.bulk_create(creates)
    return changed


def mapped_targets() -> dict[uuid.UUID, uuid.UUID]:
    """Imported term id -> the shipped term it means (the search index reads this)."""
    return dict(
        TaxonomyTermMapping.objects.filter(target__isnull=False).values_list("term_id", "target_id")  # type: ignore[arg-type]
    )


def term_q(*, term_id: uuid.UUID | None = None, code: str = "", taxonomy_id: uuid.UUID | None = None,
           taxonomy_slug: str = "") -> Q:
    """A filter on attribute rows whose term is the one asked, or an imported term mapped onto it.

    Used by the API's taxonomy_term_id / taxonomy_id filters.
    """
    own, mapped = "taxonomy_term", "taxonomy_term__mapping__target"
    q = Q()
    if term_id is not None:
        q &= Q(**{f"{own}_id": term_id}) | Q(**{f"{mapped}_id": term_id})
    if code:
        q &= Q(**{f"{own}__code": code}) | Q(**{f"{mapped}__code": code})
    if taxonomy_id is not None:
        q &= Q(**{f"{own}__taxonomy_id": taxonomy_id}) | Q(**{f"{mapped}__taxonomy_id": taxonomy_id})
    if taxonomy_slug:
        q &= Q(**{f"{own}__taxonomy__slug": taxonomy_slug}) | Q(**{f"{mapped}__taxonomy__slug": taxonomy_slug})
    return q


def reindex_tagged_on_commit(term_ids: Iterable[uuid.UUID], *, except_ids: Iterable[uuid.UUID] = ()) -> int:
    """After commit, rebuild the index rows of the services carrying these terms (their codes changed).

    Returns how many services will be reindexed; `except_ids` are being reindexed anyway.
    """
    tagged = services_tagged(term_ids) - set(except_ids)
    ids: list[uuid.UUID] = []
    for batch in _chunks(sorted(tagged)):
        ids.extend(Service.objects.filter(id__in=batch).values_list("id", flat=True))
    if ids:

        def run() -> None:
            # search.indexing imports this module (it reads the mappings): at the top, a cycle.
            from ..search import reindex_services

            reindex_services(ids)

        transaction.on_commit(run)
    return len(ids)
