# SPDX-License-Identifier: EUPL-1.2
"""Partner upkeep under /werk/sociale-kaart/: partners keep their own entries (the beheerder all):
services, their locations and opening times, their history and the in-app "klopt nog" button.
Views are thin: access.py decides who may edit what (and audits refusals), forms.py validates,
services.py writes.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import Role
from wijkteam.accounts.permissions import has_role, may_maintain_sociale_kaart, may_use_werkomgeving
from wijkteam.core.access_rules import Scope

from .. import access, duplicates
from ..freshness import freshness_label
from ..models import Location, Metadata, Schedule, Service
from ..models.werk import VerificationStatus, VerificationTask
from ..navigation import PAGE_SIZE, nav_context
from ..schedules import describe
from ..visibility import last_checked
from . import services
from .forms import LocationForm, ScheduleFormSet, ServiceForm, editable_rule, label_delete_fields


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


# --- Mijn aanbod -----------------------------------------------------------------------------------


@require(may_maintain_sociale_kaart)
def mijn_aanbod(request: HttpRequest) -> HttpResponse:
    """The partner's own services (the beheerder: all), with their open "klopt dit nog?" tasks."""
    # NUL cannot be in a PostgreSQL text value (the query would fail with a 500): drop it like spaces.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    services_qs = access.services_editable_by(request.user).select_related("organization")
    if query:
        services_qs = services_qs.filter(Q(name__icontains=query) | Q(organization__name__icontains=query))
    page = Paginator(services_qs.order_by("organization__name", "name", "id"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    rows = [(s, *freshness_label(s)) for s in page.object_list]
    tasks = list(access.open_tasks_for(request.user)[:PAGE_SIZE])
    return render(request, "sociale_kaart/partner/mijn_aanbod.html", {
        "rows": rows, "page": page, "query": query, "tasks": tasks,
        "organizations": [] if has_role(request.user, Role.BEHEERDER) else list(
            access.organizations_editable_by(request.user).order_by("name")[:20]),
        "is_beheerder": has_role(request.user, Role.BEHEERDER),
        **nav_context(request),
    })


@require(may_maintain_sociale_kaart)
@require_http_methods(["GET", "POST"])
def service_create(request: HttpRequest) -> HttpResponse:
    organizations = access.organizations_editable_by(request.user).order_by("name")
    form = ServiceForm(request.POST or None, organizations=organizations, creating=True)
    matches: list[duplicates.DuplicateMatch] = []
    if request.method == "POST" and form.is_valid():
        data = form.service_input()
        matches = duplicates.find_duplicates(
            data.fields["name"], phone=data.phone or "", email=data.fields.get("email") or "",
            url=data.fields.get("url") or "", organization=form.cleaned_data["organization"],
        )
        if matches and not form.cleaned_data.get("confirm_duplicate"):
            # Ask before saving: "Lijkt op: … — toch opslaan?"
            return render(request, "sociale_kaart/partner/service_form.html", {
                "form": form, "creating": True, "matches": matches, **nav_context(request),
            }, status=200)
        # The author says it differs; the beheerder still gets the pairs to judge.
        result = services.create_service(form.cleaned_data["organization"], data, user=request.user, request=request,
                                         confirmed_lookalikes=matches)
        messages.success(request, _("Het aanbod is opgeslagen. Voeg nu een locatie en openingstijden toe."))
        return redirect("sociale_kaart_werk:service_edit", pk=result.service.pk)
    return render(request, "sociale_kaart/partner/service_form.html", {
        "form": form, "creating": True, "matches": matches, "no_organization": not organizations.exists(),
        **nav_context(request),
    })


# The views below only require a staff login: whether THIS record may be edited is decided by the
# access helper, so a refusal is audited with the record's id.


# Shown when a save is refused because someone else saved the same record after the page was loaded.
STALE_MESSAGE = gettext_lazy(
    "Iemand anders heeft dit aanbod intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen, maar staan "
    "nog in het formulier. Hieronder ziet u wat er nu is opgeslagen. Neem over wat u wilt houden en sla "
    "opnieuw op."
)


def _posted_version(request: HttpRequest) -> str | None:
    """The version the form was loaded with (see services.service_version); None when absent."""
    value = request.POST.get("versie")
    return value[:64] if value is not None else None


def _shown(bound: forms.BoundField) -> str:
    """A field's value as the user reads it: choice labels instead of keys."""
    value = bound.value()
    values = value if isinstance(value, list | tuple) else [value]
    field = bound.field
    if isinstance(field, forms.ModelMultipleChoiceField):
        chosen = {str(v) for v in values}
        options = field.queryset if field.queryset is not None else []
        return ", ".join(str(field.label_from_instance(o)) for o in options if str(o.pk) in chosen)
    if isinstance(field, forms.BooleanField):
        return _("ja") if value in (True, "on", "true", "True") else _("nee")
    choices = dict(getattr(field, "choices", []) or [])
    return ", ".join(str(choices.get(v, v)) for v in values if v not in (None, ""))


def _differences(current: forms.BaseForm, posted: forms.BaseForm) -> list[tuple[str, str]]:
    """(label, what is stored now) for each field where the stored value differs from the user's."""
    rows = []
    for name, field in current.fields.items():
        if isinstance(field.widget, forms.HiddenInput) or name.startswith("confirm_"):
            continue
        stored, mine = _shown(current[name]), _shown(posted[name])
        if stored != mine:
            rows.append((str(field.label), stored or "—"))
    return rows


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    service = access.get_service_for_edit(request, pk)
    organizations = access.organizations_editable_by(request.user)
    version = services.service_version(service)
    form = ServiceForm(request.POST or None, instance=service, organizations=organizations)
    conflicts: list[tuple[str, str]] | None = None
    if request.method == "POST" and form.is_valid():
        try:
            # Never form.save(): services.update_service locks the row and records every change.
            result = services.update_service(
                service, form.service_input(), user=request.user, request=request,
                verify=form.cleaned_data.get("confirm_current", False), expected_version=_posted_version(request),
            )
        except services.StaleEdit:
            fresh = Service.objects.select_related("organization").get(pk=service.pk)
            version = services.service_version(fresh)
            conflicts = _differences(ServiceForm(instance=fresh, organizations=organizations), form)
            form.add_error(None, STALE_MESSAGE)
        else:
            if result.changes:
                messages.success(request, _("De wijzigingen zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    if request.method == "POST":
        # ModelForm validation wrote the posted values on the instance; show the stored ones elsewhere.
        service = Service.objects.select_related("organization").get(pk=service.pk)
        if conflicts is None:
            version = _posted_version(request) or version
    return render(request, "sociale_kaart/partner/service_form.html", {
        "form": form, "service": service, "creating": False, "version": version, "conflicts": conflicts,
        **_service_context(service), **nav_context(request),
    }, status=409 if conflicts is not None else 200)


def _service_context(service: Service) -> dict[str, Any]:
    links = service.service_at_locations.select_related("location__buurt__wijk").prefetch_related("location__addresses")
    return {
        "locations": [link.location for link in links],
        "schedules": [describe(s) for s in service.schedules.all()],
        "freshness": freshness_label(service),
        "last_checked": last_checked(service),
        "open_task": VerificationTask.objects.filter(service=service, status=VerificationStatus.OPEN).first(),
    }


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
@require_http_methods(["GET", "POST"])
def schedules_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    service = access.get_service_for_edit(request, pk)
    rows = list(Schedule.objects.filter(service=service).order_by("created", "id"))
    editable = [(s, editable_rule(s)) for s in rows]
    initial = [rule for _s, rule in editable if rule is not None]
    other = [describe(s) for s, rule in editable if rule is None]
    version = services.schedules_version(service)
    formset = ScheduleFormSet(request.POST or None, initial=initial, prefix="tijd",
                              allowed_ids=[s.id for s, rule in editable if rule is not None])
    label_delete_fields(formset)
    conflicts: list[tuple[str, str]] | None = None
    if request.method == "POST" and formset.is_valid():
        try:
            changes = services.save_schedules(service, formset.schedule_inputs(), user=request.user, request=request,
                                              expected_version=_posted_version(request))
        except services.StaleEdit:
            # Someone else saved the opening times after this page was loaded: show theirs, keep ours.
            stored = Schedule.objects.filter(service=service).order_by("created", "id")
            conflicts = [(_("Openingstijd %(n)s") % {"n": n}, describe(s)) for n, s in enumerate(stored, 1)] or [
                (_("Openingstijden"), _("geen"))]
            messages.error(request, STALE_MESSAGE)
        except Schedule.DoesNotExist:
            # Another editor removed a row meanwhile (the formset already refuses foreign ids).
            messages.error(request, _("Deze openingstijden zijn intussen gewijzigd. Laad de pagina opnieuw."))
        else:
            if changes:
                messages.success(request, _("De openingstijden zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets veranderd."))
            return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    elif request.method == "POST":
        version = _posted_version(request) or version
    return render(request, "sociale_kaart/partner/schedules_form.html", {
        "service": service, "formset": formset, "other_schedules": other, "version": version,
        "conflicts": conflicts, **nav_context(request),
        "error_links": formset.error_links() if request.method == "POST" else [],
    }, status=409 if conflicts is not None else 200)


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
@require_http_methods(["GET", "POST"])
def location_create(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    service = access.get_service_for_edit(request, pk)
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_location(None, form.location_input(), organization=service.organization, service=service,
                               user=request.user, request=request)
        messages.success(request, _("De locatie is opgeslagen."))
        return redirect("sociale_kaart_werk:service_edit", pk=service.pk)
    return render(request, "sociale_kaart/partner/location_form.html", {
        "form": form, "service": service, "location": None, **nav_context(request),
    })


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
@require_http_methods(["GET", "POST"])
def location_edit(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    location = access.get_location_for_edit(request, pk)
    version = services.location_version(location)
    form = LocationForm(request.POST or None, location=location)
    back = _safe_next(request, reverse("sociale_kaart_werk:mijn_aanbod"))
    conflicts: list[tuple[str, str]] | None = None
    if request.method == "POST" and form.is_valid():
        assert location.organization is not None  # editable locations always have an owner
        try:
            services.save_location(location, form.location_input(), organization=location.organization,
                                   user=request.user, request=request, expected_version=_posted_version(request))
        except services.StaleEdit:
            fresh = Location.objects.get(pk=location.pk)
            version = services.location_version(fresh)
            conflicts = _differences(LocationForm(location=fresh), form)
            form.add_error(None, STALE_MESSAGE)
        else:
            messages.success(request, _("De locatie is opgeslagen."))
            return HttpResponseRedirect(back)
    elif request.method == "POST":
        version = _posted_version(request) or version
    return render(request, "sociale_kaart/partner/location_form.html", {
        "form": form, "service": None, "location": location, "next": back, "version": version,
        "conflicts": conflicts, **nav_context(request),
    }, status=409 if conflicts is not None else 200)


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
def service_history(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Who changed what: the HSDS metadata rows of the service and its details."""
    service = access.get_service_for_edit(request, pk)
    related_ids = [service.pk]
    related_ids += list(service.phones.values_list("id", flat=True))
    related_ids += list(service.schedules.values_list("id", flat=True))
    related_ids += list(service.cost_options.values_list("id", flat=True))
    related_ids += list(service.languages.values_list("id", flat=True))
    rows = Metadata.objects.filter(resource_id__in=related_ids).order_by("-created", "-id")[:500]
    return render(request, "sociale_kaart/partner/history.html", {
        "service": service, "rows": rows, **nav_context(request),
    })


# --- Klopt nog -------------------------------------------------------------------------------------


@require(may_use_werkomgeving, scope=Scope.ORGANISATION)
@require_POST
def service_verify(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The in-app "klopt nog" button (POST only)."""
    service = access.get_service_for_edit(request, pk)
    services.verify_service(service, user=request.user, request=request)
    messages.success(request, _("Dank je. „%(name)s” is bevestigd als actueel.") % {"name": service.name})
    return HttpResponseRedirect(_safe_next(request, reverse("sociale_kaart_werk:mijn_aanbod")))
