# SPDX-License-Identifier: EUPL-1.2
"""The intake pages (/werk/hulpvragen/): the queue per team, the request page and its actions, the worker's
phone/desk intake, and the partner's warm handover.

- Queue: the user's teams' queues and, for teamleiders, the central queue (see access.py for why). It
  shows no names and no free text: a queue on a screen in an open office shows numbers, buurt, domains,
  door and deadline; opening a request is the (audited) read of the resident's data.
- Request page: the request, who asked and the household, where it came from (door, partner's note,
  vroegsignaalzaak), the consent given at the door and the consent recorded, the status history, the link to
  triage; actions (take it, assign, close, choose the person, confirm consents, route) are plain POST forms.
- Intake by phone/desk: a worker types what the resident says and records each consent as read out; the
  confirmation page shows what to tell the resident (the acknowledgement).
- Warm handover: a partner files a request for a resident with their consent and a note; afterwards the
  partner sees only that it was received, when, and by which team.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import Role, Team, User
from wijkteam.accounts.permissions import has_role
from wijkteam.core.access_rules import Scope
from wijkteam.core.forms import add_service_errors
from wijkteam.huishoudens.access import record_shown
from wijkteam.huishoudens.models import Doel, Toestemming

from .. import services
from ..access import (
    get_hulpvraag_for_user,
    handovers_of_organisation,
    hulpvragen_visible_to,
    may_file_warm_handover,
    may_handle_hulpvragen,
    may_route_hulpvragen,
    may_view_hulpvragen,
)
from ..models import HULPVRAAG_TRANSITIONS, Hulpvraag, HulpvraagStatus, Kanaal
from .acknowledgement import acknowledgement, kenmerk
from .forms import AssignForm, HandoverForm, IntakeForm, LinkPersonForm, QueueFilterForm, RouteForm, StatusActionForm
from .queue import queue_requests, queues_for

PAGE_SIZE = 25
HANDOVERS_SHOWN = 50
CONFIRMATION_KEY = "hulpvragen_bevestiging"
# Statuses the request page offers; getrieerd and doorgezet are set by the triage screen and its next steps.
PAGE_STATUSES = frozenset({HulpvraagStatus.IN_BEHANDELING, HulpvraagStatus.AFGESLOTEN})
# What the requester typed about themselves (Hulpvraag.aangeleverd), in the page's words.
AANGELEVERD_LABELS = {
    "voornamen": gettext_lazy("Voornaam"), "voorletters": gettext_lazy("Voorletters"),
    "tussenvoegsel": gettext_lazy("Tussenvoegsel"), "achternaam": gettext_lazy("Achternaam"),
    "geboortedatum": gettext_lazy("Geboortedatum"), "telefoon": gettext_lazy("Telefoon"),
    "email": gettext_lazy("E-mail"),
}


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # @require let only a logged-in user in
    return request.user


def _reverse_or_none(name: str, **kwargs: Any) -> str | None:
    # Triage (H5b) and the zaak page (vroegsignalering) are other capabilities' URLs: link when they exist.
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _detail(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk}))


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- Queue ----------------------------------------------------------------------------------------


@require(may_handle_hulpvragen)
def queue(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    queues = queues_for(user)
    form = QueueFilterForm(request.GET or None, queues=[(q.key, q.label) for q in queues])
    filters: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    chosen = next((q for q in queues if q.key == filters.get("wachtrij")), queues[0] if queues else None)
    page = None
    if chosen is not None:
        rows = queue_requests(chosen, status=filters.get("status") or "open", kanaal=filters.get("kanaal", ""),
                              behandelaar=filters.get("behandelaar", ""), user=user,
                              alleen_spoed=bool(filters.get("alleen_spoed")),
                              alleen_te_laat=bool(filters.get("alleen_te_laat")), today=timezone.localdate())
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "hulpvragen/intake/queue.html", {
        "form": form, "queue": chosen, "page": page, "today": timezone.localdate(), "query": query.urlencode(),
        "queues": queues,
    })


# --- Request page -----------------------------------------------------------------------------------


def _consents(hulpvraag: Hulpvraag) -> list[dict[str, Any]]:
    """Per purpose: what was answered at the door, and what stands now on the person (the latest row)."""
    latest: dict[str, Toestemming] = {}
    if hulpvraag.persoon_id:
        for row in (Toestemming.objects.filter(persoon_id=hulpvraag.persoon_id).select_related("vastgelegd_door")
                    .order_by("-tijdstip", "-id")):
            latest.setdefault(row.doel, row)
    return [{"doel": doel.label, "bij_aanvraag": hulpvraag.toestemmingen.get(doel.value),
             "nu": latest.get(doel.value)} for doel in Doel]


@require(may_view_hulpvragen, scope=Scope.TEAM)
def hulpvraag_detail(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk)
    user = _user(request)
    kandidaten = list(hulpvraag.kandidaten.select_related("huishouden__adres").order_by("pk")) \
        if hulpvraag.persoon_onzeker else []
    if kandidaten:
        record_shown(request, kandidaten, via="hulpvraag")
    handles = may_handle_hulpvragen(user)
    team_members = (list(User.objects.filter(teams=hulpvraag.team_id, is_active=True,
                                             role__in=[Role.MEDEWERKER, Role.TEAMLEIDER]).order_by("username"))
                    if handles and hulpvraag.team_id else [])
    statuses = [s for s in HulpvraagStatus if s in HULPVRAAG_TRANSITIONS[hulpvraag.status] and s in PAGE_STATUSES]
    return render(request, "hulpvragen/intake/detail.html", {
        "hulpvraag": hulpvraag,
        "kenmerk": kenmerk(hulpvraag),
        "kandidaten": kandidaten,
        "aangeleverd": [(AANGELEVERD_LABELS.get(key, key), value) for key, value in hulpvraag.aangeleverd.items()],
        "consents": _consents(hulpvraag),
        "historie": list(hulpvraag.historie.select_related("door").order_by("tijdstip", "id")),
        "acknowledgement": acknowledgement(hulpvraag) if hulpvraag.kanaal != Kanaal.VROEGSIGNALERING else None,
        "triage_url": _reverse_or_none("hulpvragen:triage", pk=hulpvraag.pk),
        "zaak_url": _reverse_or_none("vroegsignalering:zaak_detail", pk=hulpvraag.vroegsignaalzaak_id)
        if hulpvraag.vroegsignaalzaak_id else None,
        "handles": handles,
        "team_members": team_members,
        "statuses": statuses,
        "status_form": StatusActionForm(),
        "may_route": may_route_hulpvragen(user),
        "teams": list(Team.objects.order_by("naam")) if may_route_hulpvragen(user) else [],
        "consent_to_confirm": handles and hulpvraag.persoon_id and hulpvraag.toestemmingen
        and hulpvraag.aangemaakt_door_id is None and hulpvraag.toestemmingen_bevestigd is None,
    })


@require(may_handle_hulpvragen, scope=Scope.TEAM)
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="assign")
    user = _user(request)
    if request.POST.get("actie") == "zelf":
        behandelaar: User | None = user
    elif request.POST.get("actie") == "vrijgeven":
        behandelaar = None
    else:
        form = AssignForm(request.POST)
        if not form.is_valid() or form.cleaned_data["behandelaar"] is None:
            messages.error(request, _("Kies een medewerker."))
            return _detail(pk)
        behandelaar = User.objects.filter(pk=form.cleaned_data["behandelaar"]).first()
        if behandelaar is None:
            messages.error(request, _("Deze medewerker bestaat niet."))
            return _detail(pk)
    try:
        services.assign(hulpvraag, behandelaar, by=user, request=request)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Toegewezen aan %(naam)s.") % {"naam": behandelaar.get_full_name() or
                                                                   behandelaar.username}
                         if behandelaar else _("De hulpvraag staat weer in de wachtrij."))
    return _detail(pk)


@require(may_handle_hulpvragen, scope=Scope.TEAM)
@require_POST
def change_status(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="status")
    form = StatusActionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["naar"] not in PAGE_STATUSES:
        messages.error(request, _("Kies een nieuwe status."))
        return _detail(pk)
    try:
        services.change_status(hulpvraag, form.cleaned_data["naar"], by=_user(request), request=request,
                               toelichting=form.cleaned_data.get("toelichting", ""),
                               afsluitreden=form.cleaned_data.get("afsluitreden", ""))
    except services.TransitionNotAllowed as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("De status is nu: %(status)s.") % {"status": hulpvraag.get_status_display()})
    return _detail(pk)


@require(may_handle_hulpvragen, scope=Scope.TEAM)
@require_POST
def link_person(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="aanvrager")
    form = LinkPersonForm(request.POST)
    # Only one of the offered candidates: choosing anyone else goes through the person search first.
    chosen = form.cleaned_data["persoon"] if form.is_valid() else None
    # The linked person again: the worker confirms the differing phone/e-mail typed at this door.
    persoon = (hulpvraag.persoon if chosen is not None and chosen == hulpvraag.persoon_id
               else hulpvraag.kandidaten.filter(pk=chosen).first() if chosen is not None else None)
    if persoon is None:
        messages.error(request, _("Kies een van de bewoners die bij de gegevens passen."))
        return _detail(pk)
    services.link_person(hulpvraag, persoon, by=_user(request), request=request)
    messages.success(request, _("De aanvrager is vastgelegd."))
    return _detail(pk)


@require(may_handle_hulpvragen, scope=Scope.TEAM)
@require_POST
def confirm_consents(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="toestemming")
    try:
        count = services.confirm_consents(hulpvraag, by=_user(request), request=request)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("%(n)s toestemmingen vastgelegd bij de bewoner.") % {"n": count})
    return _detail(pk)


@require(may_route_hulpvragen, scope=Scope.TEAM)
@require_POST
def route(request: HttpRequest, pk: int) -> HttpResponse:
    hulpvraag = get_hulpvraag_for_user(request, pk, purpose="team")
    form = RouteForm(request.POST)
    team = Team.objects.filter(pk=form.cleaned_data["team"]).first() if form.is_valid() else None
    if team is None:
        messages.error(request, _("Kies een team."))
        return _detail(pk)
    try:
        services.route_to_team(hulpvraag, team, by=_user(request), request=request)
    except ValidationError as exc:
        _errors(request, exc)
        return _detail(pk)
    messages.success(request, _("De hulpvraag staat nu in de wachtrij van %(team)s.") % {"team": team.naam})
    if not hulpvragen_visible_to(request.user).filter(pk=pk).exists():
        return HttpResponseRedirect(reverse("hulpvragen:queue"))
    return _detail(pk)


# --- New requests: by a worker, by a partner ------------------------------------------------------------


def may_take_requests(user: Any) -> bool:
    """Who files requests for a resident: wijkteam workers (phone, desk) and partners (warm handover)."""
    return may_handle_hulpvragen(user) or may_file_warm_handover(user)


def _confirm(request: HttpRequest, hulpvraag: Hulpvraag) -> HttpResponseRedirect:
    # Post/redirect/get: the confirmation page reads the new request's id from the session, never the URL.
    request.session[CONFIRMATION_KEY] = hulpvraag.pk
    return HttpResponseRedirect(reverse("hulpvragen:confirmation"))


@require(may_handle_hulpvragen)
def intake_new(request: HttpRequest) -> HttpResponse:
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hulpvraag = services.create_request(
                kanaal=form.cleaned_data["kanaal"], omschrijving=form.cleaned_data["omschrijving"],
                levensdomeinen=form.cleaned_data["levensdomeinen"], aanvrager=form.aanvrager(), adres=form.adres(),
                contact=form.contact(), toestemmingen=form.toestemmingen(), urgent=form.cleaned_data["urgent"],
                by=_user(request), request=request)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _confirm(request, hulpvraag)
    status = 400 if request.method == "POST" else 200
    return render(request, "hulpvragen/intake/intake_form.html", {"form": form}, status=status)


@require(may_file_warm_handover)
def handover_new(request: HttpRequest) -> HttpResponse:
    form = HandoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _user(request)
        try:
            hulpvraag = services.create_request(
                kanaal=Kanaal.WARME_OVERDRACHT, omschrijving=form.cleaned_data["omschrijving"],
                levensdomeinen=form.cleaned_data["levensdomeinen"], aanvrager=form.aanvrager(), adres=form.adres(),
                contact=form.contact(), toestemmingen=form.toestemmingen(), urgent=form.cleaned_data["urgent"],
                by=user, request=request, verwijzer=user,
                overdracht_notitie=form.cleaned_data["overdracht_notitie"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _confirm(request, hulpvraag)
    status = 400 if request.method == "POST" else 200
    return render(request, "hulpvragen/intake/handover_form.html", {"form": form}, status=status)


@require(may_take_requests)
def confirmation(request: HttpRequest) -> HttpResponse:
    """What to tell the resident about the request this user just filed (no other request: the id comes
    from this session and must be one the user filed)."""
    pk = request.session.get(CONFIRMATION_KEY)
    hulpvraag = (Hulpvraag.objects.select_related("team").filter(pk=pk, aangemaakt_door=request.user.pk).first()
                 if pk else None)
    if hulpvraag is None:
        messages.info(request, _("Er is geen nieuwe hulpvraag om te bevestigen."))
        target = "hulpvragen:handovers" if has_role(request.user, Role.PARTNER) else "hulpvragen:queue"
        return HttpResponseRedirect(reverse(target))
    may_open = hulpvragen_visible_to(request.user).filter(pk=hulpvraag.pk).exists()
    return render(request, "hulpvragen/intake/confirmation.html", {
        "hulpvraag": hulpvraag, "kenmerk": kenmerk(hulpvraag), "acknowledgement": acknowledgement(hulpvraag),
        "may_open": may_open, "partner": has_role(request.user, Role.PARTNER),
    })


@require(may_file_warm_handover)
def handovers(request: HttpRequest) -> HttpResponse:
    """The partner's own organisation's handovers: received when, by which team. Never the file."""
    user = _user(request)
    rows = list(handovers_of_organisation(user).order_by("-ontvangen", "-pk")[:HANDOVERS_SHOWN])
    return render(request, "hulpvragen/intake/handovers.html", {
        "rows": [{"kenmerk": kenmerk(h), "ontvangen": h.ontvangen, "team": h.team.naam if h.team else None}
                 for h in rows],
    })
