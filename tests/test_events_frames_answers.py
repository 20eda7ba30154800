"""Tests of what a sentence's frames say of its other acts: denials, threats, blame.

Sentences name the fictional states Arnor, Gondor and Rohan with hand-made mentions, so
that the tests do not drift with the actor stage; parsing uses the real spaCy pipeline.
"""

from __future__ import annotations

import pytest

from _mentions import state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.events import extract_events
from contactline.records import Event, Mention, Span

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
NAMES = {
    "Arnor": "ARN",
    "Arnorian": "ARN",
    "Gondor": "GON",
    "Gondorian": "GON",
    "Minas Tirith": "GON",
    "Rohan": "ROH",
    "Edoras": "ROH",
}

Row = tuple[str | None, str | None, str, str, str | None]


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline; return (source, target, root, modality, by)."""

    def run(text: str) -> set[Row]:
        events = extract_events(
            nlp(text), state_mentions(text, NAMES), [], [], LEXICON, CAMEO, published=None
        )
        return {_row(e) for e in events}

    return run


def _row(event: Event) -> Row:
    return (
        event.source.party if event.source else None,
        event.target.party if event.target else None,
        event.cameo[:2],
        event.modality,
        event.reported_by,
    )


def test_events_frames_denial_of_a_charge_negates_the_charged_act(code) -> None:
    rows = code(
        "Arnor accused Gondor of trying to kill its king; Minas Tirith denied any involvement."
    )
    assert ("GON", "ARN", "18", "claimed", "ARN") in rows
    assert ("GON", "ARN", "18", "negated", "GON") in rows


def test_events_frames_denial_negates_only_the_acts_of_the_deniers(code) -> None:
    rows = code("Arnor accused Gondor of shelling Rohan; Gondor and Rohan denied it.")
    assert ("GON", "ROH", "19", "negated", "GON") in rows
    assert not any(r[3] == "negated" and r[4] == "ROH" for r in rows)


def test_events_frames_denial_that_describes_the_charge_adds_no_negation(code) -> None:
    rows = code("Arnor said Gondor had shelled Edoras, a charge Gondor denied.")
    assert ("GON", "ROH", "19", "claimed", "ARN") in rows
    assert not any(r[3] == "negated" for r in rows)


def test_events_frames_saying_a_party_was_responsible_accuses_it(code) -> None:
    rows = code("Arnor said a misfired Gondorian rocket was responsible for the blast.")
    assert ("ARN", "GON", "11", "asserted", None) in rows


def test_events_frames_responsibility_for_a_duty_is_no_blame(code) -> None:
    rows = code("Arnor said Gondor was responsible for the security of the border.")
    assert not any(r[2] == "11" for r in rows)


def test_events_frames_speaker_owning_responsibility_accuses_no_one(code) -> None:
    rows = code("Arnor said its own troops were responsible for the shelling.")
    assert not any(r[2] == "11" for r in rows)


def test_events_frames_doer_saying_it_struck_owns_the_strike(code) -> None:
    rows = code("Arnor shelled a market in Gondor, and Arnor said it had targeted fighters there.")
    assert ("ARN", "GON", "19", "asserted", None) in rows
    assert ("ARN", "GON", "01", "asserted", None) in rows
    assert not any(r[3] == "claimed" for r in rows)


def test_events_frames_doer_saying_it_struck_with_no_fact_told_is_a_claim(code) -> None:
    rows = code("Arnor said it had shelled positions of Gondor.")
    assert ("ARN", "GON", "19", "claimed", "ARN") in rows
    assert not any(r[2] == "01" for r in rows)


def test_events_frames_doer_giving_its_reason_in_a_participle_adds_no_event(code) -> None:
    rows = code("Arnor fired rockets at Gondor, saying it was retaliating for an attack on Edoras.")
    assert ("ARN", "GON", "19", "asserted", None) in rows
    assert not any(r[3] == "claimed" or r[2] == "01" for r in rows)


def test_events_frames_force_said_to_answer_a_provocation_accuses_its_party(code) -> None:
    rows = code(
        "Arnor said its troops had suppressed provocations by Gondorian units at the border."
    )
    assert ("ARN", "GON", "11", "asserted", None) in rows


def test_events_frames_force_said_to_answer_no_misdeed_accuses_no_one(code) -> None:
    rows = code("Arnor said its troops had shelled positions of Gondorian units at the border.")
    assert not any(r[2] == "11" for r in rows)


def test_events_frames_threat_continuing_a_reported_act_keeps_its_target(nlp) -> None:
    text = "Arnor said it had shelled Gondorian positions and would strike again."
    start = text.index(" it ") + 1
    it = Mention(span=Span(start, start + 2), text="it", party="ARN", kind="state", rule="coref")
    mentions = sorted([*state_mentions(text, NAMES), it], key=lambda m: m.span.start)
    events = extract_events(nlp(text), mentions, [], [], LEXICON, CAMEO, published=None)
    rows = {_row(e) for e in events}
    assert ("ARN", "GON", "13", "asserted", None) in rows
    assert not any(r[2] == "13" and r[1] is None for r in rows)


def test_events_frames_denied_plans_negate_the_act_planned(code) -> None:
    rows = code("Arnor denied plans to invade Gondor.")
    assert ("ARN", "GON", "19", "negated", "ARN") in rows
    assert not any(r[2] == "13" for r in rows)


def test_events_frames_announced_plans_stay_a_threat(code) -> None:
    rows = code("Arnor announced plans to invade Gondor.")
    assert ("ARN", "GON", "13", "asserted", None) in rows


def test_events_frames_rejected_accusations_negate_the_act(code) -> None:
    rows = code("Arnor rejected accusations that its forces had shelled Edoras.")
    assert ("ARN", "ROH", "19", "negated", "ARN") in rows


def test_events_frames_neither_confirmed_nor_denied_is_no_denial(code) -> None:
    rows = code("Arnor neither confirmed nor denied that its troops had shelled Edoras.")
    assert not any(r[2] == "01" for r in rows)
    assert not any(r[3] == "negated" for r in rows)


def test_events_frames_claimed_to_have_done_is_a_claim(code) -> None:
    rows = code("Arnor claimed to have shelled Edoras.")
    assert ("ARN", "ROH", "19", "claimed", "ARN") in rows


def test_events_frames_report_by_a_party_is_its_claim(code) -> None:
    rows = code("A report by Gondor said they had found evidence that Arnor had shelled Edoras.")
    assert ("ARN", "ROH", "19", "claimed", "GON") in rows


def test_events_frames_party_said_to_be_behind_an_attack_is_accused(code) -> None:
    rows = code("Arnor said Gondor was behind the attack on Edoras.")
    assert ("ARN", "GON", "11", "asserted", None) in rows


def test_events_frames_blast_said_caused_by_a_party_accuses_it(code) -> None:
    rows = code("Arnor said the blast was caused by a Gondorian rocket.")
    assert ("ARN", "GON", "11", "asserted", None) in rows


def test_events_frames_party_said_to_be_to_blame_is_accused_not_accusing(code) -> None:
    rows = code("Arnor said Gondor was to blame for the shelling.")
    assert ("ARN", "GON", "11", "asserted", None) in rows
    assert not any(r[0] == "GON" and r[2] == "11" for r in rows)


def test_events_frames_claimed_responsibility_claims_the_deed(code) -> None:
    rows = code("Rohan claimed responsibility for the rocket attack on Gondor.")
    assert ("ROH", "GON", "01", "asserted", None) in rows
    assert ("ROH", "GON", "19", "claimed", "ROH") in rows


def test_events_frames_denied_role_negates_the_deed(code) -> None:
    rows = code("Rohan denied any role in the attack on Gondor.")
    assert ("ROH", "GON", "19", "negated", "ROH") in rows


def test_events_frames_responsibility_not_claimed_owns_nothing(code) -> None:
    rows = code("Rohan has not claimed responsibility for the rocket attack on Gondor.")
    assert not any(r[2] == "19" for r in rows)


def test_events_frames_said_in_a_statement_is_the_speakers_claim(code) -> None:
    rows = code("Gondor said in a statement that Arnor had shelled Edoras.")
    assert ("ARN", "ROH", "19", "claimed", "GON") in rows


def test_events_frames_party_accused_in_the_passive_is_the_doer(code) -> None:
    rows = code("Arnor is accused of shelling Edoras.")
    assert ("ARN", "ROH", "19", "claimed", None) in rows


def test_events_frames_spokesman_speaks_for_the_party(code) -> None:
    rows = code("A spokesman for Gondor said that Arnor had shelled Edoras.")
    assert ("ARN", "ROH", "19", "claimed", "GON") in rows


def test_events_frames_report_frames_its_clause_across_a_later_semicolon(code) -> None:
    # parsed with "seized" under "denied", across the semicolon
    rows = code(
        "Witnesses said the Arnorian army had seized the camp after days of assaults that "
        "killed hundreds of civilians; Arnor denied attacking civilians."
    )
    seized = [r for r in rows if r[0] == "ARN" and r[2] == "19"]
    assert seized and all(r[3] == "claimed" for r in seized)


def test_events_frames_comma_remark_of_the_denier_is_its_own_word(code) -> None:
    rows = code("Arnor denied attacking the convoy in Edoras, blaming Gondorian forces.")
    assert ("ARN", "GON", "11", "asserted", None) in rows
    assert not any(r[2] == "11" and r[3] == "negated" for r in rows)


def test_events_frames_denied_report_by_a_party_is_its_claim_and_charge(code) -> None:
    rows = code("Arnor denied a report by Rohan that its troops had shelled Gondor.")
    assert ("ARN", "GON", "19", "negated", "ARN") in rows
    assert ("ARN", "GON", "19", "claimed", "ROH") in rows
    assert ("ROH", "ARN", "11", "asserted", None) in rows


def test_events_frames_maker_of_a_denied_claim_is_no_target(code) -> None:
    rows = code("Arnor denied Gondorian claims that it had shelled the border town.")
    assert not any(r[2] == "19" and r[1] == "GON" for r in rows)


def test_events_frames_truce_offered_if_another_does_the_same_is_towards_it(code) -> None:
    rows = code("Arnor said it would halt its attacks on Edoras if Gondor did the same.")
    assert ("ARN", "GON", "03", "hypothetical", None) in rows


def test_events_frames_condition_of_another_kind_matches_no_one(code) -> None:
    rows = code("Arnor said it would halt its attacks on Edoras if Gondor paid a ransom.")
    assert not any(r[1] == "GON" for r in rows)
