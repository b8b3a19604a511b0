# SPDX-License-Identifier: EUPL-1.2
"""The one write path of the match worklist: a worker decides who an ambiguous signal is about.

Ingest never guesses a person (`services.ingest_signal`): with two candidates, or a BSN nobody has yet and no
surname, the signal is stored for the household with `persoon` empty and a `MatchWerklijstItem`. Resolving it:

- a chosen candidate (or, when ingest found no candidate at all, a member of the household), or
- "nieuwe persoon": added to the signal's household through the household write path
  (`huishoudens.services.add_person`) from what the partner delivered;

then the signal points at that person, the item is closed (its transition table), both audited. The signal
already belongs to its household's zaak (ingest opened or joined it before the person was known); only a
signal left without one gets the household's open zaak, or a new one, exactly as ingest does
(`services._open_zaak`). Then, as after ingest, `outreach.refresh.refresh_zaken` updates the zaak's
priority, deadlines and routing.

The signal's `dedupe_key` stays as ingest computed it: the next delivery of the same signal is again
ambiguous at ingest, computes the same key and is recognised as a repeat. A key recomputed for the chosen
person would let that repeat in as a new signal.
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
from wijkteam.huishoudens.models import Persoon
from wijkteam.huishoudens.services import add_person

from ..models import MatchWerklijstItem, Signaal, WerklijstStatus
from ..outreach.refresh import refresh_zaken

# Private on purpose in services.py (ingest's own step); reused here rather than copied, so a resolved signal
# lands in a zaak by exactly the same rule as an unambiguous one.
from ..services import _open_zaak, classify_addresses, teams_by_buurt


def choices_for(item: MatchWerklijstItem) -> list[Persoon]:
    """Whom the worker may choose: the candidates ingest found, else the household's members."""
    candidates = list(item.kandidaten.order_by("geboortedatum", "pk"))
    if candidates or item.signaal.huishouden_id is None:
        return candidates
    return list(Persoon.objects.filter(huishouden=item.signaal.huishouden_id).order_by("geboortedatum", "pk"))


def _new_person(item: MatchWerklijstItem, signaal: Signaal, *, by: User, request: HttpRequest | None) -> Persoon:
    delivered = item.aangeleverd
    achternaam = (delivered.get("achternaam") or "").strip()
    if not achternaam:
        raise ValidationError({"keuze": _(
            "De signaalpartner gaf geen achternaam door, dus we kunnen geen nieuwe persoon maken. Kies een persoon "
            "uit de lijst.")})
    geboortedatum = dt.date.fromisoformat(delivered["geboortedatum"]) if delivered.get("geboortedatum") else None
    return add_person(signaal.huishouden, by=by, request=request, achternaam=achternaam, geboortedatum=geboortedatum,
                      voorletters=delivered.get("voorletters", ""), tussenvoegsel=delivered.get("voorvoegsel", ""),
                      telefoon=delivered.get("telefoonnummer", ""), email=delivered.get("email", ""))


def resolve_match(item: MatchWerklijstItem, *, persoon: Persoon | None, by: User,
                  request: HttpRequest | None = None) -> Persoon:
    """Link the item's signal to `persoon` (None: a new person from the delivered data). Returns the person."""
    with transaction.atomic():
        locked = MatchWerklijstItem.objects.select_for_update(of=("self",)).select_related("signaal").get(pk=item.pk)
        if WerklijstStatus.OPGELOST not in MatchWerklijstItem.TRANSITIONS[locked.status]:
            raise ValidationError({"keuze": _("Over wie dit signaal gaat, is al gekozen. Er is niets gewijzigd.")})
        signaal = Signaal.objects.select_for_update(of=("self",)).select_related("adres").get(pk=locked.signaal_id)
        if signaal.huishouden_id is None:
            raise ValidationError({"keuze": _("De persoonsgegevens van dit signaal zijn verwijderd (bewaartermijn).")})
        if persoon is None:
            persoon = _new_person(locked, signaal, by=by, request=request)
            keuze = "nieuw"
        else:
            if persoon.pk not in {p.pk for p in choices_for(locked)}:
                raise ValidationError({"keuze": _("Kies een van de personen uit de lijst, of “Nieuwe persoon”.")})
            keuze = "bestaand"
        signaal.persoon = persoon
        fields = ["persoon"]
        if signaal.zaak_id is None and signaal.adres is not None and signaal.huishouden is not None:
            signaal.zaak = _open_zaak(signaal.huishouden, signaal.adres, system="", by=by, now=timezone.now(),
                                      teams=teams_by_buurt())
            fields.append("zaak")
        signaal.save(update_fields=fields)
        locked.status = WerklijstStatus.OPGELOST
        locked.opgelost_door = by
        locked.opgelost_op = timezone.now()
        locked.save(update_fields=["status", "opgelost_door", "opgelost_op"])
        record(request, Action.UPDATE, obj=signaal, person_id=persoon.pk, household_id=signaal.huishouden_id,
               user=by, detail={"fields": ["persoon"], "werklijst": locked.pk, "keuze": keuze})
        if "zaak" in fields and signaal.adres_id is not None:
            classify_addresses([signaal.adres_id])
        if signaal.zaak_id is not None:
            # As after ingest: the priority counts the household (a new person changes it) and a new zaak
            # needs its deadlines and routing.
            now = timezone.now()
            refresh_zaken([signaal.zaak_id], today=timezone.localdate(now), now=now, by_id=by.pk)
    item.refresh_from_db()
    return persoon
