# SPDX-License-Identifier: EUPL-1.2
"""Which household to reach first, and why, in words a worker can check (issue 17 item 6).

`prioriteit(feiten)` is pure: the facts of one zaak in, a score and the reasons out. The score only orders
the queue; the reasons are what the worker reads ("Crisissignaal: dreigende ontruiming. 3 soorten
schuldeisers. ..."), so every point of the score comes from a sentence shown, and the sentences come in
the order of weight: a crisis always first.

Weights, and why:
- crisis signal: 1000, more than all other facts together can reach, so a crisis is always on top;
- each kind of creditor: 40 (the strongest predictor of problematic debt after a crisis: several
  creditors at once means the household can no longer choose whom to pay);
- rent or mortgage arrears: 60, plus 1 per € 100 up to 40 (losing the home is the costliest outcome);
- children under 18 in the household: 50, plus 10 per further child up to 3 (children bear the stress
  and the consequences of an eviction or a disconnection);
- total arrears: 1 per € 100, up to 100 (€ 10.000), so a high amount counts without dwarfing the rest;
- a repeat (Divosa "opeenvolgend": another signal at the address in the previous six months): 30, the
  earlier outreach did not solve it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language, gettext_noop, ngettext
from django.utils.translation import gettext as _

from ..models import Signaalpartner

CRISIS = 1000
PER_SOORT_SCHULDEISER = 40
WOONLASTEN = 60
WOONLASTEN_PER_100_MAX = 40
KINDEREN = 50
PER_EXTRA_KIND = 10
EXTRA_KINDEREN_MAX = 3
TOTAAL_PER_100_MAX = 100
OPEENVOLGEND = 30

# Partner types whose crisis signal means the home is at stake, and those that mean a disconnection.
WONEN: frozenset[str] = frozenset({Signaalpartner.HUUR, Signaalpartner.HYPOTHEEK})
NUTS: frozenset[str] = frozenset({Signaalpartner.ENERGIE, Signaalpartner.WATER})


@dataclass(frozen=True)
class ZaakFeiten:
    """What the priority looks at; amounts in whole euros."""

    crisis_partnertypes: frozenset[str] = frozenset()
    partnertypes: frozenset[str] = frozenset()
    totaal: int = 0
    huur: int = 0
    hypotheek: int = 0
    kinderen: int = 0
    opeenvolgend: bool = False

    @property
    def crisis(self) -> bool:
        return bool(self.crisis_partnertypes)


@dataclass(frozen=True)
class Prioriteit:
    score: int
    uitleg: str


def euro(amount: int) -> str:
    """€ 1.250: the Dutch way, whatever the active locale (the explanation is stored as text)."""
    return "€ " + f"{amount:,}".replace(",", ".")


# A monthly file refreshes tens of thousands of zaken: the sentences are looked up once per language, not
# once per zaak (gettext per sentence was a third of the bulk path's time, measured at 100,000 rows).
@lru_cache(maxsize=256)
def _in(language: str | None, message: str) -> str:
    return _(message)


@lru_cache(maxsize=256)
def _soorten(language: str | None, n: int) -> str:
    return ngettext("%(n)d soort schuldeiser.", "%(n)d soorten schuldeisers.", n) % {"n": n}


@lru_cache(maxsize=256)
def _kinderen(language: str | None, n: int) -> str:
    return ngettext("%(n)d kind in het huishouden.", "%(n)d kinderen in het huishouden.", n) % {"n": n}


def _crisis_zin(partnertypes: Collection[str], language: str | None) -> str:
    wonen, nuts = bool(WONEN & set(partnertypes)), bool(NUTS & set(partnertypes))
    if wonen and nuts:
        return _in(language, gettext_noop("Crisissignaal: dreigende afsluiting of ontruiming."))
    if wonen:
        return _in(language, gettext_noop("Crisissignaal: dreigende ontruiming of gedwongen verkoop van de woning."))
    if nuts:
        return _in(language, gettext_noop("Crisissignaal: dreigende afsluiting van energie of water."))
    return _in(language, gettext_noop("Crisissignaal van de signaalpartner."))


def prioriteit(feiten: ZaakFeiten, *, language: str | None = None) -> Prioriteit:
    """`language`: the active one, named by a caller that set it for many zaken (asking costs per call)."""
    language = language or get_language()
    score = 0
    zinnen: list[str] = []
    if feiten.crisis:
        score += CRISIS
        zinnen.append(_crisis_zin(feiten.crisis_partnertypes, language))
    soorten = len(feiten.partnertypes)
    if soorten:
        score += PER_SOORT_SCHULDEISER * soorten
        zinnen.append(_soorten(language, soorten))
    if feiten.huur or feiten.hypotheek:
        score += WOONLASTEN + min((feiten.huur + feiten.hypotheek) // 100, WOONLASTEN_PER_100_MAX)
    if feiten.huur:
        zinnen.append(_in(language, gettext_noop("Huurachterstand %(bedrag)s.")) % {"bedrag": euro(feiten.huur)})
    if feiten.hypotheek:
        zinnen.append(_in(language, gettext_noop("Hypotheekachterstand %(bedrag)s."))
                      % {"bedrag": euro(feiten.hypotheek)})
    if feiten.kinderen:
        score += KINDEREN + PER_EXTRA_KIND * min(feiten.kinderen - 1, EXTRA_KINDEREN_MAX)
        zinnen.append(_kinderen(language, feiten.kinderen))
    if feiten.totaal:
        score += min(feiten.totaal // 100, TOTAAL_PER_100_MAX)
        zinnen.append(_in(language, gettext_noop("Totale achterstand %(bedrag)s.")) % {"bedrag": euro(feiten.totaal)})
    if feiten.opeenvolgend:
        score += OPEENVOLGEND
        zinnen.append(_in(language, gettext_noop("Al eerder een signaal op dit adres in het afgelopen half jaar.")))
    return Prioriteit(score, " ".join(zinnen))


def kind_geboren_na(peildatum: dt.date) -> dt.date:
    """A person born after this date is under 18 on `peildatum` (29 February → 28 February)."""
    try:
        return peildatum.replace(year=peildatum.year - 18)
    except ValueError:
        return peildatum.replace(year=peildatum.year - 18, day=28)
