"""Tests of trigger finding where the text does not repeat the verb of an act.

"Had not retaliated but would do so": "do so" stands for the verb it is conjoined to,
with that verb's parties and its own mood.
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


def _events(nlp, text: str) -> list[Event]:
    mentions = state_mentions(text, PARTIES)
    return extract_events(nlp(text), mentions, [], [], LEXICON, CAMEO, published=None)


def _dyads(events: list[Event]) -> set[tuple[str | None, str | None, str, str]]:
    return {
        (
            e.source.party if e.source else None,
            e.target.party if e.target else None,
            e.cameo,
            e.modality,
        )
        for e in events
    }


def test_events_triggers_do_so_repeats_the_verb_with_its_own_mood(nlp) -> None:
    events = _events(nlp, "Arnor has not retaliated against Gondor yet but will do so soon.")
    dyads = _dyads(events)
    assert ("ARN", "GON", "190", "negated") in dyads
    assert any(d[:2] == ("ARN", "GON") and d[3] != "negated" for d in dyads)
    assert all("do-so" not in e.rule or e.modality != "negated" for e in events)


def test_events_triggers_do_so_after_a_threat_is_no_second_threat(nlp) -> None:
    events = _events(nlp, "Arnor threatened to strike Gondor and did so on Monday.")
    assert not [e for e in events if "do-so" in e.rule]


def test_events_triggers_do_without_so_is_no_act(nlp) -> None:
    events = _events(nlp, "Arnor shelled Gondor and did nothing else.")
    assert not [e for e in events if "do-so" in e.rule]


def test_events_triggers_bare_violations_break_the_truce_the_sentence_names(nlp) -> None:
    text = "Hours after the truce was announced, Arnor accused Gondor of repeated violations."
    assert ("GON", "ARN", "196", "claimed") in _dyads(_events(nlp, text))


def test_events_triggers_violations_without_a_truce_are_no_breach(nlp) -> None:
    for text in (
        "Arnor accused Gondor of repeated violations.",
        "Arnor accused Gondor of human rights violations during the ceasefire.",
    ):
        assert not any(d[2] == "196" for d in _dyads(_events(nlp, text))), text


def test_events_triggers_claimed_strike_in_a_clause_is_the_strike_claimed(nlp) -> None:
    dyads = _dyads(_events(nlp, "Arnor claimed its forces had struck Gondor."))
    assert ("ARN", "GON", "195", "claimed") in dyads
    assert not any(d[2] == "015" for d in dyads)


def test_events_triggers_claimed_attack_noun_is_responsibility(nlp) -> None:
    dyads = _dyads(_events(nlp, "Arnor claimed the attack on Gondor."))
    assert ("ARN", "GON", "015", "asserted") in dyads


def test_events_triggers_share_in_an_act_charged_is_the_act_claimed(nlp) -> None:
    for text in (
        "Arnor accused Gondor of taking part in the attack on Rohan.",
        "Arnor accused Gondor of involvement in the attack on Rohan.",
    ):
        assert ("GON", "ROH", "190", "claimed") in _dyads(_events(nlp, text)), text


def test_events_triggers_share_in_an_act_denied_is_the_act_negated(nlp) -> None:
    dyads = _dyads(_events(nlp, "Gondor denied any involvement in the attack on Rohan."))
    assert ("GON", "ROH", "190", "negated") in dyads


def test_events_triggers_share_in_an_act_unaccused_is_no_charge(nlp) -> None:
    dyads = _dyads(_events(nlp, "Gondor played a role in the talks with Rohan."))
    assert not any(d[3] == "claimed" for d in dyads)


def test_events_triggers_share_in_a_war_charged_is_no_act(nlp) -> None:
    dyads = _dyads(_events(nlp, "Arnor accused Gondor of direct involvement in the conflict."))
    assert not any(d[3] == "claimed" for d in dyads)


def test_events_triggers_as_hung_off_the_object_is_the_verbs(nlp) -> None:
    dyads = _dyads(_events(nlp, "Arnor said Gondor was using hospitals as cover."))
    assert ("GON", None, "184", "claimed") in dyads


def test_events_triggers_between_hung_off_the_object_is_the_verbs(nlp) -> None:
    dyads = _dyads(_events(nlp, "Arnor hosted a summit between Gondor and Rohan."))
    assert {("ARN", "GON", "045", "asserted"), ("ARN", "ROH", "045", "asserted")} <= dyads
