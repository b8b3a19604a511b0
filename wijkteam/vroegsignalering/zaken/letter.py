# SPDX-License-Identifier: EUPL-1.2
"""The personal invitation letter to a household after an early signal, as a PDF (ReportLab) in B1 Dutch.

Who reads it: a resident who is probably worried about money and did not ask for this letter. So it is
short, kind and concrete: who we are, why we write, what we offer (free, confidential, no obligation), how to
reach us, and a proposed visit if the worker gave one. It never names the creditor, the kind of debt or an
amount: the envelope may be opened by a housemate, and the letter must not shame anyone. It does say, as the
AVG asks (art. 14), that organisations such as energy companies and landlords tell the gemeente when a bill
stays unpaid, and that the Wet gemeentelijke schuldhulpverlening allows it.

Layout follows the wijk folder of the sociale kaart (sociale_kaart/public/leaflet_pdf.py, which this app may
not import): A4, Helvetica, never smaller than 12 pt, the team's phone number in bold.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer


@dataclass
class Letter:
    gemeente: str
    team: str
    team_phone: str
    team_email: str
    # Who it is for: one or two residents by name; empty: "De bewoners van" the address.
    names: list[str]
    street: str
    postcode_place: str
    made_on: dt.date
    visit_on: dt.date | None = None
    visit_at: dt.time | None = None
    worker: str = ""

    @property
    def salutation(self) -> str:
        if self.names:
            return _("Beste %(name)s,") % {"name": f" {_('en')} ".join(self.names)}
        return _("Beste bewoners,")

    @property
    def address_lines(self) -> list[str]:
        first = f" {_('en')} ".join(self.names) if self.names else _("De bewoners van")
        return [first, self.street, self.postcode_place]


_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=15.5, alignment=TA_LEFT, spaceAfter=5)
_ADDRESS = ParagraphStyle("address", parent=_BODY, spaceAfter=0)
_HEADING = ParagraphStyle("heading", parent=_BODY, fontName="Helvetica-Bold", fontSize=13, leading=17,
                          spaceBefore=4, spaceAfter=2)
_SENDER = ParagraphStyle("sender", parent=_BODY, fontName="Helvetica-Bold", fontSize=16, leading=21, spaceAfter=2)
_MARGIN = 20 * mm


def _p(text: str, style: ParagraphStyle = _BODY, *, bold: str = "") -> Paragraph:
    markup = escape(text)
    if bold:
        markup = markup.replace(escape(bold), f"<b>{escape(bold)}</b>")
    return Paragraph(markup, style)


def _day(value: dt.date) -> str:
    return formats.date_format(value, "l j F Y")


def visit_sentence(letter: Letter) -> str:
    if letter.visit_on is None:
        return ""
    if letter.visit_at is not None:
        return _("We komen graag bij u langs op %(day)s om %(time)s uur.") % {
            "day": _day(letter.visit_on), "time": letter.visit_at.strftime("%H.%M")}
    return _("We komen graag bij u langs op %(day)s.") % {"day": _day(letter.visit_on)}


def body_paragraphs(letter: Letter) -> list[tuple[str, list[str]]]:
    """The letter's text as (heading, paragraphs): what the PDF lays out and the tests read."""
    contact = [_("Bel ons: %(phone)s") % {"phone": letter.team_phone}] if letter.team_phone else []
    if letter.team_email:
        contact.append(_("Of mail ons: %(email)s") % {"email": letter.team_email})
    if not contact:
        contact.append(_("Kom langs bij %(team)s.") % {"team": letter.team})
    visit = visit_sentence(letter)
    visit_part = [visit, _("Past dit moment niet? Bel of mail ons. Dan kiezen we samen een ander moment. "
                           "U mag ook zeggen dat u geen bezoek wilt.")] if visit else [
        _("Wilt u dat we bij u langskomen? Dat kan. Bel of mail ons, dan spreken we een moment af.")]
    return [
        ("", [
            _("Wij zijn %(team)s van de gemeente %(gemeente)s. Wij helpen mensen in de wijk met vragen over "
              "geld, werk, zorg, wonen en opvoeden.") % {"team": letter.team, "gemeente": letter.gemeente},
            _("We hebben gehoord dat het misschien lastig is om alle rekeningen te betalen. Dat overkomt veel "
              "mensen. Bijvoorbeeld als het inkomen lager wordt, of als er veel tegelijk gebeurt."),
        ]),
        (_("Waarom krijgt u deze brief?"), [
            _("Als een rekening niet op tijd betaald is, laten organisaties zoals een energiebedrijf, "
              "een verhuurder of een zorgverzekeraar dat aan de gemeente weten. Dat staat in de wet "
              "(Wet gemeentelijke schuldhulpverlening). Zo kunnen we hulp aanbieden voordat het probleem "
              "groter wordt."),
        ]),
        (_("Wat bieden wij?"), [
            _("We denken met u mee. Samen kijken we wat u nodig heeft. Bijvoorbeeld een betalingsregeling, "
              "hulp bij uw post en papieren, of geld waar u recht op heeft."),
            _("Deze hulp is gratis. Wat u ons vertelt, blijft tussen ons, tenzij u zegt dat het mag. U hoeft "
              "niets: u kiest zelf of u hulp wilt."),
        ]),
        (_("Een afspraak"), visit_part),
        (_("Zo bereikt u ons"), contact),
    ]


def render_letter(letter: Letter, *, compress: bool = True) -> bytes:
    """The letter as A4 PDF bytes. `compress=False` leaves the text readable in the raw file (tests)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN, bottomMargin=_MARGIN,
        title=_("Uitnodiging van %(team)s") % {"team": letter.team}, author=letter.gemeente, creator="Wijkteam",
        lang="nl-NL", pageCompression=1 if compress else 0,
    )
    story: list[Flowable] = [_p(letter.team, _SENDER), _p(_("Gemeente %(gemeente)s") % {"gemeente": letter.gemeente}),
                             Spacer(1, 8 * mm)]
    story += [_p(line, _ADDRESS) for line in letter.address_lines]
    story += [Spacer(1, 8 * mm), _p(formats.date_format(letter.made_on, "j F Y")), Spacer(1, 2 * mm),
              _p(_("Onderwerp: hulp van het wijkteam"), _HEADING), _p(letter.salutation)]
    for heading, paragraphs in body_paragraphs(letter):
        block: list[Flowable] = [_p(heading, _HEADING)] if heading else []
        block += [_p(text, bold=letter.team_phone) for text in paragraphs]
        story.append(KeepTogether(block))
    closing = [_p(_("We horen graag van u.")), _p(_("Met vriendelijke groet,"))]
    closing += [_p(name) for name in (letter.worker, letter.team) if name]
    story.append(KeepTogether(closing))
    doc.build(story)
    return buffer.getvalue()


def letter_name(voorletters: str, tussenvoegsel: str, achternaam: str, voornamen: str = "") -> str:
    """As a letter names someone: initials, tussenvoegsel, surname ("J. de Vries")."""
    first = voorletters or (voornamen.split()[0] if voornamen else "")
    return " ".join(part for part in (first, tussenvoegsel, achternaam) if part)
