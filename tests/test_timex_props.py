"""Property tests of the time stage: written dates read back as themselves for any anchor."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from contactline.timex import extract_times, load_time_grammar, window

GRAMMAR = load_time_grammar()
ABBREVIATED = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))
anchors = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


def written(day: date, form: int) -> str:
    """``day`` in one of the formats news copy uses."""
    month = day.strftime("%B")
    short = ABBREVIATED.get(day.month, month)
    return [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        day.isoformat(),
        f"{short} {day.day}, {day.year}",
        f"{month} {day.day}{SUFFIX.get(day.day, 'th')}, {day.year}",
        f"{WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        f"the {day.day}{SUFFIX.get(day.day, 'th')} of {month} {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ][form]


@settings(max_examples=150, deadline=None)
@given(day=days, form=st.integers(0, 7), anchor=anchors, past=st.booleans())
def test_timex_props_written_date_reads_back(nlp, day, form, anchor, past):
    text = written(day, form)
    sentence = f"The talks {'were held' if past else 'will be held'} on {text} in Geneva."
    times = extract_times(nlp(sentence), GRAMMAR, published=anchor)
    assert [(t.text, t.value, t.anchored) for t in times] == [(text, day.isoformat(), True)]


@settings(max_examples=100, deadline=None)
@given(
    anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    weekday=st.integers(0, 6),
    past=st.booleans(),
)
def test_timex_props_weekday_lies_within_a_week_of_publication(nlp, anchor, weekday, past):
    verb = "said" if past else "will say"
    sentence = f"The ministry {verb} on {WEEKDAYS[weekday]} that the road is open."
    (time,) = extract_times(nlp(sentence), GRAMMAR, published=anchor)
    day = date.fromisoformat(time.value)
    assert day.weekday() == weekday
    offset = (day - anchor).days
    assert (-6 <= offset <= 0) if past else (0 <= offset <= 6)


@settings(max_examples=100, deadline=None)
@given(
    day=days,
    past=st.booleans(),
    anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
)
def test_timex_props_partial_date_keeps_month_and_day_and_follows_tense(nlp, day, past, anchor):
    text = f"{day.strftime('%B')} {day.day}"
    sentence = f"The talks {'were held' if past else 'will be held'} on {text}."
    (time,) = extract_times(nlp(sentence), GRAMMAR, published=anchor)
    resolved = date.fromisoformat(time.value)
    assert (resolved.month, resolved.day) == (day.month, day.day)
    assert (resolved <= anchor) if past else (resolved >= anchor)
    assert abs(resolved - anchor) <= timedelta(days=366 * 4 + 1)


@given(
    value=st.one_of(
        days.map(date.isoformat),
        days.map(lambda d: d.isoformat()[:7]),
        st.integers(1000, 2999).map(str),
        st.tuples(days, days).map(lambda p: f"{min(p).isoformat()}/{max(p).isoformat()}"),
    )
)
def test_timex_props_window_is_ordered_and_covers_the_value(value):
    first, last = window(value)
    assert first <= last
    assert first.startswith(value.split("/")[0][:4])
