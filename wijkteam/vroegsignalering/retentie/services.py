# SPDX-License-Identifier: EUPL-1.2
"""Retention of vroegsignalering's personal data (issue 17 item 9): `purge_personal_data`.

A Wgs signal may be kept only as long as the outreach needs it. Signals and zaken whose zaak did NOT
lead to accepted help lose their personal data a configurable number of months after the zaak closed
(`WIJKTEAM_VROEGSIGNALEN_BEWAARTERMIJN_MAANDEN`, default 12). Zaken with accepted help are left alone:
they continue in intake and fall under that process's retention.

What the purge does (see models.py's module docstring for why rows are kept, not deleted):
- signal: person, household, address, upload and row number, dedupe key and the concern text emptied;
  the arrears rounded down to a band of BEDRAG_BAND euro; `geanonimiseerd` set;
- its worklist item: candidates, delivered identity and BSN hash emptied;
- zaak: household and the priority explanation (it names children, arrears) emptied, the free-text notes
  of its contact attempts and status changes emptied; `geanonimiseerd` set;
- concern signals (no zaak) the same number of months after their signaaldatum;
- the row errors of uploads older than the term (they quote the file's values) deleted; the counts stay.
What stays: buurt, team, dates, partner type, amount band, flags, classification, statuses, contact
attempts' kind/date/reached, result, "hulp geaccepteerd": every figure of the funnel and the DDAS delivery.

- the persons and households those signals and zaken pointed at, when nothing else refers to them any more
  (`huishoudens.services.remove_unreferenced`): a person the signal file created holds the signal's name,
  BSN, birth date and contact details, which must not outlive the signal. A household or person that is in
  another process (a case, a referral, a request, consent, another signal or an open zaak) stays; that
  process's own retention decides; each removal is an audit row with its id. A dry run does not count these
  (they depend on the links cut first).
The retention engine of the privacy roadmap (security-privacy.md item 3) generalises this per data type;
erasure on request is its data-subject-rights part (item 2).

Idempotent: only rows with `geanonimiseerd` empty are touched, so a second run changes nothing. Chunked:
`chunk` zaken per transaction, so a first run over years of data neither holds one long lock nor
builds one giant IN list. Each run writes one audit event with counts (never ids of persons).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import structlog
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.huishoudens.services import lock_writers, remove_unreferenced

from ..models import (
    Contactpoging,
    MatchWerklijstItem,
    Signaal,
    SignaalSoort,
    UploadFout,
    Vroegsignaalzaak,
    ZaakStatus,
    ZaakStatusHistorie,
)

log = structlog.get_logger(__name__)

DEFAULT_TERM_MONTHS = 12
DEFAULT_CHUNK = 1000
# The arrears are kept as a band (450 → 400): enough for "how large were the arrears" figures, too coarse
# to recognise a signal by.
BEDRAG_BAND = 100
SYSTEM = "purge_vroegsignalen"


def term_months() -> int:
    # settings.py reads it from the environment variable of the same name; the default covers tests' settings.
    return int(getattr(settings, "WIJKTEAM_VROEGSIGNALEN_BEWAARTERMIJN_MAANDEN", DEFAULT_TERM_MONTHS))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (31 March - 1 → 28/29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass
class PurgeResult:
    cutoff: dt.date
    term_months: int
    zaken: int = 0
    signalen: int = 0
    zorgsignalen: int = 0
    werklijst_items: int = 0
    contactpogingen: int = 0
    uploadfouten: int = 0
    huishoudens: int = 0
    personen: int = 0
    dry_run: bool = False

    @property
    def changed(self) -> int:
        return self.zaken + self.signalen + self.zorgsignalen + self.uploadfouten + self.huishoudens + self.personen


def zaken_due(cutoff: dt.date) -> QuerySet[Vroegsignaalzaak]:
    """Closed on or before `cutoff`, help not accepted, not yet purged."""
    return Vroegsignaalzaak.objects.filter(
        status=ZaakStatus.GESLOTEN, gesloten__lte=cutoff, geanonimiseerd__isnull=True,
    ).filter(Q(hulp_geaccepteerd__isnull=True) | Q(hulp_geaccepteerd=False))


def signals_without_zaak_due(cutoff: dt.date) -> QuerySet[Signaal]:
    """Concern signals (and any signal that lost its zaak): the term runs from the signaaldatum."""
    return Signaal.objects.filter(zaak__isnull=True, signaaldatum__lte=cutoff, geanonimiseerd__isnull=True)


def _anonymise_signals(signals: QuerySet[Signaal], now: dt.datetime,
                       links: tuple[set[int], set[int]]) -> tuple[int, int]:
    """Empty the personal fields of these signals and their worklist items; returns (signals, items). The
    households and persons they pointed at are added to `links` for `_remove_what_no_one_needs`."""
    rows = list(signals.values_list("pk", "huishouden_id", "persoon_id"))
    if not rows:
        return 0, 0
    ids = [pk for pk, _h, _p in rows]
    links[0].update(h for _pk, h, _p in rows if h is not None)
    links[1].update(p for _pk, _h, p in rows if p is not None)
    items = MatchWerklijstItem.objects.filter(signaal_id__in=ids)
    MatchWerklijstItem.kandidaten.through.objects.filter(matchwerklijstitem__signaal_id__in=ids).delete()
    item_count = items.update(aangeleverd={}, bsn_hash="")
    count = Signaal.objects.filter(pk__in=ids).update(
        persoon=None, huishouden=None, adres=None, upload=None, upload_rij=None, dedupe_key=None, zorg="",
        bedrag=(F("bedrag") / BEDRAG_BAND) * BEDRAG_BAND, geanonimiseerd=now,
    )
    return count, item_count


def _remove_what_no_one_needs(links: tuple[set[int], set[int]], result: PurgeResult) -> None:
    """After this chunk's links are cut: its households and persons that nothing else refers to go too."""
    households, persons = remove_unreferenced(huishouden_ids=sorted(links[0]), persoon_ids=sorted(links[1]),
                                              system=SYSTEM)
    result.huishoudens += households
    result.personen += persons


