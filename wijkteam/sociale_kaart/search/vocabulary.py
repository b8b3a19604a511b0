# SPDX-License-Identifier: EUPL-1.2
"""The vocabulary the query understanding works against, cached per process.

Two sources: the words in the index (for typo correction, compound splitting and IDF weights) and
the synonyms of the taxonomy terms plus data/search_synonyms.json (for detecting levensdomeinen,
soorten and doelgroepen). Loading reads every index row once (tens of milliseconds for 10,000
services), so the result is cached. The cache key is the index generation (a random token that
every reindex writes) plus the count and newest change of the taxonomy terms: one tiny query per
search keeps every gunicorn worker exactly in step with the index, with no time-based staleness.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..models import TaxonomyTerm
from ..taxonomies import DOELGROEP, LEVENSDOMEINEN, SOORT_AANBOD
from . import backends
from .text import DATA_DIR, compound_data, inflections, normalise, stem, stopwords, words

SHIPPED_TAXONOMIES = (LEVENSDOMEINEN, SOORT_AANBOD, DOELGROEP)


@dataclass(frozen=True)
class Synonym:
    """One way of saying a term: its content words, each with the stems it may appear as."""

    code: str
    phrase: str
    word_stems: tuple[frozenset[str], ...]
    surfaces: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.word_stems)


@dataclass(frozen=True)
class TermInfo:
    code: str
    name: str
    taxonomy: str


def stem_forms(word: str) -> frozenset[str]:
    """Every stem a word may be indexed under: its own and those of its inflected forms."""
    return frozenset(stem(form) for form in inflections(word)) | {stem(word)}


@cache
def extra_synonyms() -> dict[str, tuple[str, ...]]:
    raw = json.loads((DATA_DIR / "search_synonyms.json").read_text(encoding="utf-8"))
    return {code: tuple(items) for code, items in raw["synonyms"].items()}


@dataclass
class Vocabulary:
    key: str = ""  # the index generation and term state it was built for (read_generation())
    n_docs: int = 0
    stem_df: dict[str, int] = field(default_factory=dict)
    # Surface word -> its stem, for every word the corrector may propose.
    surface: dict[str, str] = field(default_factory=dict)
    surface_df: dict[str, int] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=dict)
    synonyms: list[Synonym] = field(default_factory=list)
    synonyms_by_stem: dict[str, list[Synonym]] = field(default_factory=dict)
    synonym_words: frozenset[str] = frozenset()
    terms: dict[str, TermInfo] = field(default_factory=dict)
    _corrections: dict[str, str | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- lookups ---------------------------------------------------------------------------

    def knows_stem(self, stem_: str) -> bool:
        return stem_ in self.stem_df

    def is_part(self, word: str) -> bool:
        """May the compound splitter cut off `word`? Known words that are not stop words."""
        return word not in stopwords() and (
            word in self.surface or word in compound_data().parts or word in self.synonym_words
        )

    def idf(self, stems: list[str]) -> float:
        """BM25's IDF of the most frequent of `stems` (an OR group is as rare as its commonest form)."""
        df = max((self.stem_df.get(s, 0) for s in stems), default=0)
        n = max(self.n_docs, 1)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def correct(self, word: str) -> str | None:
        """The known word closest to a misspelled one, or None when nothing is close enough.

        Damerau-style distance (a swapped pair of letters is one typo). Allowed distance grows
        with length: short words have too many close neighbours to guess safely.
        """
        with self._lock:
            if word in self._corrections:
                return self._corrections[word]
        result = self._correct(word)
        with self._lock:
            self._corrections[word] = result
        return result

    def _correct(self, word: str) -> str | None:
        length = len(word)
        # Four-letter words have too many real neighbours: "zoon" is no typo of "woon".
        if length < 5:
            return None
        max_distance = 1 if length < 8 else 2
        choices: list[str] = []
        for size in range(length - max_distance, length + max_distance + 1):
            choices.extend(self.by_length.get(size, ()))
        if not choices:
            return None
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=20)
        if not found:
            return None
        # Closest first; among equals a word that names a need (synonym), then the most common.
        best = min(
            found,
            key=lambda hit: (
                hit[1],
                hit[0] not in self.synonym_words,
                -self.surface_df.get(hit[0], 0),
                hit[0],
            ),
        )
        return str(best[0])


_cache_lock = threading.Lock()
_cached: tuple[str, Vocabulary] | None = None


def current() -> Vocabulary:
    """The vocabulary for the index as it is now (cached while the index and terms do not change)."""
    global _cached
    key = backends.read_generation()
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _cache_lock:
        cached = _cached
        if cached is not None and cached[0] == key:
            return cached[1]
        vocabulary = load()
        vocabulary.key = key
        _cached = (key, vocabulary)
        return vocabulary


def invalidate() -> None:
    global _cached
    with _cache_lock:
        _cached = None


def load() -> Vocabulary:

    vocabulary = Vocabulary()
    stem_df: Counter[str] = Counter()
    surface_df: Counter[str] = Counter()
    rows = backends.all_words()
    for row in rows:
        unique = set(row.split())
        surface_df.update(unique)
        stem_df.update({stem(w) for w in unique})
    vocabulary.n_docs = len(rows)
    vocabulary.stem_df = dict(stem_df)
    vocabulary.surface_df = dict(surface_df)

    terms = TaxonomyTerm.objects.filter(taxonomy__slug__in=SHIPPED_TAXONOMIES).select_related("taxonomy")
    phrases: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        slug = term.taxonomy.slug if term.taxonomy else ""
        vocabulary.terms[term.code] = TermInfo(code=term.code, name=term.name, taxonomy=slug or "")
        phrases[term.code].append(term.name)
        if term.name_en:
            phrases[term.code].append(term.name_en)
        phrases[term.code].extend(str(s) for s in (term.synonyms or []))
    for code, extra in extra_synonyms().items():
        if code in vocabulary.terms:
            phrases[code].extend(extra)

    synonym_words: set[str] = set()
    stop = stopwords()
    for code, items in phrases.items():
        seen: set[tuple[frozenset[str], ...]] = set()
        for phrase in items:
            # "Werk & opleiding" and "Inloop / spreekuur" also say each half on its own.
            halves = [h for h in re.split(r"[&/]", phrase) if h.strip()]
            alternatives = [phrase, *(h for h in halves if len(halves) > 1)]
            for alternative in alternatives:
                content = [w for w in words(alternative) if w not in stop]
                if not content:
                    continue
                synonym_words.update(content)
                key = tuple(stem_forms(w) for w in content)
                if key in seen:
                    continue
                seen.add(key)
                synonym = Synonym(code=code, phrase=normalise(alternative), word_stems=key, surfaces=tuple(content))
                vocabulary.synonyms.append(synonym)
    by_stem: dict[str, list[Synonym]] = defaultdict(list)
    for synonym in vocabulary.synonyms:
        for stem_ in synonym.word_stems[0]:
            by_stem[stem_].append(synonym)
    vocabulary.synonyms_by_stem = dict(by_stem)
    vocabulary.synonym_words = frozenset(synonym_words)

    surface: dict[str, str] = {}
    for word in (*surface_df, *synonym_words, *compound_data().parts):
        if len(word) >= 3 and not word.isdigit():
            surface[word] = stem(word)
    vocabulary.surface = surface
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(surface):
        if word not in stop and word.isalpha():
            by_length[len(word)].append(word)
    vocabulary.by_length = dict(by_length)
    return vocabulary
