# SPDX-License-Identifier: EUPL-1.2
"""The one write path of casussen. Every change is audited with the household's id, so the resident's trail is whole.

- `open_case`: a household's case (at most one open per household: a second call raises `CaseAlreadyOpen`
  naming the open one), with its first status, regisseur and weight rows, the buurt the household lives in
  (a snapshot) and an empty plan.
- `change_case_status` (and `close_case`, `reopen_case`): only along `CASUS_TRANSITIONS`; closing needs a
  reason and an outcome, kept on the closing's history row too (reopening empties them on the case).
- `update_case_people`: regisseur, co-workers and weight as one change with the case's version (the case
  page's team form). `set_regisseur` (one handover; continuiteit's redistribution calls it), `set_coworkers`,
  `set_weight`. A changed weight adds a `CasusGewichtHistorie` row.
- `save_plan`: optimistic locking. The caller passes the plan version its form showed; when someone saved
  in between, `StaleVersion` is raised and nothing is written, so the first save stays intact.
- `add_task` (verwijzingen calls it for bridging tasks), `complete_task`, `record_contact`.
- `break_glass` (emergency access, audited as `Action.EMERGENCY`), `review_emergency_access`.

Rows that two people can change at once are locked (`select_for_update`) before they are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import structlog
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import Role, Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.huishoudens.models import Huishouden
from wijkteam.hulpvragen.models import Hulpvraag
from wijkteam.hulpvragen.onwards import mark_moved_on

from .models import (
    CASUS_OPEN,
    CASUS_TRANSITIONS,
    Casus,
    CasusGewichtHistorie,
    CasusStatus,
    CasusStatusHistorie,
    Contactmoment,
    ContactSoort,
    Gewicht,
    Noodtoegang,
    Plan,
    RegisseurHistorie,
    Sluitreden,
    Taak,
    Uitkomst,
)

log = structlog.get_logger(__name__)

# How long emergency access lasts: long enough for one crisis visit, short enough to need a new reason tomorrow.
NOODTOEGANG_DUUR = dt.timedelta(hours=4)
# A reason must say something: "nood" is not a reason a privacy officer can judge.
NOODTOEGANG_MIN_REDEN = 15

CASE_WORKER_ROLES = (Role.MEDEWERKER, Role.TEAMLEIDER)


class TransitionNotAllowed(ValueError):
    pass


class CaseAlreadyOpen(ValueError):
    def __init__(self, casus: Casus) -> None:
        super().__init__(_("Dit huishouden heeft al een open casus."))
        self.casus = casus


class StaleVersion(ValueError):
    """Someone else saved in between; the caller shows the current version and asks to redo the change."""


def _audit_case(request: HttpRequest | None, action: Action, casus: Casus, *, by: User | None,
                obj: Any = None, **detail: Any) -> None:
    record(request, action, obj=obj if obj is not None else casus, household_id=casus.huishouden_id, user=by,
           detail={"casus": casus.pk, **detail})


def _check_team_worker(user: User, team: Team, field: str) -> None:
    if user.role not in CASE_WORKER_ROLES or not user.is_active or not team.leden.filter(pk=user.pk).exists():
        raise ValidationError({field: _("%(naam)s is geen medewerker van %(team)s.")
                               % {"naam": user.get_full_name() or user.get_username(), "team": team.naam}})


# --- The case ---------------------------------------------------------------------------------


def open_case(huishouden: Huishouden, *, regisseur: User, team: Team, by: User, request: HttpRequest | None = None,
              hulpvraag: Hulpvraag | None = None, gewicht: str | None = None) -> Casus:
    """Open the household's case. Raises `CaseAlreadyOpen` when one is open, `ValidationError` for a regisseur
    outside the team."""
    _check_team_worker(regisseur, team, "regisseur")
    with transaction.atomic():
        _lock_household(huishouden.pk)
        existing = _open_case_of(huishouden.pk)
        if existing is not None:
            raise CaseAlreadyOpen(existing)
        now = timezone.now()
        if hulpvraag is not None and hulpvraag.huishouden_id != huishouden.pk:
            raise ValidationError({"hulpvraag": _("Deze hulpvraag hoort bij een ander huishouden.")})
        # The buurt as it is now, under the household's lock (the caller's object may be older).
        buurt_id = Huishouden.objects.filter(pk=huishouden.pk).values_list("adres__buurt_id", flat=True).first()
        try:
            with transaction.atomic():  # a savepoint: after a refused INSERT the transaction can still read
                casus = Casus.objects.create(huishouden=huishouden, team=team, regisseur=regisseur,
                                             hulpvraag=hulpvraag, geopend=timezone.localdate(now),
                                             gewicht=gewicht or "", buurt_id=buurt_id)
        except IntegrityError:
            # One-open-case constraint met by a writer that skipped the household lock: the same answer.
            existing = _open_case_of(huishouden.pk)
            if existing is None:
                raise
            raise CaseAlreadyOpen(existing) from None
        CasusStatusHistorie.objects.create(casus=casus, van="", naar=CasusStatus.AANGEMELD, door=by, tijdstip=now)
        RegisseurHistorie.objects.create(casus=casus, regisseur=regisseur, vorige=None, vanaf=now, door=by,
                                         reden=_("Casus geopend"))
        CasusGewichtHistorie.objects.create(casus=casus, gewicht=casus.gewicht, vanaf=now, door=by)
        Plan.objects.create(casus=casus)
        _audit_case(request, Action.CREATE, casus, by=by, regisseur=regisseur.pk, team=team.pk,
                    hulpvraag=hulpvraag.pk if hulpvraag is not None else None)
        if hulpvraag is not None:  # a triaged request has taken its next step (same transaction as the case)
            mark_moved_on(hulpvraag, step=_("casus geopend"), by=by, request=request)
    log.info("casus_geopend", casus_id=casus.pk, household_id=huishouden.pk, team_id=team.pk)
    return casus


def _lock(casus: Casus) -> Casus:
    return Casus.objects.select_for_update().get(pk=casus.pk)


def _lock_household(huishouden_id: int) -> None:
    """The household row is the lock of "one open case per household": whoever opens or reopens a case of it
    takes this lock before looking for another open case, so of two at once one waits and then sees the
    other's case. Always before the case row's lock (the same order everywhere: no deadlock)."""
    Huishouden.objects.select_for_update().filter(pk=huishouden_id).values_list("pk", flat=True).first()


def _open_case_of(huishouden_id: int, *, other_than: int | None = None) -> Casus | None:
    cases = Casus.objects.filter(huishouden_id=huishouden_id, status__in=sorted(CASUS_OPEN))
    if other_than is not None:
        cases = cases.exclude(pk=other_than)
    return cases.first()


def _another_open_case() -> TransitionNotAllowed:
    return TransitionNotAllowed(_("Dit huishouden heeft al een andere open casus."))


def _check_version(locked_versie: int, versie: int | None) -> None:
    if versie is not None and int(versie) != locked_versie:
        raise StaleVersion(_("Iemand anders heeft deze casus intussen gewijzigd. Bekijk de nieuwe versie en "
                             "doe uw wijziging opnieuw."))


def change_case_status(casus: Casus, naar: CasusStatus | str, *, by: User, request: HttpRequest | None = None,
                       toelichting: str = "", sluitreden: str = "", uitkomst: str = "",
                       versie: int | None = None) -> None:
    """Move the case along the transition table. Closing needs `sluitreden` and `uitkomst`, written on the case
    and on the closing's history row; reopening clears them on the case (the history row keeps them)."""
    naar = str(naar)
    with transaction.atomic():
        if naar == CasusStatus.HEROPEND:
            _lock_household(casus.huishouden_id)
        locked = _lock(casus)
        _check_version(locked.versie, versie)
        if naar not in CASUS_TRANSITIONS[locked.status]:
            raise TransitionNotAllowed(_("Een casus met status %(van)s kan niet naar %(naar)s.")
                                       % {"van": locked.get_status_display(),
                                          "naar": CasusStatus(naar).label if naar in CasusStatus.values else naar})
        fields = ["status", "versie"]
        if naar == CasusStatus.AFGESLOTEN:
            errors = {}
            if sluitreden not in Sluitreden.values:
                errors["sluitreden"] = _("Kies waarom de casus wordt afgesloten.")
            if uitkomst not in Uitkomst.values:
                errors["uitkomst"] = _("Kies de uitkomst van de casus.")
            if errors:
                raise ValidationError(errors)
            locked.sluitreden, locked.uitkomst, locked.sluit_toelichting = sluitreden, uitkomst, toelichting
            locked.gesloten = timezone.localdate()
            fields += ["sluitreden", "uitkomst", "sluit_toelichting", "gesloten"]
        elif naar == CasusStatus.HEROPEND:
            if _open_case_of(locked.huishouden_id, other_than=locked.pk) is not None:
                raise _another_open_case()
            locked.sluitreden, locked.uitkomst, locked.sluit_toelichting, locked.gesloten = "", "", "", None
            fields += ["sluitreden", "uitkomst", "sluit_toelichting", "gesloten"]
        closing = naar == CasusStatus.AFGESLOTEN
        CasusStatusHistorie.objects.create(casus=locked, van=locked.status, naar=naar, door=by,
                                           tijdstip=timezone.now(), toelichting=toelichting[:500],
                                           sluitreden=sluitreden if closing else "",
                                           uitkomst=uitkomst if closing else "")
        locked.status = naar
        locked.versie += 1
        try:
            with transaction.atomic():
                locked.save(update_fields=fields)
        except IntegrityError:
            # One-open-case constraint met by a writer that skipped the household lock: the same refusal.
            if naar == CasusStatus.HEROPEND and _open_case_of(locked.huishouden_id, other_than=locked.pk):
                raise _another_open_case() from None
            raise
        _audit_case(request, Action.UPDATE, locked, by=by, status=naar)
    for name in ["status", "versie", "sluitreden", "uitkomst", "sluit_toelichting", "gesloten"]:
        setattr(casus, name, getattr(locked, name))


