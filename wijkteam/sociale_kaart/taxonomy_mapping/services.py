# SPDX-License-Identifier: EUPL-1.2
"""THE write path of the beheerder's term mappings: one transaction, audited, search reindexed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import structlog
from django.db import transaction
from django.http import HttpRequest

from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from ..history import username_of
from ..models import MappingMethod, TaxonomyTermMapping
from . import imported_terms, reindex_tagged_on_commit

log = structlog.get_logger(__name__)

# What the beheerder chose for an imported term: a shipped term's id, NO_EQUIVALENT, or None (no choice).
NO_EQUIVALENT = "geen"
Choice = uuid.UUID | str | None


def save_mappings(choices: Mapping[uuid.UUID, Choice], *, request: HttpRequest, user: Any) -> int:
    """Store the beheerder's choices; returns how many mappings changed.

    A shipped term id maps the imported term onto it; NO_EQUIVALENT records "none of ours" (so it
    no longer shows as to do); None removes the mapping. Every change is one audit row.
    """
    changed: list[uuid.UUID] = []
    with transaction.atomic():
        # Locked: two beheerders saving the same page at once must not both create a row.
        current = {m.term_id: m for m in TaxonomyTermMapping.objects.select_for_update().filter(term_id__in=choices)}
        known = set(imported_terms().filter(id__in=list(choices)).values_list("id", flat=True))
        for term_id, choice in choices.items():
            if term_id not in known:
                continue
            mapping = current.get(term_id)
            before = _shown(mapping)
            if choice is None:
                if mapping is None:
                    continue
                mapping.delete()
                after = ""
            else:
                target = None if choice == NO_EQUIVALENT else uuid.UUID(str(choice))
                if mapping is not None and mapping.target_id == target and mapping.method == MappingMethod.BEHEERDER:
                    continue
                mapping = mapping or TaxonomyTermMapping(term_id=term_id)
                mapping.target_id = target
                mapping.method = MappingMethod.BEHEERDER
                mapping.modified_by = username_of(user)
                mapping.save()
                after = _shown(mapping)
            changed.append(term_id)
            record(request, Action.UPDATE, object_type="sociale_kaart.taxonomyterm", object_id=term_id,
                   detail={"mapping": {"before": before, "after": after}})
        services = reindex_tagged_on_commit(changed)
    log.info("sociale_kaart.term_mappings_saved", changed=len(changed), services=services)
    return len(changed)


def _shown(mapping: TaxonomyTermMapping | None) -> str:
    """For the audit row: the target's id, NO_EQUIVALENT, or "" (not mapped)."""
    if mapping is None:
        return ""
    return str(mapping.target_id) if mapping.target_id else NO_EQUIVALENT
