# SPDX-License-Identifier: EUPL-1.2
"""Content of the demo sociale kaart: service templates and the organisations that offer them.

See spec.py for the shapes. `catalogue(rng)` lists every organisation (partners first); `TEMPLATES`
maps a template key to its template. `DUPLICATE_OF` names the services entered twice on purpose
(offer key of the copy -> offer key of the original), so the duplicates worklist has pairs to show.
"""

from __future__ import annotations

import random

from . import (
    templates_buurt,
    templates_dagelijks,
    templates_geld_werk,
    templates_gezin,
    templates_gezondheid,
    templates_welzijn,
)
from .organisations import LARGER, PARTNERS
from .small_orgs import SINGLES, families
from .spec import (
    ACCESSIBILITY,
    APPLICATION,
    DEFAULT_ELIGIBILITY,
    ELIGIBILITY,
    LANGUAGE_NAMES,
    VENUE_KINDS,
    Offer,
    Org,
    Template,
    Venue,
)

TEMPLATES: dict[str, Template] = {
    t.key: t
    for module in (
        templates_geld_werk, templates_welzijn, templates_buurt, templates_gezin, templates_gezondheid,
        templates_dagelijks,
    )
    for t in module.TEMPLATES
}

DUPLICATE_OF: dict[str, str] = {
    "taal-verbindt/taalcafe": "bibliotheek/taalcafe-de-brug",
    "diaconie-oost/voedselbank": "voedselbank/voedselbank-oost",
    "repair-cafe/repaircafe": "kringloop/repaircafe",
}


def catalogue(rng: random.Random) -> list[Org]:
    """Every demo organisation. Which ones exist (and their keys) is fixed; `rng` only names families."""
    return [*PARTNERS, *LARGER, *SINGLES, *families(rng)]


__all__ = [
    "ACCESSIBILITY", "APPLICATION", "DEFAULT_ELIGIBILITY", "DUPLICATE_OF", "ELIGIBILITY", "LANGUAGE_NAMES",
    "TEMPLATES", "VENUE_KINDS", "Offer", "Org", "Template", "Venue", "catalogue",
]
