# SPDX-License-Identifier: EUPL-1.2
"""Forms of verwijzingen, shared by the staff pages (werk/) and the partner portal (partner/)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin, check_supported_year
from wijkteam.huishoudens.models import Persoon
from wijkteam.hulpvragen.models import LEVENSDOMEINEN
from wijkteam.sociale_kaart.models import Service
from wijkteam.sociale_kaart.models.core import PUBLIC_STATUSES

from .models import Domein, GedeeldGegeven, Soort, VerwijzingStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A typed date of a referral: a year from 1900 to 2999 (`check_supported_year`), refused beside the field.
    The services' own rules (not in the future, not before the referral) come after it."""

    default_validators = [check_supported_year]


class ServiceChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.organization.name})"


def referable_services() -> Any:
    """Services whose organisation has a partner account: only those can receive a warm referral."""
    return (Service.objects.filter(status__in=sorted(PUBLIC_STATUSES), organization__organisatie__isnull=False)
            .select_related("organization").order_by("name"))


class ReferralForm(UtrechtFormMixin, forms.Form):
    service = ServiceChoiceField(label=_("Aanbod uit de sociale kaart"), queryset=Service.objects.none(),
                                 help_text=_("Alleen aanbieders met een partneraccount ontvangen een warme "
                                             "verwijzing."))
    soort = forms.ChoiceField(label=_("Soort verwijzing"), choices=Soort.choices, widget=forms.RadioSelect,
                              initial=Soort.COLLECTIEF)
    domein = forms.ChoiceField(label=_("Domein (alleen tweede lijn)"), required=False,
                               choices=[("", "\N{EN DASH}"), *Domein.choices])
    product = forms.CharField(label=_("Product (alleen tweede lijn)"), required=False, max_length=200,
                              help_text=_("Bijvoorbeeld: basis-GGZ, ambulante jeugdhulp, begeleiding."))
    persoon = forms.ModelChoiceField(label=_("Voor wie"), queryset=Persoon.objects.none(), required=False)
    gedeeld = forms.MultipleChoiceField(
        label=_("Wat mag de partner zien? (toestemming van de bewoner)"), choices=GedeeldGegeven.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vraag het de bewoner per gegeven. De partner ziet alleen wat u hier aanvinkt."))
    samenvatting = forms.CharField(label=_("Samenvatting van de hulpvraag voor de partner"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text=_("Alleen zichtbaar als de bewoner 'de hulpvraag' deelt."))
    levensdomeinen = forms.MultipleChoiceField(label=_("Levensdomeinen"), required=False,
                                               choices=[(k, str(v)) for k, v in LEVENSDOMEINEN.items()],
                                               widget=forms.CheckboxSelectMultiple)
    verwezen_op = DateField(label=_("Verwezen op"), widget=DateInput())
    aangemeld_op = DateField(label=_("Aangemeld bij de aanbieder op"), required=False, widget=DateInput(),
                             help_text=_("Tweede lijn: de wachttijd telt vanaf de aanmelding."))

    def __init__(self, *args: Any, persons: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = referable_services()  # type: ignore[attr-defined]
        self.fields["persoon"].queryset = persons if persons is not None else Persoon.objects.none()  # type: ignore[attr-defined]


class StatusForm(UtrechtFormMixin, forms.Form):
    """The partner's answer: the next status, with a reason where needed and the dates that go with it."""

    status = forms.ChoiceField(label=_("Nieuwe status"), choices=())
    reden = forms.CharField(label=_("Reden"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Verplicht bij afwijzen, stoppen en niet verschenen."))
    datum = DateField(label=_("Datum"), required=False, widget=DateInput(),
                      help_text=_("Wanneer het gebeurde; leeg is vandaag."))
    intake_op = DateField(label=_("Intake was op"), required=False, widget=DateInput())
    verwachte_intake = DateField(label=_("Verwachte intake"), required=False, widget=DateInput())
    verwachte_start = DateField(label=_("Verwachte start"), required=False, widget=DateInput())
    warme_overdracht = forms.CharField(label=_("Warme overdracht"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}),
                                       help_text=_("Bij de start: wie heeft wie gesproken, welke afspraken."))

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, VerwijzingStatus(s).label) for s in allowed]  # type: ignore[attr-defined]


class StopForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(label=_("Waarom stopt de verwijzing?"), max_length=500,
                            widget=forms.Textarea(attrs={"rows": 3}))


class DatesForm(UtrechtFormMixin, forms.Form):
    aangemeld_op = DateField(label=_("Aangemeld op"), required=False, widget=DateInput())
    intake_op = DateField(label=_("Intake op"), required=False, widget=DateInput())
    gestart_op = DateField(label=_("Gestart op"), required=False, widget=DateInput())
    verwachte_intake = DateField(label=_("Verwachte intake"), required=False, widget=DateInput())
    verwachte_start = DateField(label=_("Verwachte start"), required=False, widget=DateInput())
    warme_overdracht = forms.CharField(label=_("Warme overdracht"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}),
                                       help_text=_("Vastleggen bij de start van de zorg."))


class BridgingForm(UtrechtFormMixin, forms.Form):
    wat_team = forms.CharField(label=_("Wat doet het wijkteam zolang de bewoner wacht?"),
                               widget=forms.Textarea(attrs={"rows": 3}))
    wat_netwerk = forms.CharField(label=_("Wat doet het netwerk?"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    checkin_dagen = forms.IntegerField(label=_("Contact met de bewoner elke zoveel dagen"), min_value=1,
                                       max_value=60, initial=14)
    risicosignalen = forms.CharField(label=_("Bij welke signalen gaat het naar de teamleider?"),
                                     widget=forms.Textarea(attrs={"rows": 3}))


class RiskForm(UtrechtFormMixin, forms.Form):
    omschrijving = forms.CharField(label=_("Welk risicosignaal ziet u?"), max_length=1000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
