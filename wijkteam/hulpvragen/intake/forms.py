# SPDX-License-Identifier: EUPL-1.2
"""Forms of the intake pages: the worker's phone/desk intake, the partner's warm handover, the queue's filters
and the request page's actions. They only check input; `services.create_request` and friends write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin, check_supported_year
from wijkteam.core.query_ids import DatabaseIdField
from wijkteam.gebieden.postcodes import parse_huisnummer, try_normalise_postcode
from wijkteam.huishoudens.models import Doel, validate_bsn

from ..models import LEVENSDOMEINEN, AfsluitReden, ContactVoorkeur, HulpvraagStatus, Kanaal
from ..services import Aanvrager, AdresInvoer, Contact

DATE_FORMATS = ["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"]
CONSENT_ASKED = (("ja", _("Ja, toestemming gegeven")), ("nee", _("Nee, geen toestemming")),
                 ("", _("Niet gevraagd")))


def domain_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} {label}") for code, label in LEVENSDOMEINEN.items()]


class ResidentFieldsForm(UtrechtFormMixin, forms.Form):
    """Who asks, where they live, how to reach them, what they ask: shared by the worker's and partner's form."""

    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    voornamen = forms.CharField(label=_("Voornaam"), max_length=200, required=False)
    geboortedatum = forms.DateField(
        label=_("Geboortedatum"), required=False, input_formats=DATE_FORMATS, validators=[check_supported_year],
        help_text=_("Bijvoorbeeld 31-12-1980. Hiermee vinden we de juiste bewoner terug."),
        widget=forms.DateInput(attrs={"autocomplete": "off"}))
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False,
                               help_text=_("Bijvoorbeeld 1234 AB. Zonder adres komt de vraag bij het centrale "
                                           "aanmeldpunt."))
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=12, required=False,
                                 help_text=_("Met letter of toevoeging, bijvoorbeeld 12a of 12-3."))
    straat = forms.CharField(label=_("Straat"), max_length=100, required=False)
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=80, required=False)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False,
                               widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}))
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    contactvoorkeur = forms.ChoiceField(label=_("Contact bij voorkeur via"), required=False,
                                        choices=[("", _("Geen voorkeur")), *ContactVoorkeur.choices])
    bereikbaar = forms.CharField(label=_("Wanneer bereikbaar"), max_length=200, required=False,
                                 help_text=_("Bijvoorbeeld: liever na 14 uur, niet op woensdag."))
    omschrijving = forms.CharField(label=_("Wat is de hulpvraag?"), widget=forms.Textarea(attrs={"rows": 5}),
                                   help_text=_("Zo veel mogelijk in de woorden van de bewoner."))
    levensdomeinen = forms.MultipleChoiceField(label=_("Levensdomeinen"), required=False,
                                               widget=forms.CheckboxSelectMultiple, choices=domain_choices,
                                               help_text=_("Alleen de domeinen die in de vraag genoemd worden."))
    urgent = forms.BooleanField(label=_("Spoed of onveilige situatie (reactie binnen 1 werkdag)"), required=False)

    def clean_geboortedatum(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("geboortedatum")
        if value is not None and (value > timezone.localdate() or value.year < 1900):
            raise ValidationError(_("Deze geboortedatum kan niet kloppen."))
        return value

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "").strip()
        if not value:
            return ""
        normalised = try_normalise_postcode(value)
        if normalised is None:
            raise ValidationError(_("Deze postcode klopt niet. Een postcode is 4 cijfers en 2 letters, "
                                    "bijvoorbeeld 1234 AB."))
        return normalised

    def clean_huisnummer(self) -> str:
        """'12a-3' → '12A-3'; refused here (beside Huisnummer) when it is no BAG house number, with its
        letter and toevoeging ("abc", "0", "12-ABCDE"), as the public form does."""
        value = (self.cleaned_data.get("huisnummer") or "").strip()
        if not value:
            return ""
        return str(parse_huisnummer(value))  # ValidationError: "Vul een geldig huisnummer in, zoals 12, …"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("postcode")) != bool(cleaned.get("huisnummer", "").strip()):
            name = "huisnummer" if cleaned.get("postcode") else "postcode"
            if name not in self.errors:
                self.add_error(name, _("Vul postcode én huisnummer in, of laat beide leeg."))
        return cleaned

    # What the services take.
    def aanvrager(self) -> Aanvrager:
        c = self.cleaned_data
        return Aanvrager(achternaam=c["achternaam"].strip(), voornamen=c.get("voornamen", "").strip(),
                         tussenvoegsel=c.get("tussenvoegsel", "").strip(), geboortedatum=c.get("geboortedatum"),
                         bsn=c.get("bsn", "") or "")

    def adres(self) -> AdresInvoer | None:
        c = self.cleaned_data
        if not c.get("postcode"):
            return None
        return AdresInvoer(postcode=c["postcode"], huisnummer=c["huisnummer"].strip(), straat=c.get("straat", ""),
                           woonplaats=c.get("woonplaats", ""))

    def contact(self) -> Contact:
        c = self.cleaned_data
        return Contact(telefoon=c.get("telefoon", ""), email=c.get("email", ""),
                       voorkeur=c.get("contactvoorkeur", ""), bereikbaar=c.get("bereikbaar", ""))


class IntakeForm(ResidentFieldsForm):
    """A worker takes a request by phone or at the desk; consent per purpose is read out and recorded."""

    kanaal = forms.ChoiceField(label=_("Hoe kwam de vraag binnen?"), widget=forms.RadioSelect,
                               choices=[(Kanaal.TELEFOON, Kanaal.TELEFOON.label), (Kanaal.BALIE, Kanaal.BALIE.label)])
    bsn = forms.CharField(label=_("BSN"), max_length=11, required=False,
                          help_text=_("Alleen als de bewoner het zelf noemt of laat zien."),
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    voorgelezen = forms.BooleanField(
        label=_("Ik heb de vragen over toestemming voorgelezen en de antwoorden hieronder ingevuld."),
        error_messages={"required": _("Lees de vragen over toestemming voor en vink dit aan.")})

    field_order = ["kanaal", "achternaam", "tussenvoegsel", "voornamen", "geboortedatum", "bsn", "postcode",
                   "huisnummer", "straat", "woonplaats", "telefoon", "email", "contactvoorkeur", "bereikbaar",
                   "omschrijving", "levensdomeinen", "urgent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for doel in Doel:
            self.fields[f"toestemming_{doel.value}"] = forms.ChoiceField(
                label=doel.label, choices=CONSENT_ASKED, required=False, widget=forms.RadioSelect, initial="")
        self.fields["voorgelezen"] = self.fields.pop("voorgelezen")  # after the questions it confirms

    def clean_bsn(self) -> str:
        value = self.cleaned_data.get("bsn", "").strip()
        return validate_bsn(value) if value else ""

    def consent_fields(self) -> list[forms.BoundField]:
        return [self[f"toestemming_{doel.value}"] for doel in Doel]

    def toestemmingen(self) -> dict[str, bool]:
        answers = {doel.value: self.cleaned_data.get(f"toestemming_{doel.value}", "") for doel in Doel}
        return {doel: answer == "ja" for doel, answer in answers.items() if answer}


class HandoverForm(ResidentFieldsForm):
    """A partner hands a resident over (warm), with the resident's consent and a note for the team."""

    overdracht_notitie = forms.CharField(
        label=_("Overdrachtsnotitie voor het wijkteam"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat moet het wijkteam weten om goed te beginnen? Alleen wat nodig is."))
    toestemming_contact = forms.BooleanField(
        label=_("De bewoner geeft toestemming dat het wijkteam contact opneemt."),
        error_messages={"required": _("Zonder toestemming van de bewoner kunt u de hulpvraag niet overdragen.")})
    toestemming_delen = forms.BooleanField(
        label=_("De bewoner geeft toestemming dat het wijkteam gegevens met partners deelt voor hulp."),
        required=False)

    def toestemmingen(self) -> dict[str, bool]:
        return {Doel.CONTACT_OPNEMEN.value: bool(self.cleaned_data.get("toestemming_contact")),
                Doel.GEGEVENS_DELEN_PARTNERS.value: bool(self.cleaned_data.get("toestemming_delen"))}


# --- Queue and request page ----------------------------------------------------------------------

STATUS_FILTERS = [("open", _("Open")), *HulpvraagStatus.choices, ("alle", _("Alle"))]


class QueueFilterForm(UtrechtFormMixin, forms.Form):
    wachtrij = forms.ChoiceField(label=_("Wachtrij"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTERS, required=False)
    kanaal = forms.ChoiceField(label=_("Binnengekomen via"), required=False,
                               choices=[("", _("Alle")), *Kanaal.choices])
    behandelaar = forms.ChoiceField(label=_("Behandelaar"), required=False,
                                    choices=[("", _("Iedereen")), ("mij", _("Aan mij toegewezen")),
                                             ("niemand", _("Nog niet toegewezen"))])
    alleen_spoed = forms.BooleanField(label=_("Alleen spoed"), required=False)
    alleen_te_laat = forms.BooleanField(label=_("Alleen te laat"), required=False)

    def __init__(self, *args: Any, queues: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["wachtrij"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = queues


class AssignForm(UtrechtFormMixin, forms.Form):
    behandelaar = DatabaseIdField(label=_("Behandelaar"), required=False,
                                  help_text=_("Leeg laten: terug naar de wachtrij."))


class StatusActionForm(UtrechtFormMixin, forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=HulpvraagStatus.choices)
    afsluitreden = forms.ChoiceField(label=_("Reden van afsluiten"), required=False,
                                     choices=[("", _("Kies een reden")), *AfsluitReden.choices])
    toelichting = forms.CharField(label=_("Toelichting"), max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class LinkPersonForm(UtrechtFormMixin, forms.Form):
    persoon = DatabaseIdField(label=_("Aanvrager"))


class RouteForm(UtrechtFormMixin, forms.Form):
    team = DatabaseIdField(label=_("Team"))
