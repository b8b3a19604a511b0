# SPDX-License-Identifier: EUPL-1.2
"""The merge form of the duplicates worklist: which of the two services stays."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Service


class MergeForm(forms.Form):
    survivor = forms.ChoiceField(label=gettext_lazy("Welk aanbod blijft bestaan?"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, services: tuple[Service, Service], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.services = services
        survivor = self.fields["survivor"]
        assert isinstance(survivor, forms.ChoiceField)
        survivor.choices = [(str(s.pk), s.name) for s in services]
        self.fields["survivor"].error_messages["required"] = _(
            "Kies bij „Welk aanbod blijft bestaan?” een van de twee."
        )
        self.fields["survivor"].error_messages["invalid_choice"] = _(
            "Kies bij „Welk aanbod blijft bestaan?” een van de twee."
        )

    def chosen(self) -> tuple[Service, Service]:
        survivor_id = self.cleaned_data["survivor"]
        a, b = self.services
        return (a, b) if str(a.pk) == survivor_id else (b, a)
