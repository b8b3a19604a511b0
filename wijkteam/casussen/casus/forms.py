# SPDX-License-Identifier: EUPL-1.2
"""Forms of the case page: open, status, close, people, contact moment, task."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkteam.accounts.models import Team, User
from wijkteam.core.forms import UtrechtFormMixin, check_supported_year

from ..models import CASUS_TRANSITIONS, Casus, CasusStatus, ContactSoort, Gewicht, Sluitreden, Uitkomst
from ..services import CASE_WORKER_ROLES


def _choice(form: forms.Form, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # ModelMultipleChoiceField is one too
    return field


def team_workers(team: Team) -> QuerySet[User]:
    return team.leden.filter(role__in=CASE_WORKER_ROLES, is_active=True).order_by("first_name", "last_name", "pk")


class WorkerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class WorkersChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class OpenCaseForm(UtrechtFormMixin, forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), empty_label=None)
    regisseur = WorkerChoice(label=_("Regisseur"), queryset=User.objects.none(),
                             help_text=_("De vaste contactpersoon van het huishouden in het wijkteam."))
    gewicht = forms.ChoiceField(label=_("Gewicht"), required=False,
                                choices=[("", _("Later bepalen (uit de levensdomeinen)")), *Gewicht.choices])

    def __init__(self, *args: Any, teams: QuerySet[Team], user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "team").queryset = teams
        _choice(self, "regisseur").queryset = User.objects.filter(
            teams__in=teams, role__in=CASE_WORKER_ROLES, is_active=True).distinct().order_by("first_name", "pk")
        self.fields["regisseur"].initial = user.pk
        if teams.count() == 1:
            self.fields["team"].initial = teams.first()


class StatusForm(UtrechtFormMixin, forms.Form):
    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=CasusStatus.choices)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=500)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Closing and reopening have their own forms (reason and outcome; a confirmation).
        allowed = CASUS_TRANSITIONS[casus.status] - {CasusStatus.AFGESLOTEN, CasusStatus.HEROPEND}
        naar = self.fields["naar"]
        assert isinstance(naar, forms.ChoiceField)
        naar.choices = [(v, label) for v, label in CasusStatus.choices if v in allowed]
        self.fields["versie"].initial = casus.versie


class CloseForm(UtrechtFormMixin, forms.Form):
    sluitreden = forms.ChoiceField(label=_("Reden van afsluiten"), choices=[("", "—"), *Sluitreden.choices])
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=[("", "—"), *Uitkomst.choices])
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, prefix="sluiten", **kwargs)
        self.fields["versie"].initial = casus.versie


class ReopenForm(UtrechtFormMixin, forms.Form):
    toelichting = forms.CharField(label=_("Waarom heropenen?"), max_length=500)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, prefix="heropenen", **kwargs)
        self.fields["versie"].initial = casus.versie


class PeopleForm(UtrechtFormMixin, forms.Form):
    regisseur = WorkerChoice(label=_("Regisseur"), queryset=User.objects.none(), empty_label=None)
    reden = forms.CharField(label=_("Reden van een nieuwe regisseur"), required=False, max_length=500)
    medewerkers = WorkersChoice(label=_("Medewerkers (meewerkend)"), queryset=User.objects.none(), required=False,
                                widget=forms.CheckboxSelectMultiple)
    gewicht = forms.ChoiceField(label=_("Gewicht"), required=False,
                                choices=[("", _("Afgeleid uit de levensdomeinen")), *Gewicht.choices])
    # The case version this form showed: a save after someone else's change is refused, not merged.
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, prefix="team", **kwargs)
        self.fields["versie"].initial = casus.versie
        workers = team_workers(casus.team)
        _choice(self, "regisseur").queryset = workers
        _choice(self, "medewerkers").queryset = workers
        self.fields["medewerkers"].widget.attrs["class"] = ""
        self.initial.setdefault("regisseur", casus.regisseur_id)
        self.initial.setdefault("medewerkers", [u.pk for u in casus.medewerkers.all()])
        self.initial.setdefault("gewicht", casus.gewicht or "")
        self.casus = casus

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        regisseur = data.get("regisseur")
        if regisseur is not None and regisseur.pk != self.casus.regisseur_id and not data.get("reden", "").strip():
            self.add_error("reden", _("Schrijf op waarom de casus een nieuwe regisseur krijgt."))
        return data


class ContactForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort contact"), choices=ContactSoort.choices)
    datum = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    duur_minuten = forms.IntegerField(label=_("Duur in minuten"), required=False, min_value=1, max_value=24 * 60)
    verslag = forms.CharField(label=_("Verslag of notitie"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="contact", **kwargs)
        self.fields["datum"].initial = timezone.localdate()

    def clean_datum(self) -> Any:
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("Een contactmoment kan niet in de toekomst liggen."))
        check_supported_year(datum)  # and not before 1900: a contact in year 1 is a typing error
        return datum


class TaskForm(UtrechtFormMixin, forms.Form):
    titel = forms.CharField(label=_("Taak"), max_length=200)
    deadline = forms.DateField(label=_("Uiterlijk"), required=False, validators=[check_supported_year],
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    toegewezen_aan = WorkerChoice(label=_("Voor"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, casus: Casus, **kwargs: Any) -> None:
        super().__init__(*args, prefix="taak", **kwargs)
        _choice(self, "toegewezen_aan").queryset = team_workers(casus.team)


class BreakGlassForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Waarom moet u deze casus nu inzien?"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: crisis bij het gezin, de regisseur is vandaag niet bereikbaar. De "
                    "privacyfunctionaris leest dit."))
