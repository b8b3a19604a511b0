# SPDX-License-Identifier: EUPL-1.2
"""Query understanding: from "ik kan mijn huur niet betalen" to what the index should look for.

Pure Python over the cached vocabulary; microseconds per query once the vocabulary is loaded.

1. Words, without stop words. Negations are stop words too: "niet betalen" asks for the same help
   as "betalen".
2. Each word becomes the stems it may be indexed under (its inflections, data the stemmer misses).
   An unknown word is first split as a compound (burenruzie → buren + ruzie), else corrected to
   the nearest known word (shuldhulp → schuldhulp), which is reported back ("Bedoelde u ...?").
3. Adjacent words are also tried as one compound (schuldhulp verlening → schuldhulpverlening).
4. Synonyms of the taxonomy terms detect levensdomeinen, soorten aanbod and doelgroepen; multi-word
   synonyms match in any order; within a taxonomy a longer synonym beats a shorter one that it
   contains ("huur betalen" is Financiën, though "huur" alone is Huisvesting).
5. The detected term codes become extra search concepts: the index holds every service's codes,
   so a service in Financiën matches "geldzorgen" even when its text never says that word.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from .backends import Clause, Concept
from .text import compound_data, decompose, stem, stopwords, words
from .vocabulary import Synonym, Vocabulary, stem_forms

# Stems of at least this length also match longer index words (prefix search): "opvoed" finds
# "opvoedcursus". Shorter stems would match too much ("buur" → every "buurthuis").
PREFIX_MIN_LENGTH = 6
# How much a synonym found only inside a compound counts, against a whole word.
PIECE_WEIGHT = 0.5


@dataclass
class _Word:
    index: int
    surface: str
    forms: frozenset[str]
    known: tuple[str, ...]
    pieces: tuple[str, ...] = ()
    joined: bool = False
    covers: tuple[int, ...] = ()


@dataclass(frozen=True)
class Understanding:
    concepts: tuple[Concept, ...] = ()
    domains: tuple[str, ...] = ()  # levensdomeinen (LD codes), strongest first
    other_codes: tuple[str, ...] = ()  # soorten aanbod and doelgroepen (SA, DG codes)
    code_weights: dict[str, float] = field(default_factory=dict)
    corrected: dict[str, str] = field(default_factory=dict)
    expanded_terms: tuple[str, ...] = ()

    @property
    def has_text(self) -> bool:
        return bool(self.concepts)


EMPTY = Understanding()


def understand(text: str, vocabulary: Vocabulary) -> Understanding:
    stop = stopwords()
    corrected: dict[str, str] = {}
    items: list[_Word] = []
    raw_words = words(text)
    content_positions: list[int] = []
    for position, raw in enumerate(raw_words):
        if raw in stop:
            continue
        word = _resolve(raw, vocabulary, corrected)
        if word is None:
            continue
        content_positions.append(position)
        items.append(_make_word(len(items), word, vocabulary))

    # Adjacent words as one compound, only when the joined word is known (index or synonyms).
    joined_items: list[_Word] = []
    for left, right in itertools.pairwise(items):
        joined = left.surface + right.surface
        candidate = _make_word(-1, joined, vocabulary)
        if candidate.known or joined in vocabulary.synonym_words:
            candidate.joined = True
            candidate.covers = (left.index, right.index)
            joined_items.append(candidate)

    code_weights, phrases = _detect_codes([*items, *joined_items], vocabulary)

    concepts: list[Concept] = []
    for item in [*items, *joined_items]:
        concept = _concept(item, vocabulary)
        if concept is not None:
            concepts.append(concept)
    ordered_codes = sorted(code_weights, key=lambda c: (-code_weights[c], c))
    for code in ordered_codes:
        if not code.startswith("LD"):
            # Soorten and doelgroepen only re-rank: "voor ouderen" narrows a topic, it is none.
            continue
        token = code.lower()
        concepts.append(Concept(label=code, clauses=(Clause((token,)),), weight=vocabulary.idf([token]), is_code=True))

    domains = tuple(c for c in ordered_codes if vocabulary.terms.get(c) and c.startswith("LD"))
    others = tuple(c for c in ordered_codes if c not in domains)
    expanded = [item.surface for item in items] + [item.surface for item in joined_items] + phrases
    return Understanding(
        concepts=tuple(concepts),
        domains=domains,
        other_codes=others,
        code_weights=code_weights,
        corrected=corrected,
        expanded_terms=tuple(dict.fromkeys(expanded)),
    )


def _resolve(raw: str, vocabulary: Vocabulary, corrected: dict[str, str]) -> str | None:
    """The word to search for: itself when known or splittable, else its correction."""
    if raw.isdigit() or len(raw) < 2:
        return raw if raw.isdigit() and len(raw) <= 4 else None
    if _is_known(raw, vocabulary) or decompose(raw, vocabulary.is_part):
        return raw
    fixed = vocabulary.correct(raw)
    if fixed is None:
        return raw  # unknown and nothing close: still searched, it may simply match nothing
    corrected[raw] = fixed
    return None if fixed in stopwords() else fixed


def _is_known(word: str, vocabulary: Vocabulary) -> bool:
    if word in vocabulary.synonym_words or word in vocabulary.surface:
        return True
    return any(vocabulary.knows_stem(s) for s in stem_forms(word))


def _make_word(index: int, surface: str, vocabulary: Vocabulary) -> _Word:
    forms = stem_forms(surface)
    known = tuple(sorted(s for s in forms if vocabulary.knows_stem(s)))
    pieces: tuple[str, ...] = ()
    if len(surface) >= 2 * 3 and surface not in compound_data().parts:
        pieces = tuple(decompose(surface, vocabulary.is_part))
    return _Word(index=index, surface=surface, forms=forms, known=known, pieces=pieces, covers=(index,))


def _concept(item: _Word, vocabulary: Vocabulary) -> Concept | None:
    if item.joined and not item.known:
        return None
    own = stem(item.surface)
    stems = list(item.known) or [own]
    prefix = len(own) >= PREFIX_MIN_LENGTH
    clauses = [Clause((s,)) for s in stems if not (prefix and s.startswith(own))]
    if prefix:
        clauses.append(Clause((own,), prefix=True))
    if item.pieces and not item.known:
        # Only the atomic pieces, all required: "burenruzie" → buren AND ruzie.
        atoms = [p for p in item.pieces if not any(p != q and p in q for q in item.pieces)]
        atom_stems = tuple(dict.fromkeys(stem(p) for p in atoms))
        if len(atom_stems) > 1 and all(vocabulary.knows_stem(s) for s in atom_stems):
            clauses.append(Clause(atom_stems))
        else:
            clauses.extend(_known_part_clauses(item, vocabulary))
    weight = vocabulary.idf(stems)
    return Concept(label=item.surface, clauses=tuple(dict.fromkeys(clauses)), weight=weight)


def _known_part_clauses(item: _Word, vocabulary: Vocabulary) -> list[Clause]:
    """A compound the index does not know whose pieces it only partly knows: its largest known
    pieces, when they make up at least half of the word. "schuldhulpverlening" then finds what
    "schuldhulp verlening" finds (schuldhulp*), so the correct spelling never ranks worse than
    the split one, where each word is searched on its own."""
    known = [p for p in item.pieces if vocabulary.knows_stem(stem(p))]
    largest = [p for p in known if not any(p != q and p in q for q in known)]
    if not largest or sum(len(p) for p in largest) * 2 < len(item.surface):
        return []
    return [Clause((stem(p),), prefix=len(stem(p)) >= PREFIX_MIN_LENGTH) for p in largest]


def _detect_codes(items: list[_Word], vocabulary: Vocabulary) -> tuple[dict[str, float], list[str]]:
    """Term codes the words name, weighted by how many words say so; and multi-word phrases found."""
    matches: list[tuple[Synonym, tuple[int, ...]]] = []
    for synonym in _candidates(items, vocabulary):
        used = _match(synonym, items)
        if used is not None:
            matches.append((synonym, used))
    # A word spelled exactly as a synonym beats one that only shares its stem: "ouderen" is
    # Ouderen, not Ouders (both stem to "ouder").
    exact_words = {item.covers: item.surface for item in items}
    best_exact: dict[int, bool] = defaultdict(bool)
    exactness: dict[int, bool] = {}
    for synonym, used in matches:
        exact = any(exact_words.get((i,)) in synonym.surfaces for i in used)
        exactness[id(synonym)] = exact
        for i in used:
            best_exact[i] = best_exact[i] or exact
    matches = [(s, used) for s, used in matches if exactness[id(s)] or not any(best_exact[i] for i in used)]

    weights: dict[str, float] = defaultdict(float)
    phrases: list[str] = []
    matched_words: set[int] = set()
    by_taxonomy: dict[str, list[tuple[Synonym, tuple[int, ...]]]] = defaultdict(list)
    for synonym, used in matches:
        term = vocabulary.terms.get(synonym.code)
        by_taxonomy[term.taxonomy if term else ""].append((synonym, used))
    for found in by_taxonomy.values():
        consumed: set[int] = set()
        for size in sorted({len(used) for _s, used in found}, reverse=True):
            level = [(s, used) for s, used in found if len(used) == size and not consumed.intersection(used)]
            for synonym, used in level:
                weights[synonym.code] = max(weights[synonym.code], float(size))
                matched_words.update(used)
                if synonym.size > 1:
                    phrases.append(synonym.phrase)
            for _synonym, used in level:
                consumed.update(used)

    # Words that named no term as a whole may still do so through a compound piece:
    # "gokverslaving" → verslaving → Middelengebruik.
    for item in items:
        if item.joined or set(item.covers) & matched_words or not item.pieces:
            continue
        for piece in item.pieces:
            for stem_ in stem_forms(piece):
                for synonym in vocabulary.synonyms_by_stem.get(stem_, ()):
                    if synonym.size == 1:
                        weights[synonym.code] = max(weights[synonym.code], PIECE_WEIGHT)
    return dict(weights), phrases


def _candidates(items: list[_Word], vocabulary: Vocabulary) -> list[Synonym]:
    seen: dict[int, Synonym] = {}
    for item in items:
        for form in item.forms:
            for synonym in vocabulary.synonyms_by_stem.get(form, ()):
                seen.setdefault(id(synonym), synonym)
    return list(seen.values())


def _match(synonym: Synonym, items: list[_Word]) -> tuple[int, ...] | None:
    """Query positions that together say `synonym` (each synonym word by a different query word)."""
    used: list[int] = []
    for needed in synonym.word_stems:
        for item in items:
            if set(item.covers) & set(used):
                continue
            if item.forms & needed:
                used.extend(item.covers)
                break
        else:
            return None
    return tuple(sorted(used))
