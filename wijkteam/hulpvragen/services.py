# SPDX-License-Identifier: EUPL-1.2
"""The one write path of hulpvragen: a request in (from any door), status changes, assignment, closing.

Every door calls `create_request`: the public form and self-help (`public/`), the worker's phone/desk
intake and the partner's warm handover (`intake/`), the accepted vroegsignaal (`receive_vroegsignaalzaak`,
registered with `vroegsignalering.handoff` in apps.py). Address, household and person come from the
household write path (`huishoudens.services`), so one resident is one Persoon whatever door they used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import structlog
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import Role, Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.core.working_days import add_working_days
from wijkteam.huishoudens.models import Adres, Doel, Huishouden, Persoon
from wijkteam.huishoudens.services import (
    MatchStatus,
    PersonMatch,
    add_person,
    find_or_add_person,
    find_or_create_adres,
    household_at,
    match_person,
    record_consent,
    update_contact,
)
from wijkteam.vroegsignalering.models import Signaalpartner, Vroegsignaalzaak
from wijkteam.vroegsignalering.services import teams_by_buurt

from .models import (
    HULPVRAAG_TRANSITIONS,
    LEVENSDOMEINEN,
    AfsluitReden,
    ContactVoorkeur,
    Hulpvraag,
    HulpvraagStatus,
    HulpvraagStatusHistorie,
    Kanaal,
)

log = structlog.get_logger(__name__)

DEFAULT_REACTIE_WERKDAGEN = 3
DEFAULT_REACTIE_WERKDAGEN_URGENT = 1


def reactie_werkdagen(*, urgent: bool) -> int:
    """Working days the team has to contact the resident (settings, with the defaults above)."""
    if urgent:
        return int(getattr(settings, "WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN_URGENT", DEFAULT_REACTIE_WERKDAGEN_URGENT))
    return int(getattr(settings, "WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN", DEFAULT_REACTIE_WERKDAGEN))


def reactie_uiterlijk(ontvangen: dt.datetime, *, urgent: bool) -> dt.date:
    return add_working_days(timezone.localdate(ontvangen), reactie_werkdagen(urgent=urgent))


# --- Input shapes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aanvrager:
    """Who asks, as they (or the worker) gave it. `achternaam` is the least a person is stored with."""

    achternaam: str
    voornamen: str = ""
    voorletters: str = ""
    tussenvoegsel: str = ""
    geboortedatum: dt.date | None = None
    bsn: str = ""


@dataclass(frozen=True)
class AdresInvoer:
    """The address as typed; `huisnummer` may be text with letter and toevoeging ("12a-3")."""

    postcode: str
    huisnummer: int | str
    huisletter: str = ""
    toevoeging: str = ""
    straat: str = ""
    woonplaats: str = ""


@dataclass(frozen=True)
class Contact:
    """How to reach the resident. Phone and e-mail go onto the Persoon (update_contact); empty = unchanged."""

    telefoon: str = ""
    email: str = ""
    voorkeur: str = ""
    bereikbaar: str = ""


# --- Creating a request ------------------------------------------------------------------------


def _clean_domains(levensdomeinen: Iterable[str]) -> list[str]:
    codes: list[str] = []
    for code in levensdomeinen:
        code = str(code).strip().upper()
        if code not in LEVENSDOMEINEN:
            raise ValidationError({"levensdomeinen": _("Onbekend levensdomein: %(code)s") % {"code": code}})
        if code not in codes:
            codes.append(code)
    return sorted(codes)


def _clean_consents(toestemmingen: Mapping[str, bool] | None) -> dict[str, bool]:
    result: dict[str, bool] = {}
    for doel, gegeven in (toestemmingen or {}).items():
        if doel not in Doel.values:
            raise ValidationError({"toestemmingen": _("Onbekend doel voor toestemming: %(doel)s") % {"doel": doel}})
        result[str(doel)] = bool(gegeven)
    return result


def route_team(adres: Adres | None, *, teams: Mapping[int, int] | None = None) -> int | None:
    """The team whose wijk covers the address's buurt; None (the central queue) when none does."""
    if adres is None or adres.buurt_id is None:
        return None
    return (teams if teams is not None else teams_by_buurt()).get(adres.buurt_id)


