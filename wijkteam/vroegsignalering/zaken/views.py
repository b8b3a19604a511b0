# SPDX-License-Identifier: EUPL-1.2
"""A vroegsignaalzaak's page (/werk/vroegsignalering/zaken/<pk>/) and its actions.

The page shows the household and its members, the signals (concern signals only to the team), the
priority in words, the deadlines, who works on it, the status history, the contact attempts and the end
result; its forms record a contact attempt, close the zaak with a DDAS end result, hand the household to
intake when it accepts help, and download the invitation letter. Each action is a plain POST (or, for
the letter, GET) form that works without JavaScript; a refused action re-renders the page with the
Dutch error next to its field (400), nothing written.

Who: `access.may_work_on_zaken` (the team's medewerkers and teamleiders); which zaak: `access.get_zaak_for_user`
(Scope.TEAM, audited READ, audited 403).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.core.forms import add_service_errors
from wijkteam.huishoudens.access import household_members_for_user, record_shown
from wijkteam.huishoudens.models import Persoon

from .. import handoff
from ..access import get_zaak_for_user, may_work_on_zaken, zorgsignalen_visible_to
from ..models import MatchWerklijstItem, Route, SignaalSoort, Vroegsignaalzaak, WerklijstStatus, ZaakStatus
from ..services import TransitionNotAllowed
from . import letter as brief
from .forms import BriefForm, ContactpogingForm, SluitenForm
from .services import IntakeFailed, accept_help, close_zaak, record_contact_attempt


@dataclass(frozen=True)
class Termijn:
    """One deadline as the page shows it: the date, whether it was met or missed, and whether it is still running."""

    label: str
    datum: dt.date | None
    gehaald_op: dt.date | None
    te_laat: bool


def termijnen(zaak: Vroegsignaalzaak, today: dt.date) -> list[Termijn]:
    """Late: the deadline passed before the step was done (or it is still not done and the day has passed)."""

    def one(label: str, datum: dt.date | None, done: dt.date | None) -> Termijn:
        late = datum is not None and (done or today) > datum
        return Termijn(label, datum, done, late)

    return [one(_("Eerste contactpoging"), zaak.termijn_eerste_contact, zaak.eerste_contactpoging),
            one(_("Afsluiten"), zaak.termijn_afsluiten, zaak.gesloten)]


def next_step_without_intake(zaak: Vroegsignaalzaak) -> str:
    """What the worker does by hand while no intake capability takes the household over."""
    return _("Maak een hulpvraag aan voor dit huishouden: leg in het registratiesysteem van uw team de hulpvraag "
             "vast, met de afspraken die u met de inwoner maakte, en noteer dat deze uit vroegsignalering komt "
             "(vroegsignaalzaak %(pk)s). Sluit daarna deze zaak met het eindresultaat dat bij de hulp past, "
             "bijvoorbeeld “Vervolghulp en/of verwijzing financieel”.") % {"pk": zaak.pk}


def _zaak_context(request: HttpRequest, zaak: Vroegsignaalzaak, **forms_: forms.Form | None) -> dict[str, Any]:
    household = zaak.huishouden
    # The zaak's scope (get_zaak_for_user) is what lets this worker see its household: an assigned worker
    # outside the team needs the names to make contact. Each name shown is its own audited read.
    members = household_members_for_user(request, household) if household else []
    member_ids = {m.pk for m in members}
    signalen = list(zaak.signalen.filter(soort=SignaalSoort.FINANCIEEL).select_related("persoon")
                    .order_by("signaaldatum", "pk"))
    others = {s.persoon for s in signalen if s.persoon is not None and s.persoon_id not in member_ids}
    record_shown(request, sorted(others, key=lambda p: p.pk), via="vroegsignaalzaak")
    zorg = (list(zorgsignalen_visible_to(request.user).filter(huishouden=household.pk)
                 .select_related("persoon").order_by("signaaldatum", "pk")) if household else [])
    for signaal in [*signalen, *zorg]:
        record(request, Action.READ, obj=signaal, person_id=signaal.persoon_id, household_id=zaak.huishouden_id,
               detail={"via": "vroegsignaalzaak"})
    intake = handoff.intake()
    # Routed to the regisseur of an open case (item 6): the worker goes there instead of doing outreach.
    case = (handoff.open_cases_for([household.pk]).get(household.pk)
            if household is not None and zaak.route == Route.REGISSEUR else None)
    open_items = list(MatchWerklijstItem.objects.filter(signaal__zaak=zaak, status=WerklijstStatus.OPEN)
                      .values_list("pk", flat=True))
    return {
        "zaak": zaak,
        "household": household,
        "members": members,
        "signalen": signalen,
        "zorgsignalen": zorg,
        "totaal": sum(s.bedrag or 0 for s in signalen),
        "termijnen": termijnen(zaak, timezone.localdate()),
        "historie": zaak.historie.select_related("door").order_by("tijdstip", "pk"),
        "pogingen": zaak.contactpogingen.select_related("door").order_by("datum", "pk"),
        "werklijst_items": open_items,
        "case": case,
        "intake_url": intake.url(zaak.intake_id) if intake is not None and zaak.intake_id else "",
        "next_step": (next_step_without_intake(zaak)
                      if zaak.status == ZaakStatus.NAAR_INTAKE and not zaak.intake_id else ""),
        "may_accept": zaak.status == ZaakStatus.IN_GESPREK,
        # A refused form is shown with its error even when the zaak closed meanwhile (someone else closed it).
        "contact_form": forms_.get("contact_form") or (ContactpogingForm() if zaak.status != ZaakStatus.GESLOTEN
                                                       else None),
        "sluiten_form": forms_.get("sluiten_form") or (SluitenForm() if zaak.is_open else None),
        "brief_form": forms_.get("brief_form") or BriefForm(),
        "accept_error": forms_.get("accept_error") or "",
    }


def _page(request: HttpRequest, zaak: Vroegsignaalzaak, *, status: int = 200, **forms_: Any) -> HttpResponse:
    return render(request, "vroegsignalering/zaken/detail.html", _zaak_context(request, zaak, **forms_), status=status)


def _detail_url(zaak: Vroegsignaalzaak, anchor: str = "") -> str:
    return reverse("vroegsignalering:zaak_detail", args=[zaak.pk]) + (f"#{anchor}" if anchor else "")


def _add_errors(form: forms.Form, exc: ValidationError) -> None:
    # The service keys its errors by field name ("datum", "__all__"): they land where the worker looks.
    add_service_errors(form, exc)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require(may_work_on_zaken) let only a logged-in worker in
    return request.user


@require(may_work_on_zaken, scope=Scope.TEAM)
def zaak_detail(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_zaak_for_user(request, pk)
    return _page(request, zaak)


@require(may_work_on_zaken, scope=Scope.TEAM)
@require_POST
def zaak_contactpoging(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_zaak_for_user(request, pk)
    form = ContactpogingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            record_contact_attempt(zaak, soort=data["soort"], bereikt=data["bereikt"], datum=data["datum"],
                                   dagdeel=data["dagdeel"], notitie=data["notitie"], by=_user(request),
                                   request=request)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("De contactpoging is vastgelegd."))
            return HttpResponseRedirect(_detail_url(zaak, "contactpogingen"))
    return _page(request, zaak, status=400, contact_form=form)


@require(may_work_on_zaken, scope=Scope.TEAM)
@require_POST
def zaak_sluiten(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_zaak_for_user(request, pk)
    form = SluitenForm(request.POST)
    if form.is_valid():
        try:
            close_zaak(zaak, eindresultaat=form.cleaned_data["eindresultaat"], by=_user(request), request=request)
        except ValidationError as exc:
            _add_errors(form, exc)
        except TransitionNotAllowed as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De zaak is gesloten."))
            return HttpResponseRedirect(_detail_url(zaak))
    return _page(request, zaak, status=400, sluiten_form=form)


@require(may_work_on_zaken, scope=Scope.TEAM)
@require_POST
def zaak_hulp_geaccepteerd(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_zaak_for_user(request, pk)
    try:
        intake_id = accept_help(zaak, by=_user(request), request=request)
    except TransitionNotAllowed as exc:
        return _page(request, zaak, status=400, accept_error=str(exc))
    except IntakeFailed as exc:
        error = _("De hulpvraag kon niet worden aangemaakt, daarom is er niets opgeslagen. Probeer het opnieuw "
                  "of vraag de beheerder om hulp. (Melding: %(reden)s)") % {"reden": exc}
        return _page(request, zaak, status=400, accept_error=error)
    if intake_id is not None:
        messages.success(request, _("De inwoner accepteert hulp. Er is een hulpvraag voor het huishouden gemaakt."))
    else:
        messages.success(request, _("De inwoner accepteert hulp. De zaak staat op “Doorgezet naar intake”."))
    return HttpResponseRedirect(_detail_url(zaak, "intake"))


def _addressees(zaak: Vroegsignaalzaak) -> list[Persoon]:
    """Whom the letter names: the residents the signals are about (else the household's members), at most
    two; more than two: nobody ("De bewoners").

    The zaak's scope (get_zaak_for_user, need to know included) is what lets this worker write to its
    household, as on the zaak page; the members are read here in one query and only those named are
    recorded (as exported, by the caller), not the whole household."""
    assert zaak.huishouden_id is not None
    members = list(Persoon.objects.filter(huishouden_id=zaak.huishouden_id).order_by("geboortedatum", "pk"))
    about = set(zaak.signalen.filter(soort=SignaalSoort.FINANCIEEL, persoon__isnull=False)
                .values_list("persoon_id", flat=True))
    chosen = [m for m in members if m.pk in about] or members
    return chosen if 1 <= len(chosen) <= 2 else []


def _team_of(zaak: Vroegsignaalzaak) -> Team | None:
    if zaak.team is not None:
        return zaak.team
    # A zaak opened before its buurt had a team: the team that covers the buurt now.
    return Team.objects.filter(wijken__buurten=zaak.buurt_id).order_by("pk").first() if zaak.buurt_id else None


@require(may_work_on_zaken, scope=Scope.TEAM)
def zaak_brief(request: HttpRequest, pk: int) -> HttpResponse:
    zaak = get_zaak_for_user(request, pk)
    form = BriefForm(request.GET or None)
    if request.GET and not form.is_valid():
        return _page(request, zaak, status=400, brief_form=form)
    if zaak.huishouden is None:
        return _page(request, zaak, status=400, brief_form=form)
    data = form.cleaned_data if form.is_bound else {}
    adres = zaak.huishouden.adres
    named = _addressees(zaak)
    team = _team_of(zaak)
    user = _user(request)
    letter = brief.Letter(
        gemeente=team.gemeente.naam if team else "", team=team.naam if team else _("Het wijkteam"),
        team_phone=team.telefoon if team else "", team_email=team.email if team else "",
        names=[brief.letter_name(p.voorletters, p.tussenvoegsel, p.achternaam, p.voornamen) for p in named],
        street=f"{adres.straat} {adres.huisnummer_volledig}",
        postcode_place=f"{adres.postcode}  {adres.woonplaats}", made_on=timezone.localdate(),
        visit_on=data.get("bezoek_datum"), visit_at=data.get("bezoek_tijd"),
        worker=user.get_full_name() or "",
    )
    pdf = brief.render_letter(letter)
    # A letter carries names and an address out of the application: an export of the zaak, and one in the
    # trail of each person named in it (only those: the other members are not in the letter).
    record(request, Action.EXPORT, obj=zaak, household_id=zaak.huishouden_id,
           detail={"document": "uitnodigingsbrief", "personen": [p.pk for p in named]})
    for person in named:
        record(request, Action.EXPORT, obj=person, person_id=person.pk, household_id=person.huishouden_id,
               detail={"document": "uitnodigingsbrief", "zaak": zaak.pk})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="uitnodiging-zaak-{zaak.pk}.pdf"'
    return response
