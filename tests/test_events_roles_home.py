"""Tests of who did what to whom: whose people, land and forces an act falls on.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from _events_roles import NAMES, coded, coder, front_group, opposition, pairs, sector, with_group
from _mentions import in_order, mention_at, state_mentions
from contactline.records import Span


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_roles_mass_killing_by_a_group_falls_on_its_country(nlp) -> None:
    text = "TPLF fighters massacred hundreds of villagers."
    mentions = with_group(text, "TPLF fighters", "TPLF", "ETH")
    events = coded(nlp(text), mentions)
    assert pairs(events) == {("TPLF", "ETH", "20")}


def test_events_roles_soldiers_in_a_state_are_its_soldiers(nlp) -> None:
    text = "Soldiers in Georgia detained the Georgian president."
    mentions = in_order(state_mentions(text, NAMES), sector(text, "Soldiers", "MIL"))
    events = coded(nlp(text), mentions)
    assert ("GEO", "GEO", "17") in pairs(events)


def test_events_roles_peacekeepers_in_a_state_are_not_its_own(nlp) -> None:
    text = "Peacekeepers in Georgia detained the Georgian president."
    mentions = in_order(state_mentions(text, NAMES), sector(text, "Peacekeepers", "MIL"))
    events = coded(nlp(text), mentions)
    assert all(e.source is None or e.source.party != "GEO" for e in events)


def test_events_roles_security_forces_are_of_the_state_their_sentence_is_in(nlp) -> None:
    text = "Security forces detained dozens of protesters in Georgia."
    mentions = in_order(state_mentions(text, NAMES), sector(text, "Security forces", "COP"))
    events = coded(nlp(text), mentions)
    assert ("GEO", "GEO", "17") in pairs(events)


def test_events_roles_mass_killing_at_home_falls_on_the_states_own_people(code) -> None:
    events = code("Armenian troops massacred hundreds of villagers in Armenia.")
    assert ("ARM", "ARM", "20") in pairs(events)


def test_events_roles_mass_killing_by_a_foreign_force_names_no_victims(nlp) -> None:
    text = "Wagner fighters massacred hundreds of villagers."
    mentions = with_group(text, "Wagner fighters", "WAGNER", "RUS", "MIL")
    events = coded(nlp(text), mentions)
    assert pairs(events) == {("WAGNER", None, "20")}


def test_events_roles_what_is_handed_over_targets_its_recipient(code) -> None:
    events = code("Russia handed over twenty Ukrainian prisoners held in Kursk to Hungary.")
    assert ("RUS", "HUN", "08") in pairs(events)
    assert ("RUS", "UKR", "08") not in pairs(events)
    # with no recipient, whose the captives are is the target
    assert ("RUS", "UKR", "08") in pairs(code("Russia released twenty Ukrainian prisoners."))


def test_events_roles_its_fighters_are_the_armed_group_named_before(nlp) -> None:
    text = "Ukraine said it would not negotiate with the Wagner group while its fighters occupied Ukrainian villages."
    mentions = with_group(text, "the Wagner group", "WAGNER", "RUS", "MIL")
    bound_to_state = mention_at(
        text,
        "its fighters",
        party="UKR",
        kind="state",
        sector="REB",
        antecedent=Span(0, len("Ukraine")),
        rule="test+coref",
    )
    mentions = in_order(mentions, bound_to_state)
    events = coded(nlp(text), mentions)
    assert ("WAGNER", "UKR", "19") in pairs(events)
    assert not any(e.source and e.source.party == "UKR" and e.cameo[:2] == "19" for e in events)


def test_events_roles_deal_signed_in_a_foreign_state_is_with_its_host(code, nlp) -> None:
    assert ("TUR", "RUS", "05") in pairs(code("Turkey signed a defence pact in Moscow."))
    # an armed group or organisation signing abroad has no host for counterpart
    text = "The Wagner group signed a defence pact in Moscow."
    mentions = with_group(text, "The Wagner group", "WAGNER", "RUS", "MIL")
    events = coded(nlp(text), mentions)
    assert ("WAGNER", "RUS", "05") not in pairs(events)


def test_events_roles_its_fighters_keep_a_state_named_after_the_group(nlp) -> None:
    text = (
        "The Wagner group shelled Bakhmut, and Ukraine said its fighters occupied Russian villages."
    )
    mentions = with_group(text, "The Wagner group", "WAGNER", "RUS", "MIL")
    state = text.index("Ukraine")
    bound_to_state = mention_at(
        text,
        "its fighters",
        party="UKR",
        kind="state",
        sector="REB",
        antecedent=Span(state, state + len("Ukraine")),
        rule="test+coref",
    )
    mentions = in_order(mentions, bound_to_state)
    events = coded(nlp(text), mentions)
    assert ("UKR", "RUS", "19") in pairs(events)


def test_events_roles_force_on_a_held_place_falls_on_its_holder(code) -> None:
    # two sources: no sole-other-party fallback can supply the holder
    events = code("Russian and Georgian jets pounded villages held by Ukrainian troops.")
    assert {("RUS", "UKR", "19"), ("GEO", "UKR", "19")} <= pairs(events)


def test_events_roles_force_on_a_hyphen_held_place_falls_on_its_holder(code) -> None:
    events = code("Russian and Georgian jets bombed Hamas-controlled areas.")
    assert {("RUS", "HAMAS", "19"), ("GEO", "HAMAS", "19")} <= pairs(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Riders' Front attacked army posts and seized government positions.",
        "The Riders' Front seized the town of Edoras.",
        "The Riders' Front took control of Aldburg.",
        "The Riders' Front attacked Aldburg, the last army stronghold in the east.",
    ],
    ids=["army-posts", "town-of-a-name", "control-of-a-name", "stronghold-by-apposition"],
)
def test_events_roles_insurgents_striking_home_ground_or_organs_strike_their_state(
    nlp, text: str
) -> None:
    assert pairs(coded(nlp(text), front_group(text))) == {("RRF", "ROH", "19")}


def test_events_roles_insurgents_offensive_against_military_posts(nlp) -> None:
    text = "The Riders' Front launched an offensive against military posts in the hills."
    assert ("RRF", "ROH", "19") in pairs(coded(nlp(text), front_group(text)))


def test_events_roles_a_state_attacking_army_posts_has_no_home_target(code) -> None:
    events = code("Russia attacked army posts in the hills.")
    assert pairs(events) == {("RUS", None, "19")}


def test_events_roles_an_organisation_urging_protesters_has_no_home(nlp) -> None:
    text = "The alliance urged protesters to go home."
    alliance = mention_at(text, "alliance", party="NATO", kind="organization")
    mentions = in_order(alliance, opposition(text, "protesters"))
    assert {(s, t) for s, t, _ in pairs(coded(nlp(text), mentions))} == {("NATO", None)}


def test_events_roles_home_ground_beats_a_neighbour_named_as_a_landmark(nlp) -> None:
    text = "The Riders' Front captured the town near the Estonian border."
    mentions = in_order(front_group(text), mention_at(text, "Estonian", party="EST", kind="state"))
    assert pairs(coded(nlp(text), mentions)) == {("RRF", "ROH", "19")}


def test_events_roles_foreign_fighters_seize_no_home_ground(nlp) -> None:
    text = "Easterling fighters seized the town of Edoras."
    fighters = mention_at(
        text,
        "Easterling fighters",
        party="EAS",
        kind="group",
        sector="REB",
        country="RHU",
        rule="sector:fighters->REB+name:Easterling->EAS",
    )
    assert pairs(coded(nlp(text), [fighters])) == {("EAS", None, "19")}


def test_events_roles_insurgents_attacking_civilians_at_home_attack_their_state(nlp) -> None:
    text = "The Riders' Front attacked civilians fleeing the fighting."
    civilians = mention_at(text, "civilians", party=None, kind=None, sector="CVL")
    assert ("RRF", "ROH", "19") in pairs(coded(nlp(text), in_order(front_group(text), civilians)))


def test_events_roles_places_in_two_states_are_of_both(code) -> None:
    events = code("Turkish drones struck positions in northern Armenia and Georgia.")
    assert {("TUR", "ARM", "19"), ("TUR", "GEO", "19")} <= pairs(events)


def test_events_roles_force_on_counted_people_lands_where_they_are(code) -> None:
    # two sources: the place, not a sole-other-party guess, gives the target
    events = code("Russian and Hungarian troops abducted dozens of villagers in Ukraine.")
    assert {("RUS", "UKR", "18"), ("HUN", "UKR", "18")} <= pairs(events)


def test_events_roles_insurgents_mass_killing_abroad_falls_on_the_place(nlp) -> None:
    text = "The Riders' Front killed 300 people in Estonia."
    mentions = in_order(front_group(text), state_mentions(text, NAMES))
    assert pairs(coded(nlp(text), mentions)) == {("RRF", "EST", "20")}


def test_events_roles_a_state_firing_on_protesters_fires_on_its_own(nlp) -> None:
    text = "Georgian police opened fire on protesters."
    mentions = in_order(state_mentions(text, NAMES), opposition(text, "protesters"))
    assert pairs(coded(nlp(text), mentions)) == {("GEO", "GEO", "19")}


def test_events_roles_a_state_sentencing_its_own_citizen_acts_at_home(nlp) -> None:
    text = "A Georgian court sentenced Nika Beridze to four years in prison."
    citizen = mention_at(text, "Nika Beridze", party="GEO", kind="person")
    mentions = in_order(state_mentions(text, NAMES), citizen)
    assert ("GEO", "GEO", "11") in pairs(coded(nlp(text), mentions))


def test_events_roles_a_place_another_occupies_is_its_occupiers(code) -> None:
    events = code("Ukraine struck Russian-occupied Hungary with drones.")
    assert ("UKR", "RUS", "19") in pairs(events)
    assert ("UKR", "HUN", "19") not in pairs(events)


def test_events_roles_weapons_supplied_by_one_go_to_their_user(code) -> None:
    events = code("Ukraine struck Russian positions with missiles supplied by Estonia.")
    assert ("EST", "UKR", "07") in pairs(events)


def test_events_roles_cutting_a_link_is_done_to_the_party_it_links_to(code) -> None:
    events = code("Russia blew up the bridges that connected it to Ukraine.")
    assert ("RUS", "UKR", "17") in pairs(events)


def test_events_roles_blocking_a_road_linking_two_places_hits_the_far_party(code) -> None:
    events = code("Azerbaijan blocked the only road linking the valley to Armenia.")
    assert {(s, t) for s, t, _ in pairs(events)} == {("AZE", "ARM")}


def test_events_roles_blocking_a_road_linking_a_party_to_another_cuts_the_first_off(code) -> None:
    events = code("Russia blocked the only road linking Georgia to Turkey.")
    assert {(s, t) for s, t, _ in pairs(events)} == {("RUS", "GEO")}


def test_events_roles_an_insurgent_groups_own_forces_seize_home_ground(nlp) -> None:
    text = "The Riders' Front said its fighters had taken control of a police station."
    (front,) = front_group(text)
    fighters = mention_at(
        text,
        "its fighters",
        party="RRF",
        kind="group",
        sector="MIL",
        country="ROH",
        antecedent=front.span,
        rule="sector:fighters->MIL+pronoun",
    )
    assert ("RRF", "ROH", "19") in pairs(coded(nlp(text), [front, fighters]))


def test_events_roles_release_of_people_held_by_one_is_demanded_of_them(code) -> None:
    events = code("Ukraine demanded the release of prisoners held by Russia.")
    assert ("UKR", "RUS", "10") in pairs(events)


def test_events_roles_a_place_sheltering_people_is_theirs(code) -> None:
    # two sources: no sole-other-party fallback
    events = code("Russian and Hungarian jets bombed a school sheltering Ukrainian families.")
    assert {("RUS", "UKR", "19"), ("HUN", "UKR", "19")} <= pairs(events)


def test_events_roles_a_bare_organ_given_its_state_fires_on_its_own_people(nlp) -> None:
    # the organ takes its state from the place of its sentence and acts as that state
    text = "Police opened fire on protesters in Georgia."
    mentions = in_order(
        state_mentions(text, NAMES), sector(text, "Police", "COP"), opposition(text, "protesters")
    )
    assert pairs(coded(nlp(text), mentions)) == {("GEO", "GEO", "19")}


def test_events_roles_insurgents_refusing_to_leave_home_ground_refuse_their_state(nlp) -> None:
    text = "The Riders' Front said it would not withdraw from the territory it holds."
    front = front_group(text)
    it = mention_at(
        text, "it would", party="RRF", kind="group", sector="REB", country="ROH", rule="coref"
    )
    it = replace(it, span=Span(it.span.start, it.span.start + 2), text="it")
    events = coded(nlp(text), in_order(front, it))
    assert ("RRF", "ROH", "12") in pairs(events)


def test_events_roles_fighters_of_a_recorded_rebel_group_attack_their_state(nlp) -> None:
    # the actor base records the RSF as rebels and Wagner as a foreign military company
    text = "RSF fighters attacked a camp for displaced families."
    rsf = with_group(text, "RSF fighters", "RSF", "SDN")
    assert pairs(coded(nlp(text), rsf)) == {("RSF", "SDN", "19")}
    text = "Wagner fighters attacked a camp for displaced families."
    wagner = with_group(text, "Wagner fighters", "WAGNER", "RUS", "REB")
    assert pairs(coded(nlp(text), wagner)) == {("WAGNER", None, "19")}


def test_events_roles_soldiers_facing_protesters_in_a_state_are_its_own(nlp) -> None:
    text = "Soldiers opened fire on protesters in Georgia."
    mentions = in_order(
        state_mentions(text, NAMES), sector(text, "Soldiers", "MIL"), opposition(text, "protesters")
    )
    assert pairs(coded(nlp(text), mentions)) == {("GEO", "GEO", "19")}
