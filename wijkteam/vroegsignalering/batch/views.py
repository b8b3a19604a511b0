# SPDX-License-Identifier: EUPL-1.2
"""The teamleider's page for the monthly signal file (/werk/vroegsignalering/uploads/).

Upload a CSV in the documented layout (the template downloads here); it is checked and stored in the
background while the report page shows how far it is (htmx polls; without JavaScript a "Vernieuwen"
link does the same). The report says how many rows were new, repeats and invalid; the row errors
download as CSV. See `access.py` for who may do this.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.decorators import require
from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.access_rules import Scope
from wijkteam.core.csv_safety import defuse_formula
from wijkteam.core.forms import UtrechtFormMixin

from ..access import get_upload_for_user, may_upload_signalen, uploads_visible_to
from ..models import UploadFout
from .reader import COLUMNS, template_csv
from .services import start_upload

ERRORS_SHOWN = 50


class UploadForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand met signalen"),
        help_text=gettext_lazy(
            "Een CSV-bestand met de kolommen van het sjabloon, in elke volgorde; komma of puntkomma, UTF-8 of "
            "Windows-1252, datums als 31-12-2025 of 2025-12-31."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_bestand(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["bestand"]
        limit_mb = settings.WIJKTEAM_MAX_SIGNAL_UPLOAD_MB
        if (upload.size or 0) > limit_mb * 1024 * 1024:
            raise forms.ValidationError(_("Dit bestand is te groot. Het mag hoogstens %(mb)s MB zijn.")
                                        % {"mb": limit_mb})
        if not (upload.name or "").lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Kies een CSV-bestand (.csv)."))
        return upload


@require(may_upload_signalen)
def upload_index(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            assert isinstance(request.user, User)  # the @require above let only a logged-in teamleider in
            upload = start_upload(file=form.cleaned_data["bestand"], user=request.user, request=request)
            return HttpResponseRedirect(reverse("vroegsignalering:upload_detail", args=[upload.pk]))
    else:
        form = UploadForm()
    uploads = list(uploads_visible_to(request.user)[:20])
    record(request, Action.READ, object_type="vroegsignalering.upload", detail={"view": "list", "count": len(uploads)})
    return render(request, "vroegsignalering/batch/index.html", {"form": form, "uploads": uploads,
                                                                  "columns": COLUMNS})


@require(may_upload_signalen)
def upload_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signalen-sjabloon.csv"'
    return response


@require(may_upload_signalen, scope=Scope.TEAM)
def upload_detail(request: HttpRequest, pk: int) -> HttpResponse:
    upload = get_upload_for_user(request, pk)
    errors = list(UploadFout.objects.filter(upload=upload).order_by("rij", "id")[:ERRORS_SHOWN])
    context = {"upload": upload, "errors": errors, "error_count": UploadFout.objects.filter(upload=upload).count()}
    if getattr(request, "htmx", False):
        return render(request, "vroegsignalering/batch/_progress.html", context)
    return render(request, "vroegsignalering/batch/detail.html", context)


def _cell(value: str) -> str:
    # A partner's value starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return defuse_formula(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


@require(may_upload_signalen, scope=Scope.TEAM)
def upload_errors_csv(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    upload = get_upload_for_user(request, pk, purpose="errors")
    writer = csv.writer(_Echo(), delimiter=";")

    def lines() -> Iterator[str]:
        # A BOM so Excel opens the Dutch text right; streamed, so a million errors need no memory.
        yield "\ufeff" + writer.writerow([_("rij"), _("kolom"), _("waarde"), _("melding")])
        if upload.weigering:
            yield writer.writerow(["", "", "", upload.weigering])
        for fout in UploadFout.objects.filter(upload=upload).order_by("rij", "id").iterator(chunk_size=2000):
            yield writer.writerow([fout.rij, fout.kolom, _cell(fout.waarde), fout.melding])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fouten-upload-{upload.pk}.csv"'
    return response
