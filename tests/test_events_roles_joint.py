"""Tests of who did what to whom: joint acts, both sides, partners, helpers, mediators.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import NAMES, coded, coder, hand_parsed, pairs, with_group
from _mentions import in_order, mention_at, state_mentions
from contactline.records import Span


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_roles_two_subjects_of_one_verb_act_together(make_doc) -> None:
    # "X and Y met" misparsed with two subjects: both met, each other
    doc = hand_parsed(
        make_doc,
        [
            ("Armenia", 3, "nsubj", "PROPN", "Armenia"),
            ("and", 0, "cc", "CCONJ", "and"),
            ("Azerbaijan", 3, "nsubj", "PROPN", "Azerbaijan"),
            ("met", 3, "ROOT", "VERB", "meet"),
            ("in", 3, "prep", "ADP", "in"),
            ("Geneva", 4, "pobj", "PROPN", "Geneva"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    )
    assert {("ARM", "AZE", "04"), ("AZE", "ARM", "04")} <= pairs(coded(doc))


def test_events_roles_quitting_a_brokered_deal_rejects_its_brokers(code) -> None:
    events = code("Azerbaijan withdrew from the transit agreement brokered by Russia and Turkey.")
    assert {("AZE", "RUS", "12"), ("AZE", "TUR", "12")} <= pairs(events)


def test_events_roles_agreement_in_the_presence_of_a_party_is_its_mediation(code) -> None:
    events = code(
        "Armenia and Georgia signed a border deal in the presence of the Russian minister."
    )
    assert {("RUS", "ARM", "04"), ("RUS", "GEO", "04")} <= pairs(events)
    assert {("ARM", "GEO", "05"), ("GEO", "ARM", "05")} <= pairs(events)


def test_events_roles_visit_is_to_whom_its_purpose_is_to_meet(nlp) -> None:
    text = "Turkish envoys travelled to Moscow to hold talks with Wagner commanders."
    capital = mention_at(text, "Moscow", party="RUS", kind="state", rule="capital:Moscow->RUS")
    mentions = sorted(
        [
            *(m for m in state_mentions(text, NAMES) if m.text != "Moscow"),
            capital,
            *with_group(text, "Wagner commanders", "WAGNER", "RUS", "MIL")[-1:],
        ],
        key=lambda m: m.span.start,
    )
    events = coded(nlp(text), mentions)
    codes = {(e.source.party, e.target.party if e.target else None, e.cameo) for e in events}
    assert {("TUR", "WAGNER", "042"), ("TUR", "WAGNER", "046")} <= codes


def test_events_roles_visit_setting_the_scene_is_the_subjects_own(code) -> None:
    events = code("On a visit to Kyiv, the Hungarian envoy condemned the Russian strikes.")
    assert ("HUN", "UKR", "04") in pairs(events)


def test_events_roles_attending_a_hosted_summit_meets_the_host(code) -> None:
    events = code("Armenia attended a summit hosted by Turkey.")
    assert ("ARM", "TUR", "04") in pairs(events)
    events = code("Turkey hosted a summit attended by Armenia.")
    assert ("ARM", "TUR", "04") in pairs(events)


def test_events_roles_what_two_sides_trade_each_does_to_the_other(code) -> None:
    events = code("Armenia and Azerbaijan exchanged accusations over the shelling.")
    assert {("ARM", "AZE", "11"), ("AZE", "ARM", "11")} <= pairs(events)
    events = code("Russian and Ukrainian troops traded fire across the river.")
    assert {("RUS", "UKR", "19"), ("UKR", "RUS", "19")} <= pairs(events)


def test_events_roles_mediation_of_talks_between_two_sides(code) -> None:
    expected = {("RUS", "ARM", "04"), ("RUS", "AZE", "04")}
    assert expected <= pairs(code("Talks between Armenia and Azerbaijan were mediated by Russia."))
    events = code("Negotiations between Armenia and Azerbaijan, mediated by Russia, stalled.")
    assert expected <= pairs(events)


def test_events_roles_both_sides_are_the_pair_named_before(code) -> None:
    events = code(
        "Fighting broke out between Armenia and Azerbaijan, and Russia urged both sides to stop."
    )
    assert {("RUS", "ARM", "02"), ("RUS", "AZE", "02")} <= pairs(events)
    # the speakers' "two sides" are someone else's
    events = code("Russia and Turkey said the two sides had agreed to a truce.")
    assert ("RUS", "TUR", "08") not in pairs(events)


def test_events_roles_helpers_of_force_cooperate_militarily_with_its_user(code) -> None:
    events = code("Ukraine shot down the missiles with help from Hungary and Estonia.")
    helped = {(e.source.party, e.target.party) for e in events if e.cameo == "062"}
    assert helped == {("HUN", "UKR"), ("EST", "UKR")}


def test_events_roles_either_side_of_a_war_between_two_is_each_of_them(code) -> None:
    events = code(
        "Hungary has sent no weapons to either side in the war between Russia and Ukraine."
    )
    aid = {(e.source.party, e.target.party) for e in events if e.cameo[:2] == "07"}
    assert aid == {("HUN", "RUS"), ("HUN", "UKR")}


def test_events_roles_both_sides_are_the_pair_of_the_sentence_before(code) -> None:
    events = code(
        "Armenia and Azerbaijan fought a war in 2020. Russia urged both sides to show restraint."
    )
    assert {("RUS", "ARM", "02"), ("RUS", "AZE", "02")} <= pairs(events)


def test_events_roles_conjoined_owners_of_a_force_each_act(nlp) -> None:
    # "U.S. and British ...": the parser hangs the owners as a modifier (nmod) with a conjunct
    text = "U.S. and Turkish warplanes launched strikes on Russian positions."
    mentions = in_order(
        state_mentions(text, NAMES), mention_at(text, "U.S.", party="USA", kind="state")
    )
    events = coded(nlp(text), mentions)
    assert {("USA", "RUS", "19"), ("TUR", "RUS", "19")} <= pairs(events)


def test_events_roles_relative_clause_of_conjoined_parties_is_done_by_each(code) -> None:
    events = code(
        "Russia and Ukraine, which have fought since 2014, exchanged prisoners on Sunday."
    )
    assert {("RUS", "UKR", "19"), ("UKR", "RUS", "19")} <= pairs(events)


def test_events_roles_help_named_beside_the_subject_helps_its_act(code) -> None:
    events = code("Georgian troops, with the help of Turkish advisers, shelled Russian positions.")
    helped = {(e.source.party, e.target.party) for e in events if e.cameo == "062"}
    assert helped == {("TUR", "GEO")}


def test_events_roles_helper_owning_the_help_noun_cooperates(code) -> None:
    events = code("Ukraine shot down the drones with Hungarian help.")
    assert {(s, t) for s, t, root in pairs(events) if root == "06"} == {("HUN", "UKR")}
    assert ("UKR", "HUN", "19") not in pairs(events)


def test_events_roles_a_demand_after_a_joint_act_is_made_of_the_partner(code) -> None:
    events = code(
        "Russia and Ukraine said they had finalised the text of a treaty, but Kyiv set conditions."
    )
    assert ("UKR", "RUS", "10") in pairs(events)


def test_events_roles_a_declared_truce_is_towards_who_answers_it(code) -> None:
    events = code(
        "Georgia declared a unilateral truce, and Russia vowed to respect it, Turkey said."
    )
    assert ("GEO", "RUS", "08") in pairs(events)


def test_events_roles_a_truce_and_the_aid_it_lets_in_are_two_acts(code) -> None:
    events = code(
        "Georgia declared a truce to allow aid into Russia, and Russia vowed to respect it."
    )
    codes = {e.cameo for e in events if e.source and e.source.party == "GEO"}
    assert {"0871", "0863"} <= codes


def test_events_roles_both_countries_stand_for_the_pair_even_if_resolved_to_one(nlp) -> None:
    text = "Hungary urged Armenia and Azerbaijan to talk, and Russia called on both countries to show restraint."
    mentions = in_order(
        state_mentions(text, NAMES),
        mention_at(text, "both countries", party="AZE", kind="state", rule="anaphor"),
    )
    calls = {(s, t) for s, t, root in pairs(coded(nlp(text), mentions)) if s == "RUS"}
    assert calls == {("RUS", "ARM"), ("RUS", "AZE")}


def test_events_roles_both_sides_far_back_are_the_list_their_mention_refers_to(nlp) -> None:
    text = (
        "Armenia and Azerbaijan fought a war in 2020. The border stayed shut for years. "
        "Trade stopped. Hungary said both sides had accused each other of shelling."
    )
    sides = mention_at(
        text,
        "both sides",
        party="AZE",
        kind="state",
        antecedent=Span(text.index("Azerbaijan"), text.index("Azerbaijan") + 10),
        rule="coref",
    )
    events = coded(nlp(text), in_order(state_mentions(text, NAMES), sides))
    accused = {(s, t) for s, t, root in pairs(events) if root == "11"}
    assert accused == {("ARM", "AZE"), ("AZE", "ARM")}


def test_events_roles_the_warring_parties_are_the_pair_before(code) -> None:
    events = code("Armenia and Azerbaijan clashed again. Russia urged the warring parties to stop.")
    assert {("RUS", "ARM", "02"), ("RUS", "AZE", "02")} <= pairs(events)


def test_events_roles_a_pair_fighting_a_war_fight_each_other(code) -> None:
    events = code("Armenia and Azerbaijan fought a war in 2020.")
    assert {("ARM", "AZE", "19"), ("AZE", "ARM", "19")} <= pairs(events)


def test_events_roles_a_meeting_with_a_partner_is_held_by_both(code) -> None:
    events = code("Armenia held a meeting with Turkey in Kars.")
    assert {("ARM", "TUR", "04"), ("TUR", "ARM", "04")} <= pairs(events)


def test_events_roles_a_joint_act_with_a_partner_is_done_by_every_pair(code) -> None:
    events = code("Georgia and Armenia held joint drills with Turkey.")
    expected = {
        (a, b, "06") for a in ("GEO", "ARM", "TUR") for b in ("GEO", "ARM", "TUR") if a != b
    }
    assert expected <= pairs(events)


def test_events_roles_an_agreement_with_a_partner_stays_one_way(code) -> None:
    events = code("Armenia reached an agreement with Georgia on trade.")
    assert ("ARM", "GEO", "05") in pairs(events)
    assert ("GEO", "ARM", "05") not in pairs(events)


def test_events_roles_second_side_of_a_war_between_hung_off_the_noun(make_doc) -> None:
    # "the war between X, led by A, and Y" with Y parsed as a conjunct of "war"
    doc = hand_parsed(
        make_doc,
        [
            ("The", 1, "det", "DET", "the"),
            ("war", 7, "nsubj", "NOUN", "war"),
            ("between", 1, "prep", "ADP", "between"),
            ("Armenia", 2, "pobj", "PROPN", "Armenia"),
            (",", 1, "punct", "PUNCT", ","),
            ("and", 1, "cc", "CCONJ", "and"),
            ("Azerbaijan", 1, "conj", "PROPN", "Azerbaijan"),
            ("began", 7, "ROOT", "VERB", "begin"),
            (".", 7, "punct", "PUNCT", "."),
        ],
    )
    assert {("ARM", "AZE", "19"), ("AZE", "ARM", "19")} <= pairs(coded(doc))
