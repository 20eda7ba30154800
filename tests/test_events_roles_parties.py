"""Tests of who did what to whom: subjects, objects and clauses naming an act's parties.

Shared helpers live in ``_events_roles``.
"""

from __future__ import annotations

import pytest

from _events_roles import (
    NAMES,
    coded,
    coder,
    front_group,
    hand_parsed,
    militants_parse,
    pairs,
    pronoun,
    with_group,
)
from _mentions import in_order, mention_at, state_mentions


@pytest.fixture
def code(nlp):
    """Code a text parsed by the real pipeline and return its events."""
    return coder(nlp)


def test_events_roles_unmarked_clause_continues_its_head(make_doc) -> None:
    # "drones flew into X destroyed ..." with "destroyed" parsed as a clause of "flew":
    # the drones destroyed, and what they destroyed lay where they flew
    doc = hand_parsed(
        make_doc,
        [
            ("Ukrainian", 1, "amod", "ADJ", "ukrainian"),
            ("drones", 2, "nsubj", "NOUN", "drone"),
            ("flew", 2, "ROOT", "VERB", "fly"),
            ("into", 2, "prep", "ADP", "into"),
            ("Russia", 3, "pobj", "PROPN", "Russia"),
            ("destroyed", 2, "advcl", "VERB", "destroy"),
            ("bombers", 5, "dobj", "NOUN", "bomber"),
            (".", 2, "punct", "PUNCT", "."),
        ],
    )
    doc[5].tag_ = "VBD"
    assert {(source, target) for source, target, _ in pairs(coded(doc))} == {("UKR", "RUS")}


def test_events_roles_armed_group_backed_is_the_target_not_the_thing_sent(nlp) -> None:
    text = "Russia backed Wagner fighters that attacked villages near the Georgian border."
    mentions = with_group(text, "Wagner fighters", "WAGNER", "RUS", "MIL")
    events = coded(nlp(text), mentions)
    assert ("RUS", "WAGNER", "07") in pairs(events)
    assert ("RUS", "GEO", "07") not in pairs(events)


def test_events_roles_dispatch_goes_where_its_purpose_is(code) -> None:
    events = code("Russia said it was ready to send monitors to observe the truce in Georgia.")
    assert ("RUS", "GEO", "03") in pairs(events)


def test_events_roles_purpose_elsewhere_than_the_dispatch_is_not_read(code) -> None:
    # the place of a clause of its own is not where the troops go
    events = code("Russia sent troops to the border after protesters gathered in Georgia.")
    assert ("RUS", "GEO", "15") not in pairs(events)


def test_events_roles_protest_is_against_whom_its_slogans_are(code) -> None:
    events = code(
        "Thousands of Armenian protesters rallied in Yerevan, chanting slogans against Russia."
    )
    assert ("ARM", "RUS", "14") in pairs(events)
    assert ("ARM", "ARM", "14") not in pairs(events)


def test_events_roles_descriptive_apposition_adds_no_party(code) -> None:
    events = code(
        "Russia, Turkey and Hungary, the sponsors of the Ukraine talks, urged Armenia and "
        "Azerbaijan to agree to a ceasefire."
    )
    assert {e.source.party for e in events if e.source} == {"RUS", "TUR", "HUN"}


def test_events_roles_force_falls_on_whom_its_participle_drives_out(code) -> None:
    events = code(
        "Russia seized the town near the border with Georgia, forcing Ukrainian soldiers to flee."
    )
    assert ("RUS", "UKR", "19") in pairs(events)


def test_events_roles_party_describing_the_source_is_no_counterpart(code) -> None:
    events = code("Turkey, which hosts talks with Georgia, condemned the shelling.")
    assert ("TUR", "GEO", "11") not in pairs(events)


def test_events_roles_occupation_describing_a_place_is_no_news(nlp) -> None:
    text = "Russia ordered Georgia to withdraw from the villages it occupied."
    mentions = in_order(state_mentions(text, NAMES), pronoun(text, "it", "RUS"))
    events = coded(nlp(text), mentions)
    assert all(e.cameo[:3] != "192" for e in events)


def test_events_roles_misparsed_clause_with_its_own_object_is_still_news(code) -> None:
    events = code("Russia admitted for the first time that Georgian troops had occupied Ukraine.")
    assert ("GEO", "UKR", "19") in pairs(events)


def test_events_roles_attack_repelled_is_against_who_repels_it(code) -> None:
    events = code("Ukrainian troops repelled an attack by Russia near the border.")
    assert pairs(events) == {("RUS", "UKR", "19")}


