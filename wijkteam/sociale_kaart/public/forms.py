# SPDX-License-Identifier: EUPL-1.2
"""The residents' search form, and the B1 words residents see for the levensdomeinen.

LEVENSDOMEIN_LABELS is the ONE place where the ZRM domain names ("Financiën") get the words
residents use ("Geld en schulden"): the home tiles, search filters, result badges and the
printed folder all read it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wijkteam.core.forms import UtrechtFormMixin
from wijkteam.gebieden.models import Wijk
from wijkteam.gebieden.postcodes import normalise_postcode

from .. import geocoding
from ..schedules import DAY_CODES, day_name
from ..search import SearchQuery, vocabulary
from ..taxonomies import DOELGROEP, LEVENSDOMEINEN, SOORT_AANBOD

# B1 labels for the 13 levensdomeinen (ZRM). Order = the order of the tiles on the home page.
LEVENSDOMEIN_LABELS: dict[str, Any] = {
    "LD01": _("Geld en schulden"),
    "LD02": _("Werk en school"),
    "LD03": _("Iets zinvols doen overdag"),
    "LD04": _("Wonen"),
    "LD05": _("Thuis en gezin"),
    "LD06": _("Stress, somber of angstig"),
    "LD07": _("Ziek zijn of een beperking"),
    "LD08": _("Alcohol, drugs en gokken"),
    "LD09": _("Voor uzelf zorgen"),
    "LD10": _("Huishouden en dingen regelen"),
    "LD11": _("Contact met anderen"),
    "LD12": _("Meedoen, taal en lezen"),
    "LD13": _("Politie en justitie"),
}

# Languages residents ask for most in Dutch municipalities (ISO 639-1), in Dutch. Language rows of
# services carry the code; these are the choices of the "taal" filter.
LANGUAGE_NAMES: dict[str, Any] = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "pl": _("Pools"),
    "uk": _("Oekraïens"),
    "ru": _("Russisch"),
    "ti": _("Tigrinya"),
    "fa": _("Perzisch (Farsi)"),
    "so": _("Somalisch"),
    "es": _("Spaans"),
    "pt": _("Portugees"),
    "fr": _("Frans"),
    "de": _("Duits"),
    "bg": _("Bulgaars"),
    "ro": _("Roemeens"),
    "zh": _("Chinees"),
    "fy": _("Fries"),
    "pap": _("Papiaments"),
    "srn": _("Sranantongo"),
    "ngt": _("Nederlandse Gebarentaal"),
}


def levensdomein_label(code: str, fallback: str = "") -> str:
    """The B1 words for a levensdomein code; the term name (or the code) when we have none."""
    label = LEVENSDOMEIN_LABELS.get(code)
    return str(label) if label is not None else (fallback or code)


def language_name(code: str, fallback: str = "") -> str:
    name = LANGUAGE_NAMES.get((code or "").lower())
    return str(name) if name is not None else (fallback or code)


def _term_choices(slug: str, vocab: vocabulary.Vocabulary) -> list[tuple[str, str]]:
    # From the search vocabulary, which the search loads anyway and keeps per process while the
    # terms do not change: no queries of its own on every search.
    terms = sorted((t.code, t.name) for t in vocab.terms.values() if t.taxonomy == slug)
    if slug == LEVENSDOMEINEN:
        return [(code, levensdomein_label(code, name)) for code, name in terms]
    return list(terms)


class SearchForm(UtrechtFormMixin, forms.Form):
    """GET form of /sociale-kaart/zoeken/: every field optional; an empty form means "no search yet"."""

    q = forms.CharField(
        label=_("Waar zoekt u hulp bij?"),
        help_text=_("Typ in uw eigen woorden waar u hulp bij zoekt. Bijvoorbeeld: schulden, eenzaam, taalles."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )
    levensdomein = forms.MultipleChoiceField(label=_("Onderwerp"), required=False, widget=forms.CheckboxSelectMultiple)
    soort = forms.MultipleChoiceField(label=_("Soort hulp"), required=False, widget=forms.CheckboxSelectMultiple)
    doelgroep = forms.MultipleChoiceField(label=_("Voor wie"), required=False, widget=forms.CheckboxSelectMultiple)
    leeftijd = forms.IntegerField(
        label=_("Leeftijd"),
        help_text=_("Leeftijd van degene die hulp zoekt, in jaren."),
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    gratis = forms.BooleanField(label=_("Alleen gratis"), required=False)
    rolstoel = forms.BooleanField(label=_("Alleen toegankelijk met een rolstoel"), required=False)
    nu_open = forms.BooleanField(label=_("Alleen wat nu open is"), required=False)
    dag = forms.ChoiceField(label=_("Open op"), required=False)
    taal = forms.ChoiceField(label=_("Hulp in de taal"), required=False)
    postcode = forms.CharField(
        label=_("Uw postcode"),
        help_text=_("Dan ziet u wat dichtbij is. Bijvoorbeeld: 1234 AB."),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    wijk = forms.ChoiceField(label=_("Of kies uw wijk"), required=False)
    pagina = forms.IntegerField(required=False, min_value=1, max_value=1000, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        wijken: QuerySet[Wijk] | None = None,
        vocab: vocabulary.Vocabulary | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        vocab = vocab if vocab is not None else vocabulary.current()
        fields["levensdomein"].choices = _term_choices(LEVENSDOMEINEN, vocab)  # type: ignore[attr-defined]
        fields["soort"].choices = _term_choices(SOORT_AANBOD, vocab)  # type: ignore[attr-defined]
        fields["doelgroep"].choices = _term_choices(DOELGROEP, vocab)  # type: ignore[attr-defined]
        fields["dag"].choices = [("", _("Elke dag"))] + [  # type: ignore[attr-defined]
            (code, day_name(code)) for code in DAY_CODES
        ]
        fields["taal"].choices = [("", _("Maakt niet uit"))] + [  # type: ignore[attr-defined]
            (code, str(name)) for code, name in LANGUAGE_NAMES.items()
        ]
        wijk_qs = wijken if wijken is not None else Wijk.objects.order_by("naam")
        fields["wijk"].choices = [  # type: ignore[attr-defined]
            ("", _("Alle wijken")),
            *wijk_qs.values_list("code", "naam"),
        ]
        # The checkbox lists are rendered as fieldsets by the template, not by field.html.
        for name in ("levensdomein", "soort", "doelgroep"):
            fields[name].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"

    def clean_postcode(self) -> str:
        value = (self.cleaned_data.get("postcode") or "").strip()
        if not value:
            return ""
        # Many residents know only the four digits of their area: search around that area's centre.
        try:
            normal = normalise_postcode(value, allow_pc4=True)
        except ValidationError as error:
            raise ValidationError(_("Vul een postcode in zoals 1234 AB of alleen de cijfers, zoals 1234."),
                                  code="postcode") from error
        # A postcode we cannot place would be ignored by the search: say so instead (issue 16).
        if geocoding.postcode_to_point(normal) is None:
            raise ValidationError(
                _("Postcode %(postcode)s kennen we niet. Controleer de postcode, of kies uw wijk.")
                % {"postcode": normal},
                code="unknown_postcode",
            )
        return normal

    FILTERS = ("levensdomein", "soort", "doelgroep", "leeftijd", "gratis", "rolstoel", "nu_open", "dag", "taal")

    def has_criteria(self) -> bool:
        """Whether the resident asked for anything (text, a filter or a place)."""
        data = self.cleaned_data
        return any(data.get(name) not in (None, "", [], False) for name in ("q", "postcode", "wijk", *self.FILTERS))

    def filter_count(self) -> int:
        """How many filters are set; shown on the "Meer filters" summary and logged (never the values)."""
        data = getattr(self, "cleaned_data", {})
        return sum(1 for name in self.FILTERS if data.get(name) not in (None, "", [], False))

    def to_query(self, **extra: Any) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            text=(data.get("q") or "").strip(),
            levensdomeinen=tuple(data.get("levensdomein") or ()),
            soorten=tuple(data.get("soort") or ()),
            doelgroepen=tuple(data.get("doelgroep") or ()),
            leeftijd=data.get("leeftijd"),
            gratis=bool(data.get("gratis")),
            rolstoel=bool(data.get("rolstoel")),
            taal=data.get("taal") or None,
            nu_open=bool(data.get("nu_open")),
            dag=data.get("dag") or None,
            postcode=data.get("postcode") or None,
            wijk=data.get("wijk") or None,
            page=data.get("pagina") or 1,
            **extra,
        )
