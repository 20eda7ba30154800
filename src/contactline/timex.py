"""The time stage: find time expressions, give them TIMEX3 values, and date events by them.

Who does what:

* ``_timex_grammar`` finds the expressions with its own patterns over the text and the
  lexicon ``data/time/lexicon.tsv``. spaCy's DATE entities are not used to find them:
  they miss 'On the eve' and 'Since 1992' and run 'September 27, 2020 when' together.
* this module gives each expression its value. Written-out dates are read directly;
  dates without a year ('September 27'), weekdays ('On Thursday'), months and seasons
  take their year or week from the publication date *and the tense of the clause* (from
  the spaCy parse: 'said on Thursday' is the Thursday before publication, 'will meet on
  Monday' the Monday after); deictic words ('yesterday', 'the eve', 'last week', 'three
  days ago') count from the publication date; anaphoric ones ('at that moment', 'the same
  day', 'the next day') from the previous dated expression. A bare weekday in a past clause
  is the last such day up to and including the publication day (agency copy dated Friday
  writes 'said on Friday' for that very day); in a future or present-tense clause ('will
  meet on Monday', 'the truce expires on Sunday') the next one, the same day included;
  'last Friday' and 'next Friday' exclude the publication day. A weekday written beside a
  date picks the year in which they agree; if none is near, the date wins and the rule
  says 'weekday conflict'.
* ``_timex_calendar`` does the calendar arithmetic and ``window()``.
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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from spacy.tokens import Doc, Token

from contactline._timex_calendar import (
    Direction,
    day_of,
    resolve_day,
    resolve_month,
    resolve_weekday,
    shift_unit,
    window,
)
from contactline._timex_grammar import Hit, TimeGrammar, build_grammar, find_hits
from contactline._timex_dating import date_at
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

_MODS = {
    "early": "START",
    "mid": "MID",
    "mid-": "MID",
    "late": "END",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "the first half of": "START",
    "the second half of": "END",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "almost": "LESS_THAN",
    "nearly": "LESS_THAN",
    "less than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
}
_PREFIX_MODS = {
    "since": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE",
    "before": "BEFORE",
    "prior to": "BEFORE",
    "after": "AFTER",
    "as of": None,
}
_REFS = {
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "now": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "to date": "PRESENT_REF",
    "in the future": "FUTURE_REF",
    "in the near future": "FUTURE_REF",
}
_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
    "overnight": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI)$")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_VAGUE_UNITS = {
    "years": "Y",
    "decades": "DE",
    "months": "M",
    "weeks": "W",
    "days": "D",
    "centuries": "CE",
    "hours": "TH",
}


@dataclass(frozen=True, slots=True)
class _Value:
    value: str | None
    type: str = "DATE"
    mod: str | None = None
    anchored: bool = True
    note: str | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    anchor: date | None
    tense: str
    previous: TimeExpr | None
    text: str

    @property
    def direction(self) -> Direction:
        """Where to look from the anchor: present and unknown tenses take the nearest."""
        return self.tense if self.tense in {"past", "future"} else "near"  # type: ignore[return-value]


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
    for hit in find_hits(doc.text, grammar):
        if hit.kind == "year" and _counts_something(doc, hit, grammar):
            continue
        context = _Context(published, _clause_tense(doc, hit.start, hit.end), previous, doc.text)
        if hit.kind == "eve":
            hit, result = _eve(doc, hit, grammar, context)
        else:
            result = _normalise(hit, grammar, context)
        if result is None:
            continue
        rule = hit.kind + (f":{result.note}" if result.note else "")
        # a part of day makes a TIME in TIMEX3 ('2020-11-09TNI')
        kind = "TIME" if result.value and _PART_OF_DAY.search(result.value) else result.type
        expr = TimeExpr(
            text=doc.text[hit.start : hit.end],
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
    verb = _clause_verb(span.root)
    return _tense(verb) if verb is not None else "near"


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above a token, within eight steps of the parse."""
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


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


