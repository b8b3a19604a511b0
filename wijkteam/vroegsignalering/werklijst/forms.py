# SPDX-License-Identifier: EUPL-1.2
"""The worker's choice on a worklist item: one of the listed persons, or a new person."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.huishoudens.models import Persoon

NIEUW = "nieuw"


class KeuzeForm(forms.Form):
    keuze = forms.ChoiceField(
        label=_("Over wie gaat dit signaal?"), widget=forms.RadioSelect,
        error_messages={"required": _("Kies bij “Over wie gaat dit signaal?” een persoon of “Nieuwe persoon”."),
                        "invalid_choice": _("Kies een van de personen uit de lijst, of “Nieuwe persoon”.")})

    def __init__(self, *args: object, persons: list[Persoon], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.persons = {str(p.pk): p for p in persons}
        choices: list[tuple[str, str]] = [(pk, str(p)) for pk, p in self.persons.items()]
        self.fields["keuze"].choices = [*choices, (NIEUW, str(_("Nieuwe persoon")))]  # type: ignore[attr-defined]

    def chosen(self) -> Persoon | None:
        """The chosen person; None for a new person."""
        value = self.cleaned_data["keuze"]
        return None if value == NIEUW else self.persons[value]
