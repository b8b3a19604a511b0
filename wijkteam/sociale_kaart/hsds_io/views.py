# SPDX-License-Identifier: EUPL-1.2
"""The beheerder's page for HSDS import and export (/werk/sociale-kaart/import/).

Upload a zip with the HSDS tables or an HSDS JSON file; the import runs in the background and the
page shows how far it is (htmx polls; without JavaScript a "Vernieuwen" link does the same). A
rejected file lists every problem in Dutch, per file, row and field. Exports download the whole
kaart. Only the beheerder may do any of this; other roles get an audited 403.
"""

from __future__ import annotations

import tempfile

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.decorators import require
from wijkteam.accounts.permissions import may_import_sociale_kaart
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.forms import UtrechtFormMixin

from ..models import HsdsImport, HsdsImportStatus
from ..taxonomy_mapping import unmapped_count
from . import exporters
from .services import start_import
from .tables import TABLE_LABELS

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
EXPORT_KINDS = {"services": "aanbod", "organizations": "organisaties"}


class ImportForm(UtrechtFormMixin, forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy(
            "Een zip-bestand met de HSDS-tabellen (zoals organizations.csv en services.csv) of een HSDS "
            "JSON-bestand. Hoogstens 50 MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".zip,.json,application/zip,application/json"}),
    )

    def clean_bestand(self) -> object:
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Dit bestand is te groot. Het mag hoogstens 50 MB zijn."))
        if not upload.name.lower().endswith((".zip", ".json")):
            raise forms.ValidationError(_("Kies een .zip-bestand (CSV-tabellen) of een .json-bestand."))
        return upload


def _recent() -> list[HsdsImport]:
    return list(HsdsImport.objects.defer("upload").select_related("created_by")[:20])


@require(may_import_sociale_kaart)
def import_index(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["bestand"]
            started = start_import(data=upload.read(), filename=upload.name, user=request.user)
            record(request, Action.CREATE, obj=started, detail={"format": started.format})
            return HttpResponseRedirect(reverse("sociale_kaart_import:detail", args=[started.pk]))
    else:
        form = ImportForm()
    return render(request, "sociale_kaart/hsds_io/index.html", {"form": form, "imports": _recent(),
                                                                "export_kinds": EXPORT_KINDS})


@require(may_import_sociale_kaart)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(HsdsImport.objects.defer("upload").select_related("created_by"), pk=pk)
    summary = [
        {"table": TABLE_LABELS.get(name, name), **counts} for name, counts in item.summary.items()
    ]
    context = {"item": item, "summary": summary,
               "unmapped_terms": unmapped_count() if item.status == HsdsImportStatus.DONE else 0}
    if getattr(request, "htmx", False):
        return render(request, "sociale_kaart/hsds_io/_progress.html", context)
    return render(request, "sociale_kaart/hsds_io/detail.html", context)


def _stamp() -> str:
    return timezone.localtime().strftime("%Y-%m-%d")


@require(may_import_sociale_kaart)
def export_csv(request: HttpRequest) -> FileResponse:
    record(request, Action.EXPORT, object_type="sociale_kaart.hsds", detail={"format": "csv"})
    # Spooled: small kaarten stay in memory, large ones go to a temporary file, never to a fixed path.
    target = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    exporters.export_csv_package(target)
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=f"sociale-kaart-hsds-{_stamp()}.zip",
                        content_type="application/zip")


@require(may_import_sociale_kaart)
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    kind = request.GET.get("soort", "services")
    if kind not in EXPORT_KINDS:
        kind = "services"
    record(request, Action.EXPORT, object_type="sociale_kaart.hsds", detail={"format": "json", "soort": kind})
    response = StreamingHttpResponse(exporters.json_chunks(kind), content_type="application/json; charset=utf-8")
    filename = f"sociale-kaart-hsds-{EXPORT_KINDS[kind]}-{_stamp()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