def _eve(doc: Doc, hit: Hit, grammar: TimeGrammar, ctx: _Context) -> tuple[Hit, _Value | None]:
    """'On the eve': the day before publication, unless it is the eve of a named event.

    'on the eve of the summit' dates nothing the text gives, so it gets no value; 'On the
    eve, the ministry said' and the calque 'On the eve of the Secretary General Zas called'
    (where 'of' is followed by a person or organisation) mean the day before publication.
    """
    after = doc.text[hit.end : hit.end + 80]
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
            return hit, _Value(None, note="eve_of_event")
    return hit, _relative_days(ctx, -1, None)


def _relative_days(ctx: _Context, offset: int, part: str | None) -> _Value:
    if ctx.anchor is None:
        return _Value(None, anchored=False)
    day = (ctx.anchor + timedelta(days=offset)).isoformat()
    return _Value(day + (f"T{part}" if part else ""))


def _normalise(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value | None:
    """Give a hit its value, dispatching on the pattern that found it."""
    handler = _HANDLERS[hit.kind]
    result = handler(hit, g, ctx)
    if result is None:
        return None
    if hit.part_of_day and result.value and re.fullmatch(r"\d{4}-\d\d-\d\d", result.value):
        code = g.parts[hit.part_of_day]
        result = _Value(
            f"{result.value}T{code}", result.type, result.mod, result.anchored, result.note
        )
    if hit.prefix:
        result = _Value(
            result.value,
            result.type,
            _PREFIX_MODS.get(hit.prefix) or result.mod,
            result.anchored,
            result.note,
        )
    return result


def _calendar_date(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value | None:
    p = hit.parts
    if hit.kind == "numeric":
        month, day, year = (
            (int(p["m"]), int(p["d"]), p["y"])
            if "m" in p
            else (int(p["m2"]), int(p["d2"]), p["y2"])
        )
        if month > 12:
            month, day = day, month
        return _day_value(int(year), month, day, None)
    month = int(p["m"]) if p["m"].isdigit() else g.month(p["m"])
    day = int(p["d"])
    weekday = g.weekdays[p["wd"].lower()] if "wd" in p else None
    last_day = int(p["d2"]) if "d2" in p else None
    if "y" in p:
        result = _day_value(int(p["y"]), month, day, weekday)
    elif ctx.anchor is None:
        result = _Value(f"XXXX-{month:02d}-{day:02d}", anchored=False)
    else:
        chosen, agrees = resolve_day(month, day, ctx.anchor, ctx.direction, weekday)
        if chosen is None:
            return None
        result = _Value(
            chosen.isoformat(), note="year from anchor" + ("" if agrees else ", weekday conflict")
        )
    if last_day and result.value and last_day > day:
        result = _Value(
            f"{result.value}/{result.value[:8]}{last_day:02d}",
            note=result.note,
            anchored=result.anchored,
        )
    return result


def _day_value(year: int, month: int, day: int, weekday: int | None) -> _Value | None:
    try:
        written = date(year, month, day)
    except ValueError:
        return None
    conflict = weekday is not None and written.isoweekday() != weekday
    return _Value(written.isoformat(), note="weekday conflict" if conflict else None)


def _month_year(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    return _Value(f"{int(p['y']):04d}-{g.month(p['m']):02d}", mod=_mod(p))


def _mod(parts: Mapping[str, str]) -> str | None:
    word = parts.get("mod")
    return _MODS.get(re.sub(r"\s+", " ", word.lower())) if word else None


def _month(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    month = g.month(p["m"])
    if ctx.anchor is None:
        return _Value(f"XXXX-{month:02d}", mod=_mod(p), anchored=False)
    shift = (p.get("shift") or "").lower()
    direction: Direction = {"last": "past", "next": "future"}.get(shift, ctx.direction)  # type: ignore[assignment]
    year = resolve_month(month, ctx.anchor, direction)
    if shift == "last" and (year, month) >= (ctx.anchor.year, ctx.anchor.month):
        year -= 1
    if shift == "next" and (year, month) <= (ctx.anchor.year, ctx.anchor.month):
        year += 1
    if shift == "this":
        year = ctx.anchor.year
    return _Value(f"{year:04d}-{month:02d}", mod=_mod(p), note="year from anchor")


def _year(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    return _Value(hit.parts["y"], mod=_mod(hit.parts))


def _year_range(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value | None:
    first, second = hit.parts["y"], hit.parts["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if second <= first:
        return None
    return _Value(f"{first}/{second}")


def _decade(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    return _Value(hit.parts["dec"], mod=_mod(hit.parts))


def _quarter(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    return _Value(f"{hit.parts['y']}-Q{_ORDINAL[hit.parts['q'].lower()]}")


def _season(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    code = g.seasons[p["s"].lower()]
    if "y" in p:
        return _Value(f"{p['y']}-{code}")
    if ctx.anchor is None:
        return _Value(f"XXXX-{code}", anchored=False)
    shift = (p.get("shift") or "").lower()
    current = _season_year_of(ctx.anchor, code)
    this_start = window(f"{current}-{code}")
    assert this_start is not None
    started = this_start[0] <= ctx.anchor.isoformat()
    ended = this_start[1] < ctx.anchor.isoformat()
    if shift in {"last", "past"}:
        year = current if ended else current - 1
    elif shift in {"next", "coming"}:
        year = current if not started else current + 1
    elif shift == "this":
        year = current
    elif ctx.direction == "past":
        year = current if started else current - 1
    elif ctx.direction == "future":
        year = current if not ended else current + 1
    else:
        year = current
    return _Value(f"{year}-{code}", note="year from anchor")


def _season_year_of(anchor: date, code: str) -> int:
    """The year whose season ``code`` is nearest the anchor (winter starts in December)."""
    return anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year


def _weekday(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    weekday = g.weekdays[p["wd"].lower()]
    part = g.parts[p["part"].lower()] if "part" in p else None
    if ctx.anchor is None:
        return _Value(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), anchored=False)
    shift = (p.get("shift") or "").lower() or None
    # a weekday in the present tense is a schedule: 'the truce expires on Sunday'
    direction: Direction = "future" if ctx.tense == "present" else ctx.direction
    day = resolve_weekday(weekday, ctx.anchor, direction, shift)
    note = f"{shift or direction} weekday from anchor"
    return _Value(day.isoformat() + (f"T{part}" if part else ""), mod=_mod(p), note=note)


def _weekend(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    """'over the weekend': the last one in a past clause, else the coming one.

    On a Saturday or Sunday the weekend under way is meant either way.
    """
    if ctx.anchor is None:
        return _Value(None, anchored=False)
    weekday = ctx.anchor.isoweekday()
    if weekday >= 6 or ctx.direction == "future" or (ctx.direction == "near" and weekday >= 4):
        return _Value(shift_unit(ctx.anchor, "WE", 0), note="weekend from anchor")
    return _Value(shift_unit(ctx.anchor, "WE", -1), note="weekend from anchor")


def _deictic(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    word = re.sub(r"\s+", " ", (p.get("w") or "today").lower())
    part = p.get("part") or p.get("part2")
    code = g.parts[part.lower()] if part else ("NI" if "night" in word else None)
    return _relative_days(ctx, _DEICTIC[word], code)


def _amount(g: TimeGrammar, word: str) -> int | None:
    number = g.number(word)
    return int(number) if number and number.isdigit() else None


def _rel_ago(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    unit, amount = g.unit(hit.parts["u"]), _amount(g, hit.parts["n"])
    if amount is None:
        return _Value("PAST_REF", note="vague count")
    if ctx.anchor is None or unit.startswith("T"):
        return _Value(None, anchored=ctx.anchor is not None)
    return _Value(shift_unit(ctx.anchor, unit, -amount))


def _rel_later(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    unit, amount = g.unit(hit.parts["u"]), _amount(g, hit.parts["n"])
    base = day_of(ctx.previous.value) if ctx.previous else None
    if amount is None or base is None or unit.startswith("T"):
        return _Value(
            None, anchored=base is not None or ctx.anchor is not None, note="no antecedent"
        )
    sign = -1 if hit.parts["dir"].lower().startswith(("earlier", "before")) else 1
    return _Value(shift_unit(base, unit, sign * amount), note=f"from {ctx.previous.text!r}")  # type: ignore[union-attr]


def _rel_unit(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    unit = {"weekend": "WE"}.get(p["u"].lower()) or g.unit(p["u"])
    shift = p["shift"].lower()
    amount = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(shift, 0)
    if ctx.anchor is None:
        return _Value(None, anchored=False)
    mod_word = (p.get("mod") or "").lower()
    mod = None if mod_word in {"earlier", "later"} else _mod(p)
    return _Value(shift_unit(ctx.anchor, unit, amount), mod=mod)


def _anaphor(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value | None:
    words = re.sub(r"\s+", " ", hit.parts["a"].lower())
    if ctx.previous is None:
        return _Value(None, note="no antecedent")
    value = ctx.previous.value
    if words.endswith(("day", "night", "morning", "evening", "afternoon")):
        base = day_of(value)
        if base is None:
            return _Value(None, note="no antecedent day")
        part = words.rsplit(" ", 1)[1]
        value = base.isoformat() + (f"T{g.parts[part]}" if part != "day" else "")
    mod = {
        "since then": "ON_OR_AFTER",
        "until then": "ON_OR_BEFORE",
        "till then": "ON_OR_BEFORE",
        "by then": "ON_OR_BEFORE",
    }.get(words, ctx.previous.mod)
    return _Value(value, mod=mod, note=f"from {ctx.previous.text!r}")


def _anaphor_day(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    direction = (hit.parts.get("dir") or hit.parts.get("dir2") or "").lower()
    base = day_of(ctx.previous.value) if ctx.previous else None
    if base is None:
        return _Value(None, note="no antecedent")
    offset = -1 if direction in {"previous", "preceding", "before"} else 1
    return _Value((base + timedelta(days=offset)).isoformat(), note=f"from {ctx.previous.text!r}")  # type: ignore[union-attr]


def _duration(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    if "vague" in p:
        unit = _VAGUE_UNITS[p["vague"].lower()]
        amount = "X"
    else:
        unit = g.unit(p["u"])
        amount = g.number(p["n"]) if "n" in p else "1"
    if amount is None:
        amount = "X"
    value = f"PT{amount}{unit[1:]}" if unit.startswith("T") else f"P{amount}{unit}"
    return _Value(value, type="DURATION", mod=_mod(p))


def _ref(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    word = re.sub(r"\s+", " ", hit.parts["r"].lower())
    return _Value(_REFS.get(word, "PAST_REF"))


def _set(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value:
    p = hit.parts
    if "wd" in p:
        return _Value(f"XXXX-WXX-{g.weekdays[p['wd'].lower()]}", type="SET")
    word = p["every"].lower().split()[-1]
    unit = {
        "daily": "D",
        "weekly": "W",
        "monthly": "M",
        "annually": "Y",
        "day": "D",
        "week": "W",
        "month": "M",
        "year": "Y",
    }[word]
    return _Value(f"P1{unit}", type="SET")


def _range(hit: Hit, g: TimeGrammar, ctx: _Context) -> _Value | None:
    """Join two end points; a first end point without a year takes it from the second."""
    assert hit.first is not None and hit.last is not None
    last = _normalise(hit.last, g, ctx)
    if last is None or last.value is None:
        return None
    last_bounds = window(last.value)
    first_ctx = ctx
    if last_bounds is not None and "y" not in hit.first.parts:
        first_ctx = _Context(date.fromisoformat(last_bounds[1]), "past", ctx.previous, ctx.text)
    first = _normalise(hit.first, g, first_ctx)
    if first is None or first.value is None:
        return None
    end = last.value.split("/")[-1]
    return _Value(f"{first.value.split('/')[0]}/{end}", anchored=first.anchored and last.anchored)


_HANDLERS = {
    "iso": _calendar_date,
    "numeric": _calendar_date,
    "mdy": _calendar_date,
    "dmy": _calendar_date,
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "year_range": _year_range,
    "decade": _decade,
    "quarter": _quarter,
    "season_year": _season,
    "season": _season,
    "season_in": _season,
    "weekday": _weekday,
    "weekend": _weekend,
    "deictic": _deictic,
    "rel_ago": _rel_ago,
    "rel_later": _rel_later,
    "rel_unit": _rel_unit,
    "anaphor": _anaphor,
    "anaphor_day": _anaphor_day,
    "duration": _duration,
    "duration_the": _duration,
    "year_attr": _year,
    "duration_vague": _duration,
    "ref": _ref,
    "set": _set,
    "range": _range,
}
