"""Tests of casualty counts: kinds, groups, numbers, vague ranges, reporters, places and dates."""

from __future__ import annotations

from datetime import date

import pytest

from contactline.casualties import extract_casualties, load_casualty_lexicon
from contactline.errors import DictionaryError
from contactline.records import Mention, Span
from contactline.timex import extract_times, load_time_grammar

PUBLISHED = date(2020, 9, 29)


@pytest.fixture(scope="module")
def grammar():
    return load_time_grammar()


def read(nlp, grammar, text: str, mentions=(), published: date | None = PUBLISHED):
    doc = nlp(text)
    times = extract_times(doc, grammar, published=published)
    return extract_casualties(doc, list(mentions), times, published=published)


def summary(casualty):
    return (casualty.kind, casualty.group, casualty.count, casualty.low, casualty.high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84 soldiers have been killed in Karabakh.", ("killed", "soldiers", 84, 84, 84)),
        ("At least 12 people died in the shelling.", ("killed", "people", 12, 12, None)),
        (
            "Two civilians were injured when a shell hit their house.",
            ("wounded", "civilians", 2, 2, 2),
        ),
        ("The ministry said three servicemen were missing.", ("missing", "soldiers", 3, 3, 3)),
        (
            "Fifteen soldiers were captured by the rebels near Gao.",
            ("captured", "soldiers", 15, 15, 15),
        ),
        ("Two soldiers were taken prisoner.", ("captured", "soldiers", 2, 2, 2)),
        ("Twenty-five soldiers were killed on Monday.", ("killed", "soldiers", 25, 25, 25)),
        ("Hundreds of people were killed in Khartoum.", ("killed", "people", None, 200, 999)),
        ("More than 100 civilians have died.", ("killed", "civilians", None, 101, None)),
        ("Up to 40 fighters were killed.", ("killed", "fighters", None, None, 40)),
        ("The shelling killed at least 12 people in Kharkiv.", ("killed", "people", 12, 12, None)),
        ("The death toll rose to 45.", ("killed", None, 45, 45, 45)),
        (
            "Baku reported several dozen wounded and killed civilians.",
            ("killed_or_wounded", "civilians", None, 24, 99),
        ),
        (
            "Six children were killed or wounded in the blast.",
            ("killed_or_wounded", "children", 6, 6, 6),
        ),
        ("The strike caused 1,200 casualties.", ("killed_or_wounded", None, 1200, 1200, 1200)),
        ("Gunmen abducted 80 students in Kaduna.", ("captured", "students", 80, 80, 80)),
        ("Twelve people lost their lives in the attack.", ("killed", "people", 12, 12, 12)),
        ("The blast claimed the lives of 15 civilians.", ("killed", "civilians", 15, 15, 15)),
        ("The militants took 50 hostages.", ("captured", "hostages", 50, 50, 50)),
        (
            "Armenia said 2,300 of its troops had died in the war.",
            ("killed", "soldiers", 2300, 2300, 2300),
        ),
        (
            "Israeli strikes have killed more than 30,000 Palestinians in Gaza.",
            ("killed", "people", None, 30001, None),
        ),
        ("Dozens of soldiers were killed or captured.", ("killed", "soldiers", None, 24, 99)),
    ],
)
def test_casualties_kind_group_and_count(nlp, grammar, text, expected):
    (casualty,) = read(nlp, grammar, text)
    assert summary(casualty) == expected


def test_casualties_two_counts_in_one_sentence(nlp, grammar):
    found = read(
        nlp, grammar, "The strike killed 20 civilians and wounded dozens more in Gaza City."
    )
    assert [summary(c) for c in found] == [
        ("killed", "civilians", 20, 20, 20),
        ("wounded", "civilians", None, 24, 99),
    ]
    assert {c.location for c in found} == {"Gaza City"}


def test_casualties_dead_and_wounded_without_a_group(nlp, grammar):
    found = read(nlp, grammar, "The attack left 30 dead and 50 wounded.")
    assert [summary(c) for c in found] == [
        ("killed", None, 30, 30, 30),
        ("wounded", None, 50, 50, 50),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The army deployed 2000 soldiers in 2020.",
        "No soldiers were killed.",
        "Two soldiers were not killed, officials said.",
        "The talks began on September 27, 2020 in Geneva.",
        "Inflation reached 12 percent as 30 soldiers returned home.",
    ],
)
def test_casualties_none_without_a_casualty(nlp, grammar, text):
    assert read(nlp, grammar, text) == []


def test_casualties_reported_by_the_subject_of_a_reporting_verb(nlp, grammar):
    text = "Baku reported several dozen wounded and killed civilians."
    baku = Mention(span=Span(0, 4), text="Baku", party="AZE", kind="state", rule="capital")
    (casualty,) = read(nlp, grammar, text, [baku])
    assert casualty.reported_by == "AZE"


def test_casualties_reported_by_a_trailing_attribution(nlp, grammar):
    text = "Twelve soldiers were killed near Lachin, the Armenian Defense Ministry said."
    start = text.index("the Armenian")
    ministry = Mention(
        span=Span(start, start + len("the Armenian Defense Ministry")),
        text="the Armenian Defense Ministry",
        party="ARM",
        kind="organization",
        sector="MIL",
        rule="ministry",
    )
    (casualty,) = read(nlp, grammar, text, [ministry])
    assert casualty.reported_by == "ARM"


def test_casualties_reported_by_according_to(nlp, grammar):
    text = "At least 45 people were killed in Gaza, according to the Hamas-run health ministry."
    start = text.index("the Hamas")
    ministry = Mention(
        span=Span(start, len(text) - 1),
        text=text[start:-1],
        party="HAMAS",
        kind="organization",
        rule="ministry",
    )
    (casualty,) = read(nlp, grammar, text, [ministry])
    assert (casualty.reported_by, casualty.location) == ("HAMAS", "Gaza")


