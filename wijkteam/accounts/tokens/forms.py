# SPDX-License-Identifier: EUPL-1.2
"""The form for a new API token."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin

from ..api_tokens import DEFAULT_VALID_DAYS, max_valid_days
from ..models import ApiScope, Organisatie


class ApiTokenForm(UtrechtFormMixin, forms.Form):
    # A choice among the organisations' ids (not a ModelChoiceField): the posted value is checked against
    # the list, never handed to the database as it came.
    organisatie = forms.ChoiceField(label=_("Organisatie"))
    naam = forms.CharField(label=_("Naam van de sleutel"), max_length=100,
                           help_text=_("Waar de partner de sleutel voor gebruikt, bijvoorbeeld \"Koppeling "
                                       "incassosysteem\". U ziet de naam terug in de lijst."))
    scope = forms.ChoiceField(label=_("Mag gebruikt worden voor"), choices=ApiScope.choices,
                              help_text=_("Eén doel per sleutel. Lekt een sleutel uit, dan kan iemand er alleen "
                                          "dat ene mee."))
    geldig_dagen = forms.IntegerField(label=_("Aantal dagen geldig"), initial=DEFAULT_VALID_DAYS, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisatie = self.fields["organisatie"]
        assert isinstance(organisatie, forms.ChoiceField)
        organisatie.choices = [("", _("Kies een organisatie")), *(
            (str(pk), naam) for pk, naam in Organisatie.objects.order_by("naam").values_list("pk", "naam"))]
        limit = max_valid_days()
        days = self.fields["geldig_dagen"]
        days.help_text = _("Hoogstens %(max)s dagen. Daarna werkt de sleutel niet meer en maakt u een nieuwe.") % {
            "max": limit}
        days.widget.attrs["max"] = str(limit)

    def clean_geldig_dagen(self) -> int:
        days = int(self.cleaned_data["geldig_dagen"])
        if days > max_valid_days():
            raise forms.ValidationError(_("Een sleutel is hoogstens %(max)s dagen geldig.") % {"max": max_valid_days()})
        return days

    def clean_organisatie(self) -> Organisatie:
        return Organisatie.objects.get(pk=int(self.cleaned_data["organisatie"]))
