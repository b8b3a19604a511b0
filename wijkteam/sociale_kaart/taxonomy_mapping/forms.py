# SPDX-License-Identifier: EUPL-1.2
"""The mapping form: one choice per imported term on the page (a plain form: works without JavaScript)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from wijkteam.core.forms import UtrechtFormMixin

from ..models import TaxonomyTerm
from .services import NO_EQUIVALENT, Choice

NOT_MAPPED = ""


def _target_choices() -> list[Any]:
    """Shipped terms grouped per taxonomy ("Levensdomeinen": LD01 Financiën, ...)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for term in TaxonomyTerm.objects.filter(taxonomy__slug__isnull=False).select_related("taxonomy").order_by(
        "taxonomy__name", "code"
    ):
        group = term.taxonomy.name if term.taxonomy else ""
        groups.setdefault(group, []).append((str(term.id), f"{term.code} {term.name}".strip()))
    return [
        (NOT_MAPPED, _("nog niet gekoppeld")),
        (NO_EQUIVALENT, _("geen van onze termen")),
        *groups.items(),
    ]


def field_name(term_id: uuid.UUID) -> str:
    return f"term-{term_id}"


class MappingForm(UtrechtFormMixin, forms.Form):
    def __init__(self, *args: Any, terms: list[TaxonomyTerm], initial_choices: dict[uuid.UUID, str],
                 **kwargs: Any) -> None:
        self.terms = terms
        # Fields before the mixin runs, so they get the Utrecht classes (an instance attribute:
        # Form.__init__ copies base_fields into fields).
        choices = _target_choices()
        self.base_fields = {  # type: ignore[misc]
            field_name(term.id): forms.ChoiceField(
                label=str(term), choices=choices, required=False, initial=initial_choices.get(term.id, NOT_MAPPED)
            )
            for term in terms
        }
        super().__init__(*args, **kwargs)

    def choices(self) -> dict[uuid.UUID, Choice]:
        """term id -> shipped term id, NO_EQUIVALENT or None, for the terms whose choice changed."""
        result: dict[uuid.UUID, Choice] = {}
        for term in self.terms:
            name = field_name(term.id)
            # A select the request did not send is left alone (not read as "nog niet gekoppeld").
            if name not in self.data or name not in self.changed_data:
                continue
            value = self.cleaned_data.get(name) or NOT_MAPPED
            result[term.id] = None if value == NOT_MAPPED else (value if value == NO_EQUIVALENT else uuid.UUID(value))
        return result
