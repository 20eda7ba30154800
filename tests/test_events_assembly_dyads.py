"""Tests of how a coded act becomes dyads: partners, missing targets, acts at home.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import coder, pairs


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
