# SPDX-License-Identifier: EUPL-1.2
"""The assessment form: a level per domain (only the domains that matter), and the safety question."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.core.forms import UtrechtFormMixin

from ..models import InstrumentDomein
from ..triage.choices import Niveau, Veiligheid
from .services import DomainScore


@dataclass(frozen=True)
class DomainRow:
    """One domain on the form: its fields and, per level, the instrument's words."""

    code: str
    naam: str
    genoemd: bool
    niveau: forms.BoundField
    toelichting: forms.BoundField
    levels: list[tuple[int, str, str]]  # (level, label, description)


class AssessmentForm(UtrechtFormMixin, forms.Form):
    veiligheid = forms.ChoiceField(
        label=gettext_lazy("Is iemand in het huishouden op dit moment niet veilig, thuis of daarbuiten?"),
        choices=Veiligheid.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Beantwoord de vraag over veiligheid.")},
    )
    veiligheid_toelichting = forms.CharField(
        label=gettext_lazy("Toelichting veiligheid"),
        help_text=gettext_lazy("Verplicht bij zorgen: wie, wat, sinds wanneer. Alleen wat nodig is."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, domains: list[InstrumentDomein], named: list[str], **kwargs: Any) -> None:
        self.domains = domains
        self.named = named
        super().__init__(*args, **kwargs)
        for domain in domains:
            self.fields[f"niveau_{domain.code}"] = forms.TypedChoiceField(
                label=domain.naam,
                choices=[("", _("Niet scoren")), *Niveau.choices],
                coerce=int,
                empty_value=None,
                initial="",  # "Niet scoren" until the worker chooses: nothing is stored for it
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"toelichting_{domain.code}"] = forms.CharField(
                label=_("Toelichting bij %(domein)s") % {"domein": domain.naam},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[DomainRow]:
        """The request's domains first (shown open), then the rest (behind "Ander domein toevoegen")."""
        result = []
        for domain in self.domains:
            descriptions = {n.niveau: n.omschrijving for n in domain.niveaus.all()}
            result.append(
                DomainRow(
                    code=domain.code,
                    naam=domain.naam,
                    genoemd=domain.code in self.named,
                    niveau=self[f"niveau_{domain.code}"],
                    toelichting=self[f"toelichting_{domain.code}"],
                    levels=[(value, str(label), descriptions.get(value, "")) for value, label in Niveau.choices],
                )
            )
        return sorted(result, key=lambda r: (not r.genoemd, r.code))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not any(data.get(f"niveau_{d.code}") for d in self.domains):
            self.add_error(None, _("Scoor ten minste één levensdomein: de domeinen van de hulpvraag of een ander."))
        concern = data.get("veiligheid") not in (None, "", Veiligheid.VEILIG)
        if concern and not (data.get("veiligheid_toelichting") or "").strip():
            self.add_error(
                "veiligheid_toelichting", _("Licht toe wat er speelt rond de veiligheid: wie, wat, sinds wanneer.")
            )
        for domain in self.domains:
            if data.get(f"toelichting_{domain.code}", "").strip() and not data.get(f"niveau_{domain.code}"):
                self.add_error(
                    f"niveau_{domain.code}",
                    _("%(domein)s: kies een niveau bij uw toelichting, of laat de toelichting leeg.")
                    % {"domein": domain.naam},
                )
        return data

    def scores(self) -> dict[str, DomainScore]:
        data = self.cleaned_data
        return {
            d.code: DomainScore(niveau=int(data[f"niveau_{d.code}"]), toelichting=data.get(f"toelichting_{d.code}", ""))
            for d in self.domains
            if data.get(f"niveau_{d.code}")
        }


def error_links(*forms_: forms.Form) -> list[tuple[str, str]]:
    """(anchor, message) for the error summary at the top of the page; a field's anchor is its input
    (a group of radios: its first one)."""
    links: list[tuple[str, str]] = []
    for form in forms_:
        if not form.is_bound or not form.errors:
            continue
        for name, errors in form.errors.items():
            if name == "__all__":
                links.extend(("", str(e)) for e in errors)
                continue
            field = form[name]
            anchor = f"{field.auto_id}_0" if isinstance(field.field.widget, forms.RadioSelect) else field.auto_id
            links.extend((anchor, str(e)) for e in errors)
    return links
