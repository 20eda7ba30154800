"""The surface grammar of English time expressions: the word lexicon and the text patterns.

This module only finds where time expressions are and what their parts say
(``{"m": "September", "d": "27"}``); ``contactline.timex`` turns the parts into TIMEX3
values against the publication date and the tense of the clause. The words (months,
weekdays, number words, seasons, parts of day, units, and the nouns naming events: 'the eve
of the summit' is not the day before publication, 'the 2015 deal' is a year) live in
``data/time/lexicon.tsv``.

Patterns are regular expressions over the text. Month and weekday names are matched
case-sensitively (so the modal 'may' and the verb 'march' are not months); function
words are matched in any case. When patterns overlap the longest match wins, then the
earlier pattern in ``_PATTERNS``. A second pass joins neighbouring matches: ranges
('between 1992 and 1994', 'from ... to ...', 'September 27 - October 3'), parts of day
('the night of November 9, 2020') and leading modifiers ('Since 1992', 'until March').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from contactline._timex_scan import HeadIndex, find_matches, head_index
from contactline.errors import DictionaryError

_KINDS = ("month", "weekday", "number", "season", "part", "unit", "event_noun")

#: Kinds of match that denote a calendar date or period and may form ranges.
DATE_KINDS = frozenset(
    {
        "iso",
        "numeric",
        "mdy",
        "dmy",
        "month_year",
        "month",
        "year",
        "decade",
        "season",
        "season_year",
        "season_in",
        "weekday",
        "weekend",
        "deictic",
        "rel_unit",
        "rel_ago",
        "year_range",
        "year_attr",
        "quarter",
    }
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One matched time expression before normalisation.

    ``parts`` holds the named pieces the pattern captured (month word, day digits...).
    """

    start: int
    end: int
    kind: str
    parts: Mapping[str, str]
    first: Hit | None = None
    last: Hit | None = None
    prefix: str | None = None
    part_of_day: str | None = None