def _find_person(household: Huishouden | None, aanvrager: Aanvrager, *, by: User | None,
                 request: HttpRequest | None, system: str) -> PersonMatch:
    fields = {"voornamen": aanvrager.voornamen, "voorletters": aanvrager.voorletters,
              "tussenvoegsel": aanvrager.tussenvoegsel}
    bsn = aanvrager.bsn or None
    if household is None:
        # No address: only a BSN can find someone; otherwise a new person without household, whom the
        # worker links at intake (a name alone must never pick one of the municipality's residents).
        if bsn:
            found = match_person(bsn=bsn)
            if found.status is MatchStatus.FOUND:
                return found
        person = add_person(None, by=by, request=request, system=system, bsn=bsn, achternaam=aanvrager.achternaam,
                            geboortedatum=aanvrager.geboortedatum, **fields)
        return PersonMatch(MatchStatus.CREATED, person)
    if aanvrager.geboortedatum is None and not bsn:
        # Without birth date or BSN the write path cannot tell two residents with one surname apart: any
        # member with that surname makes it the worker's choice rather than a second record.
        same = list(household.leden.filter(achternaam__iexact=aanvrager.achternaam.strip()).order_by("pk"))
        if same:
            return PersonMatch(MatchStatus.AMBIGUOUS, candidates=tuple(same))
    return find_or_add_person(household, by=by, request=request, system=system, bsn=bsn,
                              achternaam=aanvrager.achternaam, geboortedatum=aanvrager.geboortedatum, **fields)


def _aangeleverd(aanvrager: Aanvrager | None, contact: Contact | None) -> dict[str, str]:
    """What the requester said about themselves (never the BSN), kept until the worker decides who it is."""
    data: dict[str, str] = {}
    if aanvrager is not None:
        data.update({"voornamen": aanvrager.voornamen, "voorletters": aanvrager.voorletters,
                     "tussenvoegsel": aanvrager.tussenvoegsel, "achternaam": aanvrager.achternaam,
                     "geboortedatum": aanvrager.geboortedatum.isoformat() if aanvrager.geboortedatum else ""})
    if contact is not None:
        data.update({"telefoon": contact.telefoon.strip(), "email": contact.email.strip()})
    return {k: v for k, v in data.items() if v}


def _store_contact(persoon: Persoon, contact: Contact, *, by: User | None, request: HttpRequest | None,
                   system: str, new_person: bool) -> dict[str, str]:
    """Phone and e-mail onto the Persoon. A wijkteam worker (phone, desk) changes them; a signed-in partner
    only fills what is empty; an anonymous door (web form, self-help) writes them only on the person this very
    request created, never on a resident already known: anyone who knows a resident's name, birth date and
    address could otherwise redirect the team's calls, or give a resident without a number the caller's own.
    A value not written is returned, kept on the request for the worker to confirm (`link_person`)."""
    typed = {"telefoon": contact.telefoon.strip(), "email": contact.email.strip()}
    typed = {name: value for name, value in typed.items() if value}
    trusted = new_person or (by is not None and by.role in (Role.MEDEWERKER, Role.TEAMLEIDER))
    if trusted:
        fill = typed
    elif by is not None:
        fill = {name: value for name, value in typed.items() if not getattr(persoon, name)}
    else:
        fill = {}
    differing = {name: value for name, value in typed.items() if name not in fill and getattr(persoon, name) != value}
    if fill:
        update_contact(persoon, by=by, request=request, system=system, telefoon=fill.get("telefoon"),
                       email=fill.get("email"))
    return differing


def _history(hulpvraag: Hulpvraag, van: str, naar: str, *, by: User | None, system: str, now: dt.datetime,
             toelichting: str = "") -> None:
    HulpvraagStatusHistorie.objects.create(hulpvraag=hulpvraag, van=van, naar=naar, door=by, door_systeem=system,
                                           tijdstip=now, toelichting=toelichting[:500])


