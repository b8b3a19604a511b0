# SPDX-License-Identifier: EUPL-1.2
"""The write paths of outreach: assigning a zaak, a team's deadlines, its routing rules. Each is audited.

Assignment rules: a medewerker takes a zaak of their team (or gives back their own); the teamleider assigns
any zaak of their team to anyone of that team, or back to the pool. A zaak routed to a regisseur outside
the team (item 6) can be taken back by the team lead. Each change is a `ZaakToewijzing` history row.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkteam.accounts.models import Role, Team, User
from wijkteam.audit.models import Action
from wijkteam.audit.services import record
from wijkteam.gebieden.models import Buurt

from ..models import OutreachInstelling, RoutingRegel, Vroegsignaalzaak, ZaakToewijzing


class AssignmentNotAllowed(ValidationError):
    pass


def team_workers(team: Team) -> list[User]:
    """Who a zaak of this team can be assigned to: its medewerkers and teamleiders, active, by name."""
    return list(User.objects.filter(teams=team, role__in=[Role.MEDEWERKER, Role.TEAMLEIDER], is_active=True)
                .order_by("first_name", "last_name", "username"))


def may_assign(zaak: Vroegsignaalzaak, *, to: User | None, by: User) -> bool:
    if zaak.team_id is None or not zaak.is_open:
        return False
    in_team = by.teams.filter(pk=zaak.team_id).exists()
    if by.role == Role.TEAMLEIDER and in_team:
        return to is None or (to.is_active and to.role in (Role.MEDEWERKER, Role.TEAMLEIDER)
                              and to.teams.filter(pk=zaak.team_id).exists())
    if by.role == Role.MEDEWERKER and in_team:
        # Take it (from the pool) or give one's own back.
        return (to == by and zaak.toegewezen_aan_id is None) or (to is None and zaak.toegewezen_aan_id == by.pk)
    return False


def assign_zaak(zaak: Vroegsignaalzaak, *, to: User | None, by: User, request: HttpRequest | None = None) -> None:
    """Assign the zaak to `to` (None: back to the team pool). Raises AssignmentNotAllowed with a Dutch reason."""
    with transaction.atomic():
        # Locked: two workers pressing "Pak ik op" at once end with one of them, and one history row.
        locked = Vroegsignaalzaak.objects.select_for_update().get(pk=zaak.pk)
        if locked.toegewezen_aan_id == (to.pk if to else None):
            return
        if not may_assign(locked, to=to, by=by):
            if by.role == Role.MEDEWERKER and locked.toegewezen_aan_id not in (None, by.pk):
                raise AssignmentNotAllowed(_("Deze zaak is al aan een collega toegewezen. Vraag de teamleider "
                                             "om de zaak anders te verdelen."), code="taken")
            raise AssignmentNotAllowed(_("U mag deze zaak niet aan deze persoon toewijzen."), code="not_allowed")
        ZaakToewijzing.objects.create(zaak=locked, van_id=locked.toegewezen_aan_id, naar=to, door=by,
                                      tijdstip=timezone.now())
        previous = locked.toegewezen_aan_id
        locked.toegewezen_aan = to
        locked.save(update_fields=["toegewezen_aan"])
        zaak.toegewezen_aan = to
        record(request, Action.UPDATE, obj=locked, household_id=locked.huishouden_id, user=by,
               detail={"toegewezen_aan": to.pk if to else None, "was": previous})


# --- A team's deadlines ------------------------------------------------------------------------


def save_termijnen(team: Team, *, eerste_contact: int, eerste_contact_crisis: int, afsluiten: int, by: User,
                   request: HttpRequest | None = None) -> OutreachInstelling:
    if not eerste_contact_crisis <= eerste_contact <= afsluiten:
        raise ValidationError(_("De termijn bij een crisis mag niet langer zijn dan de gewone termijn, en het "
                                "afsluiten niet eerder dan de eerste contactpoging."), code="order")
    with transaction.atomic():
        instelling, _created = OutreachInstelling.objects.select_for_update().get_or_create(team=team)
        instelling.dagen_eerste_contact = eerste_contact
        instelling.dagen_eerste_contact_crisis = eerste_contact_crisis
        instelling.dagen_afsluiten = afsluiten
        instelling.gewijzigd_door = by
        instelling.gewijzigd = timezone.now()
        instelling.full_clean()
        instelling.save()
        record(request, Action.UPDATE, obj=instelling, user=by,
               detail={"team": team.pk, "eerste_contact": eerste_contact, "crisis": eerste_contact_crisis,
                       "afsluiten": afsluiten})
    return instelling


# --- A team's routing rules --------------------------------------------------------------------


def team_buurten(team: Team) -> list[Buurt]:
    return list(Buurt.objects.filter(wijk__teams=team).select_related("wijk").order_by("wijk__naam", "naam"))


def add_regel(team: Team, *, buurt: Buurt | None, medewerker: User | None, by: User,
              request: HttpRequest | None = None) -> RoutingRegel:
    if buurt is not None and not Buurt.objects.filter(pk=buurt.pk, wijk__teams=team).exists():
        raise ValidationError({"buurt": _("Deze buurt hoort niet bij een wijk van uw team.")})
    if medewerker is not None and medewerker not in team_workers(team):
        raise ValidationError({"medewerker": _("Deze persoon werkt niet in uw team.")})
    with transaction.atomic():
        # The team row is the lock: two leads adding at once get distinct places.
        Team.objects.select_for_update().get(pk=team.pk)
        last = RoutingRegel.objects.filter(team=team).aggregate(m=Max("volgorde"))["m"] or 0
        regel = RoutingRegel.objects.create(team=team, volgorde=last + 1, buurt=buurt, medewerker=medewerker)
        record(request, Action.CREATE, obj=regel, user=by,
               detail={"team": team.pk, "buurt": buurt.pk if buurt else None,
                       "medewerker": medewerker.pk if medewerker else None})
    return regel


def _renumber(team: Team, ordered: list[RoutingRegel]) -> None:
    for place, regel in enumerate(ordered, start=1):
        regel.volgorde = place
    RoutingRegel.objects.bulk_update(ordered, ["volgorde"])


def move_regel(team: Team, regel_id: int, *, up: bool, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        Team.objects.select_for_update().get(pk=team.pk)
        ordered = list(RoutingRegel.objects.filter(team=team).order_by("volgorde", "pk"))
        index = next((i for i, r in enumerate(ordered) if r.pk == regel_id), None)
        if index is None:
            raise ValidationError(_("Deze regel bestaat niet (meer)."), code="gone")
        other = index - 1 if up else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(team, ordered)
        record(request, Action.UPDATE, obj=ordered[other if 0 <= other < len(ordered) else index], user=by,
               detail={"team": team.pk, "verplaatst": "omhoog" if up else "omlaag"})


def delete_regel(team: Team, regel_id: int, *, by: User, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        Team.objects.select_for_update().get(pk=team.pk)
        regel = RoutingRegel.objects.filter(team=team, pk=regel_id).first()
        if regel is None:
            raise ValidationError(_("Deze regel bestaat niet (meer)."), code="gone")
        record(request, Action.DELETE, obj=regel, user=by,
               detail={"team": team.pk, "buurt": regel.buurt_id, "medewerker": regel.medewerker_id})
        regel.delete()
        _renumber(team, list(RoutingRegel.objects.filter(team=team).order_by("volgorde", "pk")))
