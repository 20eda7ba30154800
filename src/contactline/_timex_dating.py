"""Date an event or statement by the time expressions of its text (``timex.date_at``).

The order of preference, each recorded in ``DateWindow.basis``:

1. A time expression that governs the clause of the trigger: it attaches to the trigger's
   verb or to a verb above it ('On the night of November 9, 2020, ... signed'). When the
   way up passes a reported-speech complement ('said on Thursday that forces *had taken*
   control') and the reported clause is past, the act happened by the saying date: the
   window ends there and starts at the last recent date stated before it, else at the
   start of the saying date's month (the current episode).
2. A time expression elsewhere in the same sentence, the nearest one, but not a background
   date inside a relative or participle clause that does not hold the trigger ('The EU,
   which has deployed a mission since February 2023, welcomed ...' in 2024).

In both, a time that modifies a noun ('the killing ... late last month', 'the 1994
ceasefire', "Sunday's attack") dates what that noun names: the noun's own event, and
the clause's verb only when a day phrase sits in its subject ("Sunday's attack killed
five"); 'vowed to retaliate for the killing late last month' is not dated by it.

A past act dated by a period that runs beyond the publication date ('vowed earlier this
month') is over by publication: its window ends there.
3. Otherwise the window the text allows: from the most recent *recent* explicit date
   stated earlier in the document to the publication date. Recent means within
   ``RECENT_DAYS`` of the publication date (or of the latest date in the text when there
   is none), so background history ('in February 1988', 'Since 1992') never opens the
   window of a present-day sentence, and a date of a future or hypothetical clause ('war
   may break out by the end of the week') opens none either.

Durations, references such as ``PRESENT_REF``, values without an anchor and open-ended
'before X' times date nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

from contactline._timex_calendar import day_of, window
from contactline.records import DateWindow, TimeExpr

#: How far before the publication date an explicit date still opens the current episode.
RECENT_DAYS = 92

_PLAIN = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_OPEN_END = {"ON_OR_AFTER", "AFTER"}
_OTHER_CLAUSES = {"relcl", "acl"}
_NOUN_MODIFIERS = {"npadvmod", "nummod", "compound", "amod", "poss", "nmod"}
"""Dependencies by which a bare time phrase modifies a noun ("the 1994 ceasefire")."""
_DAY_OF_SUBJECT = {"npadvmod", "poss"}
"""Those by which it dates the noun as an act ("Sunday's attack"), which its verb shares."""
_SUBJECTS = {"nsubj", "nsubjpass"}
_UNREAL_AUX = {"will", "shall", "'ll", "may", "might", "would", "could", "should", "to"}


def date_at(
    doc: Doc, token_i: int, times: Sequence[TimeExpr], *, published: date | None
) -> DateWindow | None:
    """Return when the event or statement whose trigger or cue is token ``token_i`` happened.

    Args:
        doc: the parsed analysis text.
        token_i: index of the trigger (event) or cue (statement) token.
        times: the document's time expressions, from ``extract_times``.
        published: the publication date.

    Returns:
        The date window with its basis, or ``None`` when the text allows no window at all
        (no publication date and no usable date before the token).
    """
    facts = _facts(doc, times, published)
    token = doc[token_i]
    sent_start, sent_end = facts.sentence(doc, token_i)
    usable = facts.usable
    in_sentence = [
        t
        for t in facts.starting_between(sent_start, sent_end)
        if not _dates_another_noun(doc, t, token)
    ]
    verb = clause_verb(token) or token
    governing = _governing(doc, verb, token.idx, in_sentence)
    past = _prior(verb)
    if governing is not None:
        time, reported = governing
        if reported and past:
            return _before_saying(time, usable)
        return _clip(
            _window_of(time, published, f"{time.text!r} governs the clause"), past, published
        )
    outside = [
        t
        for t in in_sentence
        if not (_in_other_clause(doc, t, token) and _background(t, published))
    ]
    if outside:
        time = min(outside, key=lambda t: abs(t.span.start - token.idx))
        return _clip(
            _window_of(time, published, f"{time.text!r} in the same sentence"), past, published
        )
    return facts.since_recent(doc, token.idx)


@dataclass(slots=True)
class _Facts:
    """What dating reads of one document whatever the token: computed once per document.

    ``date_at`` is called for every event, statement and casualty of a document with the
    same times; the usable times and the times that may open a window do not depend on
    the token.
    """

    times: tuple[TimeExpr, ...]
    published: date | None
    usable: list[TimeExpr]
    _openers: list[TimeExpr] | None = None
    _since: dict[int, DateWindow | None] = field(default_factory=dict)
    _sentence_starts: list[int] | None = None
    _sentence_chars: list[tuple[int, int]] | None = None
    _starts: list[int] | None = None  # of the usable times, when in text order

    def starting_between(self, start: int, end: int) -> list[TimeExpr]:
        """The usable times that start at offsets ``[start, end)``, in their order."""
        if self._starts is None:
            starts = [t.span.start for t in self.usable]
            in_order = starts == sorted(starts)
            self._starts = starts if in_order else []
        if self._starts:
            at = bisect_left(self._starts, start)
            return self.usable[at : bisect_left(self._starts, end, at)]
        return [t for t in self.usable if start <= t.span.start < end]

    def since_recent(self, doc: Doc, at: int) -> DateWindow | None:
        """From the last recent explicit date before offset ``at`` to publication.

        Each such window is made once per document (keyed by its opening time).
        """
        earlier = [t for t in self.openers(doc) if t.span.end <= at]
        opener = earlier[-1] if earlier else None
        key = id(opener)  # the openers live as long as these facts
        if key not in self._since:
            self._since[key] = _since(opener, self.published)
        return self._since[key]

    def sentence(self, doc: Doc, token_i: int) -> tuple[int, int]:
        """The character bounds of the sentence of token ``token_i`` (``Token.sent`` walks)."""
        if self._sentence_starts is None or self._sentence_chars is None:
            sents = list(doc.sents)
            self._sentence_starts = [s.start for s in sents]
            self._sentence_chars = [(s.start_char, s.end_char) for s in sents]
        return self._sentence_chars[bisect_right(self._sentence_starts, token_i) - 1]

    def openers(self, doc: Doc) -> list[TimeExpr]:
        """The times, in text order, that open the window of a later sentence."""
        if self._openers is None:
            narrative = [t for t in self.usable if not _unreal(doc, t)]
            self._openers = _sharpest(_recent_dates(narrative, self.published))
        return self._openers


_FACTS: WeakKeyDictionary[Doc, _Facts] = WeakKeyDictionary()


def _facts(doc: Doc, times: Sequence[TimeExpr], published: date | None) -> _Facts:
    facts = _FACTS.get(doc)
    # the same tuple of times again (kept as given: a tuple cannot change) needs no comparing
    if facts is not None and facts.published == published and facts.times is times:
        return facts
    key = tuple(times)
    if facts is None or facts.times != key or facts.published != published:
        facts = _Facts(times=key, published=published, usable=[t for t in key if _usable(t)])
        _FACTS[doc] = facts
    return facts


def _unreal(doc: Doc, time: TimeExpr) -> bool:
    """A time of a future or hypothetical clause ("war may break out by the end of the
    week") does not move the story's clock: it opens no window for later sentences."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = clause_verb(span.root)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & _UNREAL_AUX)