def test_casualties_without_a_reporter(nlp, grammar):
    (casualty,) = read(nlp, grammar, "84 soldiers have been killed in Karabakh.")
    assert casualty.reported_by is None
    assert casualty.location == "Karabakh"


def test_casualties_dated_by_the_time_stage(nlp, grammar):
    text = "Fighting resumed on September 27. Since then, 84 soldiers have been killed."
    (casualty,) = read(nlp, grammar, text)
    assert (casualty.date.start, casualty.date.end) == ("2020-09-27", "2020-09-29")
    (casualty,) = read(nlp, grammar, "Two soldiers were killed on Monday.")
    assert casualty.date.start == "2020-09-28"


def test_casualties_span_and_evidence_point_into_the_text(nlp, grammar):
    text = "Heavy shelling went on. At least 12 people died in the shelling of Donetsk."
    (casualty,) = read(nlp, grammar, text)
    assert text[casualty.span.start : casualty.span.end] == "At least 12 people died"
    assert casualty.evidence == "At least 12 people died in the shelling of Donetsk."
    assert casualty.rule.startswith("count:killed")


def test_casualties_malformed_lexicon_line_names_file_and_line(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("kind\tkill\tkilled\nkind\tmaim\tmaimed\n")
    with pytest.raises(DictionaryError, match=r"lexicon.tsv:2: unknown casualty kind"):
        load_casualty_lexicon(path)


def test_casualties_count_without_group_before_the_verb(nlp, grammar):
    found = read(nlp, grammar, "At least 12 were killed and 30 wounded in the strike.")
    assert [summary(c) for c in found] == [
        ("killed", None, 12, 12, None),
        ("wounded", None, 30, 30, 30),
    ]


def test_casualties_others_take_the_group_before_them(nlp, grammar):
    text = "Two policemen were killed and three others injured in an ambush near Mopti."
    found = read(nlp, grammar, text)
    assert [summary(c) for c in found] == [
        ("killed", "police", 2, 2, 2),
        ("wounded", "police", 3, 3, 3),
    ]


def test_casualties_coordinated_count_shares_the_group(nlp, grammar):
    found = read(nlp, grammar, "At least 43 civilians were killed and more than 150 wounded.")
    assert [summary(c) for c in found] == [
        ("killed", "civilians", 43, 43, None),
        ("wounded", "civilians", None, 151, None),
    ]


def test_casualties_coordinated_count_shares_the_verb(nlp, grammar):
    found = read(nlp, grammar, "The group said it had killed 50 Russians and 10 Malian soldiers.")
    assert [summary(c) for c in found] == [
        ("killed", "people", 50, 50, 50),
        ("killed", "soldiers", 10, 10, 10),
    ]


def test_casualties_group_after_a_possessive_or_a_compound(nlp, grammar):
    found = read(nlp, grammar, "The strikes killed five of the group's fighters.")
    assert [summary(c) for c in found] == [("killed", "fighters", 5, 5, 5)]
    found = read(nlp, grammar, 'Troops had killed "hundreds of militia fighters" on Tuesday.')
    assert [summary(c) for c in found] == [("killed", "fighters", None, 200, 999)]


def test_casualties_losses_of_people_are_killed_or_wounded(nlp, grammar):
    found = read(nlp, grammar, "Ukraine lost up to 310 servicemen in the past day.")
    assert [summary(c) for c in found] == [("killed_or_wounded", "soldiers", None, None, 310)]
    assert read(nlp, grammar, "The brigade lost three tanks in the battle.") == []


def test_casualties_taken_captive(nlp, grammar):
    found = read(nlp, grammar, "More than 200 people were taken captive.")
    assert [summary(c) for c in found] == [("captured", "people", None, 201, None)]


def test_casualties_counts_included_in_a_toll(nlp, grammar):
    text = "The death toll rose to 89 on Friday, including 31 women and five children."
    found = read(nlp, grammar, text)
    assert [summary(c) for c in found] == [
        ("killed", None, 89, 89, 89),
        ("killed", "women", 31, 31, 31),
        ("killed", "children", 5, 5, 5),
    ]


def test_casualties_toll_as_the_subject_of_a_long_sentence(nlp, grammar):
    text = (
        "The death toll from a drone attack on a military graduation ceremony in the "
        "Syrian city of Homs rose to 89 on Friday."
    )
    found = read(nlp, grammar, text)
    assert [summary(c) for c in found] == [("killed", None, 89, 89, 89)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 12-year-old boy was killed in the shelling.", ("killed", "children", 1, 1, 1)),
        ("A Palestinian man was shot dead by soldiers.", ("killed", "people", 1, 1, 1)),
        ("Rescuers recovered the bodies of 15 people.", ("killed", "people", 15, 15, 15)),
    ],
)
def test_casualties_single_persons_and_bodies(nlp, grammar, text, expected):
    (casualty,) = read(nlp, grammar, text)
    assert summary(casualty) == expected


def test_casualties_second_casualty_verb_shares_the_group(nlp, grammar):
    found = read(nlp, grammar, "Russian shelling killed two civilians and wounded five.")
    assert [summary(c) for c in found] == [
        ("killed", "civilians", 2, 2, 2),
        ("wounded", "civilians", 5, 5, 5),
    ]


def test_casualties_an_article_alone_is_no_count(nlp, grammar):
    assert read(nlp, grammar, "A soldier said the town was quiet after the attack.") == []
