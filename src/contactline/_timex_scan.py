"""Run the time patterns only where they can start: an index of word heads.

Each pattern of ``_timex_grammar`` is a ``\\b``-anchored alternation of words; scanning
the whole text with every one of them is most of the time stage's cost, although at
almost every word start the first letters already rule a pattern out. ``heads()``
reads each compiled pattern's syntax tree once and lists the *heads* it can begin with:
its first ``HEAD`` characters, folded by :func:`fold` (case removed, every decimal digit
``0``, every non-word character a space). ``find_matches()`` then tries a pattern only at
the word starts whose head it lists, and reproduces ``pattern.finditer`` exactly: the
head list is a superset (zero-width assertions are ignored, anything it cannot bound
makes the pattern run everywhere), and a pattern that can match the empty string or does
not start with ``\\b`` and a word character is always scanned in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache, lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: How many leading characters a head has.
HEAD = 5

_WORD_START = re.compile(r"\w+")
_REMEMBERED = 1 << 16
_MAX_SET = 256  # a character set larger than this is treated as "anything"
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)

# (prefix, open): ``open`` when the next item of the pattern may still extend the prefix
Prefixes = frozenset[tuple[str, bool]]
_EMPTY: Prefixes = frozenset({("", True)})
_ANY: Prefixes = frozenset({("", False)})


@cache
def fold(char: str) -> str:
    """Return the class of one character as heads compare it.

    Every character a pattern character can match under ``re`` (with or without
    IGNORECASE) folds to the same class: letters by case ('K', 'k', the Kelvin sign),
    decimal digits to ``0`` (``\\d`` matches all of them), non-word characters to a space.
    """
    if char.isdecimal():
        return "0"
    if char.isalnum() or char == "_":
        return char.upper().lower()[:1]
    return " "


@lru_cache(maxsize=1 << 16)
def fold_head(chars: str) -> str:
    """Fold each of ``chars`` (the first characters of a word)."""
    return "".join(map(fold, chars))


def heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return the folded heads every match of ``pattern`` begins with.

    A head shorter than ``HEAD`` means any continuation. ``None`` when the pattern cannot
    be bounded this way (it may match empty text, does not start with ``\\b`` followed by
    a word character, or uses a construct this reading does not know).
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    if not items or items[0] != (sre.AT, sre.AT_BOUNDARY):
        return None
    found = {prefix for prefix, _ in _sequence(items)}
    if any(not h or h[0] == " " for h in found):
        return None
    # a head that extends a shorter one adds nothing
    return frozenset(h for h in found if not any(h[:k] in found for k in range(1, len(h))))


class HeadIndex:
    """Pattern numbers by head, and the patterns to scan in full.

    What the first characters of a word start select is remembered (up to
    ``_REMEMBERED`` distinct ones): a text repeats the same few hundred words.
    """

    __slots__ = ("_seen", "everywhere", "heads")

    def __init__(self, heads: Mapping[str, tuple[int, ...]], everywhere: tuple[int, ...]) -> None:
        self.heads = heads
        self.everywhere = everywhere
        self._seen: dict[str, tuple[int, ...]] = {}

    def numbers(self, chars: str) -> tuple[int, ...]:
        """Return the patterns that may start at a word whose first characters are ``chars``."""
        found = self._seen.get(chars)
        if found is None:
            head = fold_head(chars)
            found = tuple(n for k in range(1, len(head) + 1) for n in self.heads.get(head[:k], ()))
            if len(self._seen) < _REMEMBERED:
                self._seen[chars] = found
        return found


def head_index(patterns: Sequence[re.Pattern[str]]) -> HeadIndex:
    """Index patterns by head (the patterns without heads are scanned in full)."""
    index: dict[str, list[int]] = {}
    everywhere: list[int] = []
    for number, pattern in enumerate(patterns):
        found = heads(pattern)
        if found is None:
            everywhere.append(number)
            continue
        for head in found:
            index.setdefault(head, []).append(number)
    return HeadIndex({h: tuple(n) for h, n in index.items()}, tuple(everywhere))


def find_matches(
    text: str, patterns: Sequence[re.Pattern[str]], index: HeadIndex, start: int, end: int
) -> list[list[re.Match[str]]]:
    """Return, for each pattern, the matches ``pattern.finditer(text, start, end)`` gives."""
    tries: list[list[int]] = [[] for _ in patterns]
    numbers = index.numbers
    for word in _WORD_START.finditer(text, start, end):
        at = word.start()
        for number in numbers(text[at : at + HEAD]):
            tries[number].append(at)
    found: list[list[re.Match[str]]] = []
    for number, pattern in enumerate(patterns):
        if number in index.everywhere:
            found.append(list(pattern.finditer(text, start, end)))
        else:
            found.append(list(_chain(pattern, text, tries[number], end)))
    return found


def _chain(
    pattern: re.Pattern[str], text: str, starts: Sequence[int], end: int
) -> Iterator[re.Match[str]]:
    """``finditer`` over candidate starts: the first match at or after the last one's end."""
    after = 0
    for at in starts:
        if at < after:
            continue
        m = pattern.match(text, at, end)
        if m is not None:
            after = m.end()
            yield m


def _sequence(items: Sequence[tuple[Any, Any]]) -> Prefixes:
    current: Prefixes = _EMPTY
    for op, av in items:
        current = _extend(current, _item(op, av))
    return current


def _extend(current: Prefixes, step: Prefixes) -> Prefixes:
    """Every prefix of ``current`` followed by every prefix of ``step``, cut at ``HEAD``."""
    grown: set[tuple[str, bool]] = set()
    for prefix, open_ in current:
        if not open_:
            grown.add((prefix, False))
            continue
        for more, more_open in step:
            joined = prefix + more
            grown.add((joined[:HEAD], more_open and len(joined) < HEAD))
    return frozenset(grown)


def _item(op: Any, av: Any) -> Prefixes:
    if op is sre.LITERAL:
        return frozenset({(fold(chr(av)), True)})
    if op is sre.IN:
        classes = _set_classes(av)
        return _ANY if classes is None else frozenset((c, True) for c in classes)
    if op in (sre.NOT_LITERAL, sre.ANY):
        return _ANY
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre.BRANCH:
        return frozenset().union(*(_sequence(list(alt)) for alt in av[1]))
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op in _REPEATS:
        low, high, inner = av
        return _repeat(low, high, _sequence(list(inner)))
    return _ANY  # anything else (a back reference...): any text may follow


def _repeat(low: int, high: int, inner: Prefixes) -> Prefixes:
    """``inner`` repeated ``low`` to ``high`` times (more than HEAD extra repeats add nothing)."""
    out: set[tuple[str, bool]] = set()
    current: Prefixes = _EMPTY
    for count in range(min(high, low + HEAD + 1) + 1):
        if count >= low:
            out |= current
        current = _extend(current, inner)
    return frozenset(out)


def _set_classes(members: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The folded classes a character set matches; None when it is not bounded."""
    classes: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            classes.add(fold(chr(av)))
        elif op is sre.RANGE:
            low, high = av
            if high - low > _MAX_SET:
                return None
            classes.update(fold(chr(c)) for c in range(low, high + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            classes.add("0")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            classes.add(" ")
        else:
            return None  # a negated set, a word or non-space class...
    return classes