# The codes of the address checks (gebieden.postcodes) are the names of the fields they concern.
_ADDRESS_FIELDS = frozenset({"postcode", "huisnummer", "huisletter", "toevoeging"})


def _address_error(exc: ValidationError) -> ValidationError:
    """An address refusal keyed by the field it concerns (a bad huisnummer beside Huisnummer, not Postcode);
    an error without such a code is about the address as a whole (a non-field error)."""
    if hasattr(exc, "error_dict"):  # keyed already
        return exc
    errors: dict[str, list[ValidationError]] = {}
    for error in exc.error_list:
        field = error.code if error.code in _ADDRESS_FIELDS else NON_FIELD_ERRORS
        errors.setdefault(str(field), []).append(error)
    return ValidationError(errors)


def create_request(
    *,
    kanaal: Kanaal | str,
    omschrijving: str,
    levensdomeinen: Iterable[str] = (),
    aanvrager: Aanvrager | None = None,
    adres: AdresInvoer | None = None,
    persoon: Persoon | None = None,
    huishouden: Huishouden | None = None,
    contact: Contact | None = None,
    toestemmingen: Mapping[str, bool] | None = None,
    urgent: bool = False,
    by: User | None = None,
    system: str = "",
    request: HttpRequest | None = None,
    vroegsignaalzaak: Vroegsignaalzaak | None = None,
    verwijzer: User | None = None,
    overdracht_notitie: str = "",
    team: Team | None = None,
) -> Hulpvraag:
    """Store one request for help from any door and put it in the right intake queue. Returns the request.

    Who asks, one of:
    - `persoon` (and/or `huishouden`): already known (the worker picked them; the vroegsignaalzaak's
      household). `huishouden` defaults to the person's.
    - `aanvrager` (+ optional `adres`): as typed. With `adres` the address is found or created and the
      household living there found or created (`household_at`), then the person matched within it (BSN,
      else achternaam + geboortedatum). Two or more residents fit → the request is stored WITHOUT a person,
      `persoon_onzeker=True`, the candidates in `kandidaten`, and what was typed (name, birth date, phone,
      e-mail; never the BSN) in `aangeleverd` until the worker decides (`link_person`). Without
      `adres`: a person without household (BSN finds a known one), no household on the request.
    - neither: an anonymous request (only with a way to reach them in `contact`; else ValidationError).

    Routing: the team whose wijk covers the address's buurt (`team` overrides: a worker filing for their
    own team); an address outside every team's wijk, or none, → `team=None`, the central queue.
    `reactie_uiterlijk`: received + N Dutch working days (settings WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN,
    default 3; `urgent` → WIJKTEAM_HULPVRAAG_REACTIE_WERKDAGEN_URGENT, default 1).

    `contact`: phone/e-mail are stored on the Persoon through `update_contact` (audited; not copied
    here). A wijkteam worker (`by` medewerker/teamleider) changes them; any other door only fills empty
    fields and a differing value is kept in `aangeleverd` for the worker to confirm (`link_person`).
    `voorkeur` (ContactVoorkeur) and `bereikbaar` stay on the request.
    `toestemmingen`: {Doel value: bool} as answered at this door. Always kept as a snapshot on the
    request; recorded as Toestemming rows (`record_consent`) when there is a person and a user `by`
    (phone/desk/partner). A web request has no user: its snapshot is the record until the worker confirms
    it (`confirm_consents`).
    `levensdomeinen`: codes LD01-LD13 (unknown → ValidationError naming the code).
    Doors: `kanaal=WARME_OVERDRACHT` needs `verwijzer` (a partner user, whose organisation is kept),
    a handover note and the resident's consent to be contacted (`Doel.CONTACT_OPNEMEN`);
    `kanaal=VROEGSIGNALERING` takes `vroegsignaalzaak`.
    Who: `by` (a user, with `request`) or `system` (e.g. "webformulier") — one is required; the creation
    is audited (ids only) and the first status row written. Everything in one transaction.
    Errors: ValidationError with a Dutch message per field; nothing is written then.
    """
    if by is None and request is None and not system:
        raise ValueError("a request needs `by`, `request` or a `system` name")
    if kanaal not in Kanaal.values:
        raise ValueError(f"unknown kanaal {kanaal!r}")
    domains = _clean_domains(levensdomeinen)
    consents = _clean_consents(toestemmingen)
    omschrijving = (omschrijving or "").strip()
    errors: dict[str, str] = {}
    if not omschrijving and not domains:
        errors["omschrijving"] = _("Vertel in een paar woorden waar u hulp bij zoekt.")
    if contact is not None and contact.voorkeur and contact.voorkeur not in ContactVoorkeur.values:
        errors["contactvoorkeur"] = _("Kies hoe we contact met u opnemen.")
    if aanvrager is not None and not aanvrager.achternaam.strip():
        errors["achternaam"] = _("Vul de achternaam in.")
    if persoon is None and aanvrager is None and huishouden is None and not (
            contact and (contact.telefoon.strip() or contact.email.strip())):
        errors["telefoon"] = _("Geef een telefoonnummer of e-mailadres, zodat we u kunnen bereiken.")
    if kanaal == Kanaal.WARME_OVERDRACHT:
        if verwijzer is None or verwijzer.role != Role.PARTNER or verwijzer.organisatie_id is None:
            raise ValueError("a warm handover is filed by a partner user")
        if not overdracht_notitie.strip():
            errors["overdracht_notitie"] = _("Schrijf in de overdrachtsnotitie wat het wijkteam moet weten.")
        if not consents.get(Doel.CONTACT_OPNEMEN):
            errors["toestemmingen"] = _("Zonder toestemming van de bewoner om contact op te nemen kunt u de "
                                        "hulpvraag niet overdragen.")
    if errors:
        raise ValidationError(errors)

    now = timezone.now()
    with transaction.atomic():
        adres_row: Adres | None = None
        candidates: tuple[Persoon, ...] = ()
        new_person = False
        if persoon is not None and huishouden is None:
            huishouden = persoon.huishouden
        if huishouden is None and adres is not None:
            try:
                adres_row = find_or_create_adres(postcode=adres.postcode, huisnummer=adres.huisnummer,
                                                 huisletter=adres.huisletter, toevoeging=adres.toevoeging,
                                                 straat=adres.straat.strip(), woonplaats=adres.woonplaats.strip())
            except ValidationError as exc:
                raise _address_error(exc) from exc
            except ValueError as exc:
                raise ValidationError({"huisnummer": _("Dit huisnummer klopt niet.")}) from exc
            huishouden = household_at(adres_row, by=by, request=request, system=system)
        elif huishouden is not None:
            adres_row = huishouden.adres
        if persoon is None and aanvrager is not None:
            match = _find_person(huishouden, aanvrager, by=by, request=request, system=system)
            persoon = match.person if match.status in (MatchStatus.FOUND, MatchStatus.CREATED) else None
            new_person = match.status == MatchStatus.CREATED
            candidates = tuple(match.candidates)
            if persoon is not None and huishouden is None and persoon.huishouden_id is not None:
                huishouden = persoon.huishouden
                adres_row = huishouden.adres if huishouden else None
        team_id = team.pk if team is not None else (
            vroegsignaalzaak.team_id if vroegsignaalzaak is not None and vroegsignaalzaak.team_id
            else route_team(adres_row))
        hulpvraag = Hulpvraag.objects.create(
            huishouden=huishouden, persoon=persoon, persoon_onzeker=bool(candidates),
            aangeleverd=_aangeleverd(aanvrager, contact) if persoon is None else {},
            team_id=team_id, buurt_id=adres_row.buurt_id if adres_row is not None else None,
            kanaal=str(kanaal), omschrijving=omschrijving, levensdomeinen=domains, urgent=urgent,
            contactvoorkeur=contact.voorkeur if contact else "", bereikbaar=(contact.bereikbaar.strip()[:200]
                                                                            if contact else ""),
            toestemmingen=consents, vroegsignaalzaak=vroegsignaalzaak,
            verwijzer=verwijzer if kanaal == Kanaal.WARME_OVERDRACHT else None,
            verwijzer_organisatie_id=verwijzer.organisatie_id if verwijzer and kanaal == Kanaal.WARME_OVERDRACHT
            else None,
            overdracht_notitie=overdracht_notitie.strip(), ontvangen=now,
            reactie_uiterlijk=reactie_uiterlijk(now, urgent=urgent), aangemaakt_door=by, aangemaakt_systeem=system,
        )
        if candidates:
            hulpvraag.kandidaten.set(candidates)
        _history(hulpvraag, "", HulpvraagStatus.NIEUW, by=by, system=system, now=now)
        if persoon is not None and contact is not None:
            differing = _store_contact(persoon, contact, by=by, request=request, system=system,
                                       new_person=new_person)
            if differing:
                hulpvraag.aangeleverd = differing
                hulpvraag.save(update_fields=["aangeleverd"])
        if persoon is not None and by is not None:
            for doel, gegeven in consents.items():
                record_consent(persoon, doel, gegeven=gegeven, by=by, request=request,
                               toelichting=_("Bij hulpvraag %(pk)s (%(kanaal)s)") % {
                                   "pk": hulpvraag.pk, "kanaal": hulpvraag.get_kanaal_display()})
        record(request, Action.CREATE, obj=hulpvraag, person_id=persoon.pk if persoon else None,
               household_id=huishouden.pk if huishouden else None, user=by, username=system,
               detail={"kanaal": str(kanaal), "team_id": team_id, "persoon_onzeker": bool(candidates)})
    log.info("hulpvraag.created", hulpvraag_id=hulpvraag.pk, kanaal=str(kanaal), team_id=team_id)
    return hulpvraag


