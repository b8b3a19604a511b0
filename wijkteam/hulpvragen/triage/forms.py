# SPDX-License-Identifier: EUPL-1.2
"""The triage decisions: per domain in the triage, the route chosen and (when it deviates from the
proposal) the reason. The rule itself lives in services.record_triage; this form only collects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from wijkteam.core.forms import UtrechtFormMixin

from ..models import TriageBesluit
from .choices import Ondersteuning
from .proposals import DomainProposal
from .services import Decision


class TriageForm(UtrechtFormMixin, forms.Form):
    def __init__(self, *args: Any, proposals: Sequence[DomainProposal],
                 decided: Mapping[str, TriageBesluit] | None = None, **kwargs: Any) -> None:
        """`decided`: the decisions already recorded per domain; they fill the form again (a redone triage
        starts from what was decided, not from the proposal)."""
        self.proposals = list(proposals)
        decided = decided or {}
        super().__init__(*args, **kwargs)
        for p in self.proposals:
            earlier = decided.get(p.code)
            self.fields[f"besluit_{p.code}"] = forms.ChoiceField(
                label=_("Besluit voor %(domein)s") % {"domein": p.naam},
                choices=Ondersteuning.choices,
                initial=earlier.besluit if earlier is not None else p.advies,
                widget=forms.RadioSelect,
                error_messages={"required": _("%(domein)s: kies een besluit.") % {"domein": p.naam}},
            )
            self.fields[f"reden_{p.code}"] = forms.CharField(
                label=_("Reden bij %(domein)s") % {"domein": p.naam},
                help_text=_("Verplicht als u afwijkt van het voorstel (%(voorstel)s).")
                % {"voorstel": Ondersteuning(p.advies).label},
                required=False,
                max_length=2000,
                initial=earlier.reden if earlier is not None else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[DomainProposal, forms.BoundField, forms.BoundField]]:
        return [(p, self[f"besluit_{p.code}"], self[f"reden_{p.code}"]) for p in self.proposals]

    def decisions(self) -> list[Decision]:
        data = self.cleaned_data
        return [
            Decision(domein=p.code, besluit=data[f"besluit_{p.code}"], reden=data.get(f"reden_{p.code}", ""))
            for p in self.proposals
            if data.get(f"besluit_{p.code}")
        ]
