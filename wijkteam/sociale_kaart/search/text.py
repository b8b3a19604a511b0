# SPDX-License-Identifier: EUPL-1.2
"""Dutch text handling shared by indexing and query understanding: one normalisation for both.

Index and query must turn text into tokens the same way, or "Financiën" in a description would
never meet "financien" typed on a phone. Everything here is pure Python and cached; nothing
touches the database.

* normalise(): lower case, accents off (ë → e), punctuation to spaces.
* stem(): snowballstemmer 'dutch' (the Kraaij-Pohlmann based Snowball 3 algorithm).
* inflections(): the few Dutch inflection forms the stemmer does not conflate (schuld/schulden,
  eenzaam/eenzame, betalen/betaalt, blowen/blowt). Query words expand to the stems of these forms
  that the index holds, so both directions meet without changing the stemmer.
* split_compound(): cuts a compound into known parts (schuldhulpverlening → schuld hulp verlening),
  with the Dutch linking sounds (vrijwilliger-s-werk); parts come from data/search_compounds.json,
  the taxonomy synonyms and, at query time, the index vocabulary.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_NON_WORD = re.compile(r"[^a-z0-9]+")
_HYPHENATED = re.compile(r"\b([a-z0-9]+(?:-[a-z0-9]+)+)\b")
_VOWELS = frozenset("aeiou")

# Longest word we stem or split; longer "words" are noise (URLs, pasted ids).
MAX_WORD_LENGTH = 40
MIN_PART_LENGTH = 4


# A Snowball stemmer keeps its working string and cursor on the object, so two threads stemming
# with one stemmer corrupt each other's words (gunicorn runs threads: under load it raised
# IndexError in find_among_b and stemmed "mantelzorgers" to "vrijwilligerswerk", which the
# lru_cache on stem() then kept for the worker's life). One stemmer per thread.
_local = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("dutch")
    return stemmer


def _load(name: str) -> dict:
    data: dict = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return data


@cache
def stopwords() -> frozenset[str]:
    return frozenset(normalise(word) for word in _load("search_stopwords.json")["words"])


@dataclass(frozen=True)
class CompoundData:
    links: tuple[str, ...]
    short_parts: frozenset[str]
    parts: frozenset[str]
    splits: dict[str, tuple[str, ...]]


@cache
def compound_data() -> CompoundData:
    raw = _load("search_compounds.json")
    return CompoundData(
        links=tuple(raw["links"]),
        short_parts=frozenset(raw["short_parts"]),
        parts=frozenset(normalise(p) for p in raw["parts"]),
        splits={normalise(k): tuple(normalise(p) for p in v) for k, v in raw["splits"].items()},
    )


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """'Financiën & Werk-opleiding!' → 'financien werk-opleiding' (hyphens kept for words())."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Keep hyphens between letters for now: words() turns "burn-out" into burn, out and burnout.
    return re.sub(r"[^a-z0-9\-]+", " ", plain).strip()


def words(text: str) -> list[str]:
    """Normalised words in order; a hyphenated word gives its parts (burn-out → burn, out)."""
    result: list[str] = []
    for raw in normalise(text).split():
        for part in raw.split("-"):
            if part and len(part) <= MAX_WORD_LENGTH:
                result.append(part)
    return result


def hyphen_joins(text: str) -> list[str]:
    """Hyphenated words written as one ('burn-out' → 'burnout'), the form a compound index holds."""
    return [m.replace("-", "") for m in _HYPHENATED.findall(normalise(text))]


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def _undouble(word: str) -> str | None:
    """'betaal' → 'betal' (a long vowel is written single before an open syllable)."""
    if len(word) >= 4 and word[-1] not in _VOWELS and word[-2] == word[-3] and word[-2] in _VOWELS:
        return word[:-2] + word[-1]
    return None


def _double(stem_: str) -> str | None:
    """'betal' → 'betaal' (the reverse: the closed-syllable spelling)."""
    if len(stem_) >= 3 and stem_[-1] not in _VOWELS and stem_[-2] in _VOWELS and stem_[-3] not in _VOWELS:
        return stem_[:-1] + stem_[-2] + stem_[-1]
    return None


