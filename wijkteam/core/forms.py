# SPDX-License-Identifier: EUPL-1.2
"""Utrecht (NL Design System) classes on Django's widgets, so every form looks and behaves alike;
`add_service_errors`, which puts a write path's refusal on the form where the user looks; and
`check_supported_year`, the one year range any typed date may have (filters, periods, forms, API filters)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext

_CLASSES: dict[type[forms.Widget], str] = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


def utrecht_class(widget: forms.Widget) -> str:
    for widget_type, classes in _CLASSES.items():
        if isinstance(widget, widget_type):
            return classes
    return ""


class UtrechtFormMixin:
    """Adds the Utrecht classes and, on errors, aria-invalid + aria-describedby to each widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            widget = field.widget
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {utrecht_class(widget)}".strip()
            # The bound field's id carries a formset's prefix ("id_tijd-0-opens_at").
            described = [f"{self._field_id(name)}-help"] if field.help_text else []
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def _field_id(self, name: str) -> str:
        # Not self[name].auto_id: that caches a bound field before subclasses finish their fields.
        return str(self.auto_id) % self.add_prefix(name)  # type: ignore[attr-defined]

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            self.mark_invalid(name)

    def add_error(self, field: str | None, error: Any) -> None:
        # Also for an error added after cleaning (a service's refusal, a formset rule), which full_clean's
        # marking never sees: without this the control is not linked to its message for a screen reader.
        super().add_error(field, error)  # type: ignore[misc]
        if field is not None:
            self.mark_invalid(field)
        elif isinstance(error, dict):
            for name in error:
                self.mark_invalid(name)
        elif isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            for name in error.error_dict:
                self.mark_invalid(name)

    def mark_invalid(self, name: str) -> None:
        """aria-invalid and the error's id on the field's widget (once), for an error added after cleaning too."""
        if name not in self.fields:  # type: ignore[attr-defined]
            return
        widget = self.fields[name].widget  # type: ignore[attr-defined]
        widget.attrs["aria-invalid"] = "true"
        ids = widget.attrs.get("aria-describedby", "").split()
        error_id = f"{self._field_id(name)}-error"
        if error_id not in ids:
            widget.attrs["aria-describedby"] = " ".join([*ids, error_id])


def add_service_errors(form: forms.BaseForm, exc: ValidationError, *, fields: Mapping[str, str] | None = None) -> None:
    """Copy a service's `ValidationError` onto a bound, cleaned form (after `is_valid()`).

    An error keyed by a field the form has goes to that field, beside its input; `fields` maps a service's
    name to the form's where they differ (``{"omschrijving": "vraag"}``). Everything else (the service's
    ``__all__``, a name the form does not have, an error without a field) becomes a non-field error, shown
    above the form: a refusal is never lost. Messages keep their params (``%(naam)s``)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    rename = fields or {}
    for name, errors in exc.error_dict.items():
        field = rename.get(name, name)
        if field != NON_FIELD_ERRORS and field in form.fields:
            form.add_error(field, errors)  # UtrechtFormMixin links the control to the message
        else:
            form.add_error(None, errors)


# The years any typed date may have: filters, report periods, and the date fields of the case, plan,
# referral, visit and opening-hours forms. Outside them a date is a typing error, and the arithmetic on it
# overflows: year 1 or 9999 does not convert to UTC and a period's month end runs past `date.max`, which
# was a 500 for a hand-edited URL. One range for every form, so a user meets one rule and one message.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


def check_supported_year(value: dt.date) -> None:
    """Refuse (ValidationError, code "date_range") a date outside EARLIEST_YEAR..LATEST_YEAR."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            gettext("Kies een datum tussen %(van)s en %(tot)s.") % {"van": EARLIEST_YEAR, "tot": LATEST_YEAR},
            code="date_range",
        )
