# SPDX-License-Identifier: EUPL-1.2
"""The choices of assessment and triage, apart from the models so the proposal engine (which needs no
table of its own) and the models share one definition."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.IntegerChoices):
    """The five levels of a zelfredzaamheid score; the instrument describes each per domain."""

    ACUUT = 1, _("1: acute problematiek")
    NIET_ZELFREDZAAM = 2, _("2: niet zelfredzaam")
    BEPERKT = 3, _("3: beperkt zelfredzaam")
    VOLDOENDE = 4, _("4: voldoende zelfredzaam")
    VOLLEDIG = 5, _("5: volledig zelfredzaam")


class Ondersteuning(models.TextChoices):
    """What a domain needs: the engine's proposal and the worker's decision use the same words."""

    COLLECTIEF = "collectief", _("Collectief (voorliggend aanbod)")
    INDIVIDUEEL = "individueel", _("Individuele ondersteuning")
    BEIDE = "beide", _("Beide")
    GEEN = "geen", _("Geen ondersteuning nodig")
    TWEEDE_LIJN = "tweede_lijn", _("Tweede lijn")


class Veiligheid(models.TextChoices):
    """The safety question, asked at every assessment: is anyone in the household unsafe?"""

    VEILIG = "veilig", _("Nee, geen zorgen over de veiligheid")
    ZORGEN = "zorgen", _("Ja, er zijn zorgen over de veiligheid")
    ACUUT = "acuut", _("Ja, iemand is nu niet veilig")


# Levels at or under this put a domain in the triage (besides the domains the request names).
TRIAGE_MAX_LEVEL = 3
# Levels at or under this need individual support whatever the collective offer.
INDIVIDUAL_MAX_LEVEL = 2