@dataclass(frozen=True, slots=True)
class TimeGrammar:
    """The lexicon of time words and the patterns compiled from it."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, str]
    seasons: Mapping[str, str]
    parts: Mapping[str, str]
    units: Mapping[str, str]
    event_nouns: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...] = field(default=())
    #: where each pattern can start (``_timex_scan.head_index``); ``None`` runs every
    #: pattern over the whole text.
    heads: HeadIndex | None = None

    def number(self, word: str) -> str | None:
        """Return the digits (or ``X`` for a vague count) a number word or numeral stands for."""
        word = word.lower().strip()
        if word.isdigit():
            return str(int(word))
        return self.numbers.get(re.sub(r"\s+", " ", word))

    def unit(self, word: str) -> str:
        """Return the TIMEX3 unit code of a unit word, singular or plural."""
        word = word.lower()
        if word.endswith("ies"):
            word = word[:-3] + "y"
        return self.units.get(word) or self.units[word.rstrip("s")]

    def month(self, word: str) -> int:
        """Return the month number of a month name or abbreviation."""
        return self.months[word.rstrip(".").lower()]


def read_lexicon(path: Path) -> dict[str, dict[str, str]]:
    """Read a ``kind<TAB>word[<TAB>value]`` lexicon.

    Args:
        path: the TSV file.

    Returns:
        ``{kind: {word: value}}`` with words lower-cased.

    Raises:
        DictionaryError: on an unknown kind or a missing value.
    """
    table: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        kind = cells[0]
        if kind not in table:
            raise DictionaryError(str(path), number, f"unknown kind {kind!r}; use one of {_KINDS}")
        if len(cells) < 2 or not cells[1].strip():
            raise DictionaryError(str(path), number, "missing word")
        if kind != "event_noun" and (len(cells) < 3 or not cells[2].strip()):
            raise DictionaryError(str(path), number, f"a {kind} needs a value in the third column")
        table[kind][cells[1].strip().lower()] = cells[2].strip() if len(cells) > 2 else ""
    return table


def build_grammar(path: Path | None = None) -> TimeGrammar:
    """Load the lexicon and compile the patterns.

    Args:
        path: a lexicon file; the packaged ``data/time/lexicon.tsv`` when omitted.

    Returns:
        The grammar.

    Raises:
        DictionaryError: on a malformed lexicon line.
    """
    if path is None:
        path = Path(str(resources.files("contactline") / "data" / "time" / "lexicon.tsv"))
    table = read_lexicon(path)
    grammar = TimeGrammar(
        months={w: int(v) for w, v in table["month"].items()},
        weekdays={w: int(v) for w, v in table["weekday"].items()},
        numbers=table["number"],
        seasons=table["season"],
        parts=table["part"],
        units=table["unit"],
        event_nouns=frozenset(table["event_noun"]),
    )
    patterns = _compile(grammar)
    return replace(grammar, patterns=patterns, heads=head_index([p for _, p in patterns]))


def _alt(words: object, *, title: bool = False) -> str:
    """An alternation of words, longest first; ``title`` capitalises (case-sensitive names)."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    if title:
        return "|".join(re.escape(w[:1].upper() + w[1:]) for w in items)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _compile(g: TimeGrammar) -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = rf"(?P<m>(?:{_alt(g.months, title=True)})\.?)(?![a-z])"
    full_month = rf"(?P<m>{_alt([w for w in g.months if len(w) > 3 or w == 'may'], title=True)})\b"
    wd = rf"(?P<wd>{_alt(g.weekdays, title=True)})\b"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    day2 = r"(?:\s*[-\u2013]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]))?"
    year = r"(?P<y>(?:1[5-9]|20)\d\d)(?![\d:])"
    num = rf"(?P<n>\d+|(?i:{_alt(g.numbers)}))"
    unit = rf"(?P<u>(?i:{_alt(g.units)})(?i:s)?)\b"
    cal_unit = r"(?P<u>(?i:week|month|year|weekend|decade|century))\b"
    season = rf"(?P<s>(?i:{_alt(g.seasons)}))\b"
    safe_season = rf"(?P<s>(?i:{_alt([s for s in g.seasons if s != 'fall'])}))\b"
    events = _alt(g.event_nouns)
    part = rf"(?P<part>(?i:{_alt(g.parts)}))\b"
    mod = (
        r"(?P<mod>(?i:early|mid-?|late|the\s+(?:end|beginning|start|middle|first\s+half"
        r"|second\s+half)\s+of))"
    )
    prep = (
        r"(?i:\b(?:in|since|until|till|by|from|before|after|during|throughout|through"
        r"|around|of|year|between|and|to|as\s+of))\s+"
    )
    patterns = {
        "iso": r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b",
        "numeric": r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{4})\b"
        r"|\b(?P<m2>[0-3]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>\d{4})\b",
        "mdy": rf"(?:{wd},?\s+(?:(?i:the)\s+)?)?{month}\s+{day}{day2}(?:,?\s+{year})?",
        "dmy": rf"(?:{wd},?\s+)?(?:(?i:the)\s+)?{day}{day2}(?:\s+(?i:of))?\s+{month}"
        rf"(?:,?\s+{year})?",
        "month_year": rf"(?:{mod}\s*)?{month},?\s+(?:(?i:of)\s+)?{year}",
        "month": rf"(?:{prep})?(?P<core>(?:(?P<shift>(?i:last|this|next))\s+|{mod}\s*)?"
        rf"{full_month})(?![.,]?\s*\d)",
        "year_range": rf"\b{year}\s*[-\u2013\u2014]\s*(?P<y2>\d{{4}}|\d\d)(?![\d-])",
        "year": rf"(?:{prep})?(?P<core>(?:{mod}\s*)?\b{year})(?![-\u2013]\d)",
        "year_attr": rf"(?i:the|a|an|its|their|his|her)\s+(?P<core>{year})"
        rf"(?=\s+(?:[a-z]+\s+){{0,2}}(?:{events})\b)",
        "decade": rf"(?:(?i:the)\s+)?(?:{mod}\s*)?(?P<dec>(?:1[5-9]|20)\d)0s\b",
        "quarter": rf"(?i:the\s+)?(?P<q>(?i:first|second|third|fourth))\s+(?i:quarter)"
        rf"\s+(?i:of)\s+{year}",
        "season_year": rf"(?:(?i:the)\s+)?{season}(?:\s+(?i:of))?\s+{year}",
        "season": rf"(?P<shift>(?i:last|this|next|past|coming))\s+{season}",
        "season_in": rf"(?i:in|during|by|until|over|since)\s+"
        rf"(?P<core>(?i:the\s+)?{safe_season})(?!\s+of)",
        "weekday": rf"(?:(?P<on>(?i:on))\s+)?(?:(?P<mod>(?i:early|late))\s+)?"
        rf"(?:(?P<shift>(?i:last|this|next|coming|past))\s+)?"
        rf"(?<!Good )(?<!Bloody )(?<!Black )(?<!Holy ){wd}(?:\s+{part})?"
        rf"(?!\s+(?:Times|Telegraph|Express|Mail|Post|Herald|Mirror|Observer|Tribune)\b)",
        "deictic": r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today"
        r"|yesterday|tomorrow|tonight|overnight|last\s+night))\b(?:\s+(?P<part>(?i:morning"
        r"|afternoon|evening|night))\b)?|(?i:this)\s+(?P<part2>(?i:morning|afternoon|evening))\b",
        "weekend": r"(?i:over|during|at|on|this\s+past)\s+(?P<core>(?i:the)\s+(?i:weekend))\b",
        "eve": r"(?:(?P<on>(?i:on))\s+)?(?i:the)\s+(?i:eve)\b",
        "rel_ago": rf"{num}\s+{unit}\s+(?i:ago)\b",
        "rel_later": rf"{num}\s+{unit}\s+"
        rf"(?P<dir>(?i:later|earlier|afterwards?|before\s+that|after\s+that))\b",
        "rel_unit": rf"(?:(?P<mod>(?i:early|mid-?|late|earlier|later|the\s+(?:end|beginning|start"
        rf"|middle)\s+of))\s*)?(?P<shift>(?i:last|this|next|coming|previous|current)"
        # "the start of the year", "by the end of the month": the current one
        r"|(?<=of\s)(?i:the)(?=\s+(?i:week|month|year)\b))"
        rf"\s+{cal_unit}",
        "anaphor": r"(?P<a>(?i:at\s+that\s+(?:moment|time|point)|at\s+the\s+time|(?:on\s+)?(?:that"
        r"|the\s+same)\s+(?:day|night|morning|evening|afternoon)|(?:by|until|since|till)"
        r"\s+then))\b",
        "anaphor_day": r"(?:(?i:on)\s+)?(?i:the)\s+(?P<dir>(?i:next|following|previous|preceding))"
        r"\s+(?i:day)\b|(?i:the\s+day)\s+(?P<dir2>(?i:before|after))\b"
        r"(?!\s+(?i:the|a|an|his|her|its|their|this|that|yesterday|tomorrow)\b)",
        "duration": rf"(?:(?P<the>(?i:the\s+(?:past|last|next|previous|coming|following)))\s+)?"
        rf"(?:(?P<mod>(?i:more\s+than|over|almost|nearly|about|around|at\s+least|less"
        rf"\s+than|up\s+to|some))\s+)?{num}(?:\s+|-){unit}(?:-long)?",
        "duration_the": rf"(?P<the>(?i:the\s+(?:past|last|previous)))\s+{cal_unit}",
        "duration_vague": r"(?i:for\s+|over\s+)(?:(?i:many|several)\s+)?(?P<core>"
        r"(?P<vague>(?i:years|decades|months|weeks|days|centuries|hours)))\b",
        "ref": r"\b(?P<r>(?i:currently|at\s+present|at\s+the\s+moment|nowadays|presently|now"
        r"|recently|lately|in\s+recent\s+(?:days|weeks|months|years)|in\s+the\s+past"
        r"|in\s+the\s+(?:near\s+)?future|these\s+days|formerly|previously|to\s+date))\b",
        "set": rf"\b(?P<every>(?i:every\s+(?:day|week|month|year)|each\s+day|daily|weekly|monthly"
        rf"|annually))\b|(?i:every)\s+{wd}",
    }
    return tuple((name, re.compile(rf"\b(?:{rx})")) for name, rx in patterns.items())


