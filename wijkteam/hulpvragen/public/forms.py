# SPDX-License-Identifier: EUPL-1.2
"""The residents' help request form: minimal data, B1 Dutch, consent per purpose.

What we ask and why: a name (so the worker knows whom they speak to), where the resident lives
(postcode + huisnummer, so the request reaches the wijkteam of their buurt; residents without a
fixed address leave it empty and reach the central team), a phone number or e-mail address (at
least one: otherwise we cannot answer) and what is going on, in their own words. Nothing else is
required. Every error names its field in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin
from wijkteam.gebieden.postcodes import normalise_postcode, parse_huisnummer
from wijkteam.huishoudens.models import Doel
from wijkteam.hulpvragen.models import LEVENSDOMEINEN
from wijkteam.sociale_kaart.public.forms import levensdomein_label

MAX_VRAAG = 3000
FROM_SELF_HELP = "zelftest"


@dataclass(frozen=True)
class Purpose:
    """One purpose the resident consents to, with the three things they should know about it."""

    doel: str  # huishoudens.Doel value
    field: str
    label: Any  # the checkbox: what they agree to
    what: Any  # what we do with the data
    who: Any  # who sees it
    how_long: Any  # how long we keep it
    required: bool


PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        Doel.CONTACT_OPNEMEN, "toestemming_contact",
        _("Ja, het wijkteam mag mijn gegevens gebruiken om mijn vraag te bekijken en contact met mij op te nemen."),
        _("We lezen uw vraag en nemen contact met u op. We gebruiken uw naam, adres, telefoonnummer of "
          "e-mailadres en wat u hier schrijft."),
        _("Alleen de medewerkers van het wijkteam van uw wijk. Woont u niet in een wijk die wij kennen? Dan "
          "het centrale wijkteam."),
        _("Zolang we u helpen. Daarna bewaren we uw gegevens niet langer dan de wet zegt."),
        True,
    ),
    Purpose(
        Doel.GEGEVENS_DELEN_PARTNERS, "toestemming_delen",
        _("Ja, het wijkteam mag mijn vraag bespreken met een organisatie die mij kan helpen."),
        _("Soms kan een andere organisatie u beter helpen, zoals schuldhulp of een welzijnsorganisatie. Het "
          "wijkteam vertelt die organisatie dan alleen wat nodig is."),
        _("Alleen de organisatie die u gaat helpen. We vertellen u altijd eerst welke organisatie dat is."),
        _("Die organisatie bewaart uw gegevens zolang zij u helpt."),
        False,
    ),
    Purpose(
        Doel.ONDERZOEK, "toestemming_onderzoek",
        _("Ja, mijn vraag mag zonder mijn naam worden gebruikt om de hulp in de wijk beter te maken."),
        _("We tellen bijvoorbeeld hoe vaak mensen een vraag over geld of wonen hebben."),
        _("Onderzoekers van de gemeente. Zij zien nooit uw naam, adres of telefoonnummer."),
        _("De cijfers zonder naam bewaren we tot het onderzoek klaar is."),
        False,
    ),
)


def domain_choices() -> list[tuple[str, str]]:
    # The words residents know from the sociale kaart ("Geld en schulden"), not the ZRM names.
    return [(code, levensdomein_label(code, str(name))) for code, name in LEVENSDOMEINEN.items()]


# How an error names a field whose label is a whole sentence (the consent checkboxes).
_SHORT_NAMES: dict[str, Any] = {purpose.field: _("Toestemming") for purpose in PURPOSES}

_PHONE_CHARS = re.compile(r"^\+?[\d\s\-().]{6,25}$")


class RequestForm(UtrechtFormMixin, forms.Form):
    voornaam = forms.CharField(
        label=_("Uw voornaam"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Vul uw voornaam in.")},
    )
    tussenvoegsel = forms.CharField(
        label=_("Tussenvoegsel"), help_text=_("Bijvoorbeeld: van, de, van der."), max_length=20, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    achternaam = forms.CharField(
        label=_("Uw achternaam"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Vul uw achternaam in.")},
    )
    postcode = forms.CharField(
        label=_("Uw postcode"), help_text=_("Bijvoorbeeld 1234 AB. Heeft u geen vast adres? Laat dit dan leeg."),
        max_length=10, required=False, widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    huisnummer = forms.CharField(
        label=_("Uw huisnummer"),
        help_text=_("Met letter of toevoeging als u die heeft. Bijvoorbeeld 12, 12a of 12-3."),
        max_length=15, required=False, widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    telefoon = forms.CharField(
        label=_("Uw telefoonnummer"), help_text=_("Geef een telefoonnummer of een e-mailadres, of allebei."),
        max_length=20, required=False, widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"), max_length=254, required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Uw e-mailadres: vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    bereikbaar = forms.CharField(
        label=_("Wanneer kunnen we u het beste bellen?"), help_text=_("Bijvoorbeeld: doordeweeks na 15.00 uur."),
        max_length=200, required=False,
    )
    vraag = forms.CharField(
        label=_("Wat speelt er?"),
        help_text=_("Vertel in uw eigen woorden waar u hulp bij zoekt. Een paar zinnen is genoeg."),
        max_length=MAX_VRAAG, widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Wat speelt er: vertel in een paar woorden waar u hulp bij zoekt."),
                        "max_length": _("Wat speelt er: schrijf hoogstens %(limit_value)d tekens.")},
    )
    domeinen = forms.MultipleChoiceField(
        label=_("Waar gaat uw vraag over?"), required=False, widget=forms.CheckboxSelectMultiple,
    )
    dringend = forms.BooleanField(
        label=_("Het is dringend, of ik voel me thuis niet veilig."),
        help_text=_("Dan nemen we binnen 1 werkdag contact met u op. Bent u in gevaar? Bel 112."),
        required=False,
    )
    toestemming_contact = forms.BooleanField(
        label=PURPOSES[0].label,
        error_messages={"required": _("Toestemming: zonder uw toestemming kunnen we uw vraag niet bekijken. "
                                      "Zet een vinkje, of bel het wijkteam.")},
    )
    toestemming_delen = forms.BooleanField(label=PURPOSES[1].label, required=False)
    toestemming_onderzoek = forms.BooleanField(label=PURPOSES[2].label, required=False)
    # Spam protection (protection.py): a field people never see, and the signed start time.
    kenmerk = forms.CharField(label=_("Laat dit veld leeg"), required=False, max_length=200,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    formulier = forms.CharField(required=False, widget=forms.HiddenInput)
    van = forms.CharField(required=False, widget=forms.HiddenInput, max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["domeinen"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = domain_choices()

    def clean_postcode(self) -> str:
        value = (self.cleaned_data.get("postcode") or "").strip()
        if not value:
            return ""
        try:
            return normalise_postcode(value)
        except ValidationError as error:
            raise ValidationError(_("Uw postcode: vul een postcode in zoals 1234 AB."), code="postcode") from error

    def clean_huisnummer(self) -> str:
        value = (self.cleaned_data.get("huisnummer") or "").strip()
        if not value:
            return ""
        try:
            return str(parse_huisnummer(value))
        except ValidationError as error:
            raise ValidationError(_("Uw huisnummer: vul een huisnummer in zoals 12, 12a of 12-3."),
                                  code="huisnummer") from error

    def clean_telefoon(self) -> str:
        value = (self.cleaned_data.get("telefoon") or "").strip()
        if not value:
            return ""
        digits = re.sub(r"\D", "", value)
        if not _PHONE_CHARS.match(value) or not 10 <= len(digits) <= 15:
            raise ValidationError(_("Uw telefoonnummer: vul een telefoonnummer in van 10 cijfers, zoals 06 12345678."),
                                  code="telefoon")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        postcode, huisnummer = data.get("postcode"), data.get("huisnummer")
        if postcode and not huisnummer and "huisnummer" not in self.errors:
            self.add_error("huisnummer",
                           ValidationError(_("Uw huisnummer: vul ook uw huisnummer in."), code="required"))
        if huisnummer and not postcode and "postcode" not in self.errors:
            self.add_error("postcode", ValidationError(_("Uw postcode: vul ook uw postcode in."), code="required"))
        if not data.get("telefoon") and not data.get("email") and not {"telefoon", "email"} & set(self.errors):
            self.add_error("telefoon", ValidationError(
                _("Uw telefoonnummer of e-mailadres: vul er minstens één in, dan kunnen we u bereiken."),
                code="required"))
        return data

    def consents(self) -> dict[str, bool]:
        """{Doel value: given} for every purpose asked, also the ones left unticked (a "no" is an answer)."""
        return {purpose.doel: bool(self.cleaned_data.get(purpose.field)) for purpose in PURPOSES}

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary at the top; each error links to its field."""
        links: list[tuple[str, str]] = [("", str(e)) for e in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name not in self.fields:
                continue
            anchor = f"{self[name].auto_id}_0" if name == "domeinen" else self[name].auto_id
            label = str(_SHORT_NAMES.get(name) or self.fields[name].label or "").rstrip("?")
            for error in errors:
                # Django's own messages ("Dit veld is verplicht.") do not say which field: ours do.
                text = str(error)
                links.append((anchor, text if label.lower() in text.lower() else f"{label}: {text}"))
        return links

    @property
    def from_self_help(self) -> bool:
        return (self.data.get("van") if self.is_bound else self.initial.get("van")) == FROM_SELF_HELP