# --- After intake ------------------------------------------------------------------------------


class TransitionNotAllowed(ValueError):
    pass


def change_status(hulpvraag: Hulpvraag, naar: HulpvraagStatus | str, *, by: User | None,
                  request: HttpRequest | None = None, system: str = "", toelichting: str = "",
                  afsluitreden: AfsluitReden | str = "") -> None:
    """Move the request along `HULPVRAAG_TRANSITIONS`, with a history row; closing needs `afsluitreden`."""
    if by is None and request is None and not system:
        raise ValueError("a status change needs `by`, `request` or a `system` name")
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        if naar not in HULPVRAAG_TRANSITIONS[locked.status]:
            raise TransitionNotAllowed(_("Een hulpvraag met status %(van)s kan niet naar %(naar)s.") % {
                "van": locked.get_status_display(), "naar": HulpvraagStatus(naar).label})
        fields = ["status"]
        if naar == HulpvraagStatus.AFGESLOTEN:
            if afsluitreden not in AfsluitReden.values:
                raise ValidationError({"afsluitreden": _("Kies waarom de hulpvraag wordt afgesloten.")})
            if afsluitreden == AfsluitReden.OVERIG and not toelichting.strip():
                raise ValidationError({"toelichting": _("Licht toe waarom de hulpvraag wordt afgesloten.")})
            locked.afsluitreden = str(afsluitreden)
            locked.afgesloten = timezone.now()
            fields += ["afsluitreden", "afgesloten"]
        now = timezone.now()
        _history(locked, locked.status, str(naar), by=by, system=system, now=now, toelichting=toelichting)
        locked.status = str(naar)
        locked.save(update_fields=fields)
        hulpvraag.status, hulpvraag.afsluitreden, hulpvraag.afgesloten = (locked.status, locked.afsluitreden,
                                                                          locked.afgesloten)
        record(request, Action.UPDATE, obj=locked, person_id=locked.persoon_id, household_id=locked.huishouden_id,
               user=by, username=system, detail={"status": str(naar), "afsluitreden": str(afsluitreden)})


