"""Tests of the mood read for an act from the clause around it (``_modality``)."""

from __future__ import annotations

from _events_roles import coded
from _mentions import in_order, mention_at, state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline._modality import read_mood

LEXICON = load_event_lexicon()


def _mood_of(nlp, text: str, word: str) -> str:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return read_mood(token, LEXICON).mood


def test_events_assembly_mood_a_supposed_cause_of_a_consequence_is_hypothetical(nlp) -> None:
    text = "A Rohan attack on Gondor would trigger the alliance's defence pact, Arnor said."
    assert _mood_of(nlp, text, "attack") == "hypothetical"


def test_events_assembly_mood_any_strike_that_could_start_a_war_is_hypothetical(nlp) -> None:
    assert _mood_of(nlp, "Any strike on Gondor could start a regional war.", "strike") == (
        "hypothetical"
    )


def test_events_assembly_mood_a_hedge_of_the_past_tells_a_real_act(nlp) -> None:
    assert _mood_of(nlp, "The strike could have killed hundreds.", "strike") == "plain"


def test_events_assembly_mood_an_attack_that_did_harm_is_plain(nlp) -> None:
    assert _mood_of(nlp, "A Rohan attack on Gondor killed two soldiers.", "attack") == "plain"


def test_events_assembly_mood_a_deed_in_a_passives_by_phrase_is_the_reporters_claim(nlp) -> None:
    text = (
        "Two Georgian soldiers were killed by a mine planted by Russian saboteurs, the army said."
    )
    mentions = in_order(
        state_mentions(text, {"Georgian": "GEO", "Russian": "RUS"}),
        mention_at(text, "army", party="GEO", kind="state", sector="MIL"),
    )
    mined = [e for e in coded(nlp(text), mentions) if e.cameo.startswith("18")]
    assert [(e.modality, e.reported_by) for e in mined] == [("claimed", "GEO")]