def _in_other_clause(doc: Doc, time: TimeExpr, token: Token) -> bool:
    """A time inside a relative or participle clause that does not hold the trigger.

    "The EU, which has deployed a mission since February 2023, welcomed the decision":
    the date belongs to the deployment, not to the welcome.
    """
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    node = span.root
    for _ in range(12):
        if node.dep_ in _OTHER_CLAUSES:
            return token not in node.subtree
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _dates_another_noun(doc: Doc, time: TimeExpr, token: Token) -> bool:
    """Whether ``time`` modifies a noun other than the trigger and so does not date it.

    "vowed to retaliate for the killing ... late last month": the month dates the killing,
    not the vow; "recalled the 1994 ceasefire": 1994 dates the ceasefire. A day phrase
    in the clause's subject dates its verb too ("Sunday's attack killed five").
    """
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    noun = root.head
    if (
        root.dep_ not in _NOUN_MODIFIERS
        or noun.pos_ not in {"NOUN", "PROPN"}
        or span.start <= noun.i < span.end
        or noun.i == token.i
    ):
        return False
    if root.dep_ in _DAY_OF_SUBJECT:
        node = noun
        for _ in range(12):
            if node.dep_ in _SUBJECTS:
                return False
            if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
                break
            node = node.head
    return True


def _background(time: TimeExpr, published: date | None) -> bool:
    return published is not None and not _recent(time, published)


