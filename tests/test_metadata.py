"""Metadata read from the text: date lines, navigation, headlines, datelines, years, repeats."""

from __future__ import annotations

from datetime import date

import pytest

from contactline.metadata import read_metadata
from contactline.records import RawDocument

TODAY = date(2026, 11, 26)


def _meta(text: str, **given: object):
    return read_metadata(RawDocument(origin="t.txt", text=text, **given), today=TODAY)  # type: ignore[arg-type]


def _body(meta) -> str:  # type: ignore[no-untyped-def]
    doc = meta.document
    return " ".join(s.text_of(doc.text) for s in doc.body)


def test_metadata_leading_date_line_on_the_same_line() -> None:
    meta = _meta(" date 2021-04-02 Fighting resumed near the border.\n\nMore text follows here.")
    assert meta.document.published == date(2021, 4, 2)
    assert "leading date line" in (meta.document.published_basis or "")
    assert _body(meta).startswith("Fighting resumed")
    assert "2021-04-02" not in _body(meta)


def test_metadata_published_line_variant() -> None:
    meta = _meta("Published: 2024-01-15\nTroops withdrew from the town on Sunday, officials said.")
    assert meta.document.published == date(2024, 1, 15)


def test_metadata_navigation_and_headline_are_left_out_of_the_body() -> None:
    text = (
        "Home\nAll news\n\nRebels seize key town in eastern Congo\n\n"
        "GOMA, Democratic Republic of Congo (AP) — M23 rebels seized the town of Sake on Tuesday.\n\n"
        "Share\n"
    )
    meta = _meta(text)
    doc = meta.document
    assert doc.title == "Rebels seize key town in eastern Congo"
    assert "All news" not in _body(meta) and "Share" not in _body(meta)
    assert "Rebels seize key town" not in _body(meta)
    assert _body(meta).startswith("M23 rebels seized")


def test_metadata_single_paragraph_has_no_headline() -> None:
    meta = _meta("Troops shelled the village overnight")
    assert meta.document.title is None
    assert _body(meta) == "Troops shelled the village overnight"


def test_metadata_sentence_is_not_a_headline() -> None:
    meta = _meta("Azerbaijan accused Armenia of shelling.\n\nArmenia denied it.")
    assert meta.document.title is None


@pytest.mark.parametrize(
    ("lede", "place", "source", "month_day"),
    [
        (
            "MOSCOW, March 31. /TASS/. The CSTO is ready to send a mission, an official said on Friday.",
            "Moscow",
            "TASS",
            (3, 31),
        ),
        (
            "KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.",
            "Kyiv",
            "AP",
            None,
        ),
        (
            "(Reuters) - Israel's military said on Tuesday it struck targets in southern Lebanon.",
            None,
            "Reuters",
            None,
        ),
        (
            "Paris (AFP) - France recalled its ambassador from Niger, the ministry said.",
            "Paris",
            "AFP",
            None,
        ),
        (
            "MOSCOW. Nov 24 (Interfax) - The Russian Defense Ministry said on Friday its forces advanced.",
            "Moscow",
            "Interfax",
            (11, 24),
        ),
        (
            "STEPANAKERT, OCTOBER 26, ARMENPRESS. The Defense Army repelled attacks on Monday.",
            "Stepanakert",
            "ARMENPRESS",
            (10, 26),
        ),
        (
            "KHARTOUM, April 16 (Reuters) - Sudan's army and the RSF fought for a second day.",
            "Khartoum",
            "Reuters",
            (4, 16),
        ),
    ],
)
def test_metadata_dateline_styles(
    lede: str, place: str | None, source: str, month_day: tuple[int, int] | None
) -> None:
    meta = _meta(f"Headline about the war\n\n{lede}\n\nMore paragraphs of the story follow.")
    doc = meta.document
    assert doc.dateline == place
    assert doc.source == source
    if month_day is None:
        assert doc.published is None
    else:
        assert doc.published is not None
        assert (doc.published.month, doc.published.day) == month_day
        assert doc.published <= TODAY
    assert not _body(meta).startswith(lede.split()[0])


def test_metadata_year_from_the_weekday_the_lede_names() -> None:
    # March 31 was a Friday in 2023 (and in 2017); the text mentions 2020, so 2023.
    meta = _meta(
        "MOSCOW, March 31. /TASS/. The bloc is ready, an official said on Friday. "
        "The war of 2020 ended in November."
    )
    assert meta.document.published == date(2023, 3, 31)
    assert "Friday" in (meta.document.published_basis or "")
    (time,) = meta.times
    assert time.text == "March 31" and time.value == "2023-03-31" and time.rule == "dateline"
    assert meta.document.text[time.span.start : time.span.end] == "March 31"


