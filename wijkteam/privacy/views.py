# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's view of the audit trail: who looked at this resident, what did this user do."""

from __future__ import annotations

import csv
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_view_audit_trail
from wijkteam.audit.models import Action, AuditEvent, Outcome
from wijkteam.audit.services import record
from wijkteam.core.forms import UtrechtFormMixin, check_supported_year
from wijkteam.core.query_ids import DatabaseIdField
from wijkteam.huishoudens.crypto import lookup_hash
from wijkteam.huishoudens.models import Persoon, validate_bsn

EXPORT_FIELDS = [
    "id", "timestamp", "user_id", "username", "role", "on_behalf_of", "action", "outcome", "object_type",
    "object_id", "person_id", "household_id", "ip_address", "user_agent", "request_id", "path", "reason",
]


class AuditFilterForm(UtrechtFormMixin, forms.Form):
    person = DatabaseIdField(label=_("Persoon (id)"), required=False)
    household = DatabaseIdField(label=_("Huishouden (id)"), required=False)
    user = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    action = forms.ChoiceField(label=_("Actie"), required=False, choices=[("", _("Alle acties")), *Action.choices])
    since = forms.DateField(label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def _clean_date(self, name: str) -> date | None:
        # Refused beside the field, before the list is searched or an export is recorded.
        value: date | None = self.cleaned_data.get(name)
        if value is not None:
            check_supported_year(value)
        return value

    def clean_since(self) -> date | None:
        return self._clean_date("since")

    def clean_until(self) -> date | None:
        return self._clean_date("until")

    def filter(self, qs: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        data: dict[str, Any] = self.cleaned_data
        if data.get("person"):
            qs = qs.filter(person_id=data["person"])
        if data.get("household"):
            qs = qs.filter(household_id=data["household"])
        if data.get("user"):
            qs = qs.filter(username=data["user"])
        if data.get("action"):
            qs = qs.filter(action=data["action"])
        tz = timezone.get_current_timezone()
        if data.get("since"):
            qs = qs.filter(timestamp__gte=datetime.combine(data["since"], time.min, tzinfo=tz))
        if data.get("until"):
            qs = qs.filter(timestamp__lte=datetime.combine(data["until"], time.max, tzinfo=tz))
        return qs


def _safe_filters(form: AuditFilterForm) -> dict[str, str]:
    if not form.is_valid():
        return {}
    return {k: str(v) for k, v in form.cleaned_data.items() if v}


class BsnLookupForm(UtrechtFormMixin, forms.Form):
    bsn = forms.CharField(label=_("BSN van de persoon"), max_length=11,
                          help_text=_("Het BSN komt niet in de adresbalk en niet in de audittrail."))

    def clean_bsn(self) -> str:
        return validate_bsn(self.cleaned_data["bsn"])


def object_type_label(object_type: str) -> str:
    """'huishoudens.persoon' -> 'persoon': the model's own name in words, the code when unknown."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return object_type
    return str(model._meta.verbose_name)


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEvent]]:
    form = AuditFilterForm(request.GET or None)
    qs: QuerySet[AuditEvent] = AuditEvent.objects.all()
    if form.is_valid():
        qs = form.filter(qs)
    elif form.is_bound:
        qs = qs.none()
    return form, qs


@require(may_view_audit_trail)
def audit_list(request: HttpRequest) -> HttpResponse:
    form, qs = _filtered(request)
    # Searching the trail is itself an auditable act (the privacy officer is accountable too). Recorded
    # before paging, so the page count and its rows are read from the same state.
    record(request, Action.SEARCH, object_type="audit.auditevent",
           person_id=form.cleaned_data.get("person") if form.is_valid() else None,
           detail={"filters": _safe_filters(form)})
    page = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    for event in page:
        event.object_label = object_type_label(event.object_type)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "privacy/audit_list.html",
                  {"form": form, "bsn_form": BsnLookupForm(), "page": page, "query": query.urlencode()},
                  status=400 if form.errors else 200)


@require(may_view_audit_trail)
@require_POST
def audit_lookup_bsn(request: HttpRequest) -> HttpResponse:
    """Resolve a BSN to a person id by POST, so the BSN never appears in a URL or a log line."""
    form = BsnLookupForm(request.POST)
    person_id = None
    if form.is_valid():
        person_id = Persoon.objects.filter(bsn_hash=lookup_hash(form.cleaned_data["bsn"])).values_list(
            "pk", flat=True).first()
        # Looking a resident up by BSN is itself a read of personal data: recorded, hit or miss,
        # with the person's id when found and never the number itself.
        record(request, Action.SEARCH, object_type="huishoudens.persoon", person_id=person_id,
               outcome=Outcome.SUCCESS if person_id else Outcome.FAILURE,
               detail={"kind": "bsn", "hits": 1 if person_id else 0})
        if person_id is None:
            form.add_error("bsn", _("Er is geen persoon met dit BSN."))
    if person_id is None:
        return render(request, "privacy/audit_list.html",
                      {"form": AuditFilterForm(), "bsn_form": form, "page": None, "query": ""}, status=400)
    return redirect(f"{reverse('privacy:audit_list')}?person={person_id}")


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ is shown as text, not executed."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def _export_row(event: AuditEvent) -> list[Any]:
    """One CSV row: the time as on screen (Europe/Amsterdam, with its offset), the object in words.

    Action and outcome stay codes ("read", "denied"): they are what the filters and other tools use.
    """
    row: list[Any] = []
    for name in EXPORT_FIELDS:
        if name == "timestamp":
            row.append(timezone.localtime(event.timestamp).isoformat(timespec="seconds"))
        elif name == "object_type":
            row.append(object_type_label(event.object_type))
        else:
            row.append(getattr(event, name))
    return [_cell("" if value is None else value) for value in row]


@require(may_view_audit_trail)
def audit_export(request: HttpRequest) -> HttpResponseBase:
    form, qs = _filtered(request)
    if form.is_bound and not form.is_valid():
        # Bad filter values get the page with its field errors, not an empty or partial file.
        return render(request, "privacy/audit_list.html",
                      {"form": form, "bsn_form": BsnLookupForm(), "page": None, "query": ""}, status=400)
    record(request, Action.EXPORT, object_type="audit.auditevent",
           person_id=form.cleaned_data.get("person") if form.is_valid() else None,
           detail={"filters": _safe_filters(form)})
    writer = csv.writer(_Echo())

    def rows() -> Any:
        yield writer.writerow(EXPORT_FIELDS)
        for event in qs.iterator(chunk_size=2000):
            yield writer.writerow(_export_row(event))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audittrail.csv"'
    return response
