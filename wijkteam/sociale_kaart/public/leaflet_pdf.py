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
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
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
    # Where the rest of the gemeente's offer is (gemeente-wide services with an address elsewhere).
    more_url: str = ""

    @property
    def count(self) -> int:
        return len({entry.url for group in self.groups for entry in group.entries})


# Large type: residents include older people and people with low vision (12 pt is the minimum
# that Dutch "toegankelijk drukwerk" guidance asks for; no text here is smaller).
_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=15, alignment=TA_LEFT, spaceAfter=1)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=12, leading=15)
_TITLE = ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=26, leading=32, spaceAfter=6)
_SUBTITLE = ParagraphStyle("subtitle", parent=_BODY, fontName="Helvetica-Bold", fontSize=18, leading=24)
_GROUP = ParagraphStyle(
    "group", parent=_BODY, fontName="Helvetica-Bold", fontSize=17, leading=21, spaceBefore=10, spaceAfter=2
)
_NAME = ParagraphStyle("name", parent=_BODY, fontSize=13, leading=17, spaceBefore=6)
_ENTRY = ParagraphStyle("entry", parent=_BODY, spaceBefore=7)
_MARGIN = 18 * mm


def more_text(folder: Folder) -> str:
    return _("Hier staat wat in de wijk %(wijk)s is of speciaal voor deze wijk. Aanbod voor de hele gemeente "
             "op een adres in een andere wijk vindt u op %(url)s, of vraag het wijkteam.") % {
        "wijk": folder.wijk, "url": folder.more_url}


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
    # Compact: name and organisation on one line, then one line per fact, all in one paragraph
    # (one line-breaking pass per service keeps the PDF fast); the type stays 12 pt or more.
    title = f"<font size=13><b>{escape(entry.name)}</b></font>"
    if entry.organisation:
        title += f" ({escape(entry.organisation)})"
    lines = [title]
    facts = [
        (_("Let op:"), entry.alert),
        ("", entry.description),
        (_("Adres:"), entry.address),
        (_("Open:"), "; ".join(entry.times)),
    ]
    lines += [f"<b>{escape(label)}</b> {escape(value)}" if label else escape(value) for label, value in facts if value]
    contact = [(label, value) for label, value in ((_("Telefoon:"), entry.phone), (_("Kosten:"), entry.costs)) if value]
    if contact:
        lines.append("&nbsp;&nbsp; ".join(f"<b>{escape(label)}</b> {escape(value)}" for label, value in contact))
    return KeepTogether([Paragraph("<br/>".join(lines), _ENTRY)])


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
    flow: list[Flowable] = [_p(_("Hulp van het wijkteam"), _GROUP)]
    flow.append(_p(_("Komt u er niet uit? Het wijkteam helpt u gratis. Bel of mail gerust.")))
    for contact in folder.contacts:
        details = [d for d in (contact.phone, contact.email) if d]
        flow.append(_labelled(contact.name + ":", " - ".join(details)) if details else _p(contact.name))
    return [KeepTogether(flow)]


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


# Two columns of 12 pt: the large type stays, the folder gets about half as many pages.
_GAP = 8 * mm
_BOTTOM = 22 * mm
_HEADER_HEIGHT = 82 * mm


def _frames() -> tuple[list[Frame], list[Frame]]:
    width, height = A4
    inner = width - 2 * _MARGIN
    column = (inner - _GAP) / 2
    body = height - _MARGIN - _BOTTOM
    pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}

    def columns(top: float) -> list[Frame]:
        return [Frame(_MARGIN + i * (column + _GAP), _BOTTOM, column, top, id=f"kolom{i}", **pad) for i in (0, 1)]

    header = Frame(_MARGIN, height - _MARGIN - _HEADER_HEIGHT, inner, _HEADER_HEIGHT, id="kop", **pad)
    return [header, *columns(body - _HEADER_HEIGHT - 4 * mm)], columns(body)


def render_pdf(folder: Folder, *, compress: bool = True) -> bytes:
    """The folder as A4 PDF bytes. `compress=False` leaves page text readable in the raw file (tests)."""
    buffer = io.BytesIO()
    first, later = _frames()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_BOTTOM,
        title=f"{folder.title} {folder.wijk}",
        author=folder.gemeente,
        subject=folder.subtitle or folder.title,
        creator="Wijkteam",
        lang="nl-NL",
        pageCompression=1 if compress else 0,
        pageTemplates=[PageTemplate(id="eerste", frames=first), PageTemplate(id="verder", frames=later)],
    )
    story: list[Flowable] = [_header(folder), Spacer(1, 3 * mm)]
    if folder.more_url:
        story.append(_p(more_text(folder), _SMALL))
    story += [NextPageTemplate("verder"), FrameBreak()]
    if not folder.groups:
        story.append(_p(_("Er staat nu geen aanbod voor deze wijk op de sociale kaart.")))
    for group in folder.groups:
        # A heading never ends a column: it travels with the first service under it.
        first_entry, *rest = [_entry(entry) for entry in group.entries]
        story.append(KeepTogether([_p(group.title, _GROUP), first_entry]))
        story.extend(rest)
    story.extend(_contacts(folder))
    doc.build(story, canvasmaker=_numbered_canvas(folder))
    return buffer.getvalue()
