"""The time stage: find time expressions, give them TIMEX3 values, and date events by them.

Who does what:

* ``_timex_grammar`` finds the expressions with its own patterns over the text and the
  lexicon ``data/time/lexicon.tsv``. spaCy's DATE entities are not used to find them:
  they miss 'On the eve' and 'Since 1992' and run 'September 27, 2020 when' together.
* ``_timex_values`` gives each expression its value; this module reads the tense of its
  clause from the spaCy parse. Written-out dates are read directly; dates without a year
  ('September 27'), weekdays ('On Thursday'), months and seasons take their year or week
  from the publication date *and the tense of the clause* ('said on Thursday' is the
  Thursday before publication, 'will meet on Monday' the Monday after); deictic words
  ('yesterday', 'the eve', 'last week', 'three days ago') count from the publication date;
  anaphoric ones ('at that moment', 'the same day', 'the next day') from the previous dated
  expression. A bare weekday in a past clause is the last such day up to and including the
  publication day (agency copy dated Friday writes 'said on Friday' for that very day); in a
  future or present-tense clause ('will meet on Monday', 'the truce expires on Sunday') the
  next one, the same day included; 'last Friday' and 'next Friday' exclude the publication
  day. A weekday written beside a date picks the year in which they agree; if none is near,
  the date wins and the rule says 'weekday conflict'.
* ``_timex_calendar`` does the calendar arithmetic and ``window()``; ``_timex_dating``
  holds ``date_at``.
* dateparser (1.5.0) is not used. Measured with ``search_dates`` (``RELATIVE_BASE`` the
  publication date, ``PREFER_DATES_FROM='past'``) on the 118 day-valued cases of
  ``tests/data/timex_set.jsonl``, it got 75 right (64%): it puts 'on Friday' a week off when
  published on a Friday, resolves every partial date to the past whatever the tense ('will
  meet on October 5' -> the previous October), misses 'On the eve', 'Sept. 27, 2020' and
  all anaphora ('the next day', 'at that moment'), and fills missing parts from today
  ('since 1992' -> 1992-10-01). It has no TIMEX3 output (ranges, seasons, weeks, durations).
  Every pattern it did get right (written-out dates, 'yesterday', 'three days ago') is also
  covered by the grammar here, so it would add a dependency without adding a case.

Without a publication date, values that need one stay open and are flagged
``anchored=False``: 'September 27' is ``XXXX-09-27``, 'On Thursday' ``XXXX-WXX-4``,
'yesterday' has no value. Nothing is invented.

``date_at`` dates an event or statement: the time expression that governs its clause,
else one in its sentence, else the window from the most recent explicit date stated
earlier (a recent one, not background history) to publication. Each window says its basis.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Token

from contactline._timex_calendar import window
from contactline._timex_dating import clause_verb, date_at
from contactline._timex_grammar import Hit, TimeGrammar, build_grammar, find_hits
from contactline._timex_values import PART_OF_DAY, Context, TimeValue, normalise, relative_days
from contactline.errors import InputError
from contactline.records import Span, TimeExpr

__all__ = [
    "ExpressionCase",
    "TimeGrammar",
    "check_expression",
    "date_at",
    "extract_times",
    "load_expression_set",
    "load_time_grammar",
    "window",
]


def load_time_grammar() -> TimeGrammar:
    """Load the packaged time lexicon and compile the patterns.

    Returns:
        The grammar ``extract_times`` uses.

    Raises:
        DictionaryError: when ``data/time/lexicon.tsv`` has a malformed line.
    """
    return build_grammar()


def extract_times(doc: Doc, grammar: TimeGrammar, *, published: date | None) -> list[TimeExpr]:
    """Find and normalise the time expressions of a document.

    Args:
        doc: the parsed analysis text (offsets are offsets into ``Document.text``).
        grammar: from ``load_time_grammar()``.
        published: the publication date, the anchor of relative expressions.

    Returns:
        Time expressions in text order, each with its value, ``rule`` and ``anchored`` flag.
    """
    times: list[TimeExpr] = []
    previous: TimeExpr | None = None
    text = doc.text  # spaCy rebuilds Doc.text on every access: read it once
    for hit in find_hits(text, grammar):
        if hit.kind in {"year", "year_range"} and _counts_something(doc, hit, grammar):
            continue
        context = Context(published, _clause_tense(doc, hit.start, hit.end), previous, text)
        if hit.kind == "eve":
            hit, result = _eve(doc, hit, grammar, context)
        else:
            result = normalise(hit, grammar, context)
        if result is None:
            continue
        rule = hit.kind + (f":{result.note}" if result.note else "")
        # a part of day makes a TIME in TIMEX3 ('2020-11-09TNI')
        kind = "TIME" if result.value and PART_OF_DAY.search(result.value) else result.type
        expr = TimeExpr(
            text=text[hit.start : hit.end],
            value=result.value,
            type=kind,  # type: ignore[arg-type]
            span=_span(hit),
            rule=rule,
            mod=result.mod,
            anchored=result.anchored,
        )
        times.append(expr)
        if expr.value and window(expr.value) and expr.type in {"DATE", "TIME"}:
            previous = expr
    return times


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpressionCase:
    """One case of an expression set: a sentence, its anchor and the value expected."""

    sentence: str
    published: date | None
    text: str
    value: str | None
    anchored: bool | None = None
    note: str | None = None


def load_expression_set(path: Path) -> list[ExpressionCase]:
    """Read a JSON Lines expression set (``tests/data/timex_set.jsonl`` shows the fields).

    Raises:
        InputError: on a line that is not a JSON object with sentence, published, text and value.
    """
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            published = row["published"]
            cases.append(
                ExpressionCase(
                    sentence=row["sentence"],
                    text=row["text"],
                    value=row["value"],
                    published=date.fromisoformat(published) if published else None,
                    anchored=row.get("anchored"),
                    note=row.get("note"),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"not an expression case ({exc})", line=number) from exc
    return cases


def check_expression(
    doc: Doc, case: ExpressionCase, grammar: TimeGrammar
) -> tuple[bool, TimeExpr | None]:
    """Tag ``case.sentence`` (parsed as ``doc``) and compare with the expected value.

    The expression is the first tagged one whose text contains the expected text or lies
    within it; its value is right when equal to the expected one or covering the same days.

    Returns:
        Whether it is right, and the expression found.
    """
    want = case.text.lower()
    found = next(
        (
            t
            for t in extract_times(doc, grammar, published=case.published)
            if want in t.text.lower() or t.text.lower() in want
        ),
        None,
    )
    if found is None:
        return False, None
    same = found.value == case.value or (
        case.value is not None
        and window(case.value) is not None
        and window(found.value) == window(case.value)
    )
    return same and case.anchored in {None, found.anchored}, found


def _counts_something(doc: Doc, hit: Hit, grammar: TimeGrammar) -> bool:
    """'after 2000 troops arrived': a number that modifies a noun is a count, not a year."""
    span = doc.char_span(hit.end - 4, hit.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.dep_ == "nummod" and token.head.i > token.i:
        return token.head.lemma_.lower() not in grammar.event_nouns
    # 'In 2014 rebels seized the city' is a year; 'after 2000 troops arrived' a count
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    cue = doc[token.i - 1].lower_ if token.i > 0 else ""
    return (
        following is not None
        and following.tag_ == "NNS"
        and following.lemma_.lower() not in grammar.event_nouns
        and following.lower_ not in grammar.event_nouns
        and cue
        not in {"in", "since", "by", "until", "till", "during", "of", "from", "early", "late"}
    )


def _span(hit: Hit) -> Span:
    return Span(hit.start, hit.end)


def _clause_tense(doc: Doc, start: int, end: int) -> str:
    """Read the tense of the clause a time expression sits in from the parse.

    Returns:
        ``past``, ``future``, ``present`` or ``near`` (no verb, or a tense that does not say).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "near"
    verb = clause_verb(span.root)
    return _tense(verb) if verb is not None else "near"


