"""Find known multi-word names in a tokenised text, longest match first.

The index is keyed by token sequences, so a lookup costs a few dictionary probes per
token whatever the size of the dictionary. Matching ignores case, diacritics and the
kind of apostrophe, but a name keeps its capitals: a capitalised word of a name only
matches a word that is not all lower case ("Turkey" never matches "turkey"), and an
acronym only matches itself in capitals ("US" never matches "us").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_DASHES = {"-", "\u2013", "\u2014"}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Return ``word`` in lower case, without diacritics and with a plain apostrophe."""
    word = word.translate(_APOSTROPHES).lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def case_fits(pattern: str, text: str) -> bool:
    """Tell whether a text word may stand for a word of a name, given their capitals.

    Args:
        pattern: the word as written in the dictionary.
        text: the word as written in the text.

    Returns:
        True for a lower-case pattern word; for an acronym only an exact match (up to
        apostrophes and diacritics); for a capitalised word any word that is not all lower case.
    """
    if not any(c.isupper() for c in pattern):
        return True
    if _is_acronym(pattern):
        return fold(pattern) == fold(text) and _is_acronym(text)
    return not text.islower()


def _join_periods(words: tuple[str, ...]) -> tuple[str, ...]:
    """Rejoin abbreviation periods the name tokenizer split off ("gov ." -> "gov.").

    Text tokens keep the period of a known abbreviation ("Gov.", "Lt.", "Gen."), so a
    dictionary abbreviation is also indexed in that form.
    """
    joined: list[str] = []
    for word in words:
        if word == "." and joined and joined[-1].isalpha():
            joined[-1] += "."
        else:
            joined.append(word)
    return tuple(joined)


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A stretch of tokens ``[start, end)`` that matched the entries in ``values``."""

    start: int
    end: int
    values: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """A dictionary from token sequences to values, matched leftmost-longest."""

    def __init__(self, tokenize: Callable[[str], list[str]]) -> None:
        """Build an empty index.

        Args:
            tokenize: splits a name into words the way the text tokenizer does.
        """
        self._tokenize = tokenize
        self._entries: dict[tuple[str, ...], list[tuple[tuple[str, ...], T]]] = {}
        self._lengths: dict[str, list[int]] = {}

    def add(self, name: str, value: T) -> None:
        """Add ``name`` (and its variant without hyphens) with ``value``."""
        words = tuple(w for w in self._tokenize(name) if w.strip())
        if not words:
            return
        self._add_words(words, value)
        unhyphenated = tuple(w for w in words if w not in _DASHES)
        if unhyphenated != words and unhyphenated:
            self._add_words(unhyphenated, value)
        abbreviated = _join_periods(words)
        if abbreviated != words:
            self._add_words(abbreviated, value)

    def _add_words(self, words: tuple[str, ...], value: T) -> None:
        key = tuple(fold(w) for w in words)
        self._entries.setdefault(key, []).append((words, value))
        lengths = self._lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def __contains__(self, name: str) -> bool:
        key = tuple(fold(w) for w in self._tokenize(name) if w.strip())
        return key in self._entries

    def lookup(self, words: Sequence[str]) -> tuple[T, ...]:
        """Return the values of the name written as ``words``, respecting capitals."""
        key = tuple(fold(w) for w in words)
        return tuple(
            value
            for pattern, value in self._entries.get(key, ())
            if all(case_fits(p, w) for p, w in zip(pattern, words, strict=True))
        )

    def finditer(
        self, words: Sequence[str], folded: Sequence[str] | None = None
    ) -> Iterator[PhraseMatch[T]]:
        """Yield the leftmost-longest, non-overlapping matches in ``words``.

        Args:
            words: the token texts of a document.
            folded: ``fold()`` of each word, when the caller has it already.

        Yields:
            One match per stretch of tokens, with every value whose name fits the capitals.
        """
        if folded is None:
            folded = [fold(w) for w in words]
        n = len(words)
        lengths = self._lengths
        after = 0  # where the last match ended: matches do not overlap
        # only a word that starts some name can start a match
        for i in [k for k, word in enumerate(folded) if word in lengths]:
            if i < after:
                continue
            for length in lengths[folded[i]]:
                if i + length > n:
                    continue
                values = self._values_at(words, folded, i, length)
                if values:
                    yield PhraseMatch(i, i + length, values)
                    after = i + length
                    break

    def _values_at(
        self, words: Sequence[str], folded: Sequence[str], i: int, length: int
    ) -> tuple[T, ...]:
        candidates = self._entries.get(tuple(folded[i : i + length]))
        if not candidates:
            return ()
        span = words[i : i + length]
        return tuple(
            value
            for pattern, value in candidates
            if all(case_fits(p, w) for p, w in zip(pattern, span, strict=True))
        )
