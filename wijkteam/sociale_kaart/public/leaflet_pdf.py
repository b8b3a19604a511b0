# SPDX-License-Identifier: EUPL-1.2
"""The printable folder "Wat is er in mijn wijk?" as a PDF (ReportLab, pure Python).

Wijkteam workers print it for residents without internet, so it must stand on its own: large
type, the gemeente and the date it was made, page numbers ("Pagina 1 van 3"), the wijkteam's phone
number, and a QR code to the online page for whoever can use it later. The view builds a `Folder`
(the same data the HTML page shows); this module only lays it out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)


@dataclass
class FolderEntry:
    name: str
    organisation: str
    description: str = ""
    address: str = ""
    times: list[str] = field(default_factory=list)
    phone: str = ""
    phone_href: str = ""
    costs: str = ""
    url: str = ""
    alert: str = ""


@dataclass
class FolderGroup:
    title: str
    entries: list[FolderEntry]


@dataclass
class FolderContact:
    name: str
    phone: str = ""
    phone_href: str = ""
    email: str = ""


@dataclass
class Folder:
    gemeente: str
    wijk: str
    title: str
    subtitle: str
    made_on: str
    online_url: str
    groups: list[FolderGroup]
    contacts: list[FolderContact] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len({entry.url for group in self.groups for entry in group.entries})


# Large type: residents include older people and people with low vision (12 pt is the minimum
# that Dutch "toegankelijk drukwerk" guidance asks for; body text here is 13 pt).
_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=13, leading=18, alignment=TA_LEFT, spaceAfter=2)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=12, leading=16)
_TITLE = ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=26, leading=32, spaceAfter=6)
_SUBTITLE = ParagraphStyle("subtitle", parent=_BODY, fontName="Helvetica-Bold", fontSize=18, leading=24)
_GROUP = ParagraphStyle(
    "group", parent=_BODY, fontName="Helvetica-Bold", fontSize=19, leading=24, spaceBefore=14, spaceAfter=6
)
_NAME = ParagraphStyle("name", parent=_BODY, fontName="Helvetica-Bold", fontSize=15, leading=20, spaceBefore=8)
_MARGIN = 18 * mm


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _labelled(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}</b> {escape(value)}", _BODY)


def _qr(url: str, size: float = 34 * mm) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    width, height = x2 - x1, y2 - y1
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    drawing.add(widget)
    return drawing


def _entry(entry: FolderEntry) -> KeepTogether:
    parts: list[Flowable] = [_p(entry.name, _NAME), _p(entry.organisation, _SMALL)]
    if entry.alert:
        parts.append(_labelled(_("Let op:"), entry.alert))
    if entry.description:
        parts.append(_p(entry.description))
    if entry.address:
        parts.append(_labelled(_("Adres:"), entry.address))
    if entry.times:
        parts.append(_labelled(_("Open:"), "; ".join(entry.times)))
    if entry.phone:
        parts.append(_labelled(_("Telefoon:"), entry.phone))
    if entry.costs:
        parts.append(_labelled(_("Kosten:"), entry.costs))
    parts.append(Spacer(1, 4))
    return KeepTogether(parts)


def _header(folder: Folder) -> Table:
    left: list[Flowable] = [
        _p(folder.gemeente, _SUBTITLE),
        _p(folder.title, _TITLE),
        _p(_("Wijk %(wijk)s") % {"wijk": folder.wijk}, _SUBTITLE),
    ]
    if folder.subtitle:
        left.append(_p(folder.subtitle, _SUBTITLE))
    left.append(_p(_("Gemaakt op %(date)s") % {"date": folder.made_on}, _SMALL))
    right: list[Flowable] = [_qr(folder.online_url), _p(_("Kijk online voor het nieuwste overzicht."), _SMALL)]
    table = Table([[left, right]], colWidths=[None, 42 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _contacts(folder: Folder) -> list[Flowable]:
    if not folder.contacts:
        return []
    flow: list[Flowable] = [CondPageBreak(40 * mm), _p(_("Hulp van het wijkteam"), _GROUP)]
    flow.append(_p(_("Komt u er niet uit? Het wijkteam helpt u gratis. Bel of mail gerust.")))
    for contact in folder.contacts:
        details = [d for d in (contact.phone, contact.email) if d]
        flow.append(_labelled(contact.name + ":", " - ".join(details)) if details else _p(contact.name))
    return flow


def _numbered_canvas(folder: Folder) -> type[pdfcanvas.Canvas]:
    """A canvas that knows the page count, so the footer can say "Pagina 1 van 3"."""

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
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = A4
            self.setFont("Helvetica", 11)
            self.setFillColor(colors.black)
            left = f"{folder.gemeente} - {folder.title} - {folder.wijk} - {folder.made_on}"
            self.drawString(_MARGIN, 10 * mm, left)
            page_text = _("Pagina %(page)s van %(total)s") % {"page": self.getPageNumber(), "total": total}
            self.drawRightString(width - _MARGIN, 10 * mm, page_text)

    return NumberedCanvas


def render_pdf(folder: Folder, *, compress: bool = True) -> bytes:
    """The folder as A4 PDF bytes. `compress=False` leaves page text readable in the raw file (tests)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=22 * mm,
        title=f"{folder.title} {folder.wijk}",
        author=folder.gemeente,
        subject=folder.subtitle or folder.title,
        creator="Wijkteam",
        lang="nl-NL",
        pageCompression=1 if compress else 0,
    )
    story: list[Flowable] = [_header(folder), Spacer(1, 6 * mm)]
    if not folder.groups:
        story.append(_p(_("Er staat nu geen aanbod voor deze wijk op de sociale kaart.")))
    for group in folder.groups:
        story.append(CondPageBreak(50 * mm))
        story.append(_p(group.title, _GROUP))
        story.extend(_entry(entry) for entry in group.entries)
    story.extend(_contacts(folder))
    doc.build(story, canvasmaker=_numbered_canvas(folder))
    return buffer.getvalue()
