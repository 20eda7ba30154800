"""Tests of the partners and targets read from what an act is done with or where it lands.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import coder, pairs


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_roles_partners_signed_thing_names_its_partner(code) -> None:
    # the parser hangs "with Georgia" on "understanding", not on "signed"
    events = code("Armenia signed a memorandum of understanding with Georgia on transit.")
    assert ("ARM", "GEO", "05") in pairs(events)


def test_events_roles_partners_agreed_text_names_its_partner(code) -> None:
    # "with Georgia" hangs on "treaty", the object of the pattern's own "on"
    events = code("Armenia agreed on the text of a border treaty with Georgia.")
    assert ("ARM", "GEO", "05") in pairs(events)


def test_events_roles_partners_deal_signed_on_a_visit_is_made_with_the_host(code) -> None:
    events = code("The Armenian foreign minister, on a visit to Georgia, signed a trade deal.")
    assert ("ARM", "GEO", "05") in pairs(events)


def test_events_roles_partners_passive_force_lands_where_its_subject_is(code) -> None:
    events = code("Border posts in Georgia were shelled by Russian artillery.")
    assert ("RUS", "GEO", "19") in pairs(events)


def test_events_roles_partners_force_on_a_foreign_base_falls_on_its_host_too(code) -> None:
    events = code("Turkey fired rockets at a Russian air base in Georgia.")
    assert {("TUR", "RUS", "19"), ("TUR", "GEO", "19")} <= pairs(events)


def test_events_roles_partners_an_embassy_is_its_owners_ground_alone(code) -> None:
    events = code("Turkish jets bombed the Russian embassy in Georgia.")
    assert ("TUR", "RUS", "19") in pairs(events)
    assert ("TUR", "GEO", "19") not in pairs(events)


def test_events_roles_partners_strikes_that_killed_people_somewhere_hit_that_place(code) -> None:
    events = code("Turkish strikes killed dozens of civilians in Georgia.")
    assert ("TUR", "GEO", "19") in pairs(events)


def test_events_roles_partners_a_city_taken_for_a_facility_is_its_states(code) -> None:
    # the NER labels "Kharkiv" a facility here; the gazetteer places it in Ukraine
    events = code("Russian forces shelled Kharkiv.")
    assert ("RUS", "UKR", "19") in pairs(events)


def test_events_roles_partners_a_person_struck_is_no_city(code) -> None:
    # "Jackson" is a person here, though the gazetteer knows a city of that name
    events = code("Russian forces killed Jackson.")
    assert all(e.target is None or e.target.party != "USA" for e in events)


def test_events_roles_partners_a_city_taken_for_a_person_is_a_place_when_shelled(code) -> None:
    # the NER labels "Ganja" a person here; shelling is done to places
    events = code("Armenian forces shelled Ganja.")
    assert ("ARM", "AZE", "19") in pairs(events)


def test_events_roles_partners_both_sides_after_a_coordinated_clause_are_its_pair(code) -> None:
    events = code(
        "Armenia and Georgia agreed to a truce, and Turkey urged both sides to respect it."
    )
    found = pairs(events)
    assert ("TUR", "ARM", "02") in found
    assert ("TUR", "GEO", "02") in found
