# SPDX-License-Identifier: EUPL-1.2
"""Forms for partners and the beheerder who keep the sociale kaart up to date.

Every error message names the field it is about ("Vul het veld „Naam” in."), because a partner
with a long form and a screen reader otherwise has to guess. The forms only validate and translate
input into the dataclasses of `services`; saving happens there.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.core.forms import UtrechtFormMixin, check_supported_year
from wijkteam.gebieden.postcodes import normalise_postcode

from ..duplicates import normalise_phone
from ..models import (
    Address,
    Frequency,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceStatus,
    TaxonomyTerm,
    Weekday,
)
from ..schedules import ScheduleRule, describe
from .services import LocationInput, ScheduleInput, ServiceInput

# The shipped taxonomies a partner picks from, in form order: (slug, field name, label, help).
TAXONOMY_FIELDS = (
    ("levensdomeinen", "levensdomeinen", gettext_lazy("Levensdomeinen"),
     gettext_lazy("Over welke onderwerpen gaat dit aanbod? Kies er één of meer.")),
    ("soort-aanbod", "soort_aanbod", gettext_lazy("Soort aanbod"),
     gettext_lazy("Wat voor aanbod is het? Kies er één of meer.")),
    ("doelgroep", "doelgroep", gettext_lazy("Voor wie"),
     gettext_lazy("Kies niets als het aanbod voor iedereen is.")),
)

PROVINCES = [
    "Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg", "Noord-Brabant",
    "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
]


class DutchErrorsMixin:
    """Error messages that name the field, in B1 Dutch."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            label = str(field.label or "")
            messages = {
                "required": _("Vul het veld „%(label)s” in.") % {"label": label},
                "invalid": _("„%(label)s” is niet goed ingevuld.") % {"label": label},
                "invalid_choice": _("Kies bij „%(label)s” een van de mogelijkheden.") % {"label": label},
                "invalid_pk_value": _("Kies bij „%(label)s” een van de mogelijkheden.") % {"label": label},
            }
            if isinstance(field, forms.EmailField):
                messages["invalid"] = _("Vul bij „%(label)s” een geldig e-mailadres in, zoals naam@voorbeeld.nl.") % {
                    "label": label}
            elif isinstance(field, forms.URLField):
                messages["invalid"] = _(
                    "Vul bij „%(label)s” een geldig webadres in, zoals https://www.voorbeeld.nl."
                ) % {"label": label}
            elif isinstance(field, forms.FloatField | forms.IntegerField | forms.DecimalField):
                messages["invalid"] = _("Vul bij „%(label)s” een getal in.") % {"label": label}
                messages["min_value"] = _("„%(label)s” mag niet kleiner zijn dan %%(limit_value)s.") % {"label": label}
                messages["max_value"] = _("„%(label)s” mag niet groter zijn dan %%(limit_value)s.") % {"label": label}
            elif isinstance(field, forms.TimeField):
                messages["invalid"] = _("Vul bij „%(label)s” een tijd in, zoals 09:30.") % {"label": label}
            if isinstance(field, forms.CharField) and field.max_length:
                messages["max_length"] = _("„%(label)s” mag niet langer zijn dan %(max)s tekens.") % {
                    "label": label, "max": field.max_length}
            field.error_messages.update(messages)
            for validator in getattr(field, "validators", []):
                # MaxLengthValidator's own message wins over error_messages: replace it.
                if getattr(validator, "code", "") == "max_length" and isinstance(field, forms.CharField):
                    validator.message = messages["max_length"]
                if getattr(validator, "code", "") in {"min_value", "max_value"} and field.error_messages.get(
                    validator.code
                ):
                    validator.message = field.error_messages[validator.code]


def terms_of(slug: str) -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy__slug=slug).order_by("code")


class TermChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: TaxonomyTerm) -> str:  # type: ignore[override]
        return obj.name


# --- service -----------------------------------------------------------------------------------

EDITABLE_STATUSES = [
    (ServiceStatus.ACTIVE.value, gettext_lazy("Actief: bewoners kunnen er terecht")),
    (ServiceStatus.TEMPORARILY_CLOSED.value, gettext_lazy("Tijdelijk gesloten (vertel in de melding waarom)")),
    (ServiceStatus.INACTIVE.value, gettext_lazy("Gestopt: niet meer tonen")),
]


