# SPDX-License-Identifier: EUPL-1.2
"""The DDAS delivery (issue 17 item 10a): the "Uitwisselmodel" JSON of one period, for the national monitor.

`build_uitwisselmodel(van, tot)` returns the document; `validate(document)` checks it against the official
schema shipped in `ddas/json_schema_Uitwisselmodel.json` (draft 2020-12, with format checks).

What it contains, and what it deliberately leaves out:
- one `levering` per gemeente (CBS code without "GM", as in the official examples), the delivering
  organisation by name only (KvK number from a setting when given; contact persons are optional in the
  schema and left out: they would put staff names in a national file);
- `vroegsignalen`: every financial signal with its signaaldatum in the period: an opaque ID ("VS-<row
  id>", meaningless outside this system), crisis and warme-overdracht flags, bedrag, ontstaansdatum,
  signaaldatum, status and partner type. The schema REQUIRES a `client` object but none of its fields
  (BSN, name, birth date, address are all optional), so `client` is delivered empty: no direct
  identifier leaves the municipality this way. A gemeente that agrees a BSN linkage with CBS would add
  it here, deliberately, with its processing agreement; it is not a default;
- `vroegsignaalzaken`: every zaak received, contacted or closed in the period, with its signals' IDs,
  matching date (received), the matching period (the calendar month it was received), date taken up,
  result and contact attempts (kind, reached, date, dagdeel; never the notes).
Concern signals (huisarts, school, ...) are outside Wgs and never delivered. Because the purge keeps
every delivered field except the (optional, undelivered) client data, a delivery built after the purge
equals one built before, except bedrag, which is then the amount band.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from wijkteam.gebieden.models import Gemeente

from ..models import Contactpoging, Signaal, SignaalSoort, Vroegsignaalzaak

SCHEMA_FILE = "json_schema_Uitwisselmodel.json"


@cache
def schema() -> dict[str, Any]:
    text = resources.files("wijkteam.vroegsignalering.ddas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validation_errors(document: dict[str, Any]) -> list[str]:
    """Every way `document` breaks the official schema (empty: valid), as "path: message" lines."""
    # Here, not at the top: jsonschema is only needed when a delivery is built or tested.
    import jsonschema

    validator_class = jsonschema.validators.validator_for(schema())
    validator = validator_class(schema(), format_checker=validator_class.FORMAT_CHECKER)
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]


def signal_id(pk: int) -> str:
    return f"VS-{pk}"


def _month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _gemeentecode(code: str) -> str:
    return code[2:] if code.upper().startswith("GM") else code


def build_uitwisselmodel(van: dt.date, tot: dt.date, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The delivery for signals and zaken of [van, tot] (both inclusive). A bounded number of queries:
    one for signals, one for zaken, one for their signal ids, one for contact attempts, one for gemeenten."""
    if tot < van:
        raise ValueError("tot must not be before van")
    now = now or timezone.now()
    signals = (Signaal.objects.filter(soort=SignaalSoort.FINANCIEEL, signaaldatum__range=(van, tot))
               .annotate(gemeente_id=Coalesce("buurt__wijk__gemeente_id", "zaak__team__gemeente_id"))
               .order_by("signaaldatum", "pk")
               .values("pk", "gemeente_id", "crisissignaal", "warme_overdracht", "bedrag", "ontstaansdatum",
                       "signaaldatum", "status", "partnertype"))
    per_gemeente_signals: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for row in signals.iterator(chunk_size=2000):
        item: dict[str, Any] = {
            "ID": signal_id(row["pk"]),
            "crisissignaal": row["crisissignaal"],
            "warmeOverdracht": row["warme_overdracht"],
            "signaaldatum": row["signaaldatum"].isoformat(),
            "status": row["status"],
            "signaalpartner": {"type": row["partnertype"]},
            "client": {},
        }
        if row["bedrag"] is not None:
            item["bedrag"] = row["bedrag"]
        if row["ontstaansdatum"] is not None:
            item["ontstaansdatum"] = row["ontstaansdatum"].isoformat()
        per_gemeente_signals[row["gemeente_id"]].append(item)

    zaken = list(
        Vroegsignaalzaak.objects.filter(
            Q(ontvangen__range=(van, tot)) | Q(gesloten__range=(van, tot))
            | Q(pk__in=Contactpoging.objects.filter(datum__range=(van, tot)).values("zaak_id")))
        .annotate(gemeente_id=Coalesce("buurt__wijk__gemeente_id", "team__gemeente_id"))
        .order_by("ontvangen", "pk")
        .values("pk", "gemeente_id", "ontvangen", "datum_opgepakt", "eindresultaat"))
    zaak_ids = [z["pk"] for z in zaken]
    signal_refs: dict[int, list[dict[str, str]]] = defaultdict(list)
    attempts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if zaak_ids:
        for zaak_id, pk in (Signaal.objects.filter(zaak_id__in=zaak_ids, soort=SignaalSoort.FINANCIEEL)
                            .order_by("pk").values_list("zaak_id", "pk")):
            signal_refs[zaak_id].append({"ID": signal_id(pk)})
        for zaak_id, soort, bereikt, datum, dagdeel in (
                Contactpoging.objects.filter(zaak_id__in=zaak_ids).order_by("datum", "pk")
                .values_list("zaak_id", "soort", "bereikt", "datum", "dagdeel")):
            attempts[zaak_id].append({"soort": soort, "bereikt": bereikt, "datum": datum.isoformat(),
                                      "dagdeel": dagdeel})
    per_gemeente_zaken: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for zaak in zaken:
        refs = signal_refs.get(zaak["pk"])
        if not refs:
            continue  # the schema needs at least one signal per zaak; a zaak without one is not a Wgs zaak
        start, end = _month_bounds(zaak["ontvangen"])
        item = {"matchingsdatum": zaak["ontvangen"].isoformat(), "startdatum_matchtingperiode": start.isoformat(),
                "einddatum_matchingperiode": end.isoformat(), "vroegsignalen": refs,
                "contactpogingen": attempts.get(zaak["pk"], [])}
        if zaak["datum_opgepakt"]:
            item["datum_opgepakt"] = zaak["datum_opgepakt"].isoformat()
        if zaak["eindresultaat"]:
            item["resultaat"] = zaak["eindresultaat"]
        per_gemeente_zaken[zaak["gemeente_id"]].append(item)

    gemeenten = {g.pk: g for g in Gemeente.objects.order_by("code")}
    # Rows whose place is unknown (no buurt, no team) belong to the only gemeente when there is one.
    if len(gemeenten) == 1:
        only = next(iter(gemeenten))
        for per in (per_gemeente_signals, per_gemeente_zaken):
            if None in per:
                per[only] = [*per.get(only, []), *per.pop(None)]
    leveringen: list[dict[str, Any]] = []
    for gemeente in gemeenten.values():
        organisatie: dict[str, Any] = {
            "naam": getattr(settings, "WIJKTEAM_DDAS_AANLEVERENDE_ORGANISATIE", "") or gemeente.naam}
        kvk = getattr(settings, "WIJKTEAM_DDAS_KVK_NUMMER", "")
        if kvk:
            organisatie["kvk-nummer"] = kvk
        leveringen.append({
            "teller": len(leveringen) + 1,
            "gemeentecode": _gemeentecode(gemeente.code),
            "aanleverende_organisatie": organisatie,
            "vroegsignalen": per_gemeente_signals.get(gemeente.pk, []),
            "vroegsignaalzaken": per_gemeente_zaken.get(gemeente.pk, []),
        })
    document: dict[str, Any] = {
        "codeGegevensleverancier": getattr(settings, "WIJKTEAM_DDAS_CODE_GEGEVENSLEVERANCIER", "WIJKTEAM"),
        "startdatumLevering": van.isoformat(),
        "einddatumLevering": tot.isoformat(),
        "aanleverdatumEnTijd": now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if leveringen:
        document["leveringen"] = leveringen
    return document