def _tense(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & {"will", "shall", "'ll", "wo"} or ("going" in words and "to" in words):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "'ve"}:
        return "past"
    if verb.tag_ == "VB" and "to" in words and verb.head.i != verb.i:
        head = _tense(verb.head) if verb.head.pos_ in {"VERB", "AUX"} else "near"
        return "future" if head != "past" else "near"
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
        return "present"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    return "near"


def _eve(doc: Doc, hit: Hit, grammar: TimeGrammar, ctx: Context) -> tuple[Hit, TimeValue | None]:
    """'On the eve': the day before publication, unless it is the eve of a named event.

    'on the eve of the summit' dates nothing the text gives, so it gets no value; 'On the
    eve, the ministry said' and the calque 'On the eve of the Secretary General Zas called'
    (where 'of' is followed by a person or organisation) mean the day before publication.
    """
    after = ctx.text[hit.end : hit.end + 80]
    m = re.match(r"\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?([\w-]+)", after)
    if m:
        first = doc.char_span(hit.end + m.start(1), hit.end + m.end(1), alignment_mode="expand")
        noun = m.group(1)
        event_like = noun.lower() in grammar.event_nouns or (
            first is not None
            and first[0].pos_ == "NOUN"
            and not first[0].ent_type_
            and first[0].head.dep_ != "compound"
        )
        if event_like:
            return hit, TimeValue(None, note="eve_of_event")
    return hit, relative_days(ctx, -1, None)
