# SPDX-License-Identifier: EUPL-1.2
"""What the resident is told once their request is in (issue 18 item 1): what happens next and within how
many working days, in plain (B1) Dutch. One text for every door: the public form shows it on its thank-you
page, the worker reads it out on the phone or at the desk (the intake confirmation shows it), a partner
can pass it on.

`acknowledgement(hulpvraag)` returns the parts (title, paragraphs) for a template; `acknowledgement_text`
the same as one plain text (a letter, an e-mail, a test). The number of working days is counted from the
stored deadline, so the text always agrees with the queue, also after the setting changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkteam.core.working_days import working_days_between

from ..models import ContactVoorkeur, Hulpvraag

# Numbers a resident in danger needs, whatever the request says (national, free, always open).
VEILIG_THUIS = "0800-2000"


@dataclass(frozen=True)
class Acknowledgement:
    title: str
    paragraphs: tuple[str, ...]
    werkdagen: int

    def __str__(self) -> str:
        return "\n\n".join((self.title, *self.paragraphs))


def _how(voorkeur: str) -> str:
    hows: dict[str, str] = {
        ContactVoorkeur.TELEFOON: _("We bellen u."),
        ContactVoorkeur.EMAIL: _("We sturen u een e-mail."),
        ContactVoorkeur.BRIEF: _("We sturen u een brief."),
        ContactVoorkeur.LANGSKOMEN: _("We maken een afspraak om bij u langs te komen."),
    }
    return hows.get(voorkeur, _("We nemen contact met u op."))


def acknowledgement(hulpvraag: Hulpvraag) -> Acknowledgement:
    received = timezone.localdate(hulpvraag.ontvangen)
    days = max(1, working_days_between(received, hulpvraag.reactie_uiterlijk))
    team = hulpvraag.team.naam if hulpvraag.team_id and hulpvraag.team else _("het wijkteam")
    paragraphs = [
        _("Bedankt. We hebben uw hulpvraag ontvangen op %(datum)s. Uw kenmerk is %(kenmerk)s.") % {
            "datum": date_format(received, "j F Y"), "kenmerk": kenmerk(hulpvraag)},
        ngettext(
            "Wat gebeurt er nu? Een medewerker van %(team)s neemt uiterlijk %(uiterlijk)s contact met u op. "
            "Dat is binnen %(n)s werkdag.",
            "Wat gebeurt er nu? Een medewerker van %(team)s neemt uiterlijk %(uiterlijk)s contact met u op. "
            "Dat is binnen %(n)s werkdagen.",
            days,
        ) % {"team": team, "uiterlijk": date_format(hulpvraag.reactie_uiterlijk, "l j F"), "n": days},
        _how(hulpvraag.contactvoorkeur),
        _("In dat gesprek vragen we wat er speelt. Samen kijken we wat u helpt. Soms is dat iets bij u in de "
          "buurt, soms hulp van het wijkteam zelf."),
    ]
    if hulpvraag.team_id and hulpvraag.team and hulpvraag.team.telefoon:
        paragraphs.append(_("Wilt u iets doorgeven? Bel %(team)s op %(telefoon)s en noem uw kenmerk.") % {
            "team": team, "telefoon": hulpvraag.team.telefoon})
    paragraphs.append(_("Bent u in gevaar? Bel 112. Maakt u zich zorgen over geweld thuis? Bel Veilig Thuis: "
                        "%(nummer)s. Dat is gratis en kan dag en nacht.") % {"nummer": VEILIG_THUIS})
    return Acknowledgement(title=_("We hebben uw hulpvraag ontvangen"), paragraphs=tuple(paragraphs), werkdagen=days)


def acknowledgement_text(hulpvraag: Hulpvraag) -> str:
    return str(acknowledgement(hulpvraag))


def kenmerk(hulpvraag: Hulpvraag) -> str:
    """The reference a resident or partner quotes on the phone: not a name, just the number."""
    return f"HV-{hulpvraag.pk}"