def close(hulpvraag: Hulpvraag, *, reden: AfsluitReden | str, by: User | None, request: HttpRequest | None = None,
          system: str = "", toelichting: str = "") -> None:
    change_status(hulpvraag, HulpvraagStatus.AFGESLOTEN, by=by, request=request, system=system,
                  toelichting=toelichting, afsluitreden=reden)


def assign(hulpvraag: Hulpvraag, behandelaar: User | None, *, by: User, request: HttpRequest | None = None) -> None:
    """Give the request to a worker of its team (None: back to the queue). A new request goes into intake.

    A request in the central queue has no team: assigning it routes it to the worker's (first) team.
    Whether it is new is read from the locked row, not from `hulpvraag` (the caller's copy may be stale:
    two workers pressing "Zelf oppakken" at once both saw it new), and the status change is part of the
    same transaction. The stored status, behandelaar and team are copied back onto `hulpvraag`.
    """
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        if not locked.is_open and locked.status != HulpvraagStatus.DOORGEZET:
            raise ValidationError({"behandelaar": _("Een afgesloten hulpvraag kan niet meer worden toegewezen.")})
        fields = ["behandelaar"]
        if behandelaar is not None:
            if behandelaar.role not in (Role.MEDEWERKER, Role.TEAMLEIDER):
                raise ValidationError({"behandelaar": _("Alleen een medewerker of teamleider kan behandelaar zijn.")})
            team_ids = set(behandelaar.teams.values_list("pk", flat=True))
            if locked.team_id is None and team_ids:
                locked.team_id = min(team_ids)
                fields.append("team")
            elif locked.team_id not in team_ids:
                raise ValidationError({"behandelaar": _("Deze medewerker werkt niet in het team van deze hulpvraag.")})
        locked.behandelaar = behandelaar
        locked.save(update_fields=fields)
        record(request, Action.UPDATE, obj=locked, person_id=locked.persoon_id, household_id=locked.huishouden_id,
               user=by, detail={"behandelaar_id": behandelaar.pk if behandelaar else None,
                                "team_id": locked.team_id})
        if behandelaar is not None and locked.status == HulpvraagStatus.NIEUW:
            # Re-locks the row this transaction already holds: the transition is checked against `locked`.
            change_status(locked, HulpvraagStatus.IN_BEHANDELING, by=by, request=request,
                          toelichting=_("Toegewezen"))
        hulpvraag.behandelaar, hulpvraag.team_id, hulpvraag.status = (locked.behandelaar, locked.team_id,
                                                                      locked.status)