def _clip(window_: DateWindow, past: bool, published: date | None) -> DateWindow:
    """End a past act's window at publication: "vowed earlier this month" is not June 30."""
    if not past or published is None or window_.start is None:
        return window_
    end = window_.end or window_.start
    bounds = window(end)
    if (
        bounds is None
        or bounds[1] <= published.isoformat()
        or _start(window_.start) > published.isoformat()
    ):
        return window_
    start = _start(window_.start)
    return DateWindow(
        start=start,
        end=published.isoformat(),
        basis=f"{window_.basis}; a past act, by publication",
    )


def _usable(time: TimeExpr) -> bool:
    return bool(
        time.value
        and time.type in {"DATE", "TIME"}
        and window(time.value)
        and time.mod not in {"BEFORE", "ON_OR_BEFORE"}
    )


def clause_verb(token: Token) -> Token | None:
    """Return the nearest verb at or above a token, within eight steps of the parse."""
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _governing(
    doc: Doc, verb: Token, at: int, times: Sequence[TimeExpr]
) -> tuple[TimeExpr, bool] | None:
    """The time attached nearest above the clause verb, and whether reported speech intervenes."""
    best: tuple[tuple[int, int, int], TimeExpr, bool] | None = None
    for time in times:
        span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        attached = clause_verb(span.root)
        if attached is None:
            continue
        climbed = _climb(verb, attached)
        if climbed is None:
            continue
        # an adverbial of the verb ('On Monday, ... recalled') beats a date inside one of
        # its noun phrases ('recalled the 1994 ceasefire')
        depth = _climb(span.root, attached)
        key = (climbed[0], depth[0] if depth else 99, abs(time.span.start - at))
        if best is None or key < best[0]:
            best = (key, time, climbed[1])
    return (best[1], best[2]) if best else None


def _climb(verb: Token, target: Token) -> tuple[int, bool] | None:
    """Steps from ``verb`` up to ``target`` and whether a ``ccomp`` edge is crossed."""
    steps, reported, token = 0, False, verb
    while token.i != target.i:
        if token.head.i == token.i or steps > 12:
            return None
        reported = reported or token.dep_ == "ccomp"
        token = token.head
        steps += 1
    return steps, reported


