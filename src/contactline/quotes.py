"""Statements: who said what, to whom, and when.

The stage finds two kinds of speech:

- direct quotations in quote marks attributed to a speaker by a reporting cue next to
  them (``contactline._direct``), and
- reported speech without quote marks, cut out of the dependency parse from a lexicon
  of reporting cues (``contactline._reported``): "X stated that ...", "According to
  X, ...", "This was announced by X", "X called on Y to ...".

Speakers are resolved to actors through the actor stage's mentions, with pronouns and
descriptions ("he", "the official") falling back on the last speaker of the same kind;
a statement's date is the date of its cue, from the time stage.

Example::

    cues = load_cues()
    statements = extract_statements(doc, mentions, times, cues, published=date(2020, 9, 29))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from contactline._attribution import Attribution, cue_text
from contactline._cues import CUES_DIR, CueLexicon, load_cue_file
from contactline._direct import find_direct
from contactline._quotemarks import find_insertions, find_quotes
from contactline._reported import find_reported
from contactline._speakers import SpeakerHistory, resolve_speaker
from contactline.records import DateWindow, Event, Mention, Span, Speaker, Statement, TimeExpr
from contactline.timex import date_at

__all__ = ["CueLexicon", "extract_statements", "link_events", "load_cues"]


def load_cues() -> CueLexicon:
    """Load the packaged reporting-cue lexicon (``data/cues/``).

    Returns:
        The lexicon, indexed for matching.

    Raises:
        DictionaryError: when a line of a cue file is malformed.
    """
    return load_cue_file(
        CUES_DIR / "cues.tsv", CUES_DIR / "person_nouns.txt", CUES_DIR / "not_sources.txt"
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _deduplicate(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Keep one attribution per cue and per content (direct speech wins)."""
    kept: list[Attribution] = []
    for item in sorted(attributions, key=lambda a: (not a.direct, a.content.start)):
        if any(
            (k.cue.anchor == item.cue.anchor and ":continued:" not in item.rule + k.rule)
            or (k.content == item.content and k.speaker == item.speaker)
            for k in kept
        ):
            continue
        kept.append(item)
    return kept


def _to_statement(
    doc: Doc, text: str, item: Attribution, speaker: Speaker, date_window: DateWindow | None
) -> Statement:
    """Build the record; ``span`` covers speaker, cue and content. Ids are given later."""
    anchor = doc[item.cue.anchor]
    edges = [item.content.start, item.content.end, anchor.idx, anchor.idx + len(anchor)]
    if speaker.span is not None:
        edges += [speaker.span.start, speaker.span.end]
    return Statement(
        id="",
        speaker=speaker,
        cue=cue_text(doc, item.cue),
        content=item.text,
        direct=item.direct,
        date=date_window,
        span=Span(min(edges), max(edges)),
        content_span=item.content,
        rule=item.rule,
        addressee=item.addressee,
        insertions=find_insertions(text, item.content),
    )


def extract_statements(
    doc: Doc,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    cues: CueLexicon,
    *,
    published: date | None,
) -> list[Statement]:
    """Find the statements in a parsed document.

    1. Pair the quote marks and attribute each quotation that has a cue next to it.
    2. Find reported speech from the cue lexicon, leaving out the cues used in step 1
       and speech reported inside an attributed quotation.
    3. Keep one attribution per cue, then resolve speakers in document order (so that
       "he" and "the official" can refer back) and date each statement by its cue.

    Args:
        doc: the spaCy parse of ``Document.analysis_text``.
        mentions: the actor stage's mentions.
        times: the time stage's expressions.
        cues: the loaded cue lexicon.
        published: the publication date, for relative dates.

    Returns:
        The statements in document order, with ids ``st1``, ``st2``, ...
    """
    text = doc.text  # built from the tokens on every access: once is enough
    quotes = find_quotes(text)
    direct = find_direct(doc, text, cues, quotes)
    used = {i for a in direct for i in a.cue.tokens}
    quoted = [a.content for a in direct]
    reported = find_reported(doc, cues, skip=used, quoted=quoted)
    ordered = sorted(_deduplicate([*direct, *reported]), key=lambda a: a.cue.anchor)
    history = SpeakerHistory()
    statements: list[Statement] = []
    for item in ordered:
        speaker = resolve_speaker(doc, doc[item.speaker], mentions, cues.person_nouns, history)
        when = date_at(doc, item.cue.anchor, times, published=published)
        statements.append(_to_statement(doc, text, item, speaker, when))
    statements.sort(key=lambda s: (s.span.start, s.content_span.start))
    return [replace(s, id=f"st{n}") for n, s in enumerate(statements, 1)]


def link_events(statements: Sequence[Statement], events: Sequence[Event]) -> list[Statement]:
    """Link each statement to the events coded from its content.

    An event belongs to a statement when its trigger lies inside the statement's
    content, or when the event names the statement as its source (``Event.statement``).

    Args:
        statements: the statements of a document.
        events: the events of the same document.

    Returns:
        The statements with ``events`` filled in.
    """
    linked: list[Statement] = []
    for statement in statements:
        ids = tuple(
            e.id
            for e in events
            if e.statement == statement.id or _overlaps(e.trigger, statement.content_span)
        )
        linked.append(statement if ids == statement.events else replace(statement, events=ids))
    return linked
