# SPDX-License-Identifier: EUPL-1.2
"""The plan form: the plan's own texts plus three formsets (goals, actions, people around the household).

Each formset carries empty rows to add one (no JavaScript needed) and a "verwijderen" box per row."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin, check_supported_year

from ..models import Betrokkene, Plan, PlanActie, PlanDoel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(UtrechtFormMixin, forms.ModelForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Plan
        fields = ["situatie", "eigen_woorden", "afspraken", "risicos"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["versie"].initial = self.instance.versie


class DoelForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = PlanDoel
        fields = ["levensdomein", "doel", "eigen_woorden"]
        widgets = {"doel": forms.Textarea(attrs={"rows": 2}), "eigen_woorden": forms.Textarea(attrs={"rows": 2})}


class ActieForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = PlanActie
        fields = ["doel", "wie", "wie_naam", "wat", "wanneer", "afgerond"]
        widgets = {"wat": forms.Textarea(attrs={"rows": 2}), "wanneer": DATE}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = plan.doelen.all()  # type: ignore[attr-defined]
        self.fields["wanneer"].validators.append(check_supported_year)  # the one range of every typed date
        self.fields["doel"].label_from_instance = lambda d: f"{d.get_levensdomein_display()}: {d.doel[:60]}"  # type: ignore[attr-defined]


class BetrokkeneForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Betrokkene
        fields = ["soort", "naam", "rol", "organisatie", "telefoon"]


class ActieFormSetBase(BaseInlineFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        kwargs["plan"] = self.instance
        return kwargs


DoelFormSet = inlineformset_factory(Plan, PlanDoel, form=DoelForm, extra=2, can_delete=True)
ActieFormSet = inlineformset_factory(Plan, PlanActie, form=ActieForm, formset=ActieFormSetBase, extra=2,
                                     can_delete=True)
BetrokkeneFormSet = inlineformset_factory(Plan, Betrokkene, form=BetrokkeneForm, extra=2, can_delete=True)


def refuse_actions_on_deleted_goals(doelen: BaseInlineFormSet, acties: BaseInlineFormSet) -> bool:
    """An action that this save writes (new or changed, not deleted) may not stay with a goal this save deletes:
    the row gets an error on its goal and the caller saves nothing. Call it after both formsets are valid.

    Returns True when an action was refused. An action left untouched loses its deleted goal as the model says
    (`on_delete=SET_NULL`); an edited one is the worker's explicit choice, so it is asked, not changed."""
    deleted = {form.instance.pk for form in doelen.deleted_forms if form.instance.pk is not None}
    if not deleted:
        return False
    dropped = acties.deleted_forms
    refused = False
    for form in acties.forms:
        if form in dropped or not form.has_changed():
            continue
        doel = form.cleaned_data.get("doel")
        if doel is not None and doel.pk in deleted:
            form.add_error("doel", _("U verwijdert dit doel. Kies een ander doel of verwijder deze actie ook."))
            refused = True
    return refused


# Prefixes double as the anchors of the error summary.
PREFIXES = {"doelen": "doel", "acties": "actie", "betrokkenen": "betrokkene"}
LABELS = {"doelen": _("Doelen"), "acties": _("Acties"), "betrokkenen": _("Netwerk en professionals")}