@lru_cache(maxsize=65536)
def inflections(word: str) -> tuple[str, ...]:
    """Surface forms of the same Dutch word the stemmer may not map to one stem.

    Deliberately small and regular: plural/verb -en, adjective -e, verb -t/-d, with the vowel
    doubling of Dutch spelling (huur/huren, eenzaam/eenzame, betaal/betalen/betaalt).
    """
    forms = {word}
    base = word
    if len(word) > 4 and word[-1] in "td" and word[-2] not in "td":
        base = word[:-1]  # betaalt → betaal, blowt → blow, verslaafd → verslaaf
        forms.add(base)
    for candidate in (word, base):
        if candidate.endswith("en") and len(candidate) > 4:
            root = candidate[:-2]
            forms.add(root)
            if doubled := _double(root):
                forms.add(doubled)
            if len(root) > 2 and root[-1] == root[-2] and root[-1] not in _VOWELS:
                forms.add(root[:-1])  # schulden ← schuld is regular; boodschappen → boodschap
        elif candidate.endswith("e") and len(candidate) > 4:
            root = candidate[:-1]
            forms.add(root)
            if doubled := _double(root):
                forms.add(doubled)
        else:
            single = _undouble(candidate) or candidate
            forms.add(single + "en")
            forms.add(single + "e")
            if candidate[-1] not in _VOWELS:
                forms.add(candidate + "t")
    return tuple(sorted(f for f in forms if len(f) >= 3))


def split_compound(
    word: str,
    is_part: Callable[[str], bool],
    *,
    min_part: int = MIN_PART_LENGTH,
) -> tuple[str, ...] | None:
    """Cut `word` into two or more known parts, fewest parts first; None when it is no compound.

    `is_part(text)` says whether a piece is a known word. Linking sounds (s, e, en, er) may sit
    between parts. Hand-made splits in the data file win over the algorithm.
    """
    data = compound_data()
    if word in data.splits:
        return data.splits[word]
    if len(word) < 2 * min_part or len(word) > MAX_WORD_LENGTH:
        return None
    return _split(word, is_part, min_part, data.links, data.short_parts, top=True)


def _part_ok(piece: str, is_part: Callable[[str], bool], min_part: int, short_parts: Collection[str]) -> bool:
    if piece in short_parts:
        return True
    return len(piece) >= min_part and is_part(piece)


def _split(
    word: str,
    is_part: Callable[[str], bool],
    min_part: int,
    links: tuple[str, ...],
    short_parts: Collection[str],
    *,
    top: bool,
) -> tuple[str, ...] | None:
    if not top and _part_ok(word, is_part, min_part, short_parts):
        return (word,)
    best: tuple[str, ...] | None = None
    # Longest head first: "schuldhulp|verlening" is a better cut than "schuld|hulpverlening" only
    # when both halves are known; fewest parts decides, head length breaks ties.
    for cut in range(len(word) - 3, 2, -1):
        head = word[:cut]
        if not _part_ok(head, is_part, min_part, short_parts):
            continue
        rest = word[cut:]
        for link in ("", *links):
            if link and not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if len(tail) < 3:
                continue
            tail_split = _split(tail, is_part, min_part, links, short_parts, top=False)
            if tail_split is None:
                continue
            candidate = (head, *tail_split)
            if best is None or len(candidate) < len(best):
                best = candidate
        if best is not None and len(best) == 2:
            break
    return best


def compound_pieces(parts: tuple[str, ...]) -> list[str]:
    """Every part and every run of adjacent parts: schuld hulp verlening → + schuldhulp, hulpverlening."""
    pieces = list(parts)
    for size in range(2, len(parts)):
        for start in range(len(parts) - size + 1):
            pieces.append("".join(parts[start : start + size]))
    return pieces


def content_words(text: str) -> list[str]:
    """Words of `text` without stop words."""
    stop = stopwords()
    return [w for w in words(text) if w not in stop]


def stems_of(items: Iterable[str]) -> list[str]:
    return [stem(w) for w in items]


def decompose(word: str, is_part: Callable[[str], bool]) -> list[str]:
    """All pieces of a compound, recursively, with runs of adjacent parts; [] when no compound."""
    parts = split_compound(word, is_part)
    if not parts:
        return []
    atoms: list[str] = []
    for part in parts:
        sub = split_compound(part, is_part)
        atoms.extend(sub if sub else (part,))
    pieces = compound_pieces(tuple(atoms))
    for part in parts:
        if part not in pieces:
            pieces.append(part)
    return pieces