def test_metadata_year_without_weekday_is_latest_not_after_today() -> None:
    meta = _meta("KYIV, Dec 30 (Reuters) - Air raid sirens sounded across Ukraine.")
    assert meta.document.published == date(2025, 12, 30)
    meta = _meta("KYIV, Nov 20 (Reuters) - Air raid sirens sounded across Ukraine.")
    assert meta.document.published == date(2026, 11, 20)


def test_metadata_dateline_with_a_year_takes_it() -> None:
    meta = _meta("KYIV, Feb 24, 2022 (Reuters) - Russia launched a full-scale invasion.")
    assert meta.document.published == date(2022, 2, 24)


def test_metadata_caller_metadata_wins() -> None:
    meta = _meta(
        "MOSCOW, March 31. /TASS/. Text said on Friday.",
        published=date(2017, 3, 31),
        source="Agency X",
        title="Given title",
    )
    doc = meta.document
    assert (doc.published, doc.source, doc.title) == (date(2017, 3, 31), "Agency X", "Given title")
    assert doc.published_basis == "given by the caller"


def test_metadata_repeated_lede_is_analysed_once() -> None:
    lede = "On Thursday, the army said that its forces had taken control of two villages near the border"
    text = (
        f"Army takes villages\n\n{lede}\n\nKHARTOUM, May 5 (Reuters) - Fighting continued.\n\n"
        f"{lede}.\n\nThe conflict began in April."
    )
    meta = _meta(text)
    body = _body(meta)
    assert body.count("had taken control") == 1
    assert "The conflict began in April." in body


def test_metadata_analysis_text_keeps_offsets() -> None:
    text = "All news\n\nHeadline here\n\nBody sentence one. Body two."
    doc = _meta(text).document
    assert len(doc.analysis_text) == len(text)
    start = text.index("Body")
    assert doc.analysis_text[start:] == text[start:]
    assert "All news" not in doc.analysis_text


def test_metadata_id_is_stable_under_whitespace_changes() -> None:
    a = _meta("Troops  withdrew.\n\nTalks resumed.").document
    b = _meta("Troops withdrew.\r\n\r\nTalks   resumed.".replace("\r\n", "\n")).document
    assert a.id == b.id


def test_metadata_weekday_outweighs_recency_when_the_text_names_no_year() -> None:
    # Nov 24 is a Sunday in 2024, not in 2025 or 2026; no year is written anywhere.
    meta = _meta(
        "MOSCOW. Nov 24 (Interfax) - Air defences downed 34 drones, the ministry said on Sunday."
    )
    assert meta.document.published == date(2024, 11, 24)
    assert "Sunday" in (meta.document.published_basis or "")


@pytest.mark.parametrize(
    "line",
    [
        "Published: March 12, 2024",
        "12 March 2024",
        "Updated: 2024-03-12 10:32 GMT",
        "Published: Tue 12 March 2024 10.32 GMT",
        "Mar. 12, 2024 10:32 AM EDT",
    ],
)
def test_metadata_date_line_forms_after_the_headline(line: str) -> None:
    meta = _meta(f"Israel strikes Rafah\n{line}\nBy Jane Doe\n\nIsraeli strikes killed 12 people.")
    assert meta.document.published == date(2024, 3, 12)
    assert meta.document.title == "Israel strikes Rafah"
    assert _body(meta).strip() == "Israeli strikes killed 12 people."


@pytest.mark.parametrize(
    "trailer",
    [
        "(Reporting by Nidal al-Mughrabi; Editing by Alex Richardson)",
        "Associated Press writer Baba Ahmed contributed to this report.",
    ],
)
def test_metadata_credit_lines_are_left_out_of_the_body(trailer: str) -> None:
    meta = _meta(f"BAMAKO, Mali (AP) — The junta extended the transition.\n\n{trailer}")
    assert "contributed" not in _body(meta) and "Reporting" not in _body(meta)
    assert "junta extended" in _body(meta)


def test_metadata_a_dated_sentence_is_not_a_date_line() -> None:
    meta = _meta("Headline here\n\nOn March 12, 2024 the talks collapsed in Doha.")
    assert meta.document.published is None
    assert "talks collapsed" in _body(meta)


@pytest.mark.parametrize(
    "text",
    [
        "The MNDAA said on Monday it had captured the town of Lashio.",
        "The AFPC said the talks would resume.",
        "Paris hosted the talks on Monday, AFP said.",
    ],
)
def test_metadata_agency_letters_inside_a_word_are_no_dateline(text: str) -> None:
    meta = _meta(text)
    assert (meta.document.dateline, meta.document.source) == (None, None)
    assert _body(meta) == text
