# SPDX-License-Identifier: EUPL-1.2
"""The forms of a zaak's page. They parse what was typed; the rules of the domain (a date not before receipt,
which status may follow) live in `services.py`, whose Dutch errors land on the same fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin, check_supported_year

from ..models import Contactsoort, Dagdeel, Eindresultaat

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
_JA_NEE = [("", _("Kies ja of nee")), ("ja", _("Ja, de inwoner is bereikt")), ("nee", _("Nee, niet bereikt"))]


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ContactpogingForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort contact"), choices=[("", _("Kies de soort contact")), *Contactsoort.choices],
        error_messages={"required": _("Kies de soort contact."),
                        "invalid_choice": _("Kies een soort contact uit de lijst.")})
    bereikt = forms.ChoiceField(
        label=_("Inwoner bereikt?"), choices=_JA_NEE,
        error_messages={"required": _("Kies bij “Inwoner bereikt?” ja of nee."),
                        "invalid_choice": _("Kies bij “Inwoner bereikt?” ja of nee.")})
    datum = forms.DateField(
        label=_("Datum van de contactpoging"), input_formats=DATE_FORMATS, widget=_date_widget(),
        help_text=_("Niet in de toekomst, en niet vóór de ontvangst van het signaal."),
        error_messages={"required": _("Vul de datum van de contactpoging in."),
                        "invalid": _("Vul de datum van de contactpoging in als dd-mm-jjjj.")})
    dagdeel = forms.ChoiceField(
        label=_("Dagdeel"), choices=[("", _("Kies een dagdeel")), *Dagdeel.choices],
        error_messages={"required": _("Kies het dagdeel van de contactpoging."),
                        "invalid_choice": _("Kies een dagdeel: ochtend, middag of avond.")})
    notitie = forms.CharField(label=_("Notitie"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Alleen wat nodig is voor het vervolg."),
                              error_messages={"max_length": _("De notitie mag hoogstens 2000 tekens zijn.")})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("datum", timezone.localdate())

    def clean_bereikt(self) -> bool:
        return bool(self.cleaned_data["bereikt"] == "ja")


class SluitenForm(UtrechtFormMixin, forms.Form):
    eindresultaat = forms.ChoiceField(
        label=_("Eindresultaat"), choices=[("", _("Kies het eindresultaat")), *Eindresultaat.choices],
        help_text=_("De lijst van het landelijke model (DDAS). Met een eindresultaat sluit u de zaak."),
        error_messages={"required": _("Kies een eindresultaat om de zaak te sluiten."),
                        "invalid_choice": _("Kies een eindresultaat uit de lijst.")})


class BriefForm(UtrechtFormMixin, forms.Form):
    """The invitation letter's optional visit moment (a GET form: nothing personal goes into the URL)."""

    bezoek_datum = forms.DateField(
        label=_("Voorgestelde datum voor een huisbezoek"), required=False, input_formats=DATE_FORMATS,
        widget=_date_widget(), help_text=_("Leeg laten: de brief vraagt de inwoner zelf een moment te kiezen."),
        error_messages={"invalid": _("Vul de datum van het huisbezoek in als dd-mm-jjjj.")})
    bezoek_tijd = forms.TimeField(
        label=_("Tijd van het huisbezoek"), required=False, input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Vul de tijd van het huisbezoek in als uu:mm, bijvoorbeeld 10:30.")})

    def clean_bezoek_datum(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("bezoek_datum")
        if value is not None and value < timezone.localdate():
            raise forms.ValidationError(_("De datum van het huisbezoek ligt in het verleden. Kies een datum "
                                          "vanaf vandaag."))
        if value is not None:
            check_supported_year(value)  # and not after 2999: a visit in year 9999 is a typing error
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("bezoek_tijd") and not data.get("bezoek_datum") and "bezoek_datum" not in self.errors:
            self.add_error("bezoek_datum", _("Vul ook de datum van het huisbezoek in, of laat de tijd leeg."))
        return data
