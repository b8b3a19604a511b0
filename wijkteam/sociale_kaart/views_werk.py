# SPDX-License-Identifier: EUPL-1.2
"""Staff pages of the sociale kaart under /werk/sociale-kaart/: partners keep their own entries,
the beheerder keeps all and handles duplicates. Views are thin: access.py decides who may edit
what (and audits refusals), forms_werk.py validates, services.py writes.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import Role, User
from wijkteam.accounts.permissions import (
    has_role,
    may_maintain_sociale_kaart,
    may_merge_sociale_kaart,
    may_use_werkomgeving,
    may_view_verouderd_aanbod,
)
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from . import access, duplicates, freshness, services
from .forms_werk import LocationForm, MergeForm, ScheduleFormSet, ServiceForm, editable_rule, label_delete_fields
from .models import Location, Metadata, Schedule, Service
from .models.werk import DuplicateCandidate, DuplicateStatus, VerificationStatus, VerificationTask
from .visibility import hide_cutoff, is_stale, last_checked, verify_cutoff

PAGE_SIZE = 50


def _freshness_label(service: Service) -> tuple[str, str]:
    """(status-badge modifier, Dutch label) for lists."""
    if is_stale(service):
        return "danger", _("Verborgen: te lang niet gecontroleerd")
    if last_checked(service) < verify_cutoff():
        return "warning", _("Controle nodig")
    return "success", _("Actueel")


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


def _nav_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "open_task_count": access.open_task_count(request.user),
        "may_maintain": may_maintain_sociale_kaart(request.user),
        "may_merge": may_merge_sociale_kaart(request.user),
        "may_view_verouderd": may_view_verouderd_aanbod(request.user),
    }


# --- Mijn aanbod -----------------------------------------------------------------------------------


@require(may_maintain_sociale_kaart)
def mijn_aanbod(request: HttpRequest) -> HttpResponse:
    """The partner's own services (the beheerder: all), with their open "klopt dit nog?" tasks."""
    query = request.GET.get("q", "").strip()[:100]
    services_qs = access.services_editable_by(request.user).select_related("organization")
    if query:
        services_qs = services_qs.filter(Q(name__icontains=query) | Q(organization__name__icontains=query))
    page = Paginator(services_qs.order_by("organization__name", "name", "id"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    rows = [(s, *_freshness_label(s)) for s in page.object_list]
    tasks = list(access.open_tasks_for(request.user)[:PAGE_SIZE])
    return render(request, "sociale_kaart/werk/mijn_aanbod.html", {
        "rows": rows, "page": page, "query": query, "tasks": tasks,
        "organizations": [] if has_role(request.user, Role.BEHEERDER) else list(
            access.organizations_editable_by(request.user).order_by("name")[:20]),
        "is_beheerder": has_role(request.user, Role.BEHEERDER),
        **_nav_context(request),
    })


@require(may_maintain_sociale_kaart)
@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest) -> HttpResponse:
    organizations = access.organizations_editable_by(request.user).order_by("name")
    form = ServiceForm(request.POST or None, organizations=organizations, creating=True)
    matches: list[duplicates.DuplicateMatch] = []
    if request.method == "POST" and form.is_valid():
        data = form.service_input()
        matches = duplicates.find_duplicates(data.fields["name"], phone=data.phone or "")
        if matches and not form.cleaned_data.get("confirm_duplicate"):
            # Ask before saving: "Lijkt op: … — toch opslaan?"
            return render(request, "sociale_kaart/werk/service_form.html", {
                "form": form, "creating": True, "matches": matches, **_nav_context(request),
            }, status=200)
        # The author says it differs; the beheerder still gets the pairs to judge.
        result = services.create_service(form.cleaned_data["organization"], data, user=request.user, request=request,
                                         confirmed_lookalikes=matches)
        messages.success(request, _("Het aanbod is opgeslagen. Voeg nu een locatie en openingstijden toe."))
        return redirect("sociale_kaart_werk:service_edit", pk=result.service.pk)
    return render(request, "sociale_kaart/werk/service_form.html", {
        "form": form, "creating": True, "matches": matches, "no_organization": not organizations.exists(),
        **_nav_context(request),
    })


# The views below only require a staff login: whether THIS record may be edited is decided by the
# access helper, so a refusal is audited with the record's id.


@require(may_use_werkomgeving)
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    service = access.get_service_for_edit(request, pk)
    form = ServiceForm(request.POST or None, instance=service, organizations=access.organizations_editable_by(
        request.user))
    if request.method == "POST" and form.is_valid():
        # Never form.save(): services.update_service locks the row and records every change.
        result = services.update_service(
            service, form.service_input(), user=request.user, request=request,
            verify=form.cleaned_data.get("confirm_current", False),
        )
        if result.changes:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
        else:
            messages.info(request, _("Er was niets veranderd."))
        return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    if request.method == "POST":
        # ModelForm validation wrote the posted values on the instance; show the stored ones elsewhere.
        service = Service.objects.select_related("organization").get(pk=service.pk)
    return render(request, "sociale_kaart/werk/service_form.html", {
        "form": form, "service": service, "creating": False, **_service_context(service), **_nav_context(request),
    })


def _service_context(service: Service) -> dict[str, Any]:
    from .schedules import describe

    links = service.service_at_locations.select_related("location__buurt__wijk").prefetch_related("location__addresses")
    return {
        "locations": [link.location for link in links],
        "schedules": [describe(s) for s in service.schedules.all()],
        "freshness": _freshness_label(service),
        "last_checked": last_checked(service),
        "open_task": VerificationTask.objects.filter(service=service, status=VerificationStatus.OPEN).first(),
    }


@require(may_use_werkomgeving)
@require_http_methods(["GET", "POST"])
def schedules_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    from .schedules import describe

    service = access.get_service_for_edit(request, pk)
    rows = list(Schedule.objects.filter(service=service).order_by("created", "id"))
    editable = [(s, editable_rule(s)) for s in rows]
    initial = [rule for _s, rule in editable if rule is not None]
    other = [describe(s) for s, rule in editable if rule is None]
    formset = ScheduleFormSet(request.POST or None, initial=initial, prefix="tijd",
                              allowed_ids=[s.id for s, rule in editable if rule is not None])
    label_delete_fields(formset)
    if request.method == "POST" and formset.is_valid():
        try:
            changes = services.save_schedules(service, formset.schedule_inputs(), user=request.user, request=request)
        except Schedule.DoesNotExist:
            # Another editor removed a row meanwhile (the formset already refuses foreign ids).
            messages.error(request, _("Deze openingstijden zijn intussen gewijzigd. Laad de pagina opnieuw."))
        else:
            if changes:
                messages.success(request, _("De openingstijden zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    return render(request, "sociale_kaart/werk/schedules_form.html", {
        "service": service, "formset": formset, "other_schedules": other, **_nav_context(request),
    })


@require(may_use_werkomgeving)
@require_http_methods(["GET", "POST"])
def location_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    service = access.get_service_for_edit(request, pk)
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_location(None, form.location_input(), organization=service.organization, service=service,
                               user=request.user, request=request)
        messages.success(request, _("De locatie is opgeslagen."))
        return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    return render(request, "sociale_kaart/werk/location_form.html", {
        "form": form, "service": service, "location": None, **_nav_context(request),
    })


@require(may_use_werkomgeving)
@require_http_methods(["GET", "POST"])
def location_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    location = access.get_location_for_edit(request, pk)
    form = LocationForm(request.POST or None, location=location)
    back = _safe_next(request, reverse("sociale_kaart_werk:mijn_aanbod"))
    if request.method == "POST" and form.is_valid():
        assert location.organization is not None  # editable locations always have an owner
        services.save_location(location, form.location_input(), organization=location.organization,
                               user=request.user, request=request)
        messages.success(request, _("De locatie is opgeslagen."))
        return HttpResponseRedirect(back)
    return render(request, "sociale_kaart/werk/location_form.html", {
        "form": form, "service": None, "location": location, "next": back, **_nav_context(request),
    })


@require(may_use_werkomgeving)
def service_history(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Who changed what: the HSDS metadata rows of the service and its details."""
    service = access.get_service_for_edit(request, pk)
    related_ids = [service.pk]
    related_ids += list(service.phones.values_list("id", flat=True))
    related_ids += list(service.schedules.values_list("id", flat=True))
    related_ids += list(service.cost_options.values_list("id", flat=True))
    related_ids += list(service.languages.values_list("id", flat=True))
    rows = Metadata.objects.filter(resource_id__in=related_ids).order_by("-created", "-id")[:500]
    return render(request, "sociale_kaart/werk/history.html", {
        "service": service, "rows": rows, **_nav_context(request),
    })


# --- Klopt nog -------------------------------------------------------------------------------------


@require(may_use_werkomgeving)
@require_POST
def service_verify(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The in-app "klopt nog" button (POST only)."""
    service = access.get_service_for_edit(request, pk)
    services.verify_service(service, user=request.user, request=request)
    messages.success(request, _("Dank je. „%(name)s” is bevestigd als actueel.") % {"name": service.name})
    return HttpResponseRedirect(_safe_next(request, reverse("sociale_kaart_werk:mijn_aanbod")))


@require_http_methods(["GET", "POST"])
def klopt_nog_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the mail. GET only shows what will be confirmed; the POST button confirms.

    No login needed: the signed, expiring token is the permission, and it allows exactly one
    thing, confirming one service. A tampered token gets 400, an expired one 410.
    """
    try:
        payload = freshness.read_token(token)
    except freshness.TokenError as exc:
        record(request, Action.DENIED, outcome="denied", object_type="sociale_kaart.verificationtask",
               detail={"reason": exc.reason})
        status = 410 if exc.reason == "expired" else 400
        return render(request, "sociale_kaart/werk/klopt_nog_ongeldig.html",
                      {"reason": exc.reason, "link_days": freshness.link_days()}, status=status)
    task = VerificationTask.objects.select_related("service__organization__organisatie").filter(
        pk=payload["t"]).first()
    user = User.objects.filter(pk=payload["u"]).first() if payload.get("u") else None
    organisatie = task.service.organization.organisatie if task else None
    valid_user = user is None or (
        user.is_active and user.role == Role.PARTNER and organisatie is not None
        and user.organisatie_id == organisatie.pk
    )
    if task is None or organisatie is None or not valid_user:
        # The service moved to another organisation, or the recipient left: the link no longer counts.
        return render(request, "sociale_kaart/werk/klopt_nog_ongeldig.html",
                      {"reason": "invalid", "link_days": freshness.link_days()}, status=400)
    service = task.service
    done = task.status != VerificationStatus.OPEN
    if request.method == "POST" and not done:
        updated_by = user.get_username() if user is not None else f"e-maillink:{organisatie.naam}"
        services.verify_service(service, user=user, request=request, updated_by=updated_by,
                                assurer_email=user.email if user is not None else organisatie.email)
        return render(request, "sociale_kaart/werk/klopt_nog_bedankt.html", {"service": service})
    return render(request, "sociale_kaart/werk/klopt_nog_bevestigen.html",
                  {"service": service, "task": task, "done": done, "token": token})


# --- Verouderd aanbod -------------------------------------------------------------------------------


@require(may_view_verouderd_aanbod)
def verouderd(request: HttpRequest) -> HttpResponse:
    """Entries nobody confirmed in time: hidden ones first, then those that need a check soon.

    Partners see their own; the beheerder all; wijkteam staff all, read-only (no buttons): they
    refer residents and should know which entries are hidden and why.
    """
    partner = has_role(request.user, Role.PARTNER)
    base = access.services_editable_by(request.user) if partner else Service.objects.all()
    qs = freshness.due_services().filter(pk__in=base.values("pk")).select_related("organization")
    page = Paginator(qs.order_by("assured_date", "created", "name", "id"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    can_edit = may_maintain_sociale_kaart(request.user)
    rows = [(s, *_freshness_label(s), last_checked(s)) for s in page.object_list]
    return render(request, "sociale_kaart/werk/verouderd.html", {
        "rows": rows, "page": page, "can_edit": can_edit, "hide_cutoff": hide_cutoff(),
        **_nav_context(request),
    })


# --- Dubbelingen ------------------------------------------------------------------------------------


@require(may_merge_sociale_kaart)
def dubbelingen(request: HttpRequest) -> HttpResponse:
    qs = (
        DuplicateCandidate.objects.filter(status=DuplicateStatus.OPEN)
        .exclude(service_a__merged_into__isnull=False).exclude(service_b__merged_into__isnull=False)
        .select_related("service_a__organization", "service_b__organization")
    )
    page = Paginator(qs.order_by("-score", "detected_at", "id"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "sociale_kaart/werk/dubbelingen.html", {"page": page, **_nav_context(request)})


def _candidate_services(candidate: DuplicateCandidate) -> tuple[Service, Service]:
    return candidate.service_a, candidate.service_b


@require(may_merge_sociale_kaart)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirmation page (GET) and the merge itself (POST)."""
    candidate = get_object_or_404(
        DuplicateCandidate.objects.select_related("service_a__organization", "service_b__organization"),
        pk=pk, status=DuplicateStatus.OPEN,
    )
    pair = _candidate_services(candidate)
    form = MergeForm(request.POST or None, services=pair, initial={"survivor": str(_default_survivor(pair).pk)})
    if request.method == "POST" and form.is_valid():
        survivor, merged = form.chosen()
        try:
            services.merge_services(survivor, merged, user=request.user, request=request)
        except services.MergeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("„%(merged)s” is samengevoegd met „%(survivor)s”.") % {
                "merged": merged.name, "survivor": survivor.name})
            return redirect("sociale_kaart_werk:dubbelingen")
    summaries = [_summary(s) for s in pair]
    return render(request, "sociale_kaart/werk/merge.html", {
        "candidate": candidate, "form": form, "summaries": summaries, **_nav_context(request),
    })


def _default_survivor(pair: tuple[Service, Service]) -> Service:
    """The most recently checked one, else the older record (its id is more likely linked to)."""
    a, b = pair
    if last_checked(a) != last_checked(b):
        return a if last_checked(a) > last_checked(b) else b
    return a if a.created <= b.created else b


def _summary(service: Service) -> dict[str, Any]:
    return {
        "service": service,
        "locations": list(Location.objects.filter(service_at_locations__service=service)
                          .prefetch_related("addresses")),
        "phones": list(service.phones.values_list("number", flat=True)),
        "schedules": service.schedules.count(),
        "terms": list(service.terms().values_list("name", flat=True)),
        "last_checked": last_checked(service),
    }


@require(may_merge_sociale_kaart)
@require_POST
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(DuplicateCandidate, pk=pk, status=DuplicateStatus.OPEN)
    duplicates.dismiss_candidate(candidate, username=request.user.get_username())
    record(request, Action.UPDATE, obj=candidate, detail={"dismissed": True,
                                                          "service_a": str(candidate.service_a_id),
                                                          "service_b": str(candidate.service_b_id)})
    messages.success(request, _("Gemarkeerd als geen dubbeling."))
    return redirect("sociale_kaart_werk:dubbelingen")
