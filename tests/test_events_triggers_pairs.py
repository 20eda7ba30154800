"""Tests of how a sentence's triggers are paired so that each act is coded once.

"X killed the leader of Y in an air strike" is an assassination and an air strike, both
done by X to Y; "X killed soldiers of Y in an air strike" is one act of force. A protest
that is the purpose of another act ("summoned the envoy to protest") is that act.
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


def test_events_triggers_protest_done_by_another_act_is_that_act(nlp) -> None:
    dyads = _dyads(nlp, "Arnor summoned the envoy of Gondor to protest the shelling.")
    assert dyads == {("ARN", "GON", "114")}


def test_events_triggers_protest_of_an_uncoded_verb_is_the_protest(nlp) -> None:
    dyads = _dyads(
        nlp,
        "Thousands of people of Arnor gathered in the capital to protest the decision of Gondor.",
    )
    assert [d[2] for d in dyads] == ["140"]


def test_events_triggers_blockade_to_protest_is_coded_once(nlp) -> None:
    dyads = _dyads(nlp, "Residents of Arnor blocked the road to Gondor to protest the decision.")
    assert [d[2][:2] for d in dyads] == ["14"]


def test_events_triggers_event_that_threatens_is_no_threat(nlp) -> None:
    dyads = _dyads(
        nlp, "Arnor warned that an offensive by Gondor on the capital would threaten the treaty."
    )
    assert not any(d[2][:2] == "13" for d in dyads)


def test_events_triggers_party_that_threatens_still_threatens(nlp) -> None:
    dyads = _dyads(nlp, "Arnor warned that Gondor would threaten Rohan.")
    assert any(d[2][:2] == "13" for d in dyads)


def test_events_triggers_refused_call_takes_the_act_it_asks_for(nlp) -> None:
    dyads = _dyads(nlp, "Arnor dismissed calls from Gondor to withdraw.")
    assert ("ARN", "GON", "1246") in dyads
    assert not any(d[2][:2] == "08" for d in dyads)


def test_events_triggers_troops_sent_to_fight_for_a_party_are_military_aid(nlp) -> None:
    dyads = _dyads(nlp, "Gondor sent troops to fight for Rohan.")
    assert dyads == {("GON", "ROH", "072")}


def test_events_triggers_fighting_for_a_party_unsent_stays_cooperation(nlp) -> None:
    dyads = _dyads(nlp, "Volunteers from Arnor fought for Gondor.")
    assert dyads == {("ARN", "GON", "062")}


def test_events_triggers_killing_by_an_uncoded_noun_is_the_act(nlp) -> None:
    dyads = _dyads(nlp, "Arnor's campaign killed 12 soldiers of Gondor.")
    assert ("ARN", "GON", "190") in dyads


def test_events_triggers_killing_by_a_coded_attack_is_coded_once(nlp) -> None:
    dyads = _dyads(nlp, "The Arnor strike killed 12 soldiers of Gondor.")
    assert dyads == {("ARN", "GON", "195")}
