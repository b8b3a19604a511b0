# SPDX-License-Identifier: EUPL-1.2
"""The retention purge (`manage.py purge_vroegsignalen`): past the term, signals and zaken without accepted
help lose every personal link and free text, while the funnel and the DDAS delivery count the same."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tests.vroegsignalering.rapportage_support import MONTHS, build_world
from wijkteam.audit.models import AuditEvent
from wijkteam.vroegsignalering.models import (
    Contactpoging,
    MatchWerklijstItem,
    Signaal,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
)
from wijkteam.vroegsignalering.rapportage.ddas_export import build_uitwisselmodel
from wijkteam.vroegsignalering.rapportage.funnel import funnel_figures
from wijkteam.vroegsignalering.retentie.services import purge_personal_data

# Thirteen months after the world's zaken closed (October/November 2026).
LATER = dt.date(2027, 12, 31)


def _figures() -> dict:
    figures = funnel_figures(MONTHS[0], dt.date(2026, 10, 31), today=LATER)
    return {k: (v.signalen, v.per_partner, v.meldingen, v.per_klasse, v.bereikt, v.hulp, sorted(v.werkdagen),
                v.binnen_termijn, v.termijn_bepaald) for k, v in figures.items()}


def _due() -> list[Vroegsignaalzaak]:
    return list(Vroegsignaalzaak.objects.filter(status=ZaakStatus.GESLOTEN, hulp_geaccepteerd=False))


@pytest.fixture
def world(place, frozen_time):
    build_world(place)


def test_personal_data_is_gone_and_the_counts_remain(world) -> None:
    due = _due()
    assert due, "the world must hold closed zaken without accepted help"
    due_signals = list(Signaal.objects.filter(zaak__in=due).values_list("pk", flat=True))
    before_funnel = _figures()
    before_ddas = build_uitwisselmodel(MONTHS[0], dt.date(2026, 10, 31), now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    rows_before = (Signaal.objects.count(), Vroegsignaalzaak.objects.count(), Contactpoging.objects.count())
    events_before = AuditEvent.objects.count()

    out = io.StringIO()
    call_command("purge_vroegsignalen", "--today", LATER.isoformat(), stdout=out)

    assert f"{len(due)} zaken" in out.getvalue()
    for zaak in Vroegsignaalzaak.objects.filter(pk__in=[z.pk for z in due]):
        assert zaak.huishouden_id is None and zaak.prioriteit_uitleg == "" and zaak.geanonimiseerd is not None
        assert zaak.buurt_id is not None and zaak.eindresultaat and zaak.gesloten  # what the counts need
    signals = Signaal.objects.filter(pk__in=due_signals)
    assert signals.count() == len(due_signals)
    for s in signals:
        assert (s.persoon_id, s.huishouden_id, s.adres_id, s.upload_id, s.upload_rij, s.dedupe_key) == (
            None, None, None, None, None, None)
        assert s.geanonimiseerd is not None and s.bedrag % 100 == 0 and s.buurt_id and s.partnertype
    assert not Contactpoging.objects.filter(zaak__in=due).exclude(notitie="").exists()
    assert not ZaakStatusHistorie.objects.filter(zaak__in=due).exclude(toelichting="").exists()
    for item in MatchWerklijstItem.objects.filter(signaal_id__in=due_signals):
        assert item.aangeleverd == {} and item.bsn_hash == "" and not item.kandidaten.exists()
    # Rows are kept, so every count is the same.
    assert (Signaal.objects.count(), Vroegsignaalzaak.objects.count(), Contactpoging.objects.count()) == rows_before
    assert _figures() == before_funnel
    after_ddas = build_uitwisselmodel(MONTHS[0], dt.date(2026, 10, 31), now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    assert _strip_bedrag(after_ddas) == _strip_bedrag(before_ddas)
    # One audit event for the run, with counts and no personal data (besides one per person and household
    # that nothing needed any more: test_the_purge_removes_persons_only_the_signal_needed.py).
    events = list(AuditEvent.objects.order_by("pk")[events_before:])
    runs = [e for e in events if e.object_type == "vroegsignalering.bewaartermijn"]
    assert len(runs) == 1 and runs[0].detail["zaken"] == len(due)
    assert runs[0].person_id is None and runs[0].household_id is None
    assert {e.object_type for e in events} <= {"vroegsignalering.bewaartermijn", "huishoudens.persoon",
                                               "huishoudens.huishouden"}


def test_nothing_is_purged_before_the_term(world) -> None:
    result = purge_personal_data(today=dt.date(2027, 8, 1))  # every zaak closed after 1 August 2026
    assert (result.zaken, result.signalen) == (0, 0)
    assert not Signaal.objects.filter(geanonimiseerd__isnull=False).exists()


def test_the_term_is_a_setting(world, settings) -> None:
    settings.WIJKTEAM_VROEGSIGNALEN_BEWAARTERMIJN_MAANDEN = 1
    result = purge_personal_data(today=dt.date(2027, 1, 31))
    assert result.term_months == 1 and result.zaken == len(_due())


def _strip_bedrag(document: dict) -> dict:
    for levering in document.get("leveringen", []):
        for signaal in levering["vroegsignalen"]:
            signaal.pop("bedrag", None)
    return document