# Sane bounds for what a partner types (issue 15): the model's text columns are unbounded and its
# ages are floats, so without these a 100,000-character alert or an age of 1e308 would be stored.
AGE_LIMITS = (0, 120)
TEXT_LIMITS = {
    "description": 4000, "alert": 500, "application_process": 2000, "eligibility_description": 2000,
    "fees_description": 1000,
}
LOCATION_TEXT_LIMIT = 2000


def bound_field(field: forms.Field, *, max_length: int | None = None,
                limits: tuple[float, float] | None = None) -> None:
    """Give a form field created from an unbounded model column a maximum length or a range, with
    the same Dutch messages (naming the field) as DutchErrorsMixin gives declared ones."""
    label = str(field.label or "")
    if max_length is not None and isinstance(field, forms.CharField):
        field.max_length = max_length
        field.widget.attrs["maxlength"] = str(max_length)
        field.validators.append(MaxLengthValidator(max_length, message=_(
            "„%(label)s” mag niet langer zijn dan %(max)s tekens.") % {"label": label, "max": max_length}))
    if limits is not None:
        low, high = limits
        field.widget.attrs.update(min=str(low), max=str(high))
        field.validators += [
            MinValueValidator(low, message=_("„%(label)s” mag niet kleiner zijn dan %(limit)s.") % {
                "label": label, "limit": low}),
            MaxValueValidator(high, message=_("„%(label)s” mag niet groter zijn dan %(limit)s.") % {
                "label": label, "limit": high}),
        ]


