# SPDX-License-Identifier: EUPL-1.2
"""The one write path of verwijzingen. Views (staff, partner portal), the API, the command and the demo call
these; each runs in one transaction, writes an append-only `VerwijzingGebeurtenis` (the case timeline shows
them) and an audit row, and sends mail only after commit.

Who acts: a user (`by`), or a system named in `system` (an API token "api-token:<prefix>", the reminder
command). Mail never carries personal data: only the referral's number and a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkteam.accounts.models import Role, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.casussen.models import Casus
from wijkteam.casussen.services import add_task
from wijkteam.core.working_days import add_working_days, working_days_between
from wijkteam.huishoudens.models import Doel, Huishouden, Persoon
from wijkteam.huishoudens.services import record_consent
from wijkteam.hulpvragen.models import LEVENSDOMEINEN, Hulpvraag
from wijkteam.hulpvragen.onwards import mark_moved_on
from wijkteam.sociale_kaart.models import Service

from . import wachttijd
from .models import (
    AFGESLOTEN,
    REDEN_VERPLICHT,
    VERWIJZING_TRANSITIONS,
    WACHT_OP_REACTIE,
    WACHTEND,
    Domein,
    Gebeurtenis,
    GedeeldGegeven,
    Overbruggingsplan,
    Soort,
    Verwijzing,
    VerwijzingGebeurtenis,
    VerwijzingStatus,
)

log = structlog.get_logger(__name__)

DEFAULT_REACTIE_WERKDAGEN = 5
COMMAND_SYSTEM = "verwijzing_herinneringen"
MAX_CHECKINS = 12
DEFAULT_CHECKIN_HORIZON_DAYS = 84  # without an expected start: check-ins for twelve weeks


def reactie_werkdagen() -> int:
    """Working days a partner has for the first answer (setting WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN)."""
    return max(1, int(getattr(settings, "WIJKTEAM_VERWIJZING_REACTIE_WERKDAGEN", DEFAULT_REACTIE_WERKDAGEN)))


class TransitionNotAllowed(ValidationError):
    pass


def _event(v: Verwijzing, soort: str, *, by: User | None, system: str, toelichting: str = "", van: str = "",
           naar: str = "") -> VerwijzingGebeurtenis:
    return VerwijzingGebeurtenis.objects.create(verwijzing=v, soort=soort, van=van, naar=naar, door=by,
                                                door_systeem=system[:100], tijdstip=timezone.now(),
                                                toelichting=toelichting[:1000])


def _audit(request: HttpRequest | None, action: Action, v: Verwijzing, *, by: User | None, system: str,
           on_behalf_of: str = "", **detail: Any) -> None:
    record(request, action, obj=v, household_id=v.huishouden_id, person_id=v.persoon_id, user=by,
           username=system, on_behalf_of=on_behalf_of, detail={"verwijzing": v.pk, **detail})


def _mail_on_commit(subject: str, body: str, recipients: Iterable[str]) -> None:
    to = sorted({r for r in recipients if r})
    if not to:
        return

    def send() -> None:
        send_mail(subject, body, None, to, fail_silently=True)

    transaction.on_commit(send)


def _absolute(path: str) -> str:
    return f"{settings.WIJKTEAM_SITE_URL.rstrip('/')}{path}"


# --- Creating a referral --------------------------------------------------------------------------


@dataclass(frozen=True)
class NewReferral:
    service: Service
    soort: str
    gedeeld: list[str]
    samenvatting: str = ""
    levensdomeinen: tuple[str, ...] = ()
    domein: str = ""
    product: str = ""
    persoon: Persoon | None = None
    verwezen_op: dt.date | None = None
    aangemeld_op: dt.date | None = None


def create_referral(data: NewReferral, *, by: User, casus: Casus | None = None, hulpvraag: Hulpvraag | None = None,
                    request: HttpRequest | None = None) -> Verwijzing:
    """Refer from a case or a request. The resident's consent for what is shared is part of the referral:
    it is stored on the referral and as a `Doel.VERWIJZING` consent row of the person. The referral keeps the
    domain's norm in force now (second line) and the household's buurt now, so neither a later change of the
    Wachtnorm nor a move rewrites its figures."""
    if casus is None and hulpvraag is None:
        raise ValidationError(_("Een verwijzing hoort bij een casus of een hulpvraag."))
    huishouden_id = casus.huishouden_id if casus is not None else hulpvraag.huishouden_id  # type: ignore[union-attr]
    errors: dict[str, str] = {}
    if huishouden_id is None:
        errors["service"] = _("Deze hulpvraag hoort nog bij geen huishouden: leg eerst vast wie het is.")
    if casus is not None and not casus.is_open:
        errors["service"] = _("Deze casus is afgesloten: heropen hem om te verwijzen.")
    if hulpvraag is not None and casus is not None and hulpvraag.huishouden_id != casus.huishouden_id:
        errors["service"] = _("De hulpvraag hoort bij een ander huishouden dan de casus.")
    organisatie = data.service.organization.organisatie
    if organisatie is None:
        errors["service"] = _("Deze aanbieder heeft geen partneraccount en kan de verwijzing niet ontvangen. "
                              "Verwijs de bewoner op de gewone manier (telefoon, aanmelding op de website).")
    if data.soort not in Soort.values:
        errors["soort"] = _("Kies collectief of tweede lijn.")
    if data.soort == Soort.TWEEDE_LIJN and data.domein not in Domein.values:
        errors["domein"] = _("Kies het domein van de tweede lijn (GGZ, jeugdzorg, Wmo-maatwerk, schuldhulp).")
    if data.soort == Soort.TWEEDE_LIJN and not data.product.strip():
        errors["product"] = _("Noem het product, bijvoorbeeld basis-GGZ of ambulante jeugdhulp.")
    unknown = [item for item in data.gedeeld if item not in GedeeldGegeven.values]
    if unknown:
        errors["gedeeld"] = _("Onbekend gegeven: %(items)s") % {"items": ", ".join(unknown)}
    elif not data.gedeeld:
        errors["gedeeld"] = _("Kies wat de bewoner goedvindt om te delen; zonder gegevens kan de partner "
                              "geen contact opnemen.")
    if data.persoon is not None and data.persoon.huishouden_id != huishouden_id:
        errors["persoon"] = _("Deze persoon hoort niet bij het huishouden.")
    if data.persoon is None and ({GedeeldGegeven.NAAM, GedeeldGegeven.CONTACT, GedeeldGegeven.GEBOORTEDATUM}
                                 & set(data.gedeeld)):
        errors["persoon"] = _("Kies voor wie de verwijzing is: naam, contact of geboortedatum horen bij één persoon.")
    bad_domains = [d for d in data.levensdomeinen if d not in LEVENSDOMEINEN]
    if bad_domains:
        errors["levensdomeinen"] = _("Onbekend levensdomein: %(d)s") % {"d": ", ".join(bad_domains)}
    today = timezone.localdate()
    verwezen_op = data.verwezen_op or today
    if verwezen_op > today:
        errors["verwezen_op"] = _("De verwijsdatum kan niet in de toekomst liggen.")
    if data.aangemeld_op is not None and data.aangemeld_op < verwezen_op:
        errors["aangemeld_op"] = _("De aanmelding kan niet voor de verwijzing liggen.")
    elif data.aangemeld_op is not None and data.aangemeld_op > today:
        # As `_check_dates` says on every later change: a referral stored with a registration day to come
        # could not be answered (its partner's every status change was refused) until that day.
        errors["aangemeld_op"] = _("Deze datum kan niet in de toekomst liggen.")
    if errors:
        raise ValidationError(errors)
    assert organisatie is not None and huishouden_id is not None
    team_id = casus.team_id if casus is not None else hulpvraag.team_id  # type: ignore[union-attr]
    now = timezone.now()
    gedeeld = [item for item in GedeeldGegeven.values if item in set(data.gedeeld)]
    # Kept on the referral as they are now (see models.py): the norm it is judged by, and where it was made.
    norm = wachttijd.norm_for(data.domein) if data.soort == Soort.TWEEDE_LIJN else None
    buurt_id = Huishouden.objects.filter(pk=huishouden_id).values_list("adres__buurt", flat=True).first()
    with transaction.atomic():
        v = Verwijzing.objects.create(
            casus=casus, hulpvraag=hulpvraag, huishouden_id=huishouden_id, persoon=data.persoon, team_id=team_id,
            service=data.service, aanbod_naam=data.service.name[:255], organisatie=organisatie, soort=data.soort,
            domein=data.domein if data.soort == Soort.TWEEDE_LIJN else "", product=data.product.strip()[:200],
            gedeeld=gedeeld, toestemming_op=now, samenvatting=data.samenvatting.strip(),
            levensdomeinen=list(data.levensdomeinen), verwezen_op=verwezen_op,
            aangemeld_op=data.aangemeld_op or (verwezen_op if data.soort == Soort.TWEEDE_LIJN else None),
            reactie_uiterlijk=add_working_days(verwezen_op, reactie_werkdagen()), door=by, aangemaakt=now,
            norm_dagen_tot_intake=norm.dagen_tot_intake if norm else None,
            norm_dagen_tot_start=norm.dagen_tot_start if norm else None, buurt_id=buurt_id)
        _event(v, Gebeurtenis.AANGEMAAKT, by=by, system="", naar=VerwijzingStatus.VERSTUURD,
               toelichting=_("Naar %(aanbod)s (%(org)s). Gedeeld: %(items)s.")
               % {"aanbod": v.aanbod_naam, "org": organisatie.naam,
                  "items": ", ".join(str(GedeeldGegeven(i).label) for i in gedeeld)})
        if data.persoon is not None:
            record_consent(data.persoon, Doel.VERWIJZING, gegeven=True, by=by, request=request,
                           toelichting=(_("Verwijzing %(pk)s naar %(org)s: %(items)s")
                                        % {"pk": v.pk, "org": organisatie.naam, "items": ", ".join(gedeeld)})[:500])
        _audit(request, Action.CREATE, v, by=by, system="", organisatie=organisatie.pk, soort=v.soort,
               gedeeld=gedeeld, casus=casus.pk if casus else None, hulpvraag=hulpvraag.pk if hulpvraag else None)
        if hulpvraag is not None:  # a triaged request has taken its next step (same transaction as the referral)
            mark_moved_on(hulpvraag, step=_("verwijzing naar %(org)s") % {"org": organisatie.naam}, by=by,
                          request=request)
        _mail_on_commit(_("Nieuwe verwijzing %(pk)s") % {"pk": v.pk},
                        _("Uw organisatie heeft een nieuwe verwijzing van het wijkteam ontvangen. Bekijk en "
                          "beantwoord hem in het partnerportaal:\n%(url)s")
                        % {"url": _absolute(reverse("verwijzingen_partner:detail", args=[v.pk]))},
                        [organisatie.email])
    log.info("verwijzing_aangemaakt", verwijzing_id=v.pk, organisatie_id=organisatie.pk, soort=v.soort)
    return v


# --- Status and dates -------------------------------------------------------------------------------


def _check_dates(v: Verwijzing, errors: dict[str, str]) -> None:
    today = timezone.localdate()
    start_from = v.aangemeld_op or v.verwezen_op
    for name in ("aangemeld_op", "intake_op", "gestart_op"):
        value = getattr(v, name)
        if value is not None and value > today:
            errors[name] = _("Deze datum kan niet in de toekomst liggen.")
    if v.aangemeld_op is not None and v.aangemeld_op < v.verwezen_op:
        errors["aangemeld_op"] = _("De aanmelding kan niet voor de verwijzing liggen.")
    if v.intake_op is not None and v.intake_op < start_from:
        errors["intake_op"] = _("De intake kan niet voor de aanmelding liggen.")
    if v.gestart_op is not None and v.gestart_op < (v.intake_op or start_from):
        errors["gestart_op"] = _("De start kan niet voor de intake of aanmelding liggen.")
    for name in ("verwachte_intake", "verwachte_start"):
        value = getattr(v, name)
        if value is not None and value < start_from:
            errors[name] = _("Een verwachte datum kan niet voor de aanmelding liggen.")
    if v.afgesloten_op is not None:
        if v.afgesloten_op > today:
            errors["afgesloten_op"] = _("Deze datum kan niet in de toekomst liggen.")
        elif v.afgesloten_op < (v.gestart_op or v.verwezen_op):
            errors["afgesloten_op"] = _("De afsluiting kan niet voor de verwijzing of de start liggen.")


DATE_FIELDS = ("aangemeld_op", "intake_op", "gestart_op", "verwachte_intake", "verwachte_start")
DATE_LABELS = {"aangemeld_op": gettext_lazy("aangemeld op"), "intake_op": gettext_lazy("intake op"),
               "gestart_op": gettext_lazy("gestart op"), "verwachte_intake": gettext_lazy("verwachte intake"),
               "verwachte_start": gettext_lazy("verwachte start")}


def change_status(v: Verwijzing, naar: str, *, by: User | None = None, system: str = "", on_behalf_of: str = "",
                  request: HttpRequest | None = None, reden: str = "", datum: dt.date | None = None,
                  dates: dict[str, dt.date | None] | None = None, warme_overdracht: str = "") -> Verwijzing:
    """Move the referral along the transition table. A refusal, stop or no-show needs `reden`; `datum` is the
    day it happened (the start date for "gestart"; default today); `dates` may set the expected dates with it
    (a waiting-list place usually comes with an expected intake or start)."""
    naar = str(naar)
    reden = reden.strip()
    with transaction.atomic():
        locked = Verwijzing.objects.select_for_update().get(pk=v.pk)
        if naar not in VerwijzingStatus.values or naar not in VERWIJZING_TRANSITIONS[locked.status]:
            raise TransitionNotAllowed(
                _("Een verwijzing met status %(van)s kan niet naar %(naar)s.")
                % {"van": locked.get_status_display(),
                   "naar": VerwijzingStatus(naar).label if naar in VerwijzingStatus.values else naar},
                code="transition")
        if naar in REDEN_VERPLICHT and not reden:
            raise ValidationError({"reden": _("Schrijf de reden op: het wijkteam zoekt dan verder met de bewoner.")})
        van = locked.status
        today = timezone.localdate()
        for name, value in (dates or {}).items():
            if name not in DATE_FIELDS:
                raise ValueError(f"unknown date field {name!r}")
            if value is not None:
                setattr(locked, name, value)
        day = datum or today
        from_datum: list[str] = []  # fields set from `datum`: their errors belong where the day was given
        if naar == VerwijzingStatus.GESTART:
            locked.gestart_op = day
            from_datum.append("gestart_op")
            if locked.is_tweede_lijn and locked.intake_op is None:
                locked.intake_op = day  # started without a separate intake: the intake was the start
        if naar in AFGESLOTEN:
            locked.afgesloten_op = day
            from_datum.append("afgesloten_op")
        errors: dict[str, str] = {}
        _check_dates(locked, errors)
        for derived in from_datum:
            if derived in errors:
                errors.setdefault("datum", errors.pop(derived))
        if errors:
            raise ValidationError(errors)
        locked.status = naar
        if naar in REDEN_VERPLICHT:
            locked.reden = reden[:500]
        if warme_overdracht.strip():
            locked.warme_overdracht = warme_overdracht.strip()
        locked.save()
        _event(locked, Gebeurtenis.STATUS, by=by, system=system, van=van, naar=naar, toelichting=reden)
        if warme_overdracht.strip():
            _event(locked, Gebeurtenis.OVERDRACHT, by=by, system=system, toelichting=warme_overdracht.strip())
        _audit(request, Action.UPDATE, locked, by=by, system=system, on_behalf_of=on_behalf_of, status=naar,
               van=van)
        if naar in (VerwijzingStatus.AFGEWEZEN, VerwijzingStatus.NIET_VERSCHENEN) and locked.door is not None:
            _mail_on_commit(_("Verwijzing %(pk)s: %(status)s") % {"pk": locked.pk,
                                                                  "status": locked.get_status_display()},
                            _("De partner heeft gereageerd op verwijzing %(pk)s. Bekijk de reden en zoek samen "
                              "met de bewoner verder:\n%(url)s")
                            % {"pk": locked.pk, "url": _absolute(reverse("verwijzingen:detail", args=[locked.pk]))},
                            [locked.door.email])
    log.info("verwijzing_status", verwijzing_id=v.pk, van=van, naar=naar)
    _copy(locked, v)
    return v


def _copy(source: Verwijzing, target: Verwijzing) -> None:
    if source is target:
        return
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def update_dates(v: Verwijzing, *, by: User | None = None, system: str = "", on_behalf_of: str = "",
                 request: HttpRequest | None = None, dates: dict[str, dt.date | None],
                 warme_overdracht: str = "") -> list[str]:
    """Record registration, intake and start dates or the expected ones; returns the names that changed.
    A date is cleared with None only when given explicitly."""
    with transaction.atomic():
        locked = Verwijzing.objects.select_for_update().get(pk=v.pk)
        changed = []
        for name, value in dates.items():
            if name not in DATE_FIELDS:
                raise ValueError(f"unknown date field {name!r}")
            if getattr(locked, name) != value:
                setattr(locked, name, value)
                changed.append(name)
        errors: dict[str, str] = {}
        _check_dates(locked, errors)
        if errors:
            raise ValidationError(errors)
        overdracht = warme_overdracht.strip()
        if overdracht and overdracht != locked.warme_overdracht:
            locked.warme_overdracht = overdracht
            changed.append("warme_overdracht")
        if not changed:
            return []
        locked.save()
        summary = "; ".join(f"{DATE_LABELS[n]}: {_date_text(getattr(locked, n))}" for n in changed if n in DATE_FIELDS)
        if summary:
            _event(locked, Gebeurtenis.DATUMS, by=by, system=system, toelichting=summary)
        if "warme_overdracht" in changed:
            _event(locked, Gebeurtenis.OVERDRACHT, by=by, system=system, toelichting=overdracht)
        _audit(request, Action.UPDATE, locked, by=by, system=system, on_behalf_of=on_behalf_of, velden=changed)
    _copy(locked, v)
    return changed


def _date_text(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value is not None else "\N{EN DASH}"


# --- Bridging plan, risk signals, escalation --------------------------------------------------------


def save_bridging_plan(v: Verwijzing, *, by: User, wat_team: str, risicosignalen: str, checkin_dagen: int,
                       wat_netwerk: str = "", request: HttpRequest | None = None) -> Overbruggingsplan:
    """Record the bridging plan. The first save puts the check-ins as tasks in the case (bron "overbrugging"),
    every `checkin_dagen` days until the expected start (at most MAX_CHECKINS); a later save changes the
    plan's text and cadence for the record, the tasks already made stay as they are."""
    errors: dict[str, str] = {}
    if not v.is_tweede_lijn:
        errors["wat_team"] = _("Een overbruggingsplan hoort bij een verwijzing naar de tweede lijn.")
    if v.casus_id is None:
        errors["wat_team"] = _("Open eerst een casus: de afspraken van het overbruggingsplan komen als taken in "
                               "de casus.")
    if not wat_team.strip():
        errors["wat_team"] = _("Schrijf op wat het wijkteam doet zolang de bewoner wacht.")
    if not risicosignalen.strip():
        errors["risicosignalen"] = _("Schrijf op bij welke signalen het naar de teamleider gaat.")
    if not 1 <= int(checkin_dagen) <= 60:
        errors["checkin_dagen"] = _("Kies een aantal dagen van 1 tot 60.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        locked = Verwijzing.objects.select_for_update(of=("self",)).select_related("casus").get(pk=v.pk)
        plan = Overbruggingsplan.objects.filter(verwijzing=locked).first()
        first = plan is None
        if plan is None:
            plan = Overbruggingsplan(verwijzing=locked)
        plan.wat_team, plan.wat_netwerk = wat_team.strip(), wat_netwerk.strip()
        plan.risicosignalen, plan.checkin_dagen = risicosignalen.strip(), int(checkin_dagen)
        plan.vastgesteld, plan.door = now, by
        plan.save()
        made = 0
        if first:
            assert locked.casus is not None
            made = len(_checkin_tasks(locked, locked.casus, plan, by=by, request=request))
        _event(locked, Gebeurtenis.OVERBRUGGING, by=by, system="",
               toelichting=(_("Overbruggingsplan vastgesteld: contact elke %(n)s dagen, %(t)s taken gepland.")
                            % {"n": plan.checkin_dagen, "t": made}) if first
               else _("Overbruggingsplan bijgewerkt: contact elke %(n)s dagen.") % {"n": plan.checkin_dagen})
        _audit(request, Action.CREATE if first else Action.UPDATE, locked, by=by, system="",
               overbruggingsplan=plan.pk, checkin_dagen=plan.checkin_dagen, taken=made)
    return plan


def checkin_dates(start: dt.date, every: int, until: dt.date) -> list[dt.date]:
    dates: list[dt.date] = []
    day = start + dt.timedelta(days=every)
    while day <= until and len(dates) < MAX_CHECKINS:
        dates.append(day)
        day += dt.timedelta(days=every)
    return dates or [start + dt.timedelta(days=every)]


def _checkin_tasks(v: Verwijzing, casus: Casus, plan: Overbruggingsplan, *, by: User,
                   request: HttpRequest | None) -> list[Any]:
    today = timezone.localdate()
    until = v.verwachte_start or (today + dt.timedelta(days=DEFAULT_CHECKIN_HORIZON_DAYS))
    tasks = []
    for n, due in enumerate(checkin_dates(today, plan.checkin_dagen, until), start=1):
        tasks.append(add_task(
            casus, titel=_("Overbrugging %(aanbod)s: contact %(n)s") % {"aanbod": v.aanbod_naam, "n": n},
            due=due, by=by, toegewezen_aan=casus.regisseur, bron="overbrugging", request=request,
            toelichting=_("Verwijzing %(pk)s. Vraag hoe het gaat en let op: %(signalen)s")
            % {"pk": v.pk, "signalen": plan.risicosignalen}))
    return tasks


def report_risk_signal(v: Verwijzing, *, omschrijving: str, by: User, request: HttpRequest | None = None) -> None:
    """A risk signal while waiting: recorded on the referral and escalated to the team lead at once."""
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": _("Beschrijf het signaal.")})
    with transaction.atomic():
        locked = Verwijzing.objects.select_for_update().get(pk=v.pk)
        _event(locked, Gebeurtenis.RISICO, by=by, system="", toelichting=omschrijving.strip())
        _audit(request, Action.UPDATE, locked, by=by, system="", risicosignaal=True)
        _escalate(locked, by=by, system="", reden=_("Risicosignaal: %(s)s") % {"s": omschrijving.strip()})
    _copy(locked, v)


def _team_lead_emails(v: Verwijzing) -> list[str]:
    if v.team_id is None:
        return []
    return list(User.objects.filter(teams=v.team_id, role=Role.TEAMLEIDER, is_active=True)
                .values_list("email", flat=True))


def _escalate(locked: Verwijzing, *, by: User | None, system: str, reden: str) -> None:
    locked.geescaleerd_op = timezone.now()
    locked.save(update_fields=["geescaleerd_op"])
    _event(locked, Gebeurtenis.ESCALATIE, by=by, system=system, toelichting=reden)
    _mail_on_commit(_("Verwijzing %(pk)s vraagt uw aandacht") % {"pk": locked.pk},
                    _("Een verwijzing naar de tweede lijn is geëscaleerd (wachttijd boven de norm of een "
                      "risicosignaal). Bekijk de lijst:\n%(url)s")
                    % {"url": _absolute(reverse("verwijzingen:escalaties"))},
                    _team_lead_emails(locked))


# --- The reminder command ---------------------------------------------------------------------------


@dataclass
class RunResult:
    herinneringen: int = 0
    escalaties: int = 0


def send_reminders(today: dt.date | None = None) -> RunResult:
    """Remind partners that have not answered within `reactie_werkdagen()` working days (and tell the worker),
    once per period of that many working days; escalate second-line referrals past their norm to the team
    lead, once. Idempotent: a second run on the same day does nothing."""
    today = today or timezone.localdate()
    result = RunResult()
    period = reactie_werkdagen()
    due = (Verwijzing.objects.filter(status__in=sorted(WACHT_OP_REACTIE), reactie_uiterlijk__lt=today)
           .select_related("organisatie", "door").order_by("pk"))
    for v in due:
        with transaction.atomic():
            locked = (Verwijzing.objects.select_for_update(of=("self",)).select_related("organisatie", "door")
                      .get(pk=v.pk))
            if locked.status not in WACHT_OP_REACTIE:
                continue
            if locked.laatste_herinnering is not None and working_days_between(locked.laatste_herinnering,
                                                                               today) < period:
                continue
            locked.laatste_herinnering = today
            locked.save(update_fields=["laatste_herinnering"])
            days = working_days_between(locked.verwezen_op, today)
            _event(locked, Gebeurtenis.HERINNERING, by=None, system=COMMAND_SYSTEM,
                   toelichting=_("%(org)s heeft na %(n)s werkdagen nog niet gereageerd; herinnering gestuurd.")
                   % {"org": locked.organisatie.naam, "n": days})
            record(None, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, username=COMMAND_SYSTEM,
                   detail={"verwijzing": locked.pk, "herinnering": today.isoformat()})
            url = _absolute(reverse("verwijzingen_partner:detail", args=[locked.pk]))
            _mail_on_commit(_("Herinnering: verwijzing %(pk)s wacht op uw reactie") % {"pk": locked.pk},
                            _("Het wijkteam verwees %(n)s werkdagen geleden een inwoner naar uw organisatie. "
                              "Laat u weten of u de verwijzing aanneemt?\n%(url)s") % {"n": days, "url": url},
                            [locked.organisatie.email])
            if locked.door is not None:
                _mail_on_commit(_("Verwijzing %(pk)s: nog geen reactie van de partner") % {"pk": locked.pk},
                                _("De partner heeft nog niet gereageerd; wij hebben een herinnering gestuurd.\n%(url)s")
                                % {"url": _absolute(reverse("verwijzingen:detail", args=[locked.pk]))},
                                [locked.door.email])
            result.herinneringen += 1
    table = wachttijd.norms()
    waiting = (Verwijzing.objects.filter(soort=Soort.TWEEDE_LIJN, status__in=sorted(WACHTEND),
                                         geescaleerd_op__isnull=True).order_by("pk"))
    for v in waiting:
        if not wachttijd.is_te_laat(v, today, table):
            continue
        with transaction.atomic():
            locked = Verwijzing.objects.select_for_update().get(pk=v.pk)
            if locked.geescaleerd_op is not None:
                continue
            w = wachttijd.wacht(locked, today, table)
            _escalate(locked, by=None, system=COMMAND_SYSTEM,
                      reden=_("Wachttijd boven de norm: %(i)s dagen tot intake (norm %(ni)s), %(s)s dagen tot start "
                              "(norm %(ns)s).") % {"i": w.tot_intake, "ni": w.norm.dagen_tot_intake,
                                                   "s": w.tot_start if w.tot_start is not None else "\N{EN DASH}",
                                                   "ns": w.norm.dagen_tot_start})
            record(None, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, username=COMMAND_SYSTEM,
                   detail={"verwijzing": locked.pk, "escalatie": "wachttijd"})
            result.escalaties += 1
    log.info("verwijzing_herinneringen", herinneringen=result.herinneringen, escalaties=result.escalaties)
    return result
