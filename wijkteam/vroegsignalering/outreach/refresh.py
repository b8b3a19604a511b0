# SPDX-License-Identifier: EUPL-1.2
"""What a zaak needs after a signal joined it: priority in words, deadlines, and (when new) where it goes.

`refresh_zaken(zaak_ids)` is called by both write paths with the zaken a signal joined: once per signal by
`services.ingest_signal`, once per chunk by the bulk upload (`batch/bulk.py`) for the open zaken that
existed. It is set-based: a fixed number of queries whatever the number of zaken (signals per zaak and
partner type summed in SQL, children counted per household in SQL, one open-case lookup, the changed
zaken sent as one prepared UPDATE with executemany), so a million-row file costs no query per row. The
decisions themselves are `settle`, which the bulk path also runs on the zaken it is about to open
(`ZaakState`), so those are inserted with their final values. Both paths end with the same values
(tests/vroegsignalering/test_bulk_path_sets_the_same_priority_and_deadlines.py).

Per zaak:
- priority and its explanation (`priority.prioriteit`) from its signals (those not judged "onterecht") and
  the household's children on `today`;
- `crisis` from its signals, and the deadlines (`deadlines`): set when the zaak is new (no deadline yet),
  first-contact deadline moved when `crisis` changed;
- routing (item 6/7): while nothing was done yet (status nieuw, route outreach), a household with an open
  case goes to its regisseur (`handoff.open_cases_for`); a new zaak otherwise gets the worker of the
  first routing rule of its team that matches its buurt (`RoutingRegel`). Each change of assignment
  is a `ZaakToewijzing` history row.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import translation

from wijkteam.huishoudens.models import Persoon

from .. import handoff
from ..models import (
    Classificatie,
    Route,
    RoutingRegel,
    Signaal,
    Signaalpartner,
    SignaalSoort,
    SignaalStatus,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakToewijzing,
)
from .deadlines import DEFAULT, Termijnen, ZaakTermijnen, crisis_changed, new_deadlines, termijnen_per_team
from .priority import Prioriteit, ZaakFeiten, kind_geboren_na, prioriteit

UPDATE_BATCH = 500
FIELDS = ("huishouden_id", "team_id", "buurt_id", "status", "classificatie", "crisis", "ontvangen", "prioriteit",
          "prioriteit_uitleg", "route", "toegewezen_aan_id", "termijn_eerste_contact", "termijn_afsluiten",
          "termijn_bij_crisis")
UPDATED = ("crisis", "prioriteit", "prioriteit_uitleg", "route", "toegewezen_aan", "termijn_eerste_contact",
           "termijn_afsluiten", "termijn_bij_crisis")
STATE = tuple(f"{name}_id" if name == "toegewezen_aan" else name for name in UPDATED)
ROUTING = ("route", "toegewezen_aan")  # also changed by workers: written only where settle changed them
SYSTEM_ROUTING = "routering"
SYSTEM_REGISSEUR = "regisseur-lopende-casus"


@dataclass
class _Signals:
    crisis: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    totaal: int = 0
    huur: int = 0
    hypotheek: int = 0


def facts_for(zaken: list[Vroegsignaalzaak], today: dt.date) -> dict[int, ZaakFeiten]:
    """Zaak id → its facts: two queries for any number of zaken."""
    by_zaak: dict[int, _Signals] = defaultdict(_Signals)
    for zaak_id, partnertype, bedrag, crises in (
            Signaal.objects.filter(zaak_id__in=[z.pk for z in zaken], soort=SignaalSoort.FINANCIEEL)
            .exclude(status=SignaalStatus.ONTERECHT)
            .values("zaak_id", "partnertype").order_by()
            .annotate(bedrag=Sum("bedrag"), crises=Count("pk", filter=Q(crisissignaal=True)))
            .values_list("zaak_id", "partnertype", "bedrag", "crises")):
        s = by_zaak[zaak_id]
        s.types.add(partnertype)
        s.totaal += bedrag or 0
        if crises:
            s.crisis.add(partnertype)
        if partnertype == Signaalpartner.HUUR:
            s.huur += bedrag or 0
        elif partnertype == Signaalpartner.HYPOTHEEK:
            s.hypotheek += bedrag or 0
    households = {z.huishouden_id for z in zaken if z.huishouden_id is not None}
    children: dict[int, int] = dict(
        Persoon.objects.filter(huishouden_id__in=households, geboortedatum__gt=kind_geboren_na(today))
        .values("huishouden_id").order_by().annotate(n=Count("pk")).values_list("huishouden_id", "n"))
    result = {}
    for zaak in zaken:
        s = by_zaak[zaak.pk]
        result[zaak.pk] = ZaakFeiten(
            crisis_partnertypes=frozenset(s.crisis), partnertypes=frozenset(s.types), totaal=s.totaal, huur=s.huur,
            hypotheek=s.hypotheek, kinderen=children.get(zaak.huishouden_id, 0) if zaak.huishouden_id else 0,
            opeenvolgend=zaak.classificatie == Classificatie.OPEENVOLGEND)
    return result


def rules_per_team(team_ids: set[int]) -> dict[int, list[tuple[int | None, int | None]]]:
    """Team id → its routing rules in order, as (buurt id or None, medewerker id or None). One query."""
    rules: dict[int, list[tuple[int | None, int | None]]] = defaultdict(list)
    for team_id, buurt_id, medewerker_id in RoutingRegel.objects.filter(team_id__in=team_ids).order_by(
            "team_id", "volgorde", "pk").values_list("team_id", "buurt_id", "medewerker_id"):
        rules[team_id].append((buurt_id, medewerker_id))
    return rules


def route_by_rules(rules: list[tuple[int | None, int | None]], buurt_id: int | None) -> int | None:
    """The worker of the first rule for this buurt (or for every buurt); None: the team pool."""
    for rule_buurt, medewerker in rules:
        if rule_buurt is None or rule_buurt == buurt_id:
            return medewerker
    return None


# The values `settle` may change, read in one C call (a million-row upload compares them twice per zaak).
_state = operator.attrgetter(*STATE)


@lru_cache(maxsize=4096)
def _deadlines(ontvangen: dt.date, crisis: bool, termijnen: Termijnen) -> ZaakTermijnen:
    # A chunk of a monthly file opens thousands of zaken on the same few receipt days: counting working
    # days once per (day, crisis, team terms) instead of once per zaak.
    return new_deadlines(ontvangen, crisis=crisis, termijnen=termijnen)


def _store(changed: list[Vroegsignaalzaak], read: dict[int, tuple[str, str, int | None]]) -> set[int]:
    """Write what `settle` changed; returns the zaken whose new route/assignment was stored.

    Priority, crisis and deadlines follow from the signals and only this path writes them: one prepared UPDATE
    per zaak, sent with executemany. Route and assignment are also a worker's to change (a team lead assigns
    while a signal joins): they are written only where `settle` changed them, and only if the row still has the
    status, route and worker this refresh read (`read`), so a refresh never puts back an assignment it did not
    make. Why not `bulk_update`: it builds a CASE WHEN expression per field and row through the ORM, measured at
    ~4 ms per zaak (minutes for a monthly file); a prepared statement with ready values costs microseconds.
    Values go through each field's own `get_db_prep_save`, as `save()` would send them.
    """
    opts = Vroegsignaalzaak._meta
    by_name = {f.name: f for f in opts.concrete_fields}
    fields = [by_name[name] for name in UPDATED if name not in ROUTING]
    quote = connection.ops.quote_name
    table, pk = quote(opts.db_table), quote(str(opts.pk.column))
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608
    params = [(*(f.get_db_prep_save(getattr(zaak, f.attname), connection) for f in fields), zaak.pk)
              for zaak in changed]
    routed: set[int] = set()
    status, route, worker = (quote(by_name[name].column) for name in ("status", "route", "toegewezen_aan"))
    with connection.cursor() as cursor:
        for start in range(0, len(params), UPDATE_BATCH):
            cursor.executemany(sql, params[start:start + UPDATE_BATCH])
        # Few: routing changes only for a zaak nobody has worked on yet (a new one, or one whose household now
        # has an open case).
        for zaak in changed:
            was_status, was_route, was_worker = read[zaak.pk]
            if (zaak.route, zaak.toegewezen_aan_id) == (was_route, was_worker):
                continue
            same_worker = f"{worker} IS NULL" if was_worker is None else f"{worker} = %s"
            cursor.execute(
                f"UPDATE {table} SET {route} = %s, {worker} = %s "  # noqa: S608
                f"WHERE {pk} = %s AND {status} = %s AND {route} = %s AND {same_worker}",
                [zaak.route, zaak.toegewezen_aan_id, zaak.pk, was_status, was_route,
                 *([] if was_worker is None else [was_worker])])
            if cursor.rowcount == 1:
                routed.add(zaak.pk)
    return routed


@dataclass
class ZaakState:
    """A zaak the bulk path is about to insert: the fields `settle` reads and sets, without a model instance.

    Why: a million-row upload opens ~900,000 zaken; a model instance each (and an UPDATE after the INSERT)
    was most of the upload's time. The bulk path settles these first and inserts them with their final values.
    """

    pk: int
    huishouden_id: int | None
    team_id: int | None
    buurt_id: int | None
    ontvangen: dt.date
    classificatie: str
    status: str = ZaakStatus.NIEUW
    route: str = Route.OUTREACH
    crisis: bool = False
    prioriteit: int = 0
    prioriteit_uitleg: str = ""
    toegewezen_aan_id: int | None = None
    termijn_eerste_contact: dt.date | None = None
    termijn_afsluiten: dt.date | None = None
    termijn_bij_crisis: bool = False


def settle(zaken: Sequence[Vroegsignaalzaak | ZaakState], facts: dict[int, ZaakFeiten], *, today: dt.date,
           now: dt.datetime, by_id: int | None = None) -> tuple[list[Any], list[ZaakToewijzing]]:
    """Set priority, deadlines and routing on `zaken` (in place) from their facts.

    Returns the zaken whose values changed and the assignment history rows to store (not stored here: the
    caller writes them, after the zaken exist). Four queries whatever the number of zaken (team terms,
    routing rules, open cases).
    """
    new = [z for z in zaken if z.termijn_eerste_contact is None]
    team_ids = {z.team_id for z in zaken if z.team_id is not None}
    termijnen = termijnen_per_team(team_ids)
    rules = rules_per_team({z.team_id for z in new if z.team_id is not None}) if new else {}
    waiting = [z for z in zaken if z.status == ZaakStatus.NIEUW and z.route == Route.OUTREACH]
    cases = handoff.open_cases_for(z.huishouden_id for z in waiting) if waiting else {}
    changed: list[Any] = []
    history: list[ZaakToewijzing] = []
    scores: dict[ZaakFeiten, Prioriteit] = {}  # many zaken share their facts (one partner, similar amounts)
    # The explanation is stored as text: in the site's language, whatever language the uploader reads in.
    with translation.override(settings.LANGUAGE_CODE):
        for zaak in zaken:
            before = _state(zaak)
            feiten = facts[zaak.pk]
            score = scores.get(feiten)
            if score is None:
                score = scores[feiten] = prioriteit(feiten, language=settings.LANGUAGE_CODE)
            zaak.prioriteit, zaak.prioriteit_uitleg = score.score, score.uitleg
            zaak.crisis = feiten.crisis
            team = termijnen.get(zaak.team_id, DEFAULT) if zaak.team_id is not None else DEFAULT
            if zaak.termijn_eerste_contact is None:
                deadlines = _deadlines(zaak.ontvangen, zaak.crisis, team)
                zaak.termijn_eerste_contact, zaak.termijn_afsluiten = deadlines.eerste_contact, deadlines.afsluiten
                zaak.termijn_bij_crisis = deadlines.bij_crisis
                if zaak.team_id is not None and zaak.toegewezen_aan_id is None:
                    worker = route_by_rules(rules.get(zaak.team_id, []), zaak.buurt_id)
                    if worker is not None:
                        history.append(ZaakToewijzing(zaak_id=zaak.pk, van=None, naar_id=worker, door_id=by_id,
                                                      door_systeem=SYSTEM_ROUTING, tijdstip=now))
                        zaak.toegewezen_aan_id = worker
            elif zaak.termijn_bij_crisis != zaak.crisis:
                assert zaak.termijn_eerste_contact is not None  # set with the zaak's first signal
                zaak.termijn_eerste_contact = crisis_changed(zaak.termijn_eerste_contact, zaak.ontvangen,
                                                             crisis=zaak.crisis, today=today, termijnen=team)
                zaak.termijn_bij_crisis = zaak.crisis
            case = cases.get(zaak.huishouden_id) if zaak.huishouden_id is not None else None
            if case is not None and zaak.status == ZaakStatus.NIEUW and zaak.route == Route.OUTREACH:
                zaak.route = Route.REGISSEUR
                if case.regisseur_id is not None and case.regisseur_id != zaak.toegewezen_aan_id:
                    history.append(ZaakToewijzing(zaak_id=zaak.pk, van_id=zaak.toegewezen_aan_id,
                                                  naar_id=case.regisseur_id, door_id=by_id,
                                                  door_systeem=SYSTEM_REGISSEUR, tijdstip=now))
                    zaak.toegewezen_aan_id = case.regisseur_id
            after = _state(zaak)
            if after != before:
                changed.append(zaak)
    return changed, history


def refresh_zaken(zaak_ids: Iterable[int], *, today: dt.date, now: dt.datetime, by_id: int | None = None) -> None:
    """See the module docstring. Runs inside the caller's transaction."""
    zaken = list(Vroegsignaalzaak.objects.filter(pk__in=set(zaak_ids)).only(*FIELDS).order_by("pk"))
    if not zaken:
        return
    read = {z.pk: (z.status, z.route, z.toegewezen_aan_id) for z in zaken}
    changed, history = settle(zaken, facts_for(zaken, today), today=today, now=now, by_id=by_id)
    routed = _store(changed, read) if changed else set()
    # An assignment history row only where the new assignment was stored (not where a worker got there first).
    history = [row for row in history if row.zaak_id in routed]
    if history:
        ZaakToewijzing.objects.bulk_create(history, batch_size=UPDATE_BATCH)
