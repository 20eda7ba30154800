"""Tests of the time stage: tagging, TIMEX3 values, anchoring by tense, and event dating."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from contactline._timex_grammar import build_grammar
from contactline.errors import DictionaryError, InputError
from contactline.records import TimeExpr
from contactline.timex import (
    check_expression,
    date_at,
    extract_times,
    load_expression_set,
    load_time_grammar,
    window,
)

DATA = Path(__file__).parent / "data"
TUESDAY = date(2020, 9, 29)
FRIDAY = date(2023, 3, 31)


@pytest.fixture(scope="module")
def grammar():
    return load_time_grammar()


def times_of(nlp: Language, grammar, text: str, published: date | None) -> list[TimeExpr]:
    return extract_times(nlp(text), grammar, published=published)


def value_of(nlp: Language, grammar, text: str, expr: str, published: date | None) -> str | None:
    for time in times_of(nlp, grammar, text, published):
        if time.text == expr:
            return time.value
    raise AssertionError(f"{expr!r} not tagged in {text!r}")


def test_timex_accuracy_on_expression_set(nlp, grammar, metrics):
    cases = load_expression_set(DATA / "timex_set.jsonl")
    assert len(cases) >= 200
    results = [
        check_expression(doc, case, grammar)
        for case, doc in zip(cases, nlp.pipe(c.sentence for c in cases))
    ]
    right = sum(ok for ok, _ in results)
    accuracy = right / len(cases)
    missed = [
        f"{case.text!r} want {case.value}, got {found and found.value}"
        for case, (ok, found) in zip(cases, results)
        if not ok
    ]
    metrics.record("timex value accuracy", accuracy, f"{right}/{len(cases)} " + "; ".join(missed))
    assert accuracy >= 0.95, missed


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "On Thursday, the ministry said the forces had taken control.",
            "On Thursday",
            "2023-03-30",
        ),
        ("Shuvalov said on Friday.", "on Friday", "2023-03-31"),
        ("The ministers will meet on Monday.", "on Monday", "2023-04-03"),
        ("The ministers will meet on Friday.", "on Friday", "2023-03-31"),
        ("The rebels attacked last Friday.", "last Friday", "2023-03-24"),
        ("The talks resume next Friday.", "next Friday", "2023-04-07"),
    ],
)
def test_timex_weekday_follows_tense(nlp, grammar, text, expr, value):
    assert value_of(nlp, grammar, text, expr, FRIDAY) == value


def test_timex_partial_date_year_follows_tense(nlp, grammar):
    assert value_of(nlp, grammar, "They met on October 5.", "October 5", TUESDAY) == "2019-10-05"
    assert (
        value_of(nlp, grammar, "They will meet on October 5.", "October 5", TUESDAY) == "2020-10-05"
    )


def test_timex_weekday_beside_date_chooses_the_year(nlp, grammar):
    text = "On Friday, March 31, the organization said it was ready."
    assert value_of(nlp, grammar, text, "Friday, March 31", date(2023, 4, 3)) == "2023-03-31"


def test_timex_weekday_conflict_keeps_the_date_and_says_so(nlp, grammar):
    (time,) = times_of(nlp, grammar, "It came on Monday, September 29.", TUESDAY)
    assert time.value == "2020-09-29"
    assert "weekday conflict" in time.rule


def test_timex_eve_is_the_day_before_publication(nlp, grammar):
    text = "On the eve of the CSTO Secretary General Stanislav Zas called on Yerevan to cease fire."
    assert value_of(nlp, grammar, text, "On the eve", TUESDAY) == "2020-09-28"


def test_timex_eve_of_an_event_has_no_value(nlp, grammar):
    (time,) = times_of(nlp, grammar, "Clashes erupted on the eve of the summit.", TUESDAY)
    assert time.value is None
    assert time.rule == "eve:eve_of_event"


def test_timex_since_is_an_open_start(nlp, grammar):
    (time,) = times_of(nlp, grammar, "Since 1992, talks have been underway.", TUESDAY)
    assert (time.text, time.value, time.mod) == ("Since 1992", "1992", "ON_OR_AFTER")


def test_timex_ranges(nlp, grammar):
    assert value_of(nlp, grammar, "It raged in 1992-1994.", "1992-1994", TUESDAY) == "1992/1994"
    text = "It raged between 1992 and 1994."
    assert value_of(nlp, grammar, text, "between 1992 and 1994", TUESDAY) == "1992/1994"


def test_timex_anaphor_takes_previous_value(nlp, grammar):
    text = (
        "On the night of November 9, 2020, leaders signed a statement. "
        "The sides stopped at that moment."
    )
    assert value_of(nlp, grammar, text, "at that moment", FRIDAY) == "2020-11-09TNI"


def test_timex_anaphor_without_antecedent_has_no_value(nlp, grammar):
    (time,) = times_of(nlp, grammar, "The sides stopped at that moment.", FRIDAY)
    assert time.value is None


def test_timex_unanchored_values_stay_relative(nlp, grammar):
    times = times_of(nlp, grammar, "On Thursday, yesterday's talks on September 27 failed.", None)
    assert [(t.value, t.anchored) for t in times] == [
        ("XXXX-WXX-4", False),
        (None, False),
        ("XXXX-09-27", False),
    ]


def test_timex_spans_point_into_the_text(nlp, grammar):
    text = "Fighting broke out on September 27, 2020, and stopped in November."
    for time in times_of(nlp, grammar, text, TUESDAY):
        assert text[time.span.start : time.span.end] == time.text


def test_timex_numbers_are_not_years_without_a_cue(nlp, grammar):
    assert (
        times_of(nlp, grammar, "The army deployed 2000 soldiers and 1500 vehicles.", TUESDAY) == []
    )


def test_timex_may_the_modal_is_not_a_month(nlp, grammar):
    assert times_of(nlp, grammar, "The talks may resume, officials said.", TUESDAY) == []


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("2020-09-28", ("2020-09-28", "2020-09-28")),
        ("1988-02", ("1988-02-01", "1988-02-29")),
        ("1992/1994", ("1992-01-01", "1994-12-31")),
        ("2020-11-09TNI", ("2020-11-09", "2020-11-10")),
        ("2020-W39", ("2020-09-21", "2020-09-27")),
        ("2022-SU", ("2022-06-01", "2022-08-31")),
        ("2022-WI", ("2022-12-01", "2023-02-28")),
        ("2023-Q1", ("2023-01-01", "2023-03-31")),
        ("199", ("1990-01-01", "1999-12-31")),
        ("P3D", None),
        ("PRESENT_REF", None),
        ("XXXX-09-27", None),
    ],
)
def test_timex_window(value, days):
    assert window(value) == days


def test_timex_malformed_lexicon_line_names_file_and_line(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("month\tJanuary\t1\nmonthe\tFebruary\t2\n")
    with pytest.raises(DictionaryError, match=r"lexicon.tsv:2: unknown kind"):
        build_grammar(path)


# --- dating events and statements


def dated(nlp, grammar, text: str, word: str, published: date | None, nth: int = 0):
    doc = nlp(text)
    times = extract_times(doc, grammar, published=published)
    token = [t for t in doc if t.text == word][nth]
    return date_at(doc, token.i, times, published=published)


def test_timex_date_at_governing_time(nlp, grammar):
    text = "Another aggravation took place on September 27. The ministry reported shelling."
    when = dated(nlp, grammar, text, "took", TUESDAY)
    assert (when.start, when.end) == ("2020-09-27", None)
    assert "governs" in when.basis


def test_timex_date_at_window_from_last_recent_date(nlp, grammar):
    text = "Another aggravation took place on September 27. The ministry reported shelling."
    when = dated(nlp, grammar, text, "reported", TUESDAY)
    assert (when.start, when.end) == ("2020-09-27", "2020-09-29")


def test_timex_date_at_after_the_eve(nlp, grammar):
    text = "On the eve, Zas called for a ceasefire. The organization also raised concern."
    when = dated(nlp, grammar, text, "raised", TUESDAY)
    assert (when.start, when.end) == ("2020-09-28", "2020-09-29")


def test_timex_date_at_background_does_not_open_the_window(nlp, grammar):
    text = (
        "The war began in February 1988. Since 1992, talks have been underway. "
        "Today the army reported new shelling. Troops shelled the town."
    )
    when = dated(nlp, grammar, text, "shelled", TUESDAY)
    assert (when.start, when.end) == ("2020-09-29", "2020-09-29")
    text = (
        "The war began in February 1988. Since 1992, talks have been held. Troops shelled the town."
    )
    when = dated(nlp, grammar, text, "shelled", TUESDAY)
    assert (when.start, when.end) == (None, "2020-09-29")


def test_timex_date_at_since_runs_to_publication(nlp, grammar):
    text = "Since 1992, negotiations have been held within the OSCE Minsk Group."
    when = dated(nlp, grammar, text, "held", TUESDAY)
    assert (when.start, when.end) == ("1992", "2020-09-29")


def test_timex_date_at_range(nlp, grammar):
    text = "In the armed confrontation in 1992-1994, Azerbaijan lost control over the region."
    when = dated(nlp, grammar, text, "lost", TUESDAY)
    assert (when.start, when.end) == ("1992", "1994")


def test_timex_date_at_statement_is_the_saying_date(nlp, grammar):
    text = "The CSTO is ready to send a mission, Yury Shuvalov said on Friday."
    assert dated(nlp, grammar, text, "said", FRIDAY).start == "2023-03-31"
    assert dated(nlp, grammar, text, "is", FRIDAY).start == "2023-03-31"


def test_timex_date_at_pluperfect_claim_ends_at_saying_date(nlp, grammar):
    text = "On Thursday, Azerbaijan's top brass said that the forces had taken control of heights."
    when = dated(nlp, grammar, text, "taken", FRIDAY)
    assert (when.start, when.end) == ("2023-03-01", "2023-03-30")
    assert dated(nlp, grammar, text, "said", FRIDAY).start == "2023-03-30"


def test_timex_date_at_anaphor_in_sentence(nlp, grammar):
    text = (
        "On the night of November 9, 2020, the leaders signed a statement. The sides stopped "
        "at that moment, and Russian peacekeepers were deployed at the contact line."
    )
    when = dated(nlp, grammar, text, "deployed", FRIDAY)
    assert (when.start, when.end) == ("2020-11-09", "2020-11-10")


def test_timex_date_at_without_publication_date(nlp, grammar):
    assert dated(nlp, grammar, "Troops shelled the town.", "shelled", None) is None
    text = "Fighting resumed on April 15, 2023. Troops shelled the town."
    when = dated(nlp, grammar, text, "shelled", None)
    assert (when.start, when.end) == ("2023-04-15", None)


# --- the seeds


SEED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


@pytest.mark.parametrize("stem", ["000_1b34881ca0a22c74", "002_cb2353d6230e5346"])
def test_timex_seed_times(nlp, grammar, stem):
    gold_path = SEED_GOLD / f"{stem}.json"
    if not gold_path.exists():
        pytest.skip("gold annotations not available")
    gold = json.loads(gold_path.read_text())
    text = (SEED_GOLD.parent / "seeds" / f"{stem}.txt").read_text()
    published = date.fromisoformat(gold["document"]["published"])
    times = extract_times(nlp(text), grammar, published=published)
    for want in gold["times"]:
        found = [t for t in times if want["text"].lower() in t.text.lower()]
        assert found, want["text"]
        assert found[0].value.startswith(want["value"]), want["text"]


def test_timex_leap_day_without_year_finds_a_leap_year(nlp, grammar):
    text = "The strike hit the convoy on February 29."
    assert value_of(nlp, grammar, text, "February 29", date(2022, 6, 1)) == "2020-02-29"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Drones struck the city over the weekend.", TUESDAY, "2020-W39-WE"),
        ("Talks will resume at the weekend.", TUESDAY, "2020-W40-WE"),
        ("Police fired on protesters over the weekend.", date(2021, 2, 28), "2021-W08-WE"),
    ],
)
def test_timex_weekend_follows_tense(nlp, grammar, text, published, value):
    assert value_of(nlp, grammar, text, "the weekend", published) == value


def test_timex_present_tense_weekday_is_a_schedule(nlp, grammar):
    text = "The 30-day truce expires at midnight on Sunday."
    assert value_of(nlp, grammar, text, "on Sunday", date(2024, 1, 10)) == "2024-01-14"


def test_timex_year_before_an_event_noun(nlp, grammar):
    text = "The 2015 nuclear deal collapsed after 2000 troops arrived."
    assert [(t.text, t.value) for t in times_of(nlp, grammar, text, TUESDAY)] == [("2015", "2015")]


def test_timex_date_at_adverbial_beats_date_inside_a_noun_phrase(nlp, grammar):
    text = "On Monday, the president recalled the 1994 ceasefire agreement."
    assert dated(nlp, grammar, text, "recalled", TUESDAY).start == "2020-09-28"


def test_timex_date_at_reported_clause_has_its_own_time(nlp, grammar):
    text = "Azerbaijan said on Monday that Armenian forces shelled Tartar on Sunday."
    assert dated(nlp, grammar, text, "shelled", TUESDAY).start == "2020-09-27"
    assert dated(nlp, grammar, text, "said", TUESDAY).start == "2020-09-28"


def test_timex_date_at_future_date_does_not_open_a_window(nlp, grammar):
    text = "Talks will be held next week. The army shelled the town."
    when = dated(nlp, grammar, text, "shelled", TUESDAY)
    assert (when.start, when.end) == (None, "2020-09-29")


def test_timex_expression_set_bad_line_names_the_line(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text(
        '{"sentence": "x", "published": null, "text": "x", "value": null}\n{"text": 1}\n'
    )
    with pytest.raises(InputError, match=r"set.jsonl:2: not an expression case"):
        load_expression_set(path)


def test_timex_part_of_day_is_a_time(nlp, grammar):
    text = "On the night of November 9, 2020, they signed. Shelling was heard on Monday evening."
    times = times_of(nlp, grammar, text, FRIDAY)
    assert [(t.value, t.type) for t in times] == [
        ("2020-11-09TNI", "TIME"),
        ("2023-03-27TEV", "TIME"),
    ]


def test_timex_date_at_recent_means_within_a_quarter_of_publication(nlp, grammar):
    recent = "Fighting resumed on August 1. Troops shelled the town."
    assert dated(nlp, grammar, recent, "shelled", TUESDAY).start == "2020-08-01"
    old = "Fighting resumed on May 1. Troops shelled the town."
    assert dated(nlp, grammar, old, "shelled", TUESDAY).start is None


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Times reported the talks.",
        "The Good Friday Agreement ended the conflict.",
        "Between 1500-2000 soldiers crossed the border.",
        "The army sent 2000-2500 troops to the front.",
    ],
)
def test_timex_names_and_counts_are_not_times(nlp, grammar, text):
    assert times_of(nlp, grammar, text, TUESDAY) == []


def test_timex_year_range_before_an_event_noun(nlp, grammar):
    text = "The 1992-1994 clashes displaced many."
    assert value_of(nlp, grammar, text, "1992-1994", TUESDAY) == "1992/1994"


def test_timex_date_at_past_act_in_the_current_month_ends_at_publication(nlp, grammar):
    text = "Burhan, speaking to troops earlier this month, vowed to fight on."
    got = dated(nlp, grammar, text, "vowed", date(2024, 6, 12))
    assert (got.start, got.end) == ("2024-06", "2024-06-12")
    text = "Blinken will travel to Israel this month."
    got = dated(nlp, grammar, text, "travel", date(2024, 6, 12))
    assert (got.start, got.end) == ("2024-06", None)


def test_timex_date_at_skips_dates_of_relative_clauses(nlp, grammar):
    text = (
        "The European Union, which has deployed a mission on the border since February 2023, "
        "welcomed the decision."
    )
    got = dated(nlp, grammar, text, "welcomed", date(2024, 4, 19))
    assert got is not None and got.start != "2023-02"


def test_timex_date_at_keeps_recent_dates_of_relative_clauses(nlp, grammar):
    text = (
        "Hezbollah fired rockets in retaliation for a strike that killed ten people on Wednesday."
    )
    got = dated(nlp, grammar, text, "fired", date(2024, 8, 16))
    assert got is not None and got.start == "2024-08-14"


def test_timex_date_at_earlier_this_month_ends_at_publication(nlp, grammar):
    text = "Burhan vowed earlier this month to fight on."
    got = dated(nlp, grammar, text, "fight", date(2024, 6, 12))
    assert (got.start, got.end) == ("2024-06", "2024-06-12")


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("Since the start of the year, 400 people died.", "2024", "ON_OR_AFTER"),
        ("The truce expires at the end of the month.", "2024-06", "END"),
        ("The deal is due by the end of the week.", "2024-W24", "END"),
    ],
)
def test_timex_part_of_the_current_unit(nlp, grammar, text, value, mod):
    (time,) = times_of(nlp, grammar, text, date(2024, 6, 12))
    assert (time.value, time.mod) == (value, mod)


def test_timex_end_of_the_day_idiom_is_no_date(nlp, grammar):
    assert times_of(nlp, grammar, "At the end of the day the plan failed.", date(2024, 6, 12)) == []


def test_timex_date_at_future_clause_opens_no_window(nlp, grammar):
    text = (
        "The talks ended on Thursday. War may break out by the end of the week, he warned. "
        "The ministry welcomed the deal."
    )
    got = dated(nlp, grammar, text, "welcomed", date(2024, 4, 19))
    assert (got.start, got.end) == ("2024-04-18", "2024-04-19")


def test_timex_date_at_time_of_a_noun_does_not_date_the_verb(nlp, grammar):
    text = (
        "Talks ended on Thursday. Iran vowed to retaliate for the killing of its envoy in "
        "Beirut late last month."
    )
    vow = dated(nlp, grammar, text, "retaliate", date(2024, 8, 16))
    assert (vow.start, vow.end) == ("2024-08-15", "2024-08-16")
    killing = dated(nlp, grammar, text, "killing", date(2024, 8, 16))
    assert killing.start == "2024-07"


def test_timex_date_at_day_of_the_subject_dates_its_verb(nlp, grammar):
    text = "Sunday's attack killed five soldiers."
    assert dated(nlp, grammar, text, "killed", TUESDAY).start == "2020-09-27"


def test_timex_date_at_year_naming_an_object_dates_nothing(nlp, grammar):
    text = "Fighting broke out on Monday. The president recalled the 1994 ceasefire."
    when = dated(nlp, grammar, text, "recalled", TUESDAY)
    assert (when.start, when.end) == ("2020-09-28", "2020-09-29")


def test_timex_date_at_vaguer_date_holding_the_last_one_keeps_the_clock(nlp, grammar):
    text = (
        "The mediators met on Friday. They said the plan built on principles set earlier "
        "this month. The group rejected it."
    )
    when = dated(nlp, grammar, text, "rejected", date(2024, 8, 16))
    assert (when.start, when.end) == ("2024-08-16", "2024-08-16")