def route_to_team(hulpvraag: Hulpvraag, team: Team, *, by: User, request: HttpRequest | None = None) -> None:
    """Move a request to another team's queue (a central-queue request, or one the other team covers)."""
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        if locked.status == HulpvraagStatus.AFGESLOTEN:
            raise ValidationError({"team": _("Een afgesloten hulpvraag blijft bij het team dat hem afsloot.")})
        previous = locked.team_id
        locked.team, locked.behandelaar = team, None
        locked.save(update_fields=["team", "behandelaar"])
        hulpvraag.team, hulpvraag.behandelaar = team, None
        record(request, Action.UPDATE, obj=locked, person_id=locked.persoon_id, household_id=locked.huishouden_id,
               user=by, detail={"team_id": team.pk, "van_team_id": previous})


def link_person(hulpvraag: Hulpvraag, persoon: Persoon, *, by: User, request: HttpRequest | None = None) -> None:
    """The worker decided who asked (one of the candidates, or a person they found): link them, move the
    typed phone/e-mail onto the Persoon and empty `aangeleverd`."""
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
        typed = dict(locked.aangeleverd)
        # Another person than the one whose consents were recorded: their answers are still to be confirmed.
        relinked = locked.persoon_id not in (None, persoon.pk)
        locked.persoon, locked.persoon_onzeker, locked.aangeleverd = persoon, False, {}
        fields = ["persoon", "persoon_onzeker", "aangeleverd"]
        if relinked and locked.toestemmingen_bevestigd is not None:
            locked.toestemmingen_bevestigd = None
            hulpvraag.toestemmingen_bevestigd = None
            fields.append("toestemmingen_bevestigd")
        if locked.huishouden_id is None and persoon.huishouden_id is not None:
            locked.huishouden_id = persoon.huishouden_id
            fields.append("huishouden")
        locked.save(update_fields=fields)
        locked.kandidaten.clear()
        if typed.get("telefoon") or typed.get("email"):
            update_contact(persoon, by=by, request=request, telefoon=typed.get("telefoon"), email=typed.get("email"))
        hulpvraag.persoon, hulpvraag.persoon_onzeker, hulpvraag.aangeleverd = persoon, False, {}
        hulpvraag.huishouden_id = locked.huishouden_id
        record(request, Action.UPDATE, obj=locked, person_id=persoon.pk, household_id=locked.huishouden_id, user=by,
               detail={"fields": ["persoon"]})


