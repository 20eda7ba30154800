"""Tests of how a coded act becomes dyads: partners, missing targets, acts at home.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import coded, coder, pairs
from _mentions import in_order, mention_at


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_assembly_dyads_agreement_with_no_partner_is_no_event(code) -> None:
    # a decree or treaty signed with nobody named tells no dyad
    events = code("Armenia signed a transit agreement on Monday.")
    assert not [e for e in events if e.cameo.startswith("05")]


def test_events_assembly_dyads_agreement_with_a_partner_stays_coded(code) -> None:
    events = code("Armenia signed a transit agreement with Georgia on Monday.")
    assert ("ARM", "GEO", "05") in pairs(events)


def test_events_assembly_dyads_meeting_on_third_ground_is_held_by_both(code) -> None:
    events = code("The Armenian president met the Georgian prime minister in Vienna.")
    assert {("ARM", "GEO", "04"), ("GEO", "ARM", "04")} <= pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Armenian president met the Georgian prime minister in Tbilisi.",
        "The Armenian president met the Georgian prime minister.",
    ],
)
def test_events_assembly_dyads_meeting_at_home_or_unplaced_stays_one_way(code, text) -> None:
    events = code(text)
    assert ("ARM", "GEO", "04") in pairs(events)
    assert ("GEO", "ARM", "04") not in pairs(events)


def test_events_assembly_dyads_human_shields_are_not_done_to_the_speaker(code) -> None:
    events = code("Russia said Ukrainian fighters were using schools as human shields.")
    shields = [e for e in events if e.cameo == "184"]
    assert shields and all(e.target is None for e in shields)
    assert all(e.reported_by == "RUS" for e in shields)


def test_events_assembly_dyads_blamed_force_falls_where_the_harm_was(code) -> None:
    # the blamer is not the target: the strike fell where the people were killed
    events = code(
        "Dozens of people were killed in a blast at a market in Ukraine; "
        "Hamas blamed an Israeli air strike."
    )
    strikes = {(e.source.party, e.target.party) for e in events if e.cameo.startswith("19")}
    assert ("ISR", "UKR") in strikes
    assert ("ISR", "HAMAS") not in strikes


def test_events_assembly_dyads_a_states_force_on_its_own_ground_is_at_home(code) -> None:
    events = code("Turkish jets bombed a village in Turkey, killing dozens.")
    assert ("TUR", "TUR", "19") in pairs(events)


def test_events_assembly_dyads_force_of_two_sides_is_not_at_home(code) -> None:
    events = code(
        "Armenian and Azerbaijani troops exchanged fire along the border, killing civilians."
    )
    assert all(
        e.source is None or e.target is None or e.source.party != e.target.party for e in events
    )


def _org_mentions(text: str, official: str, body: str) -> list:
    """An official of the OSCE and a body of it, as the actor stage reads them."""
    return in_order(
        mention_at(text, official, party="OSCE", kind="person", role="Secretary General"),
        mention_at(text, body, party="OSCE", kind="organization", role=body, rule="body:x"),
    )


def test_events_assembly_dyads_an_appeal_to_a_body_of_ones_own_is_within_it(nlp) -> None:
    text = "Schmid urged the Permanent Council to send monitors to the border."
    events = coded(nlp(text), _org_mentions(text, "Schmid", "Permanent Council"))
    assert ("OSCE", "OSCE", "02") in pairs(events)


def test_events_assembly_dyads_a_body_addressing_itself_is_no_dyad(nlp) -> None:
    text = "The Permanent Council urged its members to send monitors to the border."
    mentions = [
        mention_at(text, "Permanent Council", party="OSCE", kind="organization", rule="body:x")
    ]
    events = coded(nlp(text), mentions)
    assert ("OSCE", "OSCE", "02") not in pairs(events)


def _army(text: str, words: str, party: str) -> list:
    """A state's army, as the actor stage reads it ("the Turkish army": TUR, MIL)."""
    return [mention_at(text, words, party=party, kind="state", sector="MIL")]


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish army denied using chemical weapons.",  # its own word
        "A rights group said the Turkish army had massacred villagers.",  # an observer's report
    ],
)
def test_events_assembly_dyads_an_armys_mass_violence_placed_nowhere_is_at_home(nlp, text) -> None:
    events = coded(nlp(text), _army(text, "Turkish army", "TUR"))
    assert ("TUR", "TUR", "20") in pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "Armenia said the Turkish army had massacred villagers.",  # a state's charge
        "The Turkish army used chemical weapons in Armenia.",  # placed abroad
    ],
)
def test_events_assembly_dyads_an_armys_mass_violence_charged_or_abroad_is_not_at_home(
    nlp, text
) -> None:
    mentions = in_order(
        _army(text, "Turkish army", "TUR"), mention_at(text, "Armenia", party="ARM", kind="state")
    )
    assert ("TUR", "TUR", "20") not in pairs(coded(nlp(text), mentions))
