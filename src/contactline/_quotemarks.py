"""Quotation marks and editorial insertions, found in the raw text.

Quote marks are paired within a paragraph: curly and guillemet marks by shape, straight
marks by alternation. Wire copy is often sloppy (a closing mark typed as an opening one,
a closing mark glued to the next word: ``commenting, ”he told``), so pairing looks at the
characters around a mark rather than at its shape alone. A quote left open at the end of
a paragraph ends there (the convention for quotes running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contactline.records import Span

_PAIRS = {
    "“": frozenset('”“"'),
    "«": frozenset("»"),
    "„": frozenset("“”"),
    '"': frozenset('"”'),
    "”": frozenset("”"),
    "‘": frozenset("’"),
    "'": frozenset("'’"),
}
_SINGLE = frozenset("‘'")
#: the only characters that open or close a quotation or end a paragraph
_MARKS = re.compile(
    "[\n"
    + re.escape("".join(set(_PAIRS) | {c for closers in _PAIRS.values() for c in closers}))
    + "]"
)
_EDITORIAL = re.compile(
    r"\((?:[^()]{1,200}?)\s*[–—-]\s*(?:Ed|ed|Eds|eds|Editor|editor|Edit)\.?\)"
    r"|\[[^\[\]\n]{1,200}\]"
)


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """One quotation: where its marks are and what they enclose.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark, or ``None`` if the paragraph ended first.
        inner: the enclosed text, trimmed of spaces and of a trailing comma.
    """

    open: int
    close: int | None
    inner: Span

    @property
    def end(self) -> int:
        """Offset just after the closing mark (or the end of the enclosed text)."""
        return self.close + 1 if self.close is not None else self.inner.end


def _opens_here(text: str, i: int) -> bool:
    """A mark opens when it stands before a word and after a space, start or bracket."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:,") and not after.isspace()


def _closes_here(text: str, i: int, open_at: int) -> bool:
    """A mark closes when it follows a word or punctuation inside an open quote."""
    if i == open_at + 1:
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[open_at] in _SINGLE:
        # an apostrophe ("Ukraine's", "soldiers' families") does not close a quote
        return before in ",.!?" or (not before.isspace() and not after.isalnum() and after != " ")
    if not before.isspace():
        return True
    # "commenting, ”he told": a closing mark misplaced before the next word
    return text[i - 2 : i].strip() in (",", ".", "?", "!") or not after.isalnum()


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Span(start, end)


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteMarks]:
    """Pair the quotation marks in ``text[start:end]``, paragraph by paragraph.

    Args:
        text: the document text.
        start: where to begin.
        end: where to stop (default: the end of the text).

    Returns:
        The quotations in order of their opening marks; nested quotes are not reported.
    """
    stop = len(text) if end is None else end
    quotes: list[QuoteMarks] = []
    open_at: int | None = None
    for mark in _MARKS.finditer(text, start, stop):  # every other character changes nothing
        i = mark.start()
        ch = text[i]
        if ch == "\n":
            if open_at is not None and text[open_at] not in _SINGLE:
                quotes.append(QuoteMarks(open_at, None, _trim(text, open_at + 1, i)))
            open_at = None
        elif open_at is None:
            if ch in _PAIRS and _opens_here(text, i):
                open_at = i
        elif ch in _PAIRS[text[open_at]] and _closes_here(text, i, open_at):
            if ch == "“" and _opens_here(text, i):
                continue
            quotes.append(QuoteMarks(open_at, i, _trim(text, open_at + 1, i)))
            open_at = None
    if open_at is not None and text[open_at] not in _SINGLE:
        quotes.append(QuoteMarks(open_at, None, _trim(text, open_at + 1, stop)))
    return quotes


def find_insertions(text: str, span: Span) -> tuple[Span, ...]:
    """Find editorial insertions inside ``span``: "(in Karabakh – Ed.)", "[to the republic]".

    Args:
        text: the document text.
        span: the region to search (a statement's content).

    Returns:
        The spans of the insertions, brackets included.
    """
    return tuple(
        Span(span.start + m.start(), span.start + m.end())
        for m in _EDITORIAL.finditer(text[span.start : span.end])
    )