def close_case(casus: Casus, *, sluitreden: str, uitkomst: str, by: User, request: HttpRequest | None = None,
               toelichting: str = "", versie: int | None = None) -> None:
    change_case_status(casus, CasusStatus.AFGESLOTEN, by=by, request=request, toelichting=toelichting,
                       sluitreden=sluitreden, uitkomst=uitkomst, versie=versie)


def reopen_case(casus: Casus, *, by: User, request: HttpRequest | None = None, toelichting: str = "",
                versie: int | None = None) -> None:
    change_case_status(casus, CasusStatus.HEROPEND, by=by, request=request, toelichting=toelichting, versie=versie)


class RegisseurChanged(ValueError):
    """The case no longer has the regisseur the caller's decision was based on (someone changed it meanwhile)."""


def set_regisseur(casus: Casus, *, to: User, by: User, reason: str = "", request: HttpRequest | None = None,
                  expect_from: User | None = None) -> bool:
    """Hand the case to `to` (a worker of the case's team). Returns False when `to` already is the regisseur.

    `expect_from`: the regisseur the caller's decision was about (a redistribution away from an absent worker);
    when the locked case has another one by now, `RegisseurChanged` is raised and nothing is written.
    The previous regisseur is not kept as a co-worker: a handover ends their need to know unless the team
    lead adds them back (`set_coworkers`)."""
    with transaction.atomic():
        locked = _lock(casus)
        if expect_from is not None and locked.regisseur_id != expect_from.pk:
            raise RegisseurChanged(f"case {locked.pk}: regisseur changed")
        if locked.regisseur_id == to.pk:
            return False
        _check_team_worker(to, locked.team, "regisseur")
        vorige_id = locked.regisseur_id
        RegisseurHistorie.objects.create(casus=locked, regisseur=to, vorige_id=vorige_id, vanaf=timezone.now(),
                                         door=by, reden=reason[:500])
        locked.regisseur = to
        locked.versie += 1
        locked.save(update_fields=["regisseur", "versie"])
        locked.medewerkers.remove(to)  # the regisseur is not also a co-worker
        _audit_case(request, Action.UPDATE, locked, by=by, regisseur=to.pk, vorige=vorige_id)
    casus.regisseur, casus.versie = to, locked.versie
    return True


