"""The intermediate record of an attribution and helpers to cut content out of a parse."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from contactline._cues import CueMatch
from contactline.records import Span

_EDGE_SKIP = frozenset({"that"})
_QUOTE_CHARS = frozenset("\"“”«»„'‘’")
_DATELINE_ENDS = frozenset({"-", "–", "—", "--"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must", "can"})
_NOT_YET = frozenset({"expect", "plan", "intend", "refuse", "decline", "want", "hope", "fail"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """Speech found in the text, before its speaker is resolved to an actor.

    Attributes:
        cue: the cue that fired.
        speaker: index of the head token of the speaker's noun phrase.
        content: offsets of the words attributed.
        text: the words attributed (an interrupting phrase such as "according to X"
            in the middle of a clause is left out).
        direct: true for a quotation attributed as such.
        rule: the pattern that fired ("reported:ccomp:stated").
        addressee: who was spoken to, when given.
    """

    cue: CueMatch
    speaker: int
    content: Span
    text: str
    direct: bool
    rule: str
    addressee: str | None = None


def cue_text(doc: Doc, match: CueMatch) -> str:
    """Return the cue as it appears ("called on", "told", "according to")."""
    return " ".join(doc[i].text for i in match.tokens)


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Trim ``doc[start:end]`` of complementisers, punctuation, quote marks and spaces.

    Returns:
        The trimmed ``(start, end)`` token range, or ``None`` when nothing is left.
    """
    while start < end:
        first = doc[start]
        if not (
            first.is_punct
            or first.is_space
            or (first.lower_ in _EDGE_SKIP and first.dep_ != "det")
            or first.text in _QUOTE_CHARS
        ):
            break
        start += 1
    while end > start:
        last = doc[end - 1]
        if not (
            last.is_space
            or (last.is_punct and last.text not in ")]")
            or last.text in _QUOTE_CHARS
            or last.dep_ == "cc"
        ):
            break
        end -= 1
    return (start, end) if end > start else None


def span_text(doc: Doc, span: Span) -> str:
    """Return the words of a token-aligned ``span`` without rebuilding the whole text."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.text if found is not None else ""


def token_span(doc: Doc, start: int, end: int) -> Span:
    """Return the character span of tokens ``doc[start:end]``."""
    last = doc[end - 1]
    return Span(doc[start].idx, last.idx + len(last))


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Skip a dateline opening the content: "KYIV, May 12 (Reuters) - ", "MOSCOW, March 31. /TASS/."."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 2):
        return start
    if start + 1 >= end or doc[start + 1].text != ",":
        return start
    for i in range(start + 2, min(end, start + 12)):
        token = doc[i]
        if token.pos_ in ("VERB", "AUX"):
            return start
        if token.text in _DATELINE_ENDS or (
            token.text.startswith("/") and token.text.endswith(".")
        ):
            return i + 1
    return start


def content_from_tokens(doc: Doc, indices: Iterable[int]) -> tuple[Span, str] | None:
    """Turn a set of token indices into a content span and text.

    The span covers the first to the last token; tokens missing in the middle (an
    interrupting "according to X,") are left out of the text.
    """
    chosen = sorted(set(indices))
    if not chosen:
        return None
    bounds = trim_tokens(doc, chosen[0], chosen[-1] + 1)
    if bounds is None:
        return None
    start, end = bounds
    start = _after_dateline(doc, start, end)
    kept = [i for i in chosen if start <= i < end]
    pieces: list[str] = []
    run_start = kept[0]
    for prev, cur in zip(kept, kept[1:] + [None]):
        if cur is None or cur != prev + 1:
            piece = trim_tokens(doc, run_start, prev + 1)
            if piece is not None:
                pieces.append(doc[piece[0] : piece[1]].text)
            run_start = cur if cur is not None else run_start
    return token_span(doc, start, end), " ".join(pieces)


def is_unmade(verb: Token) -> bool:
    """True when the cue speaks of speech not (yet) made: negated, modal, expected, asked."""
    children = list(verb.children)  # spaCy walks the parse again on every access
    if any(c.dep_ == "neg" for c in children):
        return True
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.lower_ == "neither" for c in (children if first.i == verb.i else first.children)):
        return True  # "has neither confirmed nor denied"
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NOT_YET:
        return True
    if not any(c.lemma_ == "do" for c in children):
        return False
    # "did X say ...?": a question
    sent = verb.sent
    doc = verb.doc
    last = next(
        (doc[i] for i in range(sent.end - 1, sent.start - 1, -1) if not doc[i].is_space), None
    )
    return last is not None and last.text == "?"