def _prior(verb: Token) -> bool:
    """Past, perfect or pluperfect: the act was over by the time it was reported."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxes & {"will", "shall", "'ll", "would", "to"}:
        return False
    return verb.tag_ == "VBD" or bool(auxes & {"had", "'d", "has", "have", "'ve", "was", "were"})


def _start(value: str) -> str:
    first = value.split("/")[0]
    if _PLAIN.fullmatch(first):
        return first
    bounds = window(first)
    assert bounds is not None
    return bounds[0]


def _end(value: str) -> str:
    last = value.split("/")[-1]
    if _PLAIN.fullmatch(last):
        return last
    bounds = window(last)
    assert bounds is not None
    return bounds[1]


def _window_of(time: TimeExpr, published: date | None, basis: str) -> DateWindow:
    """The window a time expression's value covers, at the precision it was written."""
    value = time.value
    assert value is not None
    if time.mod in _OPEN_END:
        end = published.isoformat() if published else None
        return DateWindow(start=_start(value), end=end, basis=f"{basis}; open until publication")
    start, end = _start(value), _end(value)
    if published is not None and time.text.lower().startswith("earlier"):
        # "earlier this month" is the part of the month before publication
        last = window(end)
        if last is not None and last[1] > published.isoformat() >= window(start)[0]:  # type: ignore[index]
            return DateWindow(
                start=start, end=published.isoformat(), basis=f"{basis}; up to publication"
            )
    return DateWindow(start=start, end=None if end == start else end, basis=basis)


def _before_saying(time: TimeExpr, usable: Sequence[TimeExpr]) -> DateWindow:
    """A reported past act: over by the saying date, after the last recent date before it."""
    said = window(time.value)
    assert said is not None
    said_day = date.fromisoformat(said[1])
    earlier = [
        t
        for t in usable
        if t.span.start < time.span.start and _recent(t, said_day) and _last_day(t) <= said[1]
    ]
    if earlier and earlier[-1].value:
        start = _start(earlier[-1].value)
        basis = f"after {earlier[-1].text!r}, reported by {time.text!r}"
    else:
        start = said_day.replace(day=1).isoformat()
        basis = f"reported as done by {time.text!r}; its month is the current episode"
    return DateWindow(start=start, end=said_day.isoformat(), basis=basis)


def _last_day(time: TimeExpr) -> str:
    bounds = window(time.value)
    return bounds[1] if bounds else "9999-12-31"


def _recent(time: TimeExpr, reference: date) -> bool:
    bounds = window(time.value)
    if bounds is None:
        return False
    return (
        date.fromisoformat(bounds[1]) >= reference - timedelta(days=RECENT_DAYS)
        and date.fromisoformat(bounds[0]) <= reference
    )


def _recent_dates(usable: Sequence[TimeExpr], published: date | None) -> list[TimeExpr]:
    """The explicit dates that are recent: near publication, or the latest date in the text."""
    reference = published
    if reference is None:
        ends = [date.fromisoformat(window(t.value)[1]) for t in usable]  # type: ignore[index]
        reference = max(ends, default=None)
    return [t for t in usable if t.mod not in _OPEN_END and reference and _recent(t, reference)]


def _sharpest(openers: Sequence[TimeExpr]) -> list[TimeExpr]:
    """Drop a vaguer date that holds the opener before it: it does not move the clock.

    "Mediators said on Friday ... principles agreed earlier this month ... The group
    accused": Friday lies inside "earlier this month", so later sentences still come
    after Friday, not after the first of the month.
    """
    kept: list[TimeExpr] = []
    for time in openers:
        if kept and _holds(time, kept[-1]):
            continue
        kept.append(time)
    return kept


def _holds(outer: TimeExpr, inner: TimeExpr) -> bool:
    """Whether ``outer`` is a longer period that contains all of ``inner``."""
    big, small = window(outer.value), window(inner.value)
    if big is None or small is None or big == small:
        return False
    return big[0] <= small[0] and small[1] <= big[1]


def _since(time: TimeExpr | None, published: date | None) -> DateWindow | None:
    """From ``time`` (the last recent explicit date before the act), if any, to publication."""
    end = published.isoformat() if published else None
    if time is not None:
        day = day_of(time.value)
        start = day.isoformat() if day else _start(time.value)  # type: ignore[arg-type]
        return DateWindow(
            start=start,
            end=end,
            basis=f"after {time.text!r} ({time.value}), the last date stated before it"
            + (", until publication" if end else "; no publication date"),
        )
    if published is None:
        return None
    return DateWindow(start=None, end=end, basis="on or before publication; no earlier date stated")
