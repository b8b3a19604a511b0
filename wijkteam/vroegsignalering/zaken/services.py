# SPDX-License-Identifier: EUPL-1.2
"""The write paths of a vroegsignaalzaak after it was opened: contact attempts, the end result, "hulp geaccepteerd".

- `record_contact_attempt`: one DDAS contact attempt. The first one dates the zaak (`eerste_contactpoging`,
  `datum_opgepakt`: the deadline of item 8 and the DDAS delivery read them) and moves the status on:
  nieuw → contact_gezocht, or → in_gesprek once the resident was reached.
- `close_zaak`: the DDAS end result; `hulp_geaccepteerd` follows from it (`HULP_RESULTATEN`), and a
  "niet opgepakt" result is also the status of the zaak's signals that were not taken up yet (the partner
  is told per signal, issue 17 item 4).
- `accept_help`: the resident accepts help: status → naar_intake and, when the intake capability has
  registered its handoff (`handoff.register_intake`), the help request is created in the same transaction.

Each refuses with a Dutch `ValidationError` keyed by the form field it is about (or `TransitionNotAllowed`
for a status the zaak cannot go to), so the page can show it next to the field; nothing is half-written.
Statuses only change through `services.change_zaak_status` (the transition table and its history row).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record

from .. import handoff
from ..models import (
    Contactpoging,
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    SignaalStatus,
    Vroegsignaalzaak,
    ZaakStatus,
)
from ..services import TransitionNotAllowed, change_signaal_status, change_zaak_status

# End results that mean the resident accepted help (the Divosa funnel's "hulp geaccepteerd"): help given
# within vroegsignalering, or a longer follow-up. "Verwijzing zonder contact" is not: nobody said yes.
HULP_RESULTATEN = frozenset({
    Eindresultaat.ADVIES_QUICK_FIX,
    Eindresultaat.VERVOLG_FINANCIEEL,
    Eindresultaat.VERVOLG_NIET_FINANCIEEL,
})

# "Niet opgepakt" end results share their DDAS string with a signal status: the partner learns it per signal.
_SIGNAAL_STATUS_VOOR = {value: SignaalStatus(value) for value in Eindresultaat.values if value in SignaalStatus.values}


def _locked(zaak: Vroegsignaalzaak) -> Vroegsignaalzaak:
    return Vroegsignaalzaak.objects.select_for_update().get(pk=zaak.pk)


def record_contact_attempt(zaak: Vroegsignaalzaak, *, soort: Contactsoort | str, bereikt: bool, datum: dt.date,
                           dagdeel: Dagdeel | str, notitie: str = "", by: User,
                           request: HttpRequest | None = None) -> Contactpoging:
    """Store one contact attempt and move the zaak on (see the module docstring)."""
    with transaction.atomic():
        locked = _locked(zaak)
        errors: dict[str, str] = {}
        if soort not in Contactsoort.values:
            errors["soort"] = _("Kies een soort contact uit de lijst.")
        if dagdeel not in Dagdeel.values:
            errors["dagdeel"] = _("Kies een dagdeel: ochtend, middag of avond.")
        if datum > timezone.localdate():
            errors["datum"] = _("De datum van de contactpoging mag niet in de toekomst liggen.")
        elif datum < locked.ontvangen:
            errors["datum"] = _("De datum van de contactpoging mag niet vóór de ontvangst van het signaal "
                                "(%(ontvangen)s) liggen.") % {"ontvangen": locked.ontvangen.strftime("%d-%m-%Y")}
        if locked.status == ZaakStatus.GESLOTEN:
            errors["__all__"] = _("Deze zaak is gesloten. U kunt geen contactpoging meer vastleggen.")
        if errors:
            raise ValidationError(errors)
        poging = Contactpoging.objects.create(zaak=locked, soort=soort, bereikt=bereikt, datum=datum,
                                              dagdeel=dagdeel, notitie=notitie.strip(), door=by)
        # The earliest attempt dates the zaak, also when an older attempt is written down later.
        fields = []
        if locked.eerste_contactpoging is None or datum < locked.eerste_contactpoging:
            locked.eerste_contactpoging = datum
            fields.append("eerste_contactpoging")
        if locked.datum_opgepakt is None or datum < locked.datum_opgepakt:
            locked.datum_opgepakt = datum
            fields.append("datum_opgepakt")
        if fields:
            locked.save(update_fields=fields)
        # The note is personal: the trail says that an attempt was made, not what was written.
        record(request, Action.CREATE, obj=poging, household_id=locked.huishouden_id, user=by,
               detail={"zaak": locked.pk, "soort": str(soort), "bereikt": bereikt})
        if bereikt and locked.status in (ZaakStatus.NIEUW, ZaakStatus.CONTACT_GEZOCHT):
            change_zaak_status(locked, ZaakStatus.IN_GESPREK, by=by, request=request,
                               toelichting=_("Inwoner bereikt"))
        elif locked.status == ZaakStatus.NIEUW:
            change_zaak_status(locked, ZaakStatus.CONTACT_GEZOCHT, by=by, request=request)
    zaak.refresh_from_db()
    return poging


def close_zaak(zaak: Vroegsignaalzaak, *, eindresultaat: Eindresultaat | str, by: User,
               request: HttpRequest | None = None) -> None:
    """Close with a DDAS end result; `hulp_geaccepteerd` follows from it (`HULP_RESULTATEN`)."""
    with transaction.atomic():
        locked = _locked(zaak)
        if eindresultaat not in Eindresultaat.values:
            raise ValidationError({"eindresultaat": _("Kies een eindresultaat uit de lijst.")})
        if locked.status == ZaakStatus.GESLOTEN:
            raise TransitionNotAllowed(_("Deze zaak is al gesloten met eindresultaat “%(resultaat)s”.")
                                       % {"resultaat": locked.get_eindresultaat_display()})
        geaccepteerd = eindresultaat in HULP_RESULTATEN
        if locked.hulp_geaccepteerd and not geaccepteerd:
            # The household was handed to intake: an end result saying otherwise would tell the partner a
            # different story than the help request does.
            raise ValidationError({"eindresultaat": _(
                "De inwoner heeft hulp geaccepteerd. Kies een eindresultaat met hulp: (budget)advies of quick fix, "
                "of vervolghulp (financieel of niet financieel).")})
        change_zaak_status(locked, ZaakStatus.GESLOTEN, by=by, request=request, toelichting=str(eindresultaat))
        locked.eindresultaat = str(eindresultaat)
        locked.hulp_geaccepteerd = geaccepteerd
        locked.save(update_fields=["eindresultaat", "hulp_geaccepteerd"])
        record(request, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, user=by,
               detail={"eindresultaat": str(eindresultaat), "hulp_geaccepteerd": geaccepteerd})
        signaal_status = _SIGNAAL_STATUS_VOOR.get(str(eindresultaat))
        if signaal_status is not None:
            for signaal in locked.signalen.filter(status=SignaalStatus.NOG_NIET_OPGEPAKT).order_by("pk"):
                change_signaal_status(signaal, signaal_status, by=by, request=request)
    zaak.refresh_from_db()


class IntakeFailed(Exception):
    """The registered intake refused the household; nothing was written."""


def accept_help(zaak: Vroegsignaalzaak, *, by: User, request: HttpRequest | None = None) -> int | None:
    """The resident accepts help: hand the household to intake (one transaction). Returns the intake id, if any.

    The registered handoff's `receive` runs inside this transaction, so a help request is never created for
    a zaak that did not move, nor the other way round. Without a handoff the zaak still moves to
    naar_intake; its page then tells the worker to create the help request by hand.
    """
    intake = handoff.intake()
    with transaction.atomic():
        locked = _locked(zaak)
        if locked.status != ZaakStatus.IN_GESPREK:
            if locked.status in (ZaakStatus.NIEUW, ZaakStatus.CONTACT_GEZOCHT):
                raise TransitionNotAllowed(_("Leg eerst een contactpoging vast waarbij u de inwoner heeft bereikt. "
                                             "Daarna kunt u vastleggen dat de inwoner hulp accepteert."))
            raise TransitionNotAllowed(_("Deze zaak heeft status “%(status)s”: hulp accepteren kan alleen "
                                         "bij een zaak die in gesprek is.") % {"status": locked.get_status_display()})
        change_zaak_status(locked, ZaakStatus.NAAR_INTAKE, by=by, request=request,
                           toelichting=_("Hulp geaccepteerd"))
        locked.hulp_geaccepteerd = True
        fields = ["hulp_geaccepteerd"]
        if intake is not None:
            try:
                locked.intake_id = int(intake.receive(locked, by=by, request=request))
            except Exception as exc:
                # Whatever intake refused with, the zaak must not move without it: roll everything back.
                raise IntakeFailed(str(exc)) from exc
            fields.append("intake_id")
        locked.save(update_fields=fields)
        record(request, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, user=by,
               detail={"hulp_geaccepteerd": True, "intake_id": locked.intake_id})
    zaak.refresh_from_db()
    return zaak.intake_id