def find_hits(text: str, grammar: TimeGrammar, start: int = 0, end: int | None = None) -> list[Hit]:
    """Find the time expressions in ``text[start:end]``, overlaps resolved, neighbours joined.

    Args:
        text: the document text.
        grammar: the loaded grammar.
        start: where to start looking.
        end: where to stop (the end of the text when omitted).

    Returns:
        Hits in text order.
    """
    end = len(text) if end is None else end
    compiled = [p for _, p in grammar.patterns]
    if grammar.heads is None:
        matches = [list(p.finditer(text, start, end)) for p in compiled]
    else:
        # the same matches as finditer, tried only at the word starts a pattern can begin at
        matches = find_matches(text, compiled, grammar.heads, start, end)
    found: list[tuple[int, int, int, Hit]] = []
    for order, (kind, _) in enumerate(grammar.patterns):
        for m in matches[order]:
            span_start, span_end = (
                m.span("core") if "core" in m.re.groupindex and m.group("core") else m.span()
            )
            parts = {k: v for k, v in m.groupdict().items() if v is not None}
            if not _acceptable(kind, parts, text, m.start(), span_start):
                continue
            found.append((span_start, span_end, order, Hit(span_start, span_end, kind, parts)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for s, e, _, hit in found:
        if all(e <= a or s >= b for a, b in taken):
            chosen.append(hit)
            taken.append((s, e))
    chosen.sort(key=lambda h: h.start)
    return _join(text, chosen, grammar)


def _acceptable(kind: str, parts: Mapping[str, str], text: str, at: int, core: int) -> bool:
    """Reject matches that the regular expressions cannot rule out by themselves."""
    if "d" in parts and kind in {"mdy", "dmy"} and not 1 <= int(parts["d"]) <= 31:
        return False
    if kind in {"year", "month"}:
        # a bare number or month name is a time only after a temporal preposition or with a
        # modifier ('in 1992', 'early 2020', 'last March'); 'and'/'to' only close a range
        # opened by 'between'/'from' ('between 1992 and 1994', not '2000 troops and 1500')
        cue = text[at:core].strip().lower()
        if cue in {"and", "to"}:
            return bool(_RANGE_START.search(text, max(0, at - 40), at))
        return at < core or "mod" in parts or "shift" in parts
    if kind == "duration" and parts.get("n", "").lower() in {"a", "an"}:
        return (
            "the" in parts
            or "mod" in parts
            or bool(
                re.search(
                    r"(?i:\b(?:for|within|over|after|in|than))\s+$", text[max(0, at - 12) : at]
                )
            )
        )
    return True


_RANGE_START = re.compile(
    r"(?i:\b(?:between|from))\s+(?:[A-Z][a-z]+\.?\s+)?(?:(?:1[5-9]|20)\d\d|[A-Z][a-z]+)\s*$"
)
_RANGE_GAP = re.compile(r"^\s*(?:[-\u2013\u2014]|(?i:to|until|till|through|and))\s*$")
_RANGE_OPEN = re.compile(r"(?i:\b(from|between))\s+$")
_PREFIX = re.compile(r"(?i:\b(since|until|till|before|after|as\s+of|prior\s+to))\s+$")
_PART_OF = re.compile(r"(?i:\bthe\s+(morning|afternoon|evening|night)\s+of)\s+$")


def _join(text: str, hits: list[Hit], grammar: TimeGrammar) -> list[Hit]:
    """Join ranges, parts of day and leading modifiers onto their neighbours."""
    joined: list[Hit] = []
    i = 0
    while i < len(hits):
        hit = _decorate(text, hits[i])
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and hit.kind in DATE_KINDS and nxt.kind in DATE_KINDS and not hit.prefix:
            gap = text[hit.end : nxt.start]
            opener = _RANGE_OPEN.search(text, max(0, hit.start - 12), hit.start)
            word = gap.strip().lower()
            dash = word in {"-", "\u2013", "\u2014"}
            if (
                _RANGE_GAP.match(gap)
                and "\n" not in gap
                and (dash or (opener and (word == "and") == (opener.group(1).lower() == "between")))
            ):
                start = opener.start() if opener else hit.start
                joined.append(Hit(start, nxt.end, "range", {}, first=hit, last=nxt))
                i += 2
                continue
        joined.append(hit)
        i += 1
    return joined


def _decorate(text: str, hit: Hit) -> Hit:
    """Attach a part of day ('the night of ...') or a leading modifier ('since ...')."""
    window_start = max(0, hit.start - 30)
    if hit.kind in {"iso", "numeric", "mdy", "dmy", "weekday", "deictic"}:
        m = _PART_OF.search(text, window_start, hit.start)
        if m:
            return Hit(m.start(), hit.end, hit.kind, hit.parts, part_of_day=m.group(1).lower())
    if hit.kind in DATE_KINDS:
        m = _PREFIX.search(text, window_start, hit.start)
        if m:
            prefix = re.sub(r"\s+", " ", m.group(1).lower())
            return Hit(m.start(), hit.end, hit.kind, hit.parts, prefix=prefix)
    return hit
