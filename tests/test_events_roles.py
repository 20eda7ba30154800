"""Tests of who did what to whom: parse rules that find an act's parties.

Sentences name real states with hand-made mentions so that the tests do not drift with
the actor stage; a parse the model may or may not produce is built by hand.
"""

from __future__ import annotations

import pytest

from _mentions import state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.events import extract_events
from contactline.records import Event

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
NAMES = {
    "Armenia": "ARM",
    "Armenian": "ARM",
    "Azerbaijan": "AZE",
    "Azerbaijani": "AZE",
    "Georgia": "GEO",
    "Georgian": "GEO",
    "Russia": "RUS",
    "Russian": "RUS",
    "Turkey": "TUR",
    "Ukraine": "UKR",
    "Ukrainian": "UKR",
    "Kyiv": "UKR",
    "Moscow": "RUS",
    "Hungary": "HUN",
    "Estonia": "EST",
}


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""

    def run(text: str) -> list[Event]:
        doc = nlp(text)
        return extract_events(
            doc, state_mentions(text, NAMES), [], [], LEXICON, CAMEO, published=None
        )

    return run


def pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source, target, root) of each event."""
    return {
        (
            e.source.party if e.source else None,
            e.target.party if e.target else None,
            e.cameo[:2],
        )
        for e in events
    }


def test_events_roles_two_subjects_of_one_verb_act_together(make_doc) -> None:
    # "X and Y met" misparsed with two subjects: both met, each other
    words = ["Armenia", "and", "Azerbaijan", "met", "in", "Geneva", "."]
    doc = make_doc(
        words,
        heads=[3, 0, 3, 3, 3, 4, 3],
        deps=["nsubj", "cc", "nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["PROPN", "CCONJ", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    for token, lemma in zip(doc, ["Armenia", "and", "Azerbaijan", "meet", "in", "Geneva", "."]):
        token.lemma_ = lemma
    events = extract_events(
        doc, state_mentions(doc.text, NAMES), [], [], LEXICON, CAMEO, published=None
    )
    assert {("ARM", "AZE", "04"), ("AZE", "ARM", "04")} <= pairs(events)