def confirm_consents(hulpvraag: Hulpvraag, *, by: User, request: HttpRequest | None = None) -> int:
    """Record the consents of a request's snapshot as Toestemming rows (a web request, confirmed by the
    worker with the resident at intake). Returns the number recorded; needs a person.

    Once per request: the row is locked and `toestemmingen_bevestigd` set, so a second click or a second
    worker at the same moment records nothing twice (ValidationError instead)."""
    with transaction.atomic():
        locked = Hulpvraag.objects.select_for_update(of=("self",)).select_related("persoon").get(pk=hulpvraag.pk)
        if locked.persoon is None:
            raise ValidationError({"persoon": _("Kies eerst wie de aanvrager is.")})
        if locked.toestemmingen_bevestigd is not None:
            raise ValidationError({"toestemmingen": _("De toestemming bij deze hulpvraag is al vastgelegd.")})
        count = 0
        for doel, gegeven in locked.toestemmingen.items():
            record_consent(locked.persoon, doel, gegeven=bool(gegeven), by=by, request=request,
                           toelichting=_("Bevestigd bij hulpvraag %(pk)s") % {"pk": locked.pk})
            count += 1
        locked.toestemmingen_bevestigd = timezone.now()
        locked.save(update_fields=["toestemmingen_bevestigd"])
        hulpvraag.toestemmingen_bevestigd = locked.toestemmingen_bevestigd
    return count


# --- The vroegsignalering door -----------------------------------------------------------------

# Partner types whose arrears threaten the home: Huisvesting as well as Financiën.
_WONEN = {Signaalpartner.HUUR, Signaalpartner.HYPOTHEEK, Signaalpartner.ENERGIE, Signaalpartner.WATER}


def receive_vroegsignaalzaak(zaak: Vroegsignaalzaak, *, by: User | None = None,
                             request: HttpRequest | None = None) -> int:
    """The intake handoff (vroegsignalering.handoff): an accepted zaak becomes a request for its household.

    Runs inside the caller's transaction; the caller keeps the returned id in `zaak.intake_id`. A zaak
    handed over twice gets its existing request back (idempotent).
    """
    existing = Hulpvraag.objects.filter(vroegsignaalzaak=zaak).order_by("pk").values_list("pk", flat=True).first()
    if existing is not None:
        return int(existing)
    signals = list(zaak.signalen.order_by("signaaldatum", "pk").values_list("partnertype", "persoon_id"))
    partners = sorted({p for p, _person in signals if p})
    person_id = next((person for _p, person in signals if person is not None), None)
    persoon = Persoon.objects.filter(pk=person_id).first() if person_id else None
    domains = ["LD01"] + (["LD04"] if _WONEN & set(partners) else [])
    omschrijving = _("Hulp geaccepteerd na vroegsignaal (betalingsachterstand: %(partners)s).") % {
        "partners": ", ".join(str(Signaalpartner(p).label) for p in partners) or _("onbekend")}
    hulpvraag = create_request(
        kanaal=Kanaal.VROEGSIGNALERING, omschrijving=omschrijving, levensdomeinen=domains, persoon=persoon,
        huishouden=zaak.huishouden, urgent=zaak.crisis, by=by, request=request,
        system="" if by or request else "vroegsignalering", vroegsignaalzaak=zaak,
    )
    return hulpvraag.pk


def hulpvraag_url(pk: int) -> str:
    return reverse("hulpvragen:hulpvraag_detail", kwargs={"pk": pk})
