# SPDX-License-Identifier: EUPL-1.2
"""Collective provisions near a postcode, per levensdomein: the end of "Wat speelt er?".

Read from the sociale kaart's own search (the same index, ranking and visibility rules as the public
map), never from residents' data: the place is the public postcode table only. "Collective" is the
sociale kaart's soort aanbod minus individual guidance (SA07): walk-in hours, courses, peer groups,
volunteers, meeting places, information and material help. A domain with none of those near shows
whatever the map has for it, so the resident never meets an empty list where help exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from wijkteam.accounts.models import Team
from wijkteam.gebieden.postcodes import is_pc4
from wijkteam.sociale_kaart import geocoding
from wijkteam.sociale_kaart.public.forms import levensdomein_label
from wijkteam.sociale_kaart.public.views import ResultCard, result_cards
from wijkteam.sociale_kaart.search import SearchQuery, search_ranked, vocabulary

# Soort aanbod codes of the shipped taxonomy that are collective (all but SA07 "Individuele begeleiding").
COLLECTIVE_KINDS = ("SA01", "SA02", "SA03", "SA04", "SA05", "SA06", "SA08")
PER_DOMAIN = 3


@dataclass(frozen=True)
class DomainProvisions:
    code: str
    label: str
    cards: list[ResultCard]
    collective: bool  # False: nothing collective found, these are other kinds of help for the domain
    total: int


def provisions_per_domain(codes: list[str], postcode: str, now: dt.datetime) -> list[DomainProvisions]:
    """Up to PER_DOMAIN provisions per LD code, nearest first when the postcode is known."""
    vocab = vocabulary.current()
    found = []
    for code in codes:
        base = SearchQuery(levensdomeinen=(code,), postcode=postcode or None, moment=now, per_page=PER_DOMAIN)
        result = search_ranked(SearchQuery(**{**base.__dict__, "soorten": COLLECTIVE_KINDS}), vocab=vocab)
        collective = bool(result.hits)
        if not collective:
            result = search_ranked(base, vocab=vocab)
        found.append(DomainProvisions(
            code=code,
            label=levensdomein_label(code),
            cards=result_cards(result.hits, 1, now),
            collective=collective,
            total=result.total,
        ))
    return found


def postcode_is_known(postcode: str) -> bool:
    """Whether distances can be measured from this postcode (public table, or PDOK when enabled)."""
    return bool(postcode) and geocoding.postcode_to_point(postcode) is not None


def teams_for_postcode(postcode: str) -> list[Team]:
    """The wijkteam(s) of the buurt(en) of a postcode, from the public postcode table: whom to call."""
    if not postcode:
        return []
    where = Q(wijken__buurten__postcodes__pc4=postcode) if is_pc4(postcode) else Q(
        wijken__buurten__postcodes__pc6=postcode)
    teams: list[Any] = list(Team.objects.filter(where).distinct().order_by("naam")[:3])
    return teams
