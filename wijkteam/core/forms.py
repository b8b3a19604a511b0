# SPDX-License-Identifier: EUPL-1.2
"""Utrecht (NL Design System) classes on Django's widgets, so every form looks and behaves alike."""

from __future__ import annotations

from typing import Any

from django import forms

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
            if name in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[name].widget  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
                ids = [*widget.attrs.get("aria-describedby", "").split(), f"{self._field_id(name)}-error"]
                widget.attrs["aria-describedby"] = " ".join(ids)
