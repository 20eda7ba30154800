"""Tests of how a sentence's triggers are paired: force named as the means of another act.

"X killed the leader of Y in an air strike" is an assassination and an air strike, both
done by X to Y; "X killed soldiers of Y in an air strike" is one act of force.
"""

from __future__ import annotations

from _mentions import state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.events import extract_events
from contactline.records import Event

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
PARTIES = {"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH"}


def _dyads(nlp, text: str) -> set[tuple[str | None, str | None, str]]:
    mentions = state_mentions(text, PARTIES)
    events: list[Event] = extract_events(
        nlp(text), mentions, [], [], LEXICON, CAMEO, published=None
    )
    return {
        (e.source.party if e.source else None, e.target.party if e.target else None, e.cameo)
        for e in events
    }


def test_events_triggers_means_of_an_assassination_is_an_act_of_its_own(nlp) -> None:
    dyads = _dyads(nlp, "Arnor killed the leader of Gondor in an air strike on Rohan.")
    assert dyads == {("ARN", "GON", "186"), ("ARN", "GON", "195")}


def test_events_triggers_means_of_a_destruction_is_an_act_of_its_own(nlp) -> None:
    dyads = _dyads(nlp, "Arnor destroyed the bridges of Gondor in an air strike.")
    assert dyads == {("ARN", "GON", "1712"), ("ARN", "GON", "195")}


def test_events_triggers_force_by_force_is_coded_once(nlp) -> None:
    dyads = _dyads(nlp, "Arnor killed ten soldiers of Gondor in an air strike.")
    assert [d[2] for d in dyads] == ["195"]
