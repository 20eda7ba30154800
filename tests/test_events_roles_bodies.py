"""Tests of whose a bare state body is when it acts at home (``_home_bodies``).

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import NAMES, coded, coder, pairs, sector
from _mentions import in_order, mention_at, state_mentions


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def _person(text: str, name: str, party: str):
    return mention_at(text, name, party=party, kind="person", country=party, sector="GOV")


def test_events_roles_bodies_court_removing_a_leader_is_of_the_leaders_state(nlp) -> None:
    text = "The High Court removed Elessar from office after a long trial."
    mentions = in_order(sector(text, "Court", "JUD"), _person(text, "Elessar", "ARM"))
    assert ("ARM", "ARM", "11") in pairs(coded(nlp(text), mentions))


def test_events_roles_bodies_army_declaring_an_emergency_is_of_the_one_state_named(nlp) -> None:
    text = "The army declared a state of emergency and handed power to General Boromir."
    mentions = in_order(sector(text, "army", "MIL"), _person(text, "Boromir", "GEO"))
    assert ("GEO", "GEO", "17") in pairs(coded(nlp(text), mentions))


def test_events_roles_bodies_police_arresting_with_two_states_named_say_nothing(nlp) -> None:
    text = "Police arrested Elessar, a Georgian citizen, after he flew in from Armenia."
    mentions = in_order(
        state_mentions(text, NAMES), sector(text, "Police", "COP"), _person(text, "Elessar", "GEO")
    )
    found = pairs(coded(nlp(text), mentions))
    assert ("GEO", "GEO", "17") not in found
    assert ("ARM", "ARM", "17") not in found


def test_events_roles_bodies_a_bare_body_is_no_party_of_a_foreign_act(nlp) -> None:
    text = "The army shelled villages near the Georgian border."
    mentions = in_order(state_mentions(text, NAMES), sector(text, "army", "MIL"))
    assert ("GEO", "GEO", "19") not in pairs(coded(nlp(text), mentions))


def test_events_roles_bodies_soldiers_are_of_the_army_that_is_the_subject(nlp) -> None:
    text = "The army of Georgia denied claims that soldiers had massacred 300 villagers."
    army = mention_at(text, "The army", party="GEO", kind="state", sector="MIL")
    mentions = in_order(state_mentions(text, NAMES), army, sector(text, "soldiers", "MIL"))
    assert "GEO" in {s for s, _, root in pairs(coded(nlp(text), mentions)) if root == "20"}


def test_events_roles_bodies_soldiers_of_another_owner_keep_it(nlp) -> None:
    text = "The army of Georgia said soldiers from the north had massacred 300 villagers."
    army = mention_at(text, "The army", party="GEO", kind="state", sector="MIL")
    mentions = in_order(state_mentions(text, NAMES), army, sector(text, "soldiers", "MIL"))
    assert all(
        e.source is None or e.source.party != "GEO" or e.cameo[:2] != "20"
        for e in coded(nlp(text), mentions)
    )


def test_events_roles_bodies_a_hyphenated_pair_of_names_gives_both_owners(code) -> None:
    events = code("Armenia accepted a Georgian-Turkish ceasefire proposal on Monday.")
    found = pairs(events)
    assert ("ARM", "GEO", "03") in found
    assert ("ARM", "TUR", "03") in found


def test_events_roles_bodies_a_marchs_demand_is_the_marchers_made_of_its_target(code) -> None:
    events = code(
        "Thousands of people marched in Georgia to demand that Russia end its occupation."
    )
    assert ("GEO", "RUS", "10") in pairs(events)


def test_events_roles_bodies_a_march_demand_of_no_one_else_names_no_maker(code) -> None:
    events = code("Thousands of people marched in Georgia to demand new elections.")
    assert all(e.cameo[:2] != "10" for e in events)
