# SPDX-License-Identifier: EUPL-1.2
"""The HSDS `Page` envelope: every list answers with it, the items in `contents`."""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet


@dataclass(frozen=True)
class Page:
    ids: list[uuid.UUID]
    total: int
    number: int
    per_page: int

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total / self.per_page) if self.per_page else 0


def paginate(source: QuerySet[Any] | Sequence[uuid.UUID], number: int, per_page: int) -> Page:
    """One page of ids from an ordered queryset or an already ordered list of ids; a page past the
    last one is empty (the envelope still gives the totals)."""
    paginator = Paginator(source.values_list("id", flat=True) if isinstance(source, QuerySet) else source, per_page)
    try:
        ids = list(paginator.page(number).object_list)
    except EmptyPage:
        ids = []
    return Page(ids=ids, total=paginator.count, number=number, per_page=per_page)


def envelope(page: Page, contents: list[dict[str, Any]]) -> dict[str, Any]:
    """`size` is the number of items on this page and `empty` says whether that is zero, as the
    HSDS API reference defines them; page numbers start at 1."""
    return {
        "total_items": page.total,
        "total_pages": page.total_pages,
        "page_number": page.number,
        "size": len(contents),
        "first_page": page.number == 1,
        "last_page": page.number >= page.total_pages,
        "empty": len(contents) == 0,
        "contents": contents,
    }


def in_order(objects: Sequence[Any], ids: Sequence[uuid.UUID]) -> list[Any]:
    """Objects fetched with id__in, put back in the page's order."""
    by_id = {obj.id: obj for obj in objects}
    return [by_id[i] for i in ids if i in by_id]
