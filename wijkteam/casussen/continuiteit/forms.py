# SPDX-License-Identifier: EUPL-1.2
"""Forms of the caseload and continuity pages. Errors in Dutch, beside their field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import User
from wijkteam.core.forms import UtrechtFormMixin, check_supported_year, utrecht_class

from ..models import AfwezigheidSoort, TeamNorm


def _naam(user: User) -> str:
    return user.get_full_name() or user.get_username()


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _naam(obj)


class AbsenceForm(UtrechtFormMixin, forms.Form):
    medewerker = WorkerChoiceField(queryset=User.objects.none(), label=_("Medewerker"),
                                   error_messages={"required": _("Kies de medewerker."),
                                                   "invalid_choice": _("Kies een medewerker van het team.")})
    soort = forms.ChoiceField(label=_("Wat is er aan de hand?"), choices=AfwezigheidSoort.choices,
                              error_messages={"required": _("Kies ziek, verlof of vertrek.")},
                              help_text=_("Schrijf hier nooit een medische reden op."))
    vanaf = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}),
                            validators=[check_supported_year],
                            error_messages={"required": _("Vul in vanaf wanneer."),
                                            "invalid": _("Vul een datum in, bijvoorbeeld 3-12-2026.")})
    tot = forms.DateField(label=_("Tot en met (als bekend)"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}), validators=[check_supported_year],
                          help_text=_("Leeg laten bij vertrek of als het nog niet bekend is."),
                          error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 3-12-2026.")})

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = workers  # type: ignore[attr-defined]


def _points(label: Any, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1, max_value=999, help_text=help_text,
                              error_messages={"required": _("Vul een aantal punten in."),
                                              "invalid": _("Vul een heel getal in."),
                                              "min_value": _("Vul minstens 1 in."),
                                              "max_value": _("Vul hoogstens 999 in.")})


class NormForm(UtrechtFormMixin, forms.Form):
    """A plain form, not a ModelForm: the database constraint would otherwise answer in its own words."""

    punten_per_fte = _points(_("Norm: punten per fte"),
                             _("Boven dit aantal punten per fte krijgt u een signaal van overbelasting."))
    punten_licht = _points(_("Punten voor een lichte casus"))
    punten_middel = _points(_("Punten voor een middelzware casus"))
    punten_zwaar = _points(_("Punten voor een zware casus"))

    def __init__(self, *args: Any, norm: TeamNorm, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {name: getattr(norm, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        licht, middel, zwaar = (data.get(k) for k in ("punten_licht", "punten_middel", "punten_zwaar"))
        if licht is not None and middel is not None and zwaar is not None and not licht <= middel <= zwaar:
            self.add_error("punten_zwaar", _("De punten moeten oplopen: licht ≤ middel ≤ zwaar, en licht minstens 1."))
        return data


class FteForm(forms.Form):
    medewerker = forms.IntegerField(widget=forms.HiddenInput)
    fte = forms.DecimalField(label=_("Fte"), min_value=Decimal("0.05"), max_value=Decimal("1.5"), decimal_places=2,
                             localize=True,
                             error_messages={"required": _("Vul de fte in."),
                                             "invalid": _("Vul een getal in, bijvoorbeeld 0,8."),
                                             "min_value": _("Vul een fte in tussen 0,05 en 1,5."),
                                             "max_value": _("Vul een fte in tussen 0,05 en 1,5."),
                                             "max_decimal_places": _("Gebruik hoogstens twee cijfers achter de "
                                                                     "komma.")})


class RedistributionForm(forms.Form):
    """One choice per case: the proposed worker, changeable. `casussen` is the list the team lead saw."""

    casussen = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, regels: list[Any], workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regels = regels
        self.fields["casussen"].initial = ",".join(str(r.casus.pk) for r in regels)
        # One list of workers for every case's choice: a queryset per field would be a query per case.
        self.workers = {u.pk: u for u in workers}
        choices = [(pk, _naam(u)) for pk, u in self.workers.items()]
        for regel in regels:
            name = f"naar_{regel.casus.pk}"
            self.fields[name] = forms.TypedChoiceField(
                choices=choices, coerce=int, initial=regel.naar.pk,
                label=_("Nieuwe regisseur voor casus %(pk)s") % {"pk": regel.casus.pk},
                error_messages={"required": _("Kies een nieuwe regisseur."),
                                "invalid_choice": _("Kies een medewerker van het team.")})
            self.fields[name].widget.attrs["class"] = utrecht_class(self.fields[name].widget)
            regel.field_name = name

    def clean_casussen(self) -> list[int]:
        raw = self.cleaned_data["casussen"]
        try:
            return [int(part) for part in raw.split(",") if part]
        except ValueError:
            raise forms.ValidationError(_("De lijst met casussen klopt niet; laad de pagina opnieuw.")) from None

    def choices(self) -> dict[int, User]:
        return {regel.casus.pk: self.workers[self.cleaned_data[regel.field_name]] for regel in self.regels}
