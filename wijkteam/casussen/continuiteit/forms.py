# SPDX-License-Identifier: EUPL-1.2
"""Forms of the caseload and continuity pages. Errors in Dutch, beside their field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import User

from ..models import AfwezigheidSoort, TeamNorm


def _naam(user: User) -> str:
    return user.get_full_name() or user.get_username()


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _naam(obj)


class AbsenceForm(forms.Form):
    medewerker = WorkerChoiceField(queryset=User.objects.none(), label=_("Medewerker"),
                                   error_messages={"required": _("Kies de medewerker."),
                                                   "invalid_choice": _("Kies een medewerker van het team.")})
    soort = forms.ChoiceField(label=_("Wat is er aan de hand?"), choices=AfwezigheidSoort.choices,
                              error_messages={"required": _("Kies ziek, verlof of vertrek.")},
                              help_text=_("Schrijf hier nooit een medische reden op."))
    vanaf = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}),
                            error_messages={"required": _("Vul in vanaf wanneer."),
                                            "invalid": _("Vul een datum in, bijvoorbeeld 3-12-2026.")})
    tot = forms.DateField(label=_("Tot en met (als bekend)"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}),
                          help_text=_("Leeg laten bij vertrek of als het nog niet bekend is."),
                          error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 3-12-2026.")})

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].queryset = workers  # type: ignore[attr-defined]


class NormForm(forms.ModelForm):
    class Meta:
        model = TeamNorm
        fields = ["punten_per_fte", "punten_licht", "punten_middel", "punten_zwaar"]
        error_messages = {name: {"required": _("Vul een aantal punten in."),
                                 "invalid": _("Vul een heel getal in.")}
                          for name in ["punten_per_fte", "punten_licht", "punten_middel", "punten_zwaar"]}
        help_texts = {"punten_per_fte": _("Boven dit aantal punten per fte krijgt u een signaal van overbelasting.")}


class FteForm(forms.Form):
    medewerker = forms.IntegerField(widget=forms.HiddenInput)
    fte = forms.DecimalField(label=_("Fte"), min_value=Decimal("0.05"), max_value=Decimal("1.5"), decimal_places=2,
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
        for regel in regels:
            name = f"naar_{regel.casus.pk}"
            self.fields[name] = WorkerChoiceField(
                queryset=workers, initial=regel.naar.pk,
                label=_("Nieuwe regisseur voor casus %(pk)s") % {"pk": regel.casus.pk},
                error_messages={"required": _("Kies een nieuwe regisseur."),
                                "invalid_choice": _("Kies een medewerker van het team.")})
            regel.field_name = name

    def clean_casussen(self) -> list[int]:
        raw = self.cleaned_data["casussen"]
        try:
            return [int(part) for part in raw.split(",") if part]
        except ValueError:
            raise forms.ValidationError(_("De lijst met casussen klopt niet; laad de pagina opnieuw.")) from None

    def choices(self) -> dict[int, User]:
        return {regel.casus.pk: self.cleaned_data[regel.field_name] for regel in self.regels}
