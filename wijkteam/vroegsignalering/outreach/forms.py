# SPDX-License-Identifier: EUPL-1.2
"""Forms of the outreach pages: the team's deadlines and a new routing rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Team, User
from wijkteam.core.forms import UtrechtFormMixin
from wijkteam.gebieden.models import Buurt

from ..models import OutreachInstelling
from .services import team_buurten, team_workers


class TermijnenForm(UtrechtFormMixin, forms.Form):
    eerste_contact = forms.IntegerField(
        label=_("Eerste contactpoging binnen (werkdagen)"), min_value=1, max_value=60,
        help_text=_("Na ontvangst van het eerste signaal. Weekenden en feestdagen tellen niet mee."))
    eerste_contact_crisis = forms.IntegerField(
        label=_("Eerste contactpoging bij een crisissignaal binnen (werkdagen)"), min_value=1, max_value=60)
    afsluiten = forms.IntegerField(label=_("Zaak afsluiten binnen (werkdagen)"), min_value=1, max_value=260)

    @classmethod
    def for_team(cls, instelling: OutreachInstelling | None, data: Any = None) -> TermijnenForm:
        current = instelling or OutreachInstelling()
        return cls(data, initial={"eerste_contact": current.dagen_eerste_contact,
                                  "eerste_contact_crisis": current.dagen_eerste_contact_crisis,
                                  "afsluiten": current.dagen_afsluiten})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        normal, crisis, close = data.get("eerste_contact"), data.get("eerste_contact_crisis"), data.get("afsluiten")
        if normal is not None and crisis is not None and crisis > normal:
            self.add_error("eerste_contact_crisis", _("Bij een crisis kan de termijn niet langer zijn dan de gewone "
                                                      "termijn."))
        if normal is not None and close is not None and close < normal:
            self.add_error("afsluiten", _("Afsluiten kan niet eerder dan de eerste contactpoging."))
        return data


class BuurtChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Buurt) -> str:
        return f"{obj.naam} ({obj.wijk.naam})"


class WorkerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


class RegelForm(UtrechtFormMixin, forms.Form):
    buurt = BuurtChoice(label=_("Buurt"), queryset=Buurt.objects.none(), required=False,
                        empty_label=_("Alle andere buurten"))
    medewerker = WorkerChoice(label=_("Naar"), queryset=User.objects.none(), required=False,
                              empty_label=_("De pool van het team (nog niemand)"))

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        buurt_field = self.fields["buurt"]
        worker_field = self.fields["medewerker"]
        assert isinstance(buurt_field, forms.ModelChoiceField) and isinstance(worker_field, forms.ModelChoiceField)
        buurt_field.queryset = Buurt.objects.filter(pk__in=[b.pk for b in team_buurten(team)]).select_related(
            "wijk").order_by("wijk__naam", "naam")
        worker_field.queryset = User.objects.filter(pk__in=[u.pk for u in team_workers(team)]).order_by(
            "first_name", "last_name", "username")