def purge_personal_data(*, today: dt.date | None = None, months: int | None = None, chunk: int = DEFAULT_CHUNK,
                        dry_run: bool = False) -> PurgeResult:
    """Purge what is past its term (module docstring); `dry_run` only counts what would go."""
    months = term_months() if months is None else months
    if months < 1:
        raise ValueError("the retention term must be at least one month")
    today = today or timezone.localdate()
    cutoff = months_before(today, months)
    result = PurgeResult(cutoff=cutoff, term_months=months, dry_run=dry_run)
    cutoff_moment = timezone.make_aware(dt.datetime.combine(cutoff, dt.time.min))
    if dry_run:
        due = zaken_due(cutoff)
        result.zaken = due.count()
        result.signalen = Signaal.objects.filter(zaak__in=due, geanonimiseerd__isnull=True).count()
        result.zorgsignalen = signals_without_zaak_due(cutoff).count()
        result.uploadfouten = UploadFout.objects.filter(upload__aangemaakt__lt=cutoff_moment).count()
        return result
    now = timezone.now()
    while True:
        with transaction.atomic():
            # The bulk writers' lock first (as uploads take it first): no upload links a household or person
            # this chunk may remove, and the two never wait for each other's rows in opposite order.
            lock_writers()
            # Locked so a worker changing one of these zaken at this moment waits (and the re-check of
            # the conditions in the same statement sees their outcome).
            ids = list(zaken_due(cutoff).select_for_update().order_by("pk").values_list("pk", flat=True)[:chunk])
            if not ids:
                break
            links: tuple[set[int], set[int]] = (set(Vroegsignaalzaak.objects.filter(
                pk__in=ids, huishouden__isnull=False).values_list("huishouden_id", flat=True)), set())
            signals, items = _anonymise_signals(
                Signaal.objects.filter(zaak_id__in=ids, geanonimiseerd__isnull=True), now, links)
            result.signalen += signals
            result.werklijst_items += items
            result.contactpogingen += Contactpoging.objects.filter(zaak_id__in=ids).exclude(notitie="").update(
                notitie="")
            ZaakStatusHistorie.objects.filter(zaak_id__in=ids).exclude(toelichting="").update(toelichting="")
            result.zaken += Vroegsignaalzaak.objects.filter(pk__in=ids).update(
                huishouden=None, prioriteit_uitleg="", geanonimiseerd=now)
            _remove_what_no_one_needs(links, result)
    while True:
        with transaction.atomic():
            lock_writers()
            batch = signals_without_zaak_due(cutoff).order_by("pk")
            ids = list(batch.values_list("pk", flat=True)[:chunk])
            if not ids:
                break
            links = (set(), set())
            signals, items = _anonymise_signals(Signaal.objects.filter(pk__in=ids), now, links)
            zorg = Signaal.objects.filter(pk__in=ids, soort=SignaalSoort.ZORG).count()
            result.zorgsignalen += zorg
            result.signalen += signals - zorg
            result.werklijst_items += items
            _remove_what_no_one_needs(links, result)
    result.uploadfouten, _ = UploadFout.objects.filter(upload__aangemaakt__lt=cutoff_moment).delete()
    detail = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(result).items()}
    # One event per run, also when nothing was due: the trail shows the schedule kept running.
    record(None, Action.DELETE, object_type="vroegsignalering.bewaartermijn", username=SYSTEM,
           reason="Bewaartermijn vroegsignalen verstreken", detail=detail)
    log.info("vroegsignalen_purged", **detail)
    return result
