"""Mention lookup: the actor mention that stands for a noun phrase.

Event, statement and casualty rules find a subject or an object as a head token; the
functions here turn that token into the mention it names, from the mentions
:func:`contactline.actors.resolve_mentions` found:

1. :func:`mention_for` takes the mention covering the head, else the closest one inside
   its subtree reached through modifiers and 'of'/'from' phrases ("Azerbaijan's top
   brass" is AZE/MIL; "the border between Armenia and Azerbaijan" names no one).
2. :func:`mentions_for` adds the mentions of the head's conjuncts ("Yerevan and Baku")
   and expands a plural reference to the parties it points back to ("the two sides").

Both are re-exported by :mod:`contactline.actors`, where callers import them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline.records import Mention

__all__ = ["mention_for", "mentions_for"]

_OPEN_PREPS = frozenset({"of", "from"})
#: the second half of "X-linked", "X-backed": the phrase is allied to X, not X
_AFFILIATIONS = frozenset(
    {
        "linked",
        "backed",
        "affiliated",
        "aligned",
        "allied",
        "funded",
        "sponsored",
        "supported",
        "based",
    }
)
#: how many characters before a phrase a mention covering its head may start
_LONGEST_MENTION = 300


def mention_for(doc: Doc, token_i: int, mentions: Sequence[Mention]) -> Mention | None:
    """Return the mention that best stands for the noun phrase headed by token ``token_i``.

    1. A mention covering the token wins (the longest, preferring persons and parties):
       "Ministry" in "The Azerbaijani Defense Ministry" gives the AZE/MIL mention. A
       covering mention without a party (a bare sector word: "Ukraine's military
       intelligence agency", "Netanyahu's office") gives way to a mention with a party
       found as in step 2.
    2. Otherwise the closest mention inside the token's subtree, preferring persons,
       reached through modifiers and 'of'/'from' phrases only ("the press secretary of the
       Russian President Dmitry Peskov" gives Peskov; "the border between Armenia and
       Azerbaijan" gives nothing).
    References ("he", "the organization") already carry their antecedent's party, name
    and role, with ``antecedent`` pointing at it.

    Args:
        doc: the parsed document.
        token_i: the head token of a noun phrase (a subject or object).
        mentions: the document's mentions from :func:`contactline.actors.resolve_mentions`, in its order.

    Returns:
        The mention, or ``None`` when the phrase names no actor.
    """
    token = doc[token_i]
    begin, finish = token.idx, token.idx + len(token.text)
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
    nearby = _starting_between(mentions, min(left, begin - _LONGEST_MENTION), right)
    covering = [m for m in nearby if m.span.start <= begin and finish <= m.span.end]
    own = max(covering, key=_informativeness) if covering else None
    if own is not None and (own.party is not None or own.kind == "person"):
        return own
    best: tuple[tuple[int, int, int], Mention] | None = None
    for mention in nearby:
        if mention.span.start <= begin and finish <= mention.span.end:
            continue  # covering (equal mentions have equal spans)
        if not (left <= mention.span.start and mention.span.end <= right):
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        depth = 0 if _bracketed(doc, span) else _path_length(token, span)
        if depth is None:
            continue
        # A reference found inside the phrase ("his" in "his Azerbaijani counterpart
        # Ilham Aliyev") is someone else than the phrase's referent: rank it last.
        rank = (
            int(mention.antecedent is not None),
            -int(mention.kind == "person" and mention.party is not None),
            depth,
        )
        if best is None or rank < best[0]:
            best = (rank, mention)
    if best is None or (own is not None and best[1].party is None):
        return own
    return best[1]


def _starting_between(mentions: Sequence[Mention], first: int, last: int) -> Sequence[Mention]:
    """Return the mentions (in reading order) that start between two offsets, by bisection."""
    if not isinstance(mentions, tuple):
        low = bisect.bisect_left(mentions, first, key=_start)
        return mentions[low : bisect.bisect_right(mentions, last, key=_start)]
    starts = _starts(mentions)
    return mentions[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]


def _start(mention: Mention) -> int:
    return mention.span.start


_LAST_STARTS: list[tuple[tuple[Mention, ...], list[int]]] = []


def _starts(mentions: tuple[Mention, ...]) -> list[int]:
    """The start offsets of ``mentions``, kept for the last tuple asked about.

    ``mention_for`` is asked about many phrases of a document with the same mentions; a
    tuple cannot change, and holding it keeps its id its own.
    """
    last = _LAST_STARTS[0] if _LAST_STARTS else None  # one read: safe across threads
    if last is not None and last[0] is mentions:
        return last[1]
    starts = [m.span.start for m in mentions]
    _LAST_STARTS[:] = [(mentions, starts)]
    return starts


def mentions_for(doc: Doc, token_i: int, mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions of the head ``token_i`` and of its conjuncts ("Yerevan and Baku").

    A plural reference to parties listed together ("the two sides", "the three countries")
    stands for every party of that list.
    """
    found: list[Mention] = []
    for token in [doc[token_i], *doc[token_i].conjuncts]:
        mention = mention_for(doc, token.i, mentions)
        if mention is None:
            continue
        for listed in _listed(doc, mention, mentions) or [mention]:
            if listed not in found:
                found.append(listed)
    return found


def _listed(doc: Doc, mention: Mention, mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions of the list a plural reference points back to, else nothing."""
    if mention.antecedent is None:
        return []
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or span.root.tag_ not in {"NNS", "NNPS"}:
        return []
    target = doc.char_span(
        mention.antecedent.start, mention.antecedent.end, alignment_mode="expand"
    )
    if target is None or not target.root.conjuncts:
        return []
    listed = (
        mention_for(doc, t.i, mentions)
        for t in sorted([target.root, *target.root.conjuncts], key=lambda t: t.i)
    )
    return [m for m in listed if m is not None and m.party is not None]


def _informativeness(mention: Mention) -> tuple[int, int, int]:
    return (
        int(mention.party is not None),
        int(mention.kind == "person"),
        mention.span.end - mention.span.start,
    )


def _bracketed(doc: Doc, span: SpacySpan | None) -> bool:
    """Tell whether a mention stands alone in brackets: the phrase's own acronym ("(JNIM)")."""
    return (
        span is not None
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    )


def _path_length(head: Token, span: SpacySpan | None) -> int | None:
    """Count the dependency steps from a mention up to ``head``; None through a barrier.

    Barriers are clauses, prepositions other than 'of'/'from', and affiliation modifiers:
    "the Al-Qaeda-linked group", "Rwanda-backed rebels", "the Britain-based monitor"
    are not al-Qaeda, Rwanda or Britain.
    """
    if span is None:
        return None
    node = span.root
    steps = 0
    while node.i != head.i:
        if node.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj", "appos_clause"}:
            return None
        if node.dep_ in {"amod", "compound"} and node.lower_ in _AFFILIATIONS:
            return None
        if node.dep_ == "pobj" and node.head.lower_ not in _OPEN_PREPS:
            return None
        if node.head.i == node.i or steps > 6:
            return None
        node = node.head
        steps += 1
    return steps