def test_events_roles_participle_continues_the_infinitive_its_verb_governs(make_doc) -> None:
    # "accusing" hangs off "voted", which only governs the act: the freezing's target
    doc = hand_parsed(
        make_doc,
        [
            ("Estonia", 2, "poss", "PROPN", "Estonia"),
            ("'s", 0, "case", "PART", "'s"),
            ("parliament", 3, "nsubj", "NOUN", "parliament"),
            ("voted", 3, "ROOT", "VERB", "vote"),
            ("to", 5, "aux", "PART", "to"),
            ("freeze", 3, "xcomp", "VERB", "freeze"),
            ("cooperation", 5, "dobj", "NOUN", "cooperation"),
            ("with", 6, "prep", "ADP", "with"),
            ("Russia", 7, "pobj", "PROPN", "Russia"),
            ("and", 8, "cc", "CCONJ", "and"),
            ("Georgia", 8, "conj", "PROPN", "Georgia"),
            (",", 3, "punct", "PUNCT", ","),
            ("accusing", 3, "advcl", "VERB", "accuse"),
            ("both", 14, "det", "DET", "both"),
            ("neighbours", 12, "dobj", "NOUN", "neighbour"),
            ("of", 14, "prep", "ADP", "of"),
            ("aggression", 15, "pobj", "NOUN", "aggression"),
            (".", 3, "punct", "PUNCT", "."),
        ],
    )
    doc[12].tag_ = "VBG"
    assert {("EST", "RUS", "11"), ("EST", "GEO", "11")} <= pairs(coded(doc))


def test_events_roles_past_verb_joined_to_a_demanded_act_continues_the_demand(code) -> None:
    events = code(
        "Hungary demanded that Ukraine restore minority rights and warned of consequences."
    )
    assert ("HUN", "UKR", "13") in pairs(events)
    assert not any(e.source and e.source.party == "UKR" for e in events)


def test_events_roles_who_is_forced_to_yield_yields(code) -> None:
    events = code("Russia forced the garrison to surrender after a long siege.")
    assert not [e for e in events if e.cameo[:2] == "08" and e.source and e.source.party == "RUS"]


def test_events_roles_yielding_one_is_forced_to_yields_to_the_forcer(code) -> None:
    events = code(
        "Russia captured the town on the border with Georgia, forcing Ukrainian soldiers to withdraw."
    )
    assert ("UKR", "RUS", "08") in pairs(events)
    assert ("UKR", "GEO", "08") not in pairs(events)


def test_events_roles_participle_is_done_to_the_noun_it_describes(code) -> None:
    events = code("Hungarian rebels, backed by Russia, seized the town.")
    assert any(s == "RUS" and t == "HUN" for s, t, _ in pairs(events))


def test_events_roles_participle_with_an_object_is_its_nouns_own_verb(make_doc) -> None:
    events = coded(militants_parse(make_doc))
    assert [(e.source.party, e.cameo[:2]) for e in events] == [("EST", "20")]


def test_events_roles_guessed_target_describing_the_source_is_dropped(make_doc) -> None:
    doc = militants_parse(make_doc)
    mentions = in_order(
        mention_at(doc.text, "Militants", party="HUN", kind="group", sector="REB"),
        state_mentions(doc.text, NAMES),
    )
    assert pairs(coded(doc, mentions)) == {("EST", None, "20")}


def test_events_roles_a_truce_before_no_named_enemy_is_no_event(code) -> None:
    events = code("Armenia declared a unilateral ceasefire.")
    assert all(e.cameo[:2] != "08" for e in events)


def test_events_roles_a_truce_with_a_named_enemy_is_kept(code) -> None:
    assert ("ARM", "AZE", "08") in pairs(code("Armenia declared a ceasefire with Azerbaijan."))


def test_events_roles_a_clause_describing_the_subject_is_no_news(code) -> None:
    events = code("Turkey, which has been holding talks with Russia, urged Ukraine to negotiate.")
    assert pairs(events) == {("TUR", "UKR", "02")}


def test_events_roles_a_relative_clause_blaming_another_is_still_news(code) -> None:
    events = code("Georgia, which Russia accuses of shelling its villages, called for talks.")
    assert ("RUS", "GEO", "11") in pairs(events)


def test_events_roles_who_stands_by_as_an_act_happens_is_no_guessed_target(code) -> None:
    text = "Hungarian troops stood by while Ukraine launched an offensive."
    offensive = {(s, t) for s, t, root in pairs(code(text)) if root == "19"}
    assert offensive == {("UKR", None)}
    # with no scene-setting clause the sole other party stays the guess
    text = "Hungarian troops were in the region, and Ukraine launched an offensive."
    assert ("UKR", "HUN", "19") in pairs(code(text))


def test_events_roles_partyless_subject_led_by_a_party_acts_for_it(nlp) -> None:
    text = "Rebels led by the Riders' Front seized the town of Kherson."
    seized = {s for s, t, root in pairs(coded(nlp(text), front_group(text))) if root == "19"}
    assert seized == {"RRF"}


def test_events_roles_body_of_two_parties_acts_for_both(code) -> None:
    text = "The border commissions of Armenia and Azerbaijan signed a protocol."
    signed = {(s, t) for s, t, root in pairs(code(text)) if root == "05"}
    assert signed == {("ARM", "AZE"), ("AZE", "ARM")}


def test_events_roles_owners_under_a_bodys_bare_topic_are_its_parties(code) -> None:
    # the parser hangs "of Georgia and Turkey" on "trade", not on "commissions"
    text = "The commissions on trade of Georgia and Turkey signed a protocol."
    signed = {(s, t) for s, t, root in pairs(code(text)) if root == "05"}
    assert signed == {("GEO", "TUR"), ("TUR", "GEO")}
    # a topic with a determiner of its own keeps its owner
    text = "The commission on the future of Georgia signed a protocol with Turkey."
    assert ("GEO", "TUR", "05") not in pairs(code(text))
