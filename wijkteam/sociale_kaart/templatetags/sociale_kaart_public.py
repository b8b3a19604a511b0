# SPDX-License-Identifier: EUPL-1.2
"""Template tags for public pages that are not rendered by a sociale kaart view (the home page)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django import template
from django.urls import reverse

from ..models import TaxonomyTerm
from ..public.forms import LEVENSDOMEIN_LABELS, levensdomein_label
from ..taxonomies import LEVENSDOMEINEN

register = template.Library()


@register.filter
def web_url(value: object) -> str:
    """The link if it is a web address (http or https, with a host), else "": a stored link that is
    `javascript:` or `data:` (from before the import checked it, or typed elsewhere) is never rendered as href."""
    text = str(value or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


@dataclass(frozen=True)
class DomainTile:
    code: str
    label: str
    hint: str
    url: str


def _first_sentence(text: str) -> str:
    head, dot, _rest = (text or "").partition(". ")
    return head + "." if dot else head


@register.simple_tag
def levensdomein_tiles() -> list[DomainTile]:
    """The 13 levensdomeinen as home-page tiles: B1 label, a one-line hint, and a search link."""
    descriptions = dict(TaxonomyTerm.objects.filter(taxonomy__slug=LEVENSDOMEINEN).values_list("code", "description"))
    search = reverse("sociale_kaart_public:search")
    tiles = []
    for code in LEVENSDOMEIN_LABELS:
        label = levensdomein_label(code)
        hint = _first_sentence(descriptions.get(code, ""))
        if hint.rstrip(".").lower() == label.lower():
            hint = ""  # "Wonen." under "Wonen" adds nothing
        tiles.append(DomainTile(code, label, hint, f"{search}?{urlencode({'levensdomein': code})}"))
    return tiles
