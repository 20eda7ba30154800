"""The head index of the time patterns finds exactly what scanning the whole text finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from contactline._timex_scan import HEAD, find_matches, fold, head_index, heads
from contactline.timex import load_time_grammar

GRAMMAR = load_time_grammar()
PATTERNS = [p for _, p in GRAMMAR.patterns]
INDEX = head_index(PATTERNS)

WORDS = [
    "on", "On", "the", "The", "eve", "of", "in", "since", "Since", "between", "and", "from",
    "to", "until", "last", "next", "this", "early", "late", "mid-", "September", "Sept.",
    "May", "may", "march", "March", "Thursday", "Friday", "night", "morning", "weekend",
    "week", "month", "year", "years", "days", "ago", "later", "earlier", "three", "a", "an",
    "2020", "1992", "27", "3rd", "2023-03-31", "29.09.2020", "1990s", "spring", "summer",
    "fall", "quarter", "first", "every", "daily", "now", "recently", "at", "that", "moment",
    "same", "day", "before", "after", "troops", "summit", "Good", "Times", "SEPTEMBER",
    "ſince", "\u212aiev", "\u0663\u0660", "İn", "yesterday", "tonight", "for", "over",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", "\n", "\n\n", " - ", "\u2013", "-", ". ", "/", ""]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
).map(lambda parts: "".join(w + s for w, s in parts))


def spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(text=texts, cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_timex_scan_matches_equal_full_scan(text, cut):
    start, end = sorted((min(cut[0], len(text)), min(cut[1], len(text))))
    found = find_matches(text, PATTERNS, INDEX, start, end)
    for pattern, got in zip(PATTERNS, found, strict=True):
        assert spans(got) == spans(list(pattern.finditer(text, start, end))), pattern.pattern[:60]


def test_timex_scan_every_grammar_pattern_has_heads():
    assert INDEX.everywhere == ()
    assert all(heads(p) for p in PATTERNS)


def test_timex_scan_heads_of_a_case_insensitive_word_cover_every_spelling():
    assert heads(re.compile(r"\b(?i:since)\s+(?P<y>\d{4})")) == {"since"[:HEAD]}
    assert fold("\u017f") == "s" and fold("\u212a") == "k" and fold("\u0663") == "0"
    assert fold("I") == fold("\u0131") == fold("\u0130") == "i"


def test_timex_scan_heads_of_digits_and_short_words():
    # digits fold to 0, a space stands for any run of non-word characters
    found = heads(re.compile(r"\b(?:\d+|a)\s+days?\b"))
    assert found is not None
    assert {"a day"[:HEAD], "0 day"[:HEAD], "00 da"[:HEAD]} <= found
    assert all(h[0] in "0a" and len(h) <= HEAD for h in found)


def test_timex_scan_unbounded_patterns_run_everywhere():
    assert heads(re.compile(r"(?:in)\s+2020")) is None  # no leading word boundary
    assert heads(re.compile(r"\b(?:in)?")) is None  # may match empty text
    assert heads(re.compile(r"\b[^x]+")) is None  # a negated set bounds nothing
    index = head_index([re.compile(r"\b[^x]+"), re.compile(r"\bon\b")])
    assert index.everywhere == (0,) and index.heads == {"on": (1,)}
    text = "xon on"
    patterns = [re.compile(r"\b[^x]+"), re.compile(r"\bon\b")]
    found = find_matches(text, patterns, index, 0, len(text))
    assert [m.span() for m in found[0]] == [(3, 6)] and [m.span() for m in found[1]] == [(4, 6)]
