"""Tests of who did what to whom: whose words an act is in, and whom they charge.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from _events_roles import (
    CAMEO,
    LEXICON,
    NAMES,
    coded,
    coder,
    front_group,
    hand_parsed,
    opposition,
    pairs,
    pronoun,
    sector,
)
from _mentions import in_order, state_mentions
from contactline.events import extract_events


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_roles_move_judged_across_a_sentence_break(make_doc) -> None:
    # "X seized the port, a move Y condemned" parsed as two sentences at "Kyiv"
    doc = hand_parsed(
        make_doc,
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("seized", 1, "ROOT", "VERB", "seize"),
            ("the", 3, "det", "DET", "the"),
            ("port", 1, "dobj", "NOUN", "port"),
            (",", 1, "punct", "PUNCT", ","),
            ("a", 6, "det", "DET", "a"),
            ("move", 1, "npadvmod", "NOUN", "move"),
            ("Kyiv", 8, "nsubj", "PROPN", "Kyiv"),
            ("condemned", 8, "ROOT", "VERB", "condemn"),
            (".", 8, "punct", "PUNCT", "."),
        ],
    )
    assert ("UKR", "RUS", "11") in pairs(coded(doc))


def test_events_roles_threat_said_after_an_ultimatum_is_aimed_at_its_addressee(code) -> None:
    events = code(
        "Russia gave Georgia two days to pull back its troops and said it could use force."
    )
    assert ("RUS", "GEO", "13") in pairs(events)
    assert ("RUS", None, "13") not in pairs(events)


def test_events_roles_criticism_targets_the_author_of_the_act(code) -> None:
    events = code("Estonia condemned the shelling of Kyiv by Russian forces.")
    assert ("EST", "RUS", "11") in pairs(events)
    assert ("EST", "UKR", "11") not in pairs(events)


def test_events_roles_criticism_of_what_is_called_an_act(code) -> None:
    events = code("Hungary condemned what it called brutal attacks by Russia on Georgian villages.")
    assert ("HUN", "RUS", "11") in pairs(events)


def test_events_roles_warning_of_force_by_an_unnamed_party_is_the_speakers_threat(code) -> None:
    events = code(
        "Turkey ordered Armenia to withdraw and warned that a joint force would use force "
        "if it did not."
    )
    assert ("TUR", "ARM", "13") in pairs(events)


def test_events_roles_act_of_an_accusation_lands_where_it_is_said_to(code) -> None:
    events = code("Hungary accused Russia of massacres in Ukraine.")
    assert ("RUS", "UKR", "20") in pairs(events)


def test_events_roles_denial_of_an_uncoded_act_is_still_a_denial(code) -> None:
    events = code("Turkey denied forcing Armenian families to leave their homes.")
    assert [(e.source.party if e.source else None, e.cameo) for e in events] == [("TUR", "016")]


def test_events_roles_denying_someone_access_is_no_denial(code) -> None:
    events = code("Turkey denied Armenian journalists access to the region.")
    assert all(e.cameo != "016" for e in events)


def test_events_roles_it_under_a_verb_of_saying_is_the_speaker(nlp) -> None:
    # the pronoun resolved to the nearer party still means the one who says it
    text = "Russia fired a missile at Ukraine, which Kyiv said it had intercepted."
    mentions = in_order(state_mentions(text, NAMES), pronoun(text, "it", "RUS"))
    events = coded(nlp(text), mentions)
    intercepts = [e for e in events if e.trigger.start == text.index("intercepted")]
    assert [(e.source.party, e.target.party if e.target else None) for e in intercepts] == [
        ("UKR", "RUS")
    ]


def test_events_roles_they_under_a_verb_of_saying_are_all_the_speakers(nlp) -> None:
    text = "Armenia, Georgia and Azerbaijan said they would create a joint force."
    mentions = in_order(state_mentions(text, NAMES), pronoun(text, "they", "ARM"))
    events = coded(nlp(text), mentions)
    assert {("GEO", "AZE", "03"), ("AZE", "ARM", "03")} <= pairs(events)


def test_events_roles_inquiry_into_own_act_targets_no_one(code) -> None:
    events = code("Russia is investigating a Russian air strike in Georgia.")
    inquiries = [e for e in events if e.cameo[:2] == "09"]
    assert [(e.source.party, e.target) for e in inquiries] == [("RUS", None)]


def test_events_roles_inquiry_into_anothers_act_targets_its_author(code) -> None:
    events = code("Estonia is investigating a Russian air strike in Georgia.")
    assert ("EST", "RUS", "09") in pairs(events)


def test_events_roles_accusing_each_other_goes_both_ways(code) -> None:
    events = code("Armenia and Azerbaijan accused each other of violating the truce.")
    accusations = {p for p in pairs(events) if p[2] == "11"}
    assert accusations == {("ARM", "AZE", "11"), ("AZE", "ARM", "11")}


def test_events_roles_each_side_blaming_the_other_are_the_sides_of_the_fighting(code) -> None:
    events = code(
        "Clashes erupted between Russia and Ukraine, with each side blaming the other for them."
    )
    assert {("RUS", "UKR", "11"), ("UKR", "RUS", "11")} <= pairs(events)


def test_events_roles_accused_pronoun_is_whom_the_first_verb_acted_on(code) -> None:
    events = code(
        "Russia launched an offensive against Georgia, accusing it of attacking its convoys."
    )
    claimed = [e for e in events if e.modality == "claimed"]
    assert [(e.source.party, e.cameo[:2]) for e in claimed] == [("GEO", "19")]


def test_events_roles_calling_something_a_name_is_no_appeal(code) -> None:
    events = code("Georgia condemned what it called brutal attacks by Russia on Armenian villages.")
    assert all(e.cameo[:2] != "02" for e in events)


def test_events_roles_responsibility_claimed_for_an_act_targets_its_victims(code) -> None:
    events = code(
        "Hamas claimed responsibility for the rocket attack that wounded two Israeli soldiers."
    )
    claims = [e for e in events if e.cameo == "015"]
    assert [(e.source.party, e.target.party if e.target else None) for e in claims] == [
        ("HAMAS", "ISR")
    ]


def test_events_roles_party_in_the_speakers_phrase_is_no_bystander(code) -> None:
    events = code("A Turkey-based monitoring group said Russian jets bombed the village.")
    assert ("RUS", "TUR", "19") not in pairs(events)


def test_events_roles_speaking_body_is_not_of_the_place_it_reports(nlp) -> None:
    text = "The ministry said Armenian troops had captured a village in Georgia."
    mentions = in_order(state_mentions(text, NAMES), sector(text, "ministry", "GOV"))
    events = coded(nlp(text), mentions)
    assert all(e.reported_by != "GEO" for e in events)
    assert all(e.source is None or e.source.party != "GEO" for e in events)


def test_events_roles_lawsuit_is_against_the_party_sued_not_the_court(code) -> None:
    events = code("Georgia filed a lawsuit at the Hungary court against Russia.")
    suits = [e for e in events if e.cameo == "115"]
    assert [(e.source.party, e.target.party if e.target else None) for e in suits] == [
        ("GEO", "RUS")
    ]


def test_events_roles_lawsuit_accusing_a_party_is_against_it(code) -> None:
    events = code("Georgia filed a case at the Hungary court accusing Russia of massacres.")
    assert ("GEO", "RUS", "11") in pairs(events)
    assert ("GEO", "HUN", "11") not in pairs(events)


def test_events_roles_criticism_answers_the_earlier_act_named_by_the_same_word(code) -> None:
    events = code(
        "Georgia launched strikes on Armenia. Russia fired missiles at Ukraine. "
        "Hungary condemned the strikes."
    )
    assert ("HUN", "GEO", "11") in pairs(events)
    assert ("HUN", "RUS", "11") not in pairs(events)


def test_events_roles_owning_up_to_a_strike_is_towards_its_victims(code) -> None:
    events = code(
        "Two Georgian diplomats were killed in a Russian strike, which Moscow called a mistake."
    )
    assert ("RUS", "GEO", "01") in pairs(events)


def test_events_roles_denial_in_a_relative_clause_answers_the_claimant(code) -> None:
    events = code(
        "Russia claimed the saboteurs had trained in Georgia, which Georgia rejected as absurd."
    )
    assert ("GEO", "RUS", "01") in pairs(events)


def test_events_roles_unattributed_strike_is_the_blamed_party_s_by_the_blamer(code) -> None:
    events = code("Missiles struck a Kyiv suburb overnight, and Ukraine blamed Russia.")
    strikes = [e for e in events if e.cameo[:2] == "19"]
    assert [(e.source.party, e.target.party) for e in strikes if e.source and e.target] == [
        ("RUS", "UKR")
    ]
    assert strikes[0].modality == "claimed" and strikes[0].reported_by == "UKR"


def test_events_roles_shooting_down_the_charged_attack_is_not_the_accused_s(code) -> None:
    events = code(
        "Ukraine accused Russia of attempting to kill its president "
        "with drones that were shot down over Kyiv."
    )
    assert ("RUS", "UKR", "18") in pairs(events)
    assert ("RUS", "UKR", "19") not in pairs(events)


def test_events_roles_act_blamed_on_a_party_is_its_act_by_the_blamer(code) -> None:
    events = code("Ukraine blamed the air strike on Kherson on Russia.")
    strikes = [e for e in events if e.cameo[:2] == "19"]
    assert [(e.source.party, e.target.party, e.reported_by) for e in strikes] == [
        ("RUS", "UKR", "UKR")
    ]
    assert ("UKR", "RUS", "11") in pairs(events)


def test_events_roles_relative_pronoun_of_a_reported_clause_is_its_noun(code) -> None:
    events = code(
        "Georgian troops fired on a Russian drone that Georgia said had violated its airspace."
    )
    assert ("RUS", "GEO", "19") in pairs(events)


def test_events_roles_saying_so_in_a_relative_clause_accuses_no_one(code) -> None:
    events = code(
        "Georgian troops fired on a Russian drone that Georgia said had violated its airspace."
    )
    assert ("GEO", "RUS", "11") not in pairs(events)
    assert ("GEO", "RUS", "11") in pairs(
        code("Georgia said a Russian drone had violated its airspace.")
    )


def test_events_roles_unattributed_killing_blamed_by_two_is_the_first_s_claim(code) -> None:
    events = code("A Georgian envoy was assassinated in Ankara; Georgia and Turkey blamed Russia.")
    killings = [e for e in events if e.cameo[:2] == "18"]
    assert [(e.source.party, e.target.party, e.reported_by) for e in killings] == [
        ("RUS", "GEO", "GEO")
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A Russian missile hit a cargo ship, the Ukrainian military said.", "UKR"),
        ("A Russian missile hit a cargo ship off Georgia, the Ukrainian military said.", None),
        ("A Russian missile hit a cargo ship near Georgia, the Ukrainian military said.", None),
    ],
)
def test_events_roles_force_reported_off_another_land_is_not_against_the_speaker(
    code, text, target
) -> None:
    # the speaker is the target of force it reports unless the act lands by another's land
    assert ("RUS", target, "19") in pairs(code(text))


@pytest.mark.parametrize(
    ("accusation", "target"),
    [
        ("; Hezbollah accused Israel of wrecking the deal.", "HEZBOLLAH"),
        (".", "LBN"),
    ],
)
def test_events_roles_breach_of_a_truce_is_against_who_accuses_its_doer(
    nlp, accusation, target
) -> None:
    # a truce is made with a party, not the region struck: the accuser is the other side
    text = "Israel resumed heavy shelling in the Bekaa valley, ending the truce" + accusation
    names = {"Israel": "ISR", "Hezbollah": "HEZBOLLAH", "Bekaa": "LBN"}
    mentions = [
        replace(m, kind="region") if m.text == "Bekaa" else m for m in state_mentions(text, names)
    ]
    events = coded(nlp(text), mentions)
    breaches = [e for e in events if e.cameo == "196"]
    assert [(e.source.party, e.target.party) for e in breaches if e.source and e.target] == [
        ("ISR", target)
    ]


@pytest.mark.parametrize(
    ("place", "target"),
    [("near Moscow", "RUS"), ("between Moscow and Kyiv", None)],
)
def test_events_roles_claim_of_an_attack_on_no_party_is_against_where_it_happened(
    nlp, place, target
) -> None:
    # no victim party is named: the one state the attack is placed in was hit
    text = f"Gunmen stormed a train station {place}, wounding dozens; Islamic State claimed responsibility."
    names = {"Moscow": "RUS", "Kyiv": "UKR", "Islamic State": "ISIS"}
    doc = nlp(text)
    events = extract_events(
        doc, state_mentions(text, names), [], [], LEXICON, CAMEO, published=None
    )
    claims = [e for e in events if e.cameo == "015"]
    assert [
        (e.source.party if e.source else None, e.target.party if e.target else None) for e in claims
    ] == [("ISIS", target)]


def test_events_roles_help_keeps_the_claim_of_the_helped_act(code) -> None:
    events = code("Georgian forces shot down the drones with the support of Turkey, Georgia said.")
    helped = [e for e in events if e.cameo == "062"]
    assert [(e.source.party, e.target.party, e.modality) for e in helped] == [
        ("TUR", "GEO", "claimed")
    ]


def test_events_roles_a_state_accusing_the_opposition_accuses_its_own(nlp) -> None:
    text = "The Georgian government accused the opposition of plotting a coup."
    mentions = in_order(state_mentions(text, NAMES), opposition(text, "opposition"))
    assert pairs(coded(nlp(text), mentions)) == {("GEO", "GEO", "11")}


def test_events_roles_judged_act_takes_the_author_a_relative_clause_blames(code) -> None:
    # three parties: no sole-other-party fallback can supply the author
    events = code("Hungary condemned the attack, which Ukraine blamed on Russia.")
    assert ("HUN", "RUS", "11") in pairs(events)


def test_events_roles_judged_act_takes_the_author_that_carried_it_out(code) -> None:
    events = code("Hungary and Estonia condemned the strike, which Russia carried out overnight.")
    assert {("HUN", "RUS", "11"), ("EST", "RUS", "11")} <= pairs(events)


def test_events_roles_revenge_for_a_death_is_against_the_killer(code) -> None:
    events = code(
        "Russia killed a Hamas commander in Kyiv. Turkey vowed to avenge the killing of the Hamas commander."
    )
    assert ("TUR", "RUS", "13") in pairs(events)
    assert ("TUR", "HAMAS", "13") not in pairs(events)


def test_events_roles_what_one_blames_on_a_party_blames_that_party(code) -> None:
    events = code(
        "Estonia condemned the killing of a Hungarian envoy, which Ukraine blames on Russia."
    )
    blames = {(e.source.party, e.target.party) for e in events if e.cameo == "112"}
    assert blames == {("UKR", "RUS")}


def test_events_roles_act_in_a_while_clause_of_a_report_accuses_no_one(code) -> None:
    events = code(
        "Armenia said it would attend the talks while Azerbaijani troops shelled villages."
    )
    assert ("ARM", "AZE", "11") not in pairs(events)
    shelling = [e for e in events if e.cameo[:2] == "19"]
    assert shelling and all(e.modality == "claimed" and e.reported_by == "ARM" for e in shelling)
    assert all(e.target is None or e.target.party != "ARM" for e in shelling)


def test_events_roles_war_between_two_told_by_a_third_accuses_neither(code) -> None:
    events = code("Turkey said the war between Russia and Ukraine had displaced millions.")
    assert {p for p in pairs(events) if p[2] == "11"} == set()
    assert ("RUS", "UKR", "19") in pairs(events)


def test_events_roles_a_report_of_anothers_force_still_accuses(code) -> None:
    events = code("Armenia said Azerbaijani troops shelled villages near the border.")
    assert ("ARM", "AZE", "11") in pairs(events)


def test_events_roles_an_act_feared_in_someones_words_is_hypothetical_and_unclaimed(code) -> None:
    events = code("Villagers said they feared Russian troops would shell the village.")
    force = [e for e in events if e.source and e.source.party == "RUS"]
    assert force and all(e.modality == "hypothetical" and e.cameo[:2] == "19" for e in force)
    assert all(e.reported_by is None for e in force)


def test_events_roles_an_act_feared_to_come_is_hypothetical(code) -> None:
    events = code("Residents fear that Azerbaijani troops will storm the town.")
    assert [e.modality for e in events if e.source and e.source.party == "AZE"] == ["hypothetical"]


def test_events_roles_a_term_in_quotation_marks_is_no_quoted_statement(code) -> None:
    events = code(
        'Air defences shot down 34 missiles, Ukraine said, while 20 were "lost" to jamming.'
    )
    assert all(e.cameo != "010" for e in events)


def test_events_roles_revenge_with_no_killer_told_is_not_on_the_dead(code) -> None:
    events = code(
        "Russia fired missiles at Ukraine, saying it was retaliating for the killing of Hamas leaders."
    )
    assert ("RUS", "HAMAS", "19") not in pairs(events)
    assert ("RUS", "UKR", "19") in pairs(events)


def test_events_roles_it_in_a_relative_clause_is_the_outer_subject(code) -> None:
    events = code("Georgia expelled the ambassador after drone attacks that it blamed on Russia.")
    assert ("GEO", "RUS", "11") in pairs(events)


def test_events_roles_an_armed_group_accusing_is_no_target_of_force_on_others(nlp) -> None:
    text = "The Riders' Front accused Ukraine of shelling residential neighbourhoods."
    mentions = in_order(state_mentions(text, NAMES), *front_group(text))
    shelling = {(s, t) for s, t, root in pairs(coded(nlp(text), mentions)) if root == "19"}
    assert shelling and ("UKR", "RRF") not in shelling
    # a state accusing names its own ground
    text = "Armenia accused Azerbaijan of shelling residential neighbourhoods."
    assert ("AZE", "ARM", "19") in pairs(coded(nlp(text)))