class ServiceForm(DutchErrorsMixin, UtrechtFormMixin, forms.ModelForm):
    """The service itself, its terms, main phone number, "gratis" and languages."""

    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=gettext_lazy("Organisatie"), required=True
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefoonnummer"), required=False, max_length=50,
        help_text=gettext_lazy("Het nummer waarop bewoners jullie voor dit aanbod kunnen bellen."),
    )
    free = forms.BooleanField(label=gettext_lazy("Dit aanbod is gratis"), required=False)
    # Declared here for assume_scheme: "www.voorbeeld.nl" becomes https://, not http://.
    url = forms.URLField(label=gettext_lazy("Website"), required=False, max_length=500, assume_scheme="https")
    languages = forms.CharField(
        label=gettext_lazy("Talen"), required=False, max_length=500,
        help_text=gettext_lazy("In welke talen kunnen bewoners terecht? Scheid met komma's, bijvoorbeeld: "
                               "Nederlands, Arabisch, Engels."),
    )
    confirm_current = forms.BooleanField(
        label=gettext_lazy("Ik heb alle informatie gecontroleerd: het klopt"), required=False,
        help_text=gettext_lazy("Dan telt vandaag als datum van de laatste controle."),
    )
    confirm_duplicate = forms.BooleanField(
        label=gettext_lazy("Dit is ander aanbod: toch opslaan"), required=False,
    )
    # The shipped taxonomies (querysets set per instance, see TAXONOMY_FIELDS).
    levensdomeinen = TermChoiceField(queryset=TaxonomyTerm.objects.none(), widget=forms.CheckboxSelectMultiple)
    soort_aanbod = TermChoiceField(queryset=TaxonomyTerm.objects.none(), widget=forms.CheckboxSelectMultiple,
                                   required=False)
    doelgroep = TermChoiceField(queryset=TaxonomyTerm.objects.none(), widget=forms.CheckboxSelectMultiple,
                                required=False)

    class Meta:
        model = Service
        fields = [
            "name", "alternate_name", "description", "status", "alert", "application_process",
            "eligibility_description", "minimum_age", "maximum_age", "fees_description", "url", "email",
        ]
        labels = {
            "name": gettext_lazy("Naam"),
            "alternate_name": gettext_lazy("Andere naam"),
            "description": gettext_lazy("Omschrijving"),
            "status": gettext_lazy("Status"),
            "alert": gettext_lazy("Melding"),
            "application_process": gettext_lazy("Hoe meld je je aan?"),
            "eligibility_description": gettext_lazy("Voor wie is het?"),
            "minimum_age": gettext_lazy("Minimumleeftijd"),
            "maximum_age": gettext_lazy("Maximumleeftijd"),
            "fees_description": gettext_lazy("Kosten"),
            "url": gettext_lazy("Website"),
            "email": gettext_lazy("E-mail"),
        }
        help_texts = {
            "description": gettext_lazy("Vertel in gewone taal wat bewoners hier kunnen krijgen of doen."),
            "alert": gettext_lazy("Bijvoorbeeld: tijdelijk gesloten wegens verbouwing. Laat leeg als er niets is."),
            "fees_description": gettext_lazy("Bijvoorbeeld: € 2,50 per keer, of: gratis."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "alert": forms.Textarea(attrs={"rows": 2}),
            "application_process": forms.Textarea(attrs={"rows": 3}),
            "eligibility_description": forms.Textarea(attrs={"rows": 3}),
            "fees_description": forms.Textarea(attrs={"rows": 2}),
            "minimum_age": forms.NumberInput(attrs={"min": 0, "max": 120, "step": "any", "inputmode": "decimal"}),
            "maximum_age": forms.NumberInput(attrs={"min": 0, "max": 120, "step": "any", "inputmode": "decimal"}),
        }

    def __init__(
        self, *args: Any, organizations: QuerySet[Organization], creating: bool = False, **kwargs: Any
    ) -> None:
        instance: Service | None = kwargs.get("instance")
        initial = kwargs.setdefault("initial", {})
        if instance is not None and instance.pk:
            for slug, name, _label, _help in TAXONOMY_FIELDS:
                initial[name] = [t.pk for t in instance.terms() if t.taxonomy and t.taxonomy.slug == slug]
            phone = instance.phones.order_by("created", "id").first()
            initial["phone"] = phone.number if phone else ""
            initial["free"] = instance.cost_options.filter(amount=0).exists()
            initial["languages"] = ", ".join(instance.languages.order_by("name").values_list("name", flat=True))
        super().__init__(*args, **kwargs)
        self.creating = creating
        self.fields["name"].help_text = gettext_lazy("Zoals bewoners het aanbod kennen.")
        organization_field = self.fields["organization"]
        assert isinstance(organization_field, forms.ModelChoiceField)
        organization_field.queryset = organizations
        if creating:
            if organizations.count() == 1:
                organization_field.initial = organizations.first()
        else:
            del self.fields["organization"]
            del self.fields["confirm_duplicate"]
        status_choices: list[tuple[str, Any]] = list(EDITABLE_STATUSES)
        if instance is not None and instance.status not in dict(status_choices):
            status_choices.append((instance.status, instance.get_status_display()))
        status_field = self.fields["status"]
        assert isinstance(status_field, forms.ChoiceField)
        status_field.choices = status_choices
        status_field.widget = forms.Select(
            choices=status_choices, attrs={"class": "utrecht-select utrecht-select--html-select"}
        )
        for slug, name, label, help_text in TAXONOMY_FIELDS:
            term_field = self.fields[name]
            assert isinstance(term_field, TermChoiceField)
            term_field.queryset = terms_of(slug)
            term_field.label, term_field.help_text = label, help_text
            # UtrechtFormMixin gave the group the class of one checkbox; the template renders each box.
            term_field.widget.attrs.pop("class", None)
        self.fields["levensdomeinen"].error_messages["required"] = _(
            "Kies bij „Levensdomeinen” ten minste één onderwerp."
        )
        for name, limit in TEXT_LIMITS.items():
            bound_field(self.fields[name], max_length=limit)
        for name in ("minimum_age", "maximum_age"):
            bound_field(self.fields[name], limits=AGE_LIMITS)

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if value and (not re.fullmatch(r"[+()0-9 \-./]{6,}", value) or not normalise_phone(value)):
            raise ValidationError(_("Vul bij „Telefoonnummer” een geldig nummer in, zoals 030-123 45 67."))
        return value

    def clean_languages(self) -> list[str]:
        names = [n.strip() for n in re.split(r"[,;\n]", self.cleaned_data["languages"]) if n.strip()]
        if any(len(n) > 100 for n in names):
            raise ValidationError(_("„Talen”: een taal mag niet langer zijn dan 100 tekens."))
        return names

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if low is not None and high is not None and high < low:
            self.add_error("maximum_age", _("De „Maximumleeftijd” moet hoger zijn dan de „Minimumleeftijd”."))
        if cleaned.get("status") == ServiceStatus.TEMPORARILY_CLOSED and not (cleaned.get("alert") or "").strip():
            self.add_error("alert", _("Vul bij „Melding” in waarom het aanbod tijdelijk gesloten is."))
        return cleaned

    def service_input(self) -> ServiceInput:
        data = self.cleaned_data
        return ServiceInput(
            fields={name: data[name] for name in self.Meta.fields},
            terms={slug: list(data.get(name) or []) for slug, name, _l, _h in TAXONOMY_FIELDS},
            phone=data["phone"],
            free=data["free"],
            languages=data["languages"],
        )

    def term_fields(self) -> list[forms.BoundField]:
        return [self[name] for _slug, name, _label, _help in TAXONOMY_FIELDS]


# --- location ----------------------------------------------------------------------------------


def _default_province() -> str:
    row = (
        Address.objects.exclude(state_province="").values("state_province")
        .annotate(n=Count("id")).order_by("-n", "state_province").first()
    )
    return row["state_province"] if row and row["state_province"] in PROVINCES else ""


class LocationForm(DutchErrorsMixin, UtrechtFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam van de locatie"), max_length=255,
        help_text=gettext_lazy("Bijvoorbeeld: Buurthuis De Schakel."),
    )
    address_1 = forms.CharField(label=gettext_lazy("Straat en huisnummer"), max_length=255)
    postal_code = forms.CharField(label=gettext_lazy("Postcode"), max_length=7,
                                  widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))
    city = forms.CharField(label=gettext_lazy("Plaats"), max_length=100)
    state_province = forms.ChoiceField(label=gettext_lazy("Provincie"),
                                       choices=[("", "—"), *[(p, p) for p in PROVINCES]])
    description = forms.CharField(label=gettext_lazy("Omschrijving"), required=False, max_length=LOCATION_TEXT_LIMIT,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    transportation = forms.CharField(
        label=gettext_lazy("Bereikbaarheid"), required=False, max_length=LOCATION_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Bijvoorbeeld: bus 8, halte Havenplein; parkeren voor de deur."),
    )
    accessibility = forms.CharField(
        label=gettext_lazy("Toegankelijkheid"), required=False, max_length=LOCATION_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Bijvoorbeeld: rolstoeltoegankelijk, met lift en aangepast toilet."),
    )

    def __init__(self, *args: Any, location: Location | None = None, **kwargs: Any) -> None:
        initial = kwargs.setdefault("initial", {})
        if location is not None:
            initial.update(name=location.name, description=location.description,
                           transportation=location.transportation)
            address = location.addresses.order_by("created", "id").first()
            if address is not None:
                initial.update(address_1=address.address_1, postal_code=address.postal_code, city=address.city,
                               state_province=address.state_province)
            access = location.accessibility.order_by("created", "id").first()
            initial["accessibility"] = access.description if access else ""
        else:
            initial.setdefault("state_province", _default_province())
        super().__init__(*args, **kwargs)

    def clean_postal_code(self) -> str:
        try:
            return normalise_postcode(self.cleaned_data["postal_code"])
        except ValidationError as exc:
            raise ValidationError(_("Vul bij „Postcode” een geldige postcode in, zoals 1234 AB.")) from exc

    def clean_address_1(self) -> str:
        value = self.cleaned_data["address_1"].strip()
        if not re.search(r"\d", value):
            raise ValidationError(_("Vul bij „Straat en huisnummer” ook het huisnummer in."))
        return value

    def location_input(self) -> LocationInput:
        data = self.cleaned_data
        return LocationInput(
            fields={"name": data["name"], "description": data["description"], "transportation": data["transportation"]},
            address={"address_1": data["address_1"], "postal_code": data["postal_code"], "city": data["city"],
                     "state_province": data["state_province"]},
            accessibility=data["accessibility"],
        )


# --- schedules ---------------------------------------------------------------------------------

WEEK_CHOICES = [
    ("1", gettext_lazy("eerste")),
    ("2", gettext_lazy("tweede")),
    ("3", gettext_lazy("derde")),
    ("4", gettext_lazy("vierde")),
    ("-1", gettext_lazy("laatste")),
]
# "Om de week" is WEEKLY with interval 2 in HSDS; the form offers it as a third frequency.
BIWEEKLY = "BIWEEKLY"
FREQ_CHOICES = [
    (Frequency.WEEKLY.value, gettext_lazy("Elke week")),
    (BIWEEKLY, gettext_lazy("Om de week")),
    (Frequency.MONTHLY.value, gettext_lazy("Elke maand (bijvoorbeeld elke tweede dinsdag)")),
]
# attending_type is free text in HSDS; the form writes the two values the schedules module words.
ATTENDING_CHOICES = [
    ("", gettext_lazy("Niet vermelden")),
    ("op afspraak", gettext_lazy("Alleen op afspraak")),
    ("inloop", gettext_lazy("Zonder afspraak (inloop)")),
]
_BYDAY = re.compile(r"^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$")
_WEEK_VALUES = {value for value, _label in WEEK_CHOICES}
# What a new row must have before it counts as filled in: an untouched "(nieuw)" row is skipped.
_CONTENT_FIELDS = ("week", "day", "monthday", "opens_at", "closes_at", "overnight", "valid_from", "valid_to",
                   "notes")


def editable_rule(schedule: Schedule) -> dict[str, Any] | None:
    """The form's initial values for a schedule row it can show, or None when the row uses RRULE
    parts this form cannot edit (byweekno, an interval above two, a row of one location...).

    A row with `count` or `until` ("zes weken vanaf ...") is shown with its last date as "Tot en met":
    the resident sees the same period, and saving writes it as valid_to.
    """
    if schedule.freq not in (Frequency.WEEKLY, Frequency.MONTHLY) or (schedule.interval or 1) not in (1, 2):
        return None
    if schedule.byweekno or schedule.byyearday or schedule.opens_at is None or schedule.closes_at is None:
        return None
    if schedule.location_id or schedule.service_at_location_id or schedule.closes_at == schedule.opens_at:
        return None
    rule = ScheduleRule.parse(schedule)
    if not rule.understood:
        return None
    weeks: list[str] = []
    days: list[str] = []
    for token in [t.strip() for t in (schedule.byday or "").split(",") if t.strip()]:
        match = _BYDAY.match(token.upper())
        if match is None:
            return None
        week, day = match.group(1) or "", match.group(2)
        if (schedule.freq == Frequency.WEEKLY) == bool(week):
            return None
        weeks += [week] if week and week not in weeks else []
        days += [day] if day not in days else []
    monthdays = list(rule.monthdays)
    if schedule.freq == Frequency.MONTHLY:
        # The form writes every chosen week with every chosen day; other combinations stay as they are.
        if bool(days) == bool(monthdays) or any(n < 1 for n in monthdays):
            return None
        if days and {(int(w), d) for w in weeks for d in days} != {(o, c) for o, c in rule.days}:
            return None
        freq = Frequency.MONTHLY.value
        if (schedule.interval or 1) != 1:
            return None
    else:
        if not days or monthdays:
            return None
        freq = BIWEEKLY if (schedule.interval or 1) == 2 else Frequency.WEEKLY.value
        if freq == BIWEEKLY and rule.anchor is None:
            return None
    # dtstart is the anchor of "om de week" and the start of a counted series; elsewhere a past
    # dtstart says nothing to residents and would become a needless "vanaf" on saving.
    future_start = schedule.dtstart is not None and schedule.dtstart > timezone.localdate()
    anchor_matters = freq == BIWEEKLY or bool(schedule.count) or future_start
    starts = [d for d in (schedule.valid_from, schedule.dtstart if anchor_matters else None) if d is not None]
    return {
        "id": schedule.id, "freq": freq,
        "week": sorted(weeks, key=lambda w: int(w) % 10), "day": days,
        "monthday": ", ".join(str(n) for n in sorted(monthdays)),
        "opens_at": schedule.opens_at, "closes_at": schedule.closes_at,
        "overnight": schedule.closes_at < schedule.opens_at,
        "valid_from": max(starts) if starts else None, "valid_to": rule.last,
        "attending_type": schedule.attending_type if schedule.attending_type in dict(ATTENDING_CHOICES) else "",
        "notes": schedule.notes,
    }


class ChoicesField(forms.MultipleChoiceField):
    """Checkboxes whose empty value ("" from a script or an older form) means "none chosen"."""

    def to_python(self, value: Any) -> list[str]:
        return [v for v in super().to_python(value) if v]


class ScheduleForm(DutchErrorsMixin, UtrechtFormMixin, forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    freq = forms.ChoiceField(label=gettext_lazy("Hoe vaak"), choices=FREQ_CHOICES, initial=Frequency.WEEKLY)
    day = ChoicesField(label=gettext_lazy("Dag"), choices=Weekday.choices, required=False,
                                    widget=forms.CheckboxSelectMultiple)
    week = ChoicesField(
        label=gettext_lazy("Welke week van de maand"), choices=WEEK_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Alleen bij „Elke maand”. Bijvoorbeeld: tweede en vierde, voor elke tweede en "
                               "vierde dinsdag van de maand."),
    )
    monthday = forms.CharField(
        label=gettext_lazy("Of: dag van de maand"), required=False, max_length=50,
        help_text=gettext_lazy("Alleen bij „Elke maand” zonder week. Bijvoorbeeld: 15, of: 1 en 15."),
    )
    opens_at = forms.TimeField(label=gettext_lazy("Van"), widget=forms.TimeInput(attrs={"type": "time"},
                                                                                format="%H:%M"))
    closes_at = forms.TimeField(label=gettext_lazy("Tot"), widget=forms.TimeInput(attrs={"type": "time"},
                                                                                 format="%H:%M"))
    overnight = forms.BooleanField(
        label=gettext_lazy("Open tot de volgende dag"), required=False,
        help_text=gettext_lazy("Bijvoorbeeld nachtopvang van 21:00 tot 9:00."),
    )
    valid_from = forms.DateField(
        label=gettext_lazy("Vanaf"), required=False, validators=[check_supported_year],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Bij „Om de week”: de eerste dag, dan weten we welke weken het is."),
    )
    valid_to = forms.DateField(label=gettext_lazy("Tot en met"), required=False, validators=[check_supported_year],
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    attending_type = forms.ChoiceField(label=gettext_lazy("Afspraak nodig?"), choices=ATTENDING_CHOICES,
                                       required=False)
    notes = forms.CharField(
        label=gettext_lazy("Toelichting"), required=False, max_length=200,
        help_text=gettext_lazy("Bijvoorbeeld: niet in de schoolvakanties."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("day", "week"):
            # UtrechtFormMixin gave the group the class of one text box; the template renders each box.
            self.fields[name].widget.attrs.pop("class", None)

    def has_changed(self) -> bool:
        """A new row counts only when something was filled in: the defaults of "Hoe vaak" and
        "Afspraak nodig?" alone are an untouched row, not a half-filled one."""
        if self.initial.get("id"):
            return super().has_changed()
        return any(name in self.changed_data for name in _CONTENT_FIELDS)

    def clean_monthday(self) -> list[int]:
        text = self.cleaned_data["monthday"]
        parts = [p for p in re.split(r"[,;\s]+|\ben\b", text.lower()) if p]
        try:
            numbers = sorted({int(p.rstrip("e")) for p in parts})
        except ValueError:
            numbers = [0]
        if any(not 1 <= n <= 31 for n in numbers):
            raise ValidationError(_("Vul bij „Of: dag van de maand” dagen van 1 tot en met 31 in, zoals: 1 en 15."))
        return numbers

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        freq, days = cleaned.get("freq"), cleaned.get("day") or []
        weeks, monthdays = cleaned.get("week") or [], cleaned.get("monthday") or []
        if freq == Frequency.MONTHLY:
            if monthdays and (weeks or days):
                self.add_error("monthday", _("Kies óf een week en dag, óf een dag van de maand, niet allebei."))
            elif not monthdays:
                if not weeks:
                    self.add_error("week", _("Kies bij „Welke week van de maand” de week, bijvoorbeeld: tweede."))
                if not days:
                    self.add_error("day", _("Kies bij „Dag” ten minste één dag."))
        elif freq:
            if not days:
                self.add_error("day", _("Kies bij „Dag” ten minste één dag."))
            if monthdays:
                self.add_error("monthday", _("Een dag van de maand kan alleen bij „Elke maand”."))
        if freq == BIWEEKLY and not cleaned.get("valid_from") and "valid_from" not in self.errors:
            self.add_error("valid_from", _("Kies bij „Vanaf” de eerste dag, dan weten we welke weken het is."))
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        overnight = bool(cleaned.get("overnight"))
        if isinstance(opens, datetime.time) and isinstance(closes, datetime.time) and (
            closes == opens or (closes < opens) != overnight
        ):
            if overnight:
                self.add_error("closes_at", _("Bij „Open tot de volgende dag” moet de tijd bij „Tot” vroeger zijn "
                                              "dan de tijd bij „Van”."))
            else:
                self.add_error("closes_at", _("De tijd bij „Tot” moet later zijn dan de tijd bij „Van”. Is het open "
                                              "tot de volgende dag? Kies dan „Open tot de volgende dag”."))
        start, end = cleaned.get("valid_from"), cleaned.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("De datum bij „Tot en met” moet na de datum bij „Vanaf” liggen."))
        return cleaned

    def schedule_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        monthly = data["freq"] == Frequency.MONTHLY
        biweekly = data["freq"] == BIWEEKLY
        order = [code for code, _label in Weekday.choices]
        days = sorted(data.get("day") or [], key=order.index)
        if monthly:
            weeks = sorted(data.get("week") or [], key=lambda w: int(w) % 10)
            byday = ",".join(f"{week}{day}" for day in days for week in weeks)
        else:
            byday = ",".join(days)
        fields: dict[str, Any] = {
            "freq": Frequency.MONTHLY if monthly else Frequency.WEEKLY, "interval": 2 if biweekly else 1,
            "wkst": Weekday.MO, "byday": byday,
            "bymonthday": ",".join(str(n) for n in data.get("monthday") or []) if monthly else "",
            "opens_at": data["opens_at"], "closes_at": data["closes_at"],
            # "Om de week" counts its weeks from dtstart (RFC 5545); other rows start at valid_from.
            "dtstart": data.get("valid_from") if biweekly else None,
            "valid_from": None if biweekly else data.get("valid_from"),
            "valid_to": data.get("valid_to"), "until": None, "count": None,
            "attending_type": data.get("attending_type") or "", "notes": (data.get("notes") or "").strip(),
        }
        # HSDS readers that only show `description` get the rule in words, never the old text.
        words = describe(Schedule(**{**fields, "notes": ""}))
        fields["description"] = words[:1].upper() + words[1:] + "." if words else ""
        return fields


class BaseScheduleFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, allowed_ids: Iterable[uuid.UUID] = (), **kwargs: Any) -> None:
        self.allowed_ids = set(allowed_ids)
        super().__init__(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            row_id = form.cleaned_data.get("id") if hasattr(form, "cleaned_data") else None
            if row_id is not None and row_id not in self.allowed_ids:
                # A row id that is not this service's: the form was tampered with or is outdated.
                raise ValidationError(_("Deze openingstijden zijn intussen gewijzigd. Laad de pagina opnieuw."))

    def schedule_inputs(self) -> list[ScheduleInput]:
        rows = []
        for form in self.forms:
            if not form.has_changed():
                continue
            data = form.cleaned_data
            if not data:
                continue
            delete = bool(data.get("DELETE"))
            if delete and not data.get("id"):
                continue
            rows.append(ScheduleInput(id=data.get("id"), fields={} if delete else form.schedule_fields(),
                                      delete=delete))
        return rows

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary at the top: each error links to its field."""
        links: list[tuple[str, str]] = [("", str(e)) for e in self.non_form_errors()]
        for number, form in enumerate(self.forms, start=1):
            for name, errors in form.errors.items():
                if name in form.fields:
                    field = form[name]
                    # A group of checkboxes has no element with the field's own id: link its first box.
                    anchor = f"{field.auto_id}_0" if name in ("day", "week") else field.auto_id
                else:
                    anchor = f"tijd-{number}"
                for error in errors:
                    links.append((anchor, _("Openingstijd %(n)s: %(error)s") % {"n": number, "error": error}))
        return links


class ScheduleFormSet(BaseScheduleFormSet):
    """What formset_factory(ScheduleForm, extra=2, can_delete=True, max_num=30) builds, as a class
    so the type checker knows it."""

    form = ScheduleForm
    extra = 2
    can_order = False
    can_delete = True
    can_delete_extra = True
    min_num = 0
    max_num = 30
    absolute_max = 1000
    validate_min = False
    validate_max = True
    renderer = None


def label_delete_fields(formset: forms.BaseFormSet) -> None:
    for form in formset.forms:
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Deze openingstijd verwijderen")
            form.fields["DELETE"].widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
