# SPDX-License-Identifier: EUPL-1.2
"""The plan on paper for the household (ReportLab), in B1 Dutch: "Uw plan met het wijkteam".

Written for the resident, not the worker: short sentences, "u", the life domains in everyday words (the
sociale kaart's B1 labels), no professional risk assessment (that stays in the case). Large type (12 pt or
more, as in the wijk folder), the date it was made and "Pagina 1 van 2" on every page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=16, spaceAfter=4)
_TITLE = ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=24, leading=30, spaceAfter=6)
_HEAD = ParagraphStyle("head", parent=_BODY, fontName="Helvetica-Bold", fontSize=16, leading=21, spaceBefore=12)
_GOAL = ParagraphStyle("goal", parent=_BODY, fontName="Helvetica-Bold", fontSize=13, leading=17, spaceBefore=6)
_MARGIN = 18 * mm


@dataclass
class PrintGoal:
    domain: str
    goal: str
    own_words: str = ""


@dataclass
class PrintAction:
    who: str
    what: str
    when: str
    done: bool = False


@dataclass
class PrintPerson:
    name: str
    role: str = ""
    phone: str = ""


@dataclass
class PrintPlan:
    gemeente: str
    address: str
    made_on: str
    situation: str
    own_words: str
    goals: list[PrintGoal]
    actions: list[PrintAction]
    agreements: str
    network: list[PrintPerson]
    professionals: list[PrintPerson]
    contact_name: str
    contact_team: str
    contact_phone: str = ""
    members: list[str] = field(default_factory=list)


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    # Line breaks the worker typed stay line breaks on paper.
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _person(person: PrintPerson) -> Paragraph:
    parts = [f"<b>{escape(person.name)}</b>"]
    if person.role:
        parts.append(escape(person.role))
    if person.phone:
        parts.append(_("telefoon %(nummer)s") % {"nummer": escape(person.phone)})
    return Paragraph(", ".join(parts), _BODY)


def _numbered(plan: PrintPlan) -> type[pdfcanvas.Canvas]:
    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _height = A4
                self.setFont("Helvetica", 11)
                self.setFillColor(colors.black)
                self.drawString(_MARGIN, 10 * mm, _("Uw plan met het wijkteam - %(datum)s") % {"datum": plan.made_on})
                self.drawRightString(width - _MARGIN, 10 * mm, _("Pagina %(page)s van %(total)s")
                                     % {"page": self.getPageNumber(), "total": total})
                super().showPage()
            super().save()

    return NumberedCanvas


def render_plan_pdf(plan: PrintPlan, *, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN,
                            bottomMargin=22 * mm, title=_("Uw plan met het wijkteam"), author=plan.gemeente,
                            creator="Wijkteam", lang="nl-NL", pageCompression=1 if compress else 0)
    story: list[Flowable] = [
        _p(plan.gemeente, _HEAD),
        _p(_("Uw plan met het wijkteam"), _TITLE),
        _p(plan.address),
        _p(_("Gemaakt op %(datum)s") % {"datum": plan.made_on}),
    ]
    if plan.members:
        story.append(_p(_("Voor: %(namen)s") % {"namen": ", ".join(plan.members)}))
    story.append(_p(_("In dit plan staat wat u wilt bereiken, wie wat doet en wanneer. Klopt er iets niet? "
                      "Zeg het tegen uw contactpersoon. Het is uw plan.")))
    if plan.situation:
        story += [_p(_("Hoe het nu gaat"), _HEAD), _p(plan.situation)]
    if plan.own_words:
        story += [_p(_("Wat u zelf wilt"), _HEAD), _p(plan.own_words)]
    story.append(_p(_("Uw doelen"), _HEAD))
    if not plan.goals:
        story.append(_p(_("Er staan nog geen doelen in het plan. Die maakt u samen met uw contactpersoon.")))
    for goal in plan.goals:
        block: list[Flowable] = [_p(goal.domain, _GOAL), _p(goal.goal)]
        if goal.own_words:
            block.append(_p(_("In uw eigen woorden: %(tekst)s") % {"tekst": goal.own_words}))
        story.append(KeepTogether(block))
    if plan.actions:
        story.append(_p(_("Wie doet wat?"), _HEAD))
        rows: list[list[Any]] = [[_p(_("Wie")), _p(_("Wat")), _p(_("Wanneer"))]]
        for action in plan.actions:
            what = action.what + (" " + _("(klaar)") if action.done else "")
            rows.append([_p(action.who), _p(what), _p(action.when or _("samen afspreken"))])
        table = Table(rows, colWidths=[45 * mm, None, 35 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]))
        story.append(table)
    if plan.agreements:
        story += [_p(_("Afspraken"), _HEAD), _p(plan.agreements)]
    if plan.network:
        story += [_p(_("Mensen om u heen die helpen"), _HEAD), *[_person(p) for p in plan.network]]
    if plan.professionals:
        story += [_p(_("Hulpverleners die meedoen"), _HEAD), *[_person(p) for p in plan.professionals]]
    contact = [_p(_("Uw contactpersoon"), _HEAD),
               _p(_("%(naam)s van %(team)s.") % {"naam": plan.contact_name, "team": plan.contact_team})]
    if plan.contact_phone:
        contact.append(_p(_("Bel gerust: %(nummer)s.") % {"nummer": plan.contact_phone}))
    story += [Spacer(1, 2 * mm), KeepTogether(contact)]
    doc.build(story, canvasmaker=_numbered(plan))
    return buffer.getvalue()