def set_coworkers(casus: Casus, users: Iterable[User], *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        locked = _lock(casus)
        users = [u for u in users if u.pk != locked.regisseur_id]
        for user in users:
            _check_team_worker(user, locked.team, "medewerkers")
        locked.medewerkers.set(users)
        # The people form carries the version: a lead's open form must not put back who was just taken off.
        locked.versie += 1
        locked.save(update_fields=["versie"])
        _audit_case(request, Action.UPDATE, locked, by=by, medewerkers=sorted(u.pk for u in users))
    casus.versie = locked.versie


def remove_coworker(casus: Casus, user: User, *, by: User, request: HttpRequest | None = None) -> None:
    """Take one worker off the case's co-workers (a departure), leaving the others as they are: unlike
    `set_coworkers`, the remaining co-workers are not checked again (one who left the team earlier must not
    block taking this one off)."""
    with transaction.atomic():
        locked = _lock(casus)
        if not locked.medewerkers.filter(pk=user.pk).exists():
            return
        locked.medewerkers.remove(user)
        locked.versie += 1  # an open people form must not put them back
        locked.save(update_fields=["versie"])
        _audit_case(request, Action.UPDATE, locked, by=by, medewerker_af=user.pk)
    casus.versie = locked.versie


def update_case_people(casus: Casus, *, regisseur: User, medewerkers: Iterable[User], gewicht: str | None,
                       versie: int | None, by: User, reden: str = "", request: HttpRequest | None = None) -> bool:
    """Who works on the case (regisseur, co-workers) and its weight, as one change: all of it or nothing.

    `versie` is the case version the caller's form showed: when the case changed in between, `StaleVersion`
    is raised and nothing is written, so one team lead does not silently undo another's change. A worker
    outside the case's team raises `ValidationError` naming the field, before anything is written. The
    regisseur is never also a co-worker. Returns False (nothing written, version unchanged) when nothing
    differs. `reden` goes to the regisseur history when the regisseur changes."""
    gewicht = gewicht or ""
    if gewicht not in Gewicht.values and gewicht != "":
        raise ValidationError({"gewicht": _("Kies licht, middel of zwaar, of laat het gewicht afleiden.")})
    with transaction.atomic():
        locked = _lock(casus)
        _check_version(locked.versie, versie)
        wanted = {u.pk: u for u in medewerkers if u.pk != regisseur.pk}
        # Every check before the first write: a refusal leaves the case exactly as it was.
        if locked.regisseur_id != regisseur.pk:
            _check_team_worker(regisseur, locked.team, "regisseur")
        for user in wanted.values():
            _check_team_worker(user, locked.team, "medewerkers")
        changes: dict[str, Any] = {}
        fields = ["versie"]
        if locked.regisseur_id != regisseur.pk:
            changes.update(regisseur=regisseur.pk, vorige=locked.regisseur_id)
            RegisseurHistorie.objects.create(casus=locked, regisseur=regisseur, vorige_id=locked.regisseur_id,
                                             vanaf=timezone.now(), door=by, reden=reden.strip()[:500])
            locked.regisseur = regisseur
            fields.append("regisseur")
        if set(locked.medewerkers.values_list("pk", flat=True)) != set(wanted):
            locked.medewerkers.set(wanted.values())
            changes["medewerkers"] = sorted(wanted)
        if locked.gewicht != gewicht:
            locked.gewicht = gewicht
            changes["gewicht"] = gewicht
            fields.append("gewicht")
            CasusGewichtHistorie.objects.create(casus=locked, gewicht=gewicht, vanaf=timezone.now(), door=by)
        if not changes:
            return False
        locked.versie += 1
        locked.save(update_fields=fields)
        _audit_case(request, Action.UPDATE, locked, by=by, **changes)
    casus.regisseur, casus.gewicht, casus.versie = locked.regisseur, locked.gewicht, locked.versie
    log.info("casus_mensen_gewijzigd", casus_id=casus.pk, user_id=by.pk, changed=sorted(changes))
    return True


def set_weight(casus: Casus, gewicht: str | None, *, by: User, request: HttpRequest | None = None) -> bool:
    """Set the weight (empty: derive it from the domains). Returns False (nothing written) when it is unchanged."""
    gewicht = gewicht or ""
    if gewicht not in Gewicht.values and gewicht != "":
        raise ValidationError({"gewicht": _("Kies licht, middel of zwaar, of laat het gewicht afleiden.")})
    with transaction.atomic():
        locked = _lock(casus)
        if locked.gewicht == gewicht:
            return False
        locked.gewicht = gewicht
        locked.versie += 1
        locked.save(update_fields=["gewicht", "versie"])
        CasusGewichtHistorie.objects.create(casus=locked, gewicht=gewicht, vanaf=timezone.now(), door=by)
        _audit_case(request, Action.UPDATE, locked, by=by, gewicht=gewicht)
    casus.gewicht, casus.versie = locked.gewicht, locked.versie
    return True


# --- The plan ---------------------------------------------------------------------------------

PLAN_FIELDS = ("situatie", "eigen_woorden", "afspraken", "risicos")


def save_plan(casus: Casus, *, versie: int, by: User, request: HttpRequest | None = None,
              fields: dict[str, str] | None = None, apply: Callable[[Plan], None] | None = None) -> Plan:
    """Save the plan if it is still at `versie` (the version the editor's form showed); else `StaleVersion`.

    `fields` sets the plan's own text fields; `apply(plan)` writes the goals, actions and people (the plan
    form's formsets), inside the same transaction and lock, so a refused save writes none of them."""
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(casus_id=casus.pk)
        if int(versie) != plan.versie:
            raise StaleVersion(_("Dit plan is intussen door %(naam)s opgeslagen. Uw wijzigingen zijn niet "
                                 "bewaard. Bekijk het plan zoals het nu is en doe uw wijziging opnieuw.")
                               % {"naam": _naam(plan.gewijzigd_door)})
        for name, value in (fields or {}).items():
            if name not in PLAN_FIELDS:
                raise ValueError(f"unknown plan field {name!r}")
            setattr(plan, name, value)
        if apply is not None:
            apply(plan)
        plan.versie += 1
        plan.gewijzigd, plan.gewijzigd_door = timezone.now(), by
        plan.save()
        _audit_case(request, Action.UPDATE, casus, by=by, obj=plan, plan_versie=plan.versie)
    return plan


def _naam(user: User | None) -> str:
    if user is None:
        return _("een collega")
    return user.get_full_name() or user.get_username()


# --- Tasks and contacts -------------------------------------------------------------------------


def add_task(casus: Casus, *, titel: str, due: dt.date | None, by: User | None, toegewezen_aan: User | None = None,
             bron: str = "", toelichting: str = "", request: HttpRequest | None = None, system: str = "") -> Taak:
    """A task on the case; `bron` names where it came from when an app made it (e.g. "overbrugging")."""
    if not titel.strip():
        raise ValidationError({"titel": _("Geef de taak een titel.")})
    with transaction.atomic():
        taak = Taak.objects.create(casus=casus, titel=titel.strip()[:200], toelichting=toelichting, deadline=due,
                                   toegewezen_aan=toegewezen_aan, bron=bron, aangemaakt=timezone.now(),
                                   aangemaakt_door=by)
        record(request, Action.CREATE, obj=taak, household_id=casus.huishouden_id, user=by, username=system,
               detail={"casus": casus.pk, "bron": bron})
    return taak


def complete_task(taak: Taak, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        locked = Taak.objects.select_for_update(of=("self",)).select_related("casus").get(pk=taak.pk)
        if locked.afgerond is not None:
            return
        locked.afgerond, locked.afgerond_door = timezone.now(), by
        locked.save(update_fields=["afgerond", "afgerond_door"])
        record(request, Action.UPDATE, obj=locked, household_id=locked.casus.huishouden_id, user=by,
               detail={"casus": locked.casus_id, "afgerond": True})
    taak.afgerond, taak.afgerond_door = locked.afgerond, by


def record_contact(casus: Casus, *, soort: ContactSoort | str, datum: dt.date, verslag: str, by: User,
                   duur_minuten: int | None = None, request: HttpRequest | None = None) -> Contactmoment:
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Een contactmoment kan niet in de toekomst liggen.")})
    if not verslag.strip():
        raise ValidationError({"verslag": _("Schrijf kort op wat er besproken is.")})
    with transaction.atomic():
        contact = Contactmoment.objects.create(casus=casus, soort=str(soort), datum=datum, verslag=verslag.strip(),
                                               duur_minuten=duur_minuten, door=by, aangemaakt=timezone.now())
        record(request, Action.CREATE, obj=contact, household_id=casus.huishouden_id, user=by,
               detail={"casus": casus.pk, "soort": str(soort)})
    return contact


# --- Emergency access ---------------------------------------------------------------------------


def may_break_glass(user: Any, casus: Casus) -> bool:
    """A worker of the case's own team; nobody else can open a case, not even in an emergency."""
    return bool(getattr(user, "is_authenticated", False) and user.role in CASE_WORKER_ROLES and user.is_active
                and casus.team.leden.filter(pk=user.pk).exists())


def break_glass(casus: Casus, *, by: User, reden: str, request: HttpRequest | None = None) -> Noodtoegang:
    """Emergency access for NOODTOEGANG_DUUR, with a stated reason; listed for the privacy officer."""
    reden = reden.strip()
    if len(reden) < NOODTOEGANG_MIN_REDEN:
        raise ValidationError({"reden": _("Schrijf op waarom u deze casus nu moet inzien (minstens %(n)s tekens).")
                               % {"n": NOODTOEGANG_MIN_REDEN}})
    if not may_break_glass(by, casus):
        raise ValidationError(_("Alleen medewerkers van het team van deze casus kunnen noodtoegang vragen."))
    now = timezone.now()
    with transaction.atomic():
        toegang = Noodtoegang.objects.create(gebruiker=by, casus=casus, reden=reden, start=now,
                                             verloopt=now + NOODTOEGANG_DUUR)
        record(request, Action.EMERGENCY, obj=casus, household_id=casus.huishouden_id, user=by, reason=reden,
               detail={"emergency_access": toegang.pk, "verloopt": toegang.verloopt.isoformat()})
    log.warning("noodtoegang", casus_id=casus.pk, user_id=by.pk, noodtoegang_id=toegang.pk)
    return toegang


def review_emergency_access(toegang: Noodtoegang, *, by: User, bevinding: str = "",
                            request: HttpRequest | None = None) -> None:
    """Mark the emergency access reviewed, once: a second review (another officer's page opened before the
    first review, a form sent twice) raises `ValidationError` and the first finding, reviewer and time stay."""
    with transaction.atomic():
        locked = Noodtoegang.objects.select_for_update(of=("self",)).select_related("casus").get(pk=toegang.pk)
        if locked.beoordeeld is not None:
            raise ValidationError(_("Deze noodtoegang is al beoordeeld."))
        locked.beoordeeld, locked.beoordeeld_door, locked.beoordeling = timezone.now(), by, bevinding.strip()
        locked.save(update_fields=["beoordeeld", "beoordeeld_door", "beoordeling"])
        record(request, Action.UPDATE, obj=locked, household_id=locked.casus.huishouden_id, user=by,
               detail={"emergency_access": locked.pk, "beoordeeld": True})
    toegang.beoordeeld, toegang.beoordeeld_door, toegang.beoordeling = (locked.beoordeeld, by, locked.beoordeling)
