"""Tests of event coding: roles, dyads, claims, moods, frames and the fields of an event.

Sentences are about real states with hand-made mentions (a name list below), so that the
tests do not drift with the actor stage; parsing uses the real spaCy pipeline.
"""

from __future__ import annotations

from datetime import date

import pytest

from _mentions import in_order, mention_at, state_mentions
from conftest import SEEDS
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.events import extract_events
from contactline.records import Event, Mention, Span, Speaker, Statement, TimeExpr

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
NAMES = {
    "Armenia": "ARM",
    "Armenian": "ARM",
    "Yerevan": "ARM",
    "Azerbaijan": "AZE",
    "Baku": "AZE",
    "Azerbaijani": "AZE",
    "Russia": "RUS",
    "Russian": "RUS",
    "Turkey": "TUR",
    "Turkish": "TUR",
    "Ankara": "TUR",
    "CSTO": "CSTO",
    "Ukraine": "UKR",
    "Ukrainian": "UKR",
    "Kyiv": "UKR",
    "Israel": "ISR",
    "Israeli": "ISR",
    "Hamas": "HAMAS",
    "Iran": "IRN",
    "Germany": "DEU",
    "France": "FRA",
    "Erdogan": "TUR",
}


def mentions_of(text: str) -> list[Mention]:
    """One mention per occurrence of a known name."""
    return state_mentions(text, NAMES)


@pytest.fixture
def code(nlp):
    """Code a text and return its events."""

    def run(text: str, *, times=(), statements=(), published=None) -> list[Event]:
        return coded(
            nlp(text), mentions_of(text), times=times, statements=statements, published=published
        )

    return run


def coded(doc, mentions, *, times=(), statements=(), published=None) -> list[Event]:
    """Code a parsed Doc with the given mentions."""
    return extract_events(
        doc, mentions, list(statements), list(times), LEXICON, CAMEO, published=published
    )


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str, str]]:
    """(source, target, root, modality) of each event."""
    return {
        (
            e.source.party if e.source else None,
            e.target.party if e.target else None,
            e.cameo[:2],
            e.modality,
        )
        for e in events
    }


def test_events_subject_and_object_make_the_dyad(code) -> None:
    events = code("Azerbaijan shelled Armenia.")
    assert dyads(events) == {("AZE", "ARM", "19", "asserted")}
    assert events[0].cameo == "194"


def test_events_no_trigger_no_event(code) -> None:
    assert code("Armenia and Azerbaijan are neighbours with a long history.") == []


def test_events_passive_agent_is_the_source(code) -> None:
    assert ("AZE", "ARM", "19", "asserted") in dyads(code("Armenia was attacked by Azerbaijan."))


def test_events_passive_forces_without_agent_are_the_source(code) -> None:
    events = code("Russian peacekeepers were deployed at the contact line.")
    assert [(e.cameo, e.source.party if e.source else None) for e in events] == [("074", "RUS")]


def test_events_call_on_two_parties_makes_one_dyad_each(code) -> None:
    events = code("The CSTO called on Yerevan and Baku to cease fire.")
    assert {(e.source.party, e.target.party, e.cameo) for e in events} == {
        ("CSTO", "ARM", "0256"),
        ("CSTO", "AZE", "0256"),
    }


def test_events_joint_act_of_two_subjects_goes_both_ways(code) -> None:
    events = code("Armenia and Azerbaijan signed an agreement.")
    assert {(e.source.party, e.target.party) for e in events} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_events_accusation_and_claimed_act(code) -> None:
    events = code("Yerevan accused Baku of air and missile attacks in the region.")
    assert ("ARM", "AZE", "11", "asserted") in dyads(events)
    claimed = [e for e in events if e.cameo[:2] == "19"]
    assert [(c.source.party, c.target.party, c.modality, c.reported_by) for c in claimed] == [
        ("AZE", "ARM", "claimed", "ARM")
    ]
    assert claimed[0].cameo == "195"


def test_events_statement_of_attack_is_an_accusation(code) -> None:
    events = code(
        "The Azerbaijani Defense Ministry stated that the Armenian military fired at settlements."
    )
    assert ("AZE", "ARM", "11", "asserted") in dyads(events)
    assert ("ARM", "AZE", "19", "claimed") in dyads(events)


def test_events_trailing_attribution_is_a_claim_not_an_accusation(code) -> None:
    events = code(
        "Azerbaijan shelled Armenian towns overnight, the Armenian Defence Ministry said."
    )
    assert dyads(events) == {("AZE", "ARM", "19", "claimed")}


def test_events_according_to_makes_a_claim(code) -> None:
    events = code(
        "According to Armenia, Turkish military specialists are participating in the conflict "
        "on the side of Azerbaijan."
    )
    assert [(e.source.party, e.target.party, e.modality, e.reported_by) for e in events] == [
        ("TUR", "AZE", "claimed", "ARM")
    ]


def test_events_readiness_is_intended_with_intent_code(code) -> None:
    events = code("The CSTO stands ready to send a mission to Armenia.")
    assert [(e.cameo, e.modality) for e in events] == [("0334", "intended")]


def test_events_threat_codes_13(code) -> None:
    events = code("Russia threatened to attack Ukraine.")
    assert [(e.cameo[:2], e.modality, e.target.party) for e in events] == [
        ("13", "asserted", "UKR")
    ]


def test_events_no_reason_to_send_is_a_rejection(code) -> None:
    events = code("Ankara said it sees no reason to send troops to Azerbaijan.")
    assert [(e.source.party, e.cameo[:2], e.modality) for e in events] == [
        ("TUR", "12", "asserted")
    ]


def test_events_negation_is_negated(code) -> None:
    events = code("Russia did not attack Ukraine.")
    assert dyads(events) == {("RUS", "UKR", "19", "negated")}


def test_events_condition_is_hypothetical(code) -> None:
    events = code("If Iran attacks Israel, the region will burn.")
    assert ("IRN", "ISR", "19", "hypothetical") in dyads(events)


def test_events_denial_codes_016_and_negates_the_act(code) -> None:
    events = code("Russia denied that its forces shelled Kyiv.")
    assert ("RUS", None, "01", "asserted") in dyads(events)
    assert {e.cameo for e in events if e.cameo[:2] == "01"} == {"016"}
    assert any(e.modality == "negated" and e.cameo[:2] == "19" for e in events)


def test_events_nominalisations_under_performing_verb(code) -> None:
    events = code("The authorities of Armenia declared martial law and general mobilization.")
    assert sorted(e.cameo for e in events) == ["154", "1724"]
    assert {e.source.party for e in events} == {"ARM"}


def test_events_event_noun_needs_a_licence(code) -> None:
    assert code("The escalation of the conflict is a topic for analysis.") == []


def test_events_occurrence_without_parties_is_kept(code) -> None:
    events = code("Another aggravation of the conflict took place on September 27.")
    assert [(e.cameo, e.source, e.target) for e in events] == [("190", None, None)]


def test_events_demand_in_reported_words(code) -> None:
    events = code(
        "Erdogan stated that the time has come to end the occupation of lands by Armenia."
    )
    assert [(e.cameo[:2], e.target.party) for e in events] == [("10", "ARM")]


def test_events_carry_cameo_fields_and_evidence(code) -> None:
    text = "Intro line.\nAzerbaijan shelled Armenia in Syria."
    [event] = code(text)
    assert (event.plover, event.quad_class, event.goldstein) == (
        "ASSAULT",
        4,
        CAMEO.get("194").goldstein,
    )
    assert (
        text[event.span.start : event.span.end]
        == event.evidence
        == "Azerbaijan shelled Armenia in Syria."
    )
    assert text[event.trigger.start : event.trigger.end] == "shelled"
    assert event.location == "Syria"
    assert event.rule.startswith("verb:shell")


def test_events_background_is_dated_by_its_own_time(code) -> None:
    text = "The conflict in Karabakh began in February 1988."
    start = text.index("February 1988")
    times = [
        TimeExpr(
            text="February 1988",
            value="1988-02",
            type="DATE",
            span=Span(start, start + 13),
            rule="t",
        )
    ]
    [event] = code(text, times=times, published=date(2020, 9, 29))
    assert event.cameo == "190"
    assert event.date is not None and event.date.start == "1988-02"


def test_events_link_the_statement_they_were_coded_from(code) -> None:
    text = "Azerbaijan said that Armenia shelled its villages."
    content = Span(text.index("Armenia"), len(text) - 1)
    statement = Statement(
        id="s1",
        speaker=Speaker(name=None, party="AZE"),
        cue="said",
        content=content.text_of(text),
        direct=False,
        date=None,
        span=Span(0, len(text)),
        content_span=content,
        rule="test",
    )
    events = code(text, statements=[statement])
    claimed = [e for e in events if e.modality == "claimed"]
    assert claimed and all(e.statement == "s1" for e in claimed)


def test_events_repeated_report_is_kept_once(code) -> None:
    events = code("Azerbaijan shelled Armenia. Azerbaijan shelled Armenia.")
    assert len(events) == 1


def test_events_ids_are_unique_and_ordered(code) -> None:
    events = code("Azerbaijan shelled Armenia. Russia praised Turkey.")
    assert [e.id for e in events] == ["e1", "e2"]


def test_events_declining_comment_is_011(code) -> None:
    events = code("Israel did not comment on the strike.")
    assert [(e.source.party, e.cameo, e.modality) for e in events] == [("ISR", "011", "asserted")]


def test_events_force_from_the_air_is_195(code) -> None:
    events = code("Israeli bombers struck Iran.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("ISR", "IRN", "195")]


def test_events_fighting_between_two_sides_goes_both_ways(code) -> None:
    events = code("Fighting broke out between Armenia and Azerbaijan.")
    assert {(e.source.party, e.target.party) for e in events} == {("ARM", "AZE"), ("AZE", "ARM")}


def test_events_release_of_prisoners_is_0841(code) -> None:
    events = code("Israel released Palestinian prisoners.")
    assert [(e.cameo, e.source.party) for e in events] == [("0841", "ISR")]


def test_events_rejecting_calls_to_withdraw_refuses_to_deescalate(code) -> None:
    events = code("Russia rejected calls by Germany to withdraw its troops from Ukraine.")
    assert [(e.source.party, e.cameo) for e in events if e.source.party == "RUS"] == [
        ("RUS", "1246")
    ]


def test_events_will_not_is_a_refusal(code) -> None:
    events = code("Russia said it would not withdraw its troops from Ukraine.")
    assert [(e.source.party, e.cameo[:2]) for e in events] == [("RUS", "12")]


def test_events_protesters_attacking_is_a_violent_protest(code) -> None:
    events = code("Protesters attacked the embassy of France.")
    assert [e.cameo for e in events] == ["145"]


def test_events_martial_law_falls_on_the_own_country(code) -> None:
    events = code("Armenia declared martial law.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("ARM", "ARM", "1724")]


def test_events_mediator_mediates_between_the_main_parties(code) -> None:
    events = code("Armenia and Azerbaijan agreed to a ceasefire after talks mediated by Russia.")
    assert {(e.source.party, e.target.party) for e in events if e.cameo == "045"} == {
        ("RUS", "ARM"),
        ("RUS", "AZE"),
    }


def test_events_target_falls_back_to_the_only_other_party(code) -> None:
    events = code("The Russian cruiser sank after Ukraine hit the ship with missiles.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("UKR", "RUS", "195")]
    assert "sole-other-party" in events[0].rule


def test_events_no_fallback_target_when_two_parties_could_be_it(code) -> None:
    events = code("Russia and France watched as Ukraine hit the ship with missiles.")
    assert [(e.source.party, e.target) for e in events if e.cameo == "195"] == [("UKR", None)]


def test_events_hosting_needs_a_guest(code) -> None:
    assert code("Russia hosted a marathon in April.") == []
    assert [e.cameo for e in code("Russia hosted Turkey.")] == ["043"]


def test_events_not_ruling_out_is_considering(code) -> None:
    events = code("France did not rule out sending troops to Ukraine.")
    assert [(e.source.party, e.cameo) for e in events] == [("FRA", "014")]


def test_events_purpose_clause_of_force_is_a_threat(code) -> None:
    events = code("Armenia created a force to fight Azerbaijan.")
    assert [(e.cameo[:2], e.modality) for e in events] == [("13", "asserted")]


def test_events_reported_claims_are_claims(code) -> None:
    events = code("There were reports that Ukrainian troops had entered Russia.")
    claims = [e for e in events if e.cameo[:2] == "19"]
    assert [e.modality for e in claims] == ["claimed"]


def test_events_demand_targets_who_must_act(code) -> None:
    events = code("Azerbaijan demanded that Armenia amend its constitution.")
    assert [(e.source.party, e.target.party, e.cameo[:2]) for e in events] == [("AZE", "ARM", "10")]


def test_events_speakers_own_verbal_act_is_asserted(code) -> None:
    events = code("Turkey said it condemned the attack on Azerbaijan.")
    assert [(e.source.party, e.cameo[:2], e.modality) for e in events if e.cameo[:2] == "11"] == [
        ("TUR", "11", "asserted")
    ]


def test_events_arrests_without_other_party_are_domestic(code) -> None:
    events = code("Armenia arrested dozens of protesters.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("ARM", "ARM", "173")]


def test_events_compound_mediator_is_the_source(code) -> None:
    events = code("Armenia agreed to a Russian-mediated ceasefire.")
    assert ("RUS", "ARM", "04", "asserted") in dyads(events)


def test_events_place_of_a_meeting_is_no_fallback_target(code) -> None:
    events = code("Armenia detained the ambassador of Azerbaijan after talks in Moscow.")
    assert {e.target.party for e in events if e.target} <= {"AZE", "ARM"}


def test_events_exchange_of_fire_goes_both_ways(code) -> None:
    events = code("Armenian and Azerbaijani troops exchanged artillery fire.")
    assert {(e.source.party, e.target.party, e.cameo) for e in events} == {
        ("ARM", "AZE", "194"),
        ("AZE", "ARM", "194"),
    }


def test_events_killed_in_an_air_strike(code) -> None:
    events = code("Ten soldiers of Iran were killed in an Israeli air strike.")
    assert ("ISR", "195") in {(e.source.party if e.source else None, e.cameo) for e in events}


def test_events_conjunct_does_not_inherit_its_siblings_mood(code) -> None:
    events = code("Russia warned Ukraine and attacked Kyiv.")
    assert ("RUS", "UKR", "19", "asserted") in dyads(events)


def test_events_killing_by_an_attack_is_the_attack(code) -> None:
    events = code("Iran carried out an attack that killed ten soldiers of Israel.")
    assert [e.cameo for e in events] == ["190"]


def test_events_hundreds_killed_is_mass_killing(code) -> None:
    events = code("Russia killed 300 civilians in Ukraine.")
    assert [(e.source.party, e.cameo) for e in events] == [("RUS", "202")]


def test_events_time_clause_backdrop_is_no_event(code) -> None:
    events = code("Ukraine attacked Russia after the truce with Russia took effect.")
    assert [e.cameo for e in events] == ["190"]


def test_events_blamed_act_is_the_blamers_claim(code) -> None:
    events = code("Hamas blamed an Israeli air strike.")
    claimed = [e for e in events if e.cameo == "195"]
    assert [(e.source.party, e.modality, e.reported_by) for e in claimed] == [
        ("ISR", "claimed", "HAMAS")
    ]


def test_events_strike_that_destroyed_hits_its_object(code) -> None:
    events = code("An Israeli air strike destroyed the consulate of Iran.")
    assert ("ISR", "IRN", "195") in {(e.source.party, e.target.party, e.cameo) for e in events}


def test_events_observer_reporting_force_is_not_its_target(nlp) -> None:
    text = "The United Nations said Russia attacked civilians."
    un = mention_at(text, "United Nations", party="UN", kind="organization", rule="t")
    mentions = in_order(mentions_of(text), un)
    events = coded(nlp(text), mentions)
    attack = [e for e in events if e.cameo[:2] == "19"]
    assert [(e.source.party, e.target, e.reported_by) for e in attack] == [("RUS", None, "UN")]


def test_events_region_stands_for_its_country(nlp) -> None:
    text = "Israel struck Gaza."
    region = mention_at(text, "Gaza", party=None, kind="region", country="PSE", rule="t")
    mentions = in_order(mentions_of(text), region)
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party) for e in events] == [("ISR", "PSE")]


def test_events_protesters_are_of_the_place_they_protest_in(code) -> None:
    events = code("Protesters attacked the embassy of France in Kyiv.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("UKR", "FRA", "145")]


def test_events_investigation_findings_are_claims(code) -> None:
    events = code("A report by Germany found that Russia had attacked Ukraine.")
    attack = [e for e in events if e.cameo[:2] == "19"]
    assert [(e.source.party, e.target.party, e.modality) for e in attack] == [
        ("RUS", "UKR", "claimed")
    ]


def test_events_denied_gerund_is_negated_act_of_the_denier(code) -> None:
    events = code("Russia denied hitting buildings in Ukraine.")
    assert ("RUS", "UKR", "19", "negated") in dyads(events)
    assert any(e.cameo == "016" for e in events)


def test_events_condemning_an_attack_does_not_make_the_condemner_attack(code) -> None:
    events = code("France condemned the attack.")
    assert {e.cameo[:2] for e in events} == {"11"}


def test_events_condition_clause_makes_the_act_hypothetical(code) -> None:
    events = code("If the talks fail, Ukraine will attack Russia.")
    assert dyads(events) == {("UKR", "RUS", "19", "hypothetical")}


def test_events_sniper_fire_is_small_arms(code) -> None:
    events = code("An Armenian soldier was wounded by Azerbaijani sniper fire.")
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("AZE", "ARM", "193")]


def test_events_village_in_a_region_belongs_to_it(nlp) -> None:
    text = "Israel bombed villages in Gaza."
    region = mention_at(text, "Gaza", party=None, kind="region", country="PSE", rule="t")
    mentions = in_order(mentions_of(text), region)
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party) for e in events] == [("ISR", "PSE")]


def test_events_warning_of_a_conditional_strike_is_a_threat(code) -> None:
    events = code("Russia warned France that it would attack Ukraine if needed.")
    assert [(e.source.party, e.cameo[:2]) for e in events if e.source] == [("RUS", "13")]


def test_events_stopping_an_attack_is_deescalation_only(code) -> None:
    events = code("Russia stopped attacking Ukraine.")
    assert [e.cameo for e in events] == ["087"]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_events_evidence_and_trigger_point_into_the_text(code, seed) -> None:
    text = seed.read_text(encoding="utf-8")
    events = code(text)
    assert events
    for event in events:
        assert text[event.span.start : event.span.end] == event.evidence
        assert event.span.start <= event.trigger.start < event.trigger.end <= event.span.end
        assert CAMEO.get(event.cameo) is not None
        assert event.plover is not None and event.quad_class in {1, 2, 3, 4}


def test_events_force_the_speaker_may_use_is_a_threat(code) -> None:
    events = code("Russia said it could attack Ukraine if the talks failed.")
    assert [(e.source.party, e.target.party, e.cameo[:2]) for e in events] == [("RUS", "UKR", "13")]


def test_events_meeting_as_setting_means_the_parties_met(code) -> None:
    events = code("Armenia and Azerbaijan agreed at a meeting in Prague to exchange prisoners.")
    assert {(e.source.party, e.target.party) for e in events if e.cameo[:2] == "04"} == {
        ("ARM", "AZE"),
        ("AZE", "ARM"),
    }


def _with_region(text: str, name: str, country: str) -> list[Mention]:
    region = mention_at(text, name, party=None, kind="region", name=name, country=country, rule="t")
    return in_order(mentions_of(text), region)


@pytest.mark.parametrize(
    ("published", "target"), [(date(2020, 10, 1), "NKR"), (date(2024, 6, 1), "AZE")]
)
def test_events_region_stands_for_the_de_facto_state_governing_it(nlp, published, target) -> None:
    text = "Russia sent food to Nagorno-Karabakh."
    mentions = _with_region(text, "Nagorno-Karabakh", "AZE")
    events = extract_events(nlp(text), mentions, [], [], LEXICON, CAMEO, published=published)
    assert [(e.source.party, e.target.party if e.target else None) for e in events] == [
        ("RUS", target)
    ]


def test_events_refusal_is_not_addressed_to_the_place_of_the_refused_act(nlp) -> None:
    text = "Turkey sees no reason to send troops to Nagorno-Karabakh."
    mentions = _with_region(text, "Nagorno-Karabakh", "AZE")
    events = extract_events(
        nlp(text), mentions, [], [], LEXICON, CAMEO, published=date(2020, 10, 1)
    )
    assert [(e.source.party, e.target, e.cameo[:2]) for e in events] == [("TUR", None, "12")]


def test_events_issue_of_a_conflict_between_two_sides_is_not_its_target(code) -> None:
    events = code("The war between Armenia and Azerbaijan over Turkey resumed.")
    assert {(s, t) for s, t, _, _ in dyads(events)} == {("ARM", "AZE"), ("AZE", "ARM")}


def _with(
    text: str, *extra: tuple[str, str | None, str | None, str | None, str | None]
) -> list[Mention]:
    """The name-list mentions plus (word, party, kind, sector, country) mentions."""
    found = [
        mention_at(text, word, party=party, kind=kind, sector=sector, country=country, rule="t")
        for word, party, kind, sector, country in extra
    ]
    return in_order(mentions_of(text), found)


def test_events_bare_army_belongs_to_the_country_of_its_insurgents(nlp) -> None:
    text = "The army bombed RSF bases."
    mentions = _with(text, ("army", None, None, "MIL", None), ("RSF", "RSF", "group", "REB", "SDN"))
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party) for e in events] == [("SDN", "RSF")]


def test_events_bare_army_is_the_army_named_before(nlp) -> None:
    text = "Israel's military said it was ready. The army struck Hamas."
    mentions = _with(
        text, ("Israel's military", "ISR", "state", "MIL", "ISR"), ("army", None, None, "MIL", None)
    )
    events = coded(nlp(text), mentions)
    assert ("ISR", "HAMAS", "19", "asserted") in dyads(events)


def test_events_modified_army_is_no_bare_organ(nlp) -> None:
    text = "The Saudi-led coalition army struck RSF bases."
    mentions = _with(text, ("army", None, None, "MIL", None), ("RSF", "RSF", "group", "REB", "SDN"))
    events = coded(nlp(text), mentions)
    assert all(e.source is None or e.source.party != "SDN" for e in events)


def test_events_denial_answers_the_accusation(code) -> None:
    events = code("Ukraine accused Russia of shelling Kyiv; Russia denied it.")
    denial = [e for e in events if e.cameo == "016"]
    assert [(e.source.party, e.target.party if e.target else None, e.modality) for e in denial] == [
        ("RUS", "UKR", "asserted")
    ]


def test_events_denial_in_a_relative_clause_is_the_deniers_own(code) -> None:
    events = code(
        "Azerbaijan said an Armenian strike killed 13 civilians, a charge Yerevan denied."
    )
    denial = [e for e in events if e.cameo == "016"]
    assert [(e.source.party, e.target.party, e.modality, e.reported_by) for e in denial] == [
        ("ARM", "AZE", "asserted", None)
    ]


def test_events_criticism_answers_the_other_party_acting(code) -> None:
    events = code("Azerbaijan closed the road to Karabakh, and Armenia condemned the move.")
    criticism = [e for e in events if e.cameo[:2] == "11"]
    assert [(e.source.party, e.target.party if e.target else None) for e in criticism] == [
        ("ARM", "AZE")
    ]


def test_events_conjoined_verb_continues_on_the_same_target(code) -> None:
    events = code("Iran blamed Israel and vowed revenge.")
    assert ("IRN", "ISR", "13", "asserted") in dyads(events)


def test_events_participles_continue_on_the_place_stormed(code) -> None:
    events = code(
        "Russian troops stormed into Ukraine, killing hundreds of people and taking hostages."
    )
    assert {("RUS", "UKR", "20", "asserted"), ("RUS", "UKR", "18", "asserted")} <= dyads(events)


def test_events_conjoined_verb_with_its_own_subject_keeps_its_own(code) -> None:
    events = code("Iran blamed Israel, and Turkey later vowed revenge.")
    assert all(e.target is None for e in events if e.cameo[:2] == "13")


def test_events_mediation_is_between_the_parties_of_the_clause_above(code) -> None:
    events = code(
        "Armenia and Azerbaijan agreed to a truce after talks mediated by Russia, France said."
    )
    mediation = {(e.source.party, e.target.party) for e in events if e.cameo == "045"}
    assert mediation == {("RUS", "ARM"), ("RUS", "AZE")}


def test_events_operations_expanded_in_a_region_target_it(nlp) -> None:
    text = "Israel expanded its ground operations in Gaza."
    mentions = _with_region(text, "Gaza", "PSE")
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party if e.target else None) for e in events] == [
        ("ISR", "PSE")
    ]


def test_events_signing_a_truce_is_the_signing_and_the_truce(code) -> None:
    events = code("Armenia and Azerbaijan signed a ceasefire.")
    assert {e.cameo for e in events} == {"057", "0871"}


def test_events_signing_a_statement_on_a_truce_is_the_signing(code) -> None:
    events = code("Russia, Armenia and Azerbaijan signed a statement on a complete ceasefire.")
    assert {e.cameo for e in events} == {"057"}


def test_events_charge_of_a_misattached_of_phrase_is_the_accused(code) -> None:
    events = code("Armenia accused Baku of ethnic cleansing.")
    claimed = [e for e in events if e.modality == "claimed"]
    assert [(e.source.party, e.cameo, e.reported_by) for e in claimed] == [("AZE", "203", "ARM")]


def test_events_of_phrase_of_an_exchange_is_no_charge(code) -> None:
    events = code("Russia and Ukraine began the largest prisoner exchange of the war.")
    assert all(e.cameo[:2] != "19" for e in events)


def test_events_act_with_no_named_actor_is_no_event(code) -> None:
    assert code("Kyiv was shelled overnight.") == []


def test_events_speakers_own_forces_are_the_speaker(code) -> None:
    events = code("Russia said its forces shelled Kyiv.")
    assert ("RUS", "UKR", "19", "claimed") in dyads(events)


def test_events_allies_launching_an_offensive_do_not_fight_each_other(code) -> None:
    events = code("Armenia and France launched a joint offensive against rebel positions.")
    assert {(s, t) for s, t, root, _ in dyads(events) if root == "19"} == {
        ("ARM", None),
        ("FRA", None),
    }


def test_events_two_critics_do_not_answer_each_other(code) -> None:
    events = code("Israel denounced the warrants, and Germany said it rejected the decision.")
    assert all(e.target is None for e in events if e.cameo[:2] in {"11", "12"})


def test_events_reported_mass_killing_does_not_fall_on_the_reporter(code) -> None:
    events = code("Germany said that Russia had committed genocide.")
    mass = [e for e in events if e.cameo[:2] == "20"]
    assert [(e.source.party, e.target) for e in mass] == [("RUS", None)]


def test_events_counted_places_belong_to_their_region(nlp) -> None:
    text = "Dozens of villages in Darfur were burned by Russia."
    mentions = _with_region(text, "Darfur", "SDN")
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party if e.target else None) for e in events] == [
        ("RUS", "SDN")
    ]


def test_events_investigation_of_crimes_in_a_region_targets_it(nlp) -> None:
    text = "Germany is investigating war crimes in Darfur."
    mentions = _with_region(text, "Darfur", "SDN")
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party if e.target else None) for e in events] == [
        ("DEU", "SDN")
    ]


def test_events_drills_around_a_country_target_it(code) -> None:
    events = code("Russia launched military drills around Ukraine.")
    assert ("RUS", "UKR", "15", "asserted") in dyads(events)


def test_events_a_strike_is_an_aerial_attack(code) -> None:
    assert [e.cameo for e in code("Russia struck Kyiv.")] == ["195"]
    assert [e.cameo for e in code("Russia carried out strikes on Kyiv.")] == ["195"]


def test_events_ships_linked_to_a_party_stand_for_it(code) -> None:
    events = code("Iran attacked ships linked to Israel.")
    assert ("IRN", "ISR", "19", "asserted") in dyads(events)


def test_events_pledge_to_deepen_cooperation_is_an_intent(code) -> None:
    events = code("Russia pledged to deepen military cooperation with Iran.")
    assert [(e.source.party, e.target.party, e.cameo, e.modality) for e in events] == [
        ("RUS", "IRN", "0312", "intended")
    ]


def test_events_denied_reports_are_the_deniers_negated_act(code) -> None:
    events = code("Turkey denied reports that it had sent weapons to Azerbaijan.")
    assert ("TUR", "AZE", "07", "negated") in dyads(events)


def test_events_place_of_a_signing_is_no_party_to_it(code) -> None:
    events = code("Armenia and Azerbaijan signed a peace agreement at the Kremlin in Russia.")
    assert {(s, t) for s, t, root, _ in dyads(events) if root == "05"} == {
        ("ARM", "AZE"),
        ("AZE", "ARM"),
    }


def test_events_a_claim_not_confirmed_is_no_comment_of_the_other_side(code) -> None:
    events = code("Russia said it had shot down five Ukrainian jets, a claim Kyiv did not confirm.")
    comments = [e for e in events if e.cameo[:2] == "01"]
    assert [(e.source.party, e.cameo, e.modality) for e in comments] == [("UKR", "011", "asserted")]


def test_events_fighters_led_by_a_party_stand_for_it(code) -> None:
    events = code("Rebels led by Iran launched an offensive against Israel.")
    assert ("IRN", "ISR", "19", "asserted") in dyads(events)


def test_events_capture_and_withdrawal_pair_their_parties(code) -> None:
    events = code("Ukrainian troops entered the city after Russian forces withdrew from it.")
    assert {("UKR", "RUS", "19", "asserted"), ("RUS", "UKR", "08", "asserted")} <= dyads(events)


def test_events_subject_misattached_to_a_time_is_still_the_subject(code) -> None:
    events = code(
        "Russia freed 13 Ukrainian prisoners on Friday and Ukraine released 39 Russian soldiers."
    )
    assert {("RUS", "UKR"), ("UKR", "RUS")} == {(s, t) for s, t, _, _ in dyads(events)}


def test_events_a_warrant_is_for_whom_it_names(code) -> None:
    events = code(
        "Germany issued an arrest warrant for the Russian president"
        " over the deportation of Ukrainian children."
    )
    warrants = [(e.source.party, e.target.party) for e in events if e.cameo == "1121"]
    assert warrants == [("DEU", "RUS")]


def test_events_accepting_a_ceasefire_proposal_is_an_intent_to_the_proposer(code) -> None:
    events = code("Ukraine accepted a Turkish ceasefire proposal.")
    assert [(e.source.party, e.target.party, e.cameo, e.modality) for e in events] == [
        ("UKR", "TUR", "0356", "intended")
    ]


def test_events_criticised_act_without_actor_is_the_last_act_of_force(code) -> None:
    events = code("Russia fired missiles at Ukraine on Monday. Germany condemned the launch.")
    assert ("DEU", "RUS", "11", "asserted") in dyads(events)


def test_events_criticised_act_with_its_own_actor_keeps_it(code) -> None:
    events = code(
        "Russia fired missiles at Ukraine on Monday. Germany condemned the Iranian attack."
    )
    assert ("DEU", "RUS", "11", "asserted") not in dyads(events)


def test_events_neither_confirming_nor_denying_is_no_comment(code) -> None:
    events = code("Israel has neither confirmed nor denied responsibility.")
    assert [(e.source.party, e.cameo) for e in events] == [("ISR", "011")]


def test_events_source_of_the_news_is_no_fallback_target(code) -> None:
    events = code("The war by Russia has killed hundreds of people, according to Germany.")
    assert all(e.target is None or e.target.party != "DEU" for e in events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Azerbaijan shelled Nagorno-Karabakh.", "NKR"),
        ("Russia shelled Nagorno-Karabakh.", "AZE"),
    ],
)
def test_events_force_against_a_governed_region_falls_on_whom_it_fights(nlp, text, target) -> None:
    mentions = _with_region(text, "Nagorno-Karabakh", "AZE")
    events = extract_events(
        nlp(text), mentions, [], [], LEXICON, CAMEO, published=date(2020, 10, 1)
    )
    assert [e.target.party for e in events] == [target]


def test_events_one_appeal_for_two_acts_makes_two_events(code) -> None:
    events = code("Russia called on Armenia to stop the fighting immediately and return to talks.")
    assert sorted(e.cameo for e in events) == ["0256", "026"]


def test_events_same_family_reported_twice_is_kept_once(code) -> None:
    events = code("Russia shelled Ukraine. Russia attacked Ukraine again.")
    assert len([e for e in events if e.cameo[:2] == "19"]) == 1


def test_events_bare_organ_in_a_state_belongs_to_it(nlp) -> None:
    text = "The junta in Armenia revoked military cooperation agreements with France."
    mentions = _with(text, ("junta", None, None, "GOV", None))
    events = coded(nlp(text), mentions)
    assert [(e.source.party, e.target.party, e.cameo) for e in events] == [("ARM", "FRA", "1212")]


def test_events_protesters_are_of_the_one_place_the_sentence_is_in(code) -> None:
    events = code("Protesters attacked the embassies of France and Germany in Kyiv.")
    assert {(e.source.party, e.target.party) for e in events} == {("UKR", "FRA"), ("UKR", "DEU")}


def test_events_predicate_adjective_targets_what_it_is_about(code) -> None:
    events = code(
        "Russia said it was deeply worried that the escalation between Israel and Iran could spiral."
    )
    assert {(e.source.party, e.target.party, e.cameo) for e in events if e.cameo == "012"} == {
        ("RUS", "ISR", "012"),
        ("RUS", "IRN", "012"),
    }
    assert ("TUR", "ARM", "01", "asserted") in dyads(
        code("Turkey remains concerned about Armenia.")
    )


def test_events_order_to_act_is_a_demand_on_whom_it_orders(code) -> None:
    assert ("ISR", "HAMAS", "10", "asserted") in dyads(code("Israel ordered Hamas to leave."))


def test_events_order_to_own_forces_is_the_act_itself(code) -> None:
    events = code("Russia ordered its troops to attack Ukraine.")
    assert {(e.source.party, e.target.party, e.cameo[:2]) for e in events} == {("RUS", "UKR", "19")}


def test_events_reduced_relative_acts_on_the_noun_it_describes(code) -> None:
    events = code("Azerbaijan said it found missiles launched by Armenia.")
    assert any(e.source.party == "ARM" and e.cameo == "195" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Israel intercepted missiles fired by Iran.",
        "Israel shot down dozens of drones launched by Iran overnight.",
        "Iran fired a missile at Germany, which Israel partially intercepted.",
    ],
)
def test_events_interception_pairs_the_interceptor_with_the_firer(code, text) -> None:
    events = code(text)
    assert any(
        e.source.party == "ISR" and e.target and e.target.party == "IRN" and e.cameo == "190"
        for e in events
    )
    if "which" not in text:
        assert any(
            e.source.party == "IRN" and e.target and e.target.party == "ISR" and e.cameo == "195"
            for e in events
        )


def test_events_reporting_ones_own_interception_accuses_no_one(code) -> None:
    events = code("Ukraine said it had shot down 54 of 69 missiles launched by Russia.")
    assert not [e for e in events if e.cameo == "112"]


def test_events_not_going_unanswered_is_a_threat_not_a_negated_attack(code) -> None:
    events = code("Iran said the attack by Israel would not go unanswered.")
    assert ("IRN", "ISR", "13", "asserted") in dyads(events)
    assert not [e for e in events if e.modality == "negated"]


def test_events_conjunct_acting_on_its_own_subject_continues_the_saying(code) -> None:
    events = code("Armenia said Azerbaijan had shelled villages and cut diplomatic ties with Baku.")
    assert ("ARM", "AZE", "16", "asserted") in dyads(events)
    assert not [e for e in events if e.source and e.source.party == "AZE" and e.cameo[:2] == "16"]


def test_events_text_signed_does_what_its_signer_does(code) -> None:
    events = code("Russia signed treaties annexing four regions of Ukraine.")
    assert ("RUS", "UKR", "19", "asserted") in dyads(events)


def test_events_force_noun_between_parties_is_mutual(code) -> None:
    events = code("Israel declared a curfew after clashes between Hamas and Iran.")
    assert {("HAMAS", "IRN", "19", "asserted"), ("IRN", "HAMAS", "19", "asserted")} <= dyads(events)


def test_events_observer_worried_about_fighting_between_two_sides(code) -> None:
    events = code("France said it was worried about the fighting between Armenia and Azerbaijan.")
    assert {("FRA", "ARM", "01", "asserted"), ("FRA", "AZE", "01", "asserted")} <= dyads(events)
    assert not [e for e in events if e.cameo[:2] == "19" and e.target.party == "FRA"]


def test_events_withdrawing_a_bill_is_domestic(code) -> None:
    assert dyads(code("Armenia withdrew the bill.")) == {("ARM", "ARM", "08", "asserted")}


def test_events_show_of_force_faces_the_border_it_is_along(code) -> None:
    events = code("Russia put its troops on alert along the Ukrainian border.")
    assert ("RUS", "UKR", "15", "asserted") in dyads(events)


def test_events_response_is_aimed_at_whom_it_answers(code) -> None:
    events = code("Armenia put its units on alert after Azerbaijani soldiers crossed the border.")
    assert ("ARM", "AZE", "15", "asserted") in dyads(events)
    assert ("AZE", "ARM", "19", "asserted") in dyads(events)


def test_events_response_in_response_to_an_act(code) -> None:
    events = code("Ukraine suspended the agreement in response to Russia's attack.")
    assert ("UKR", "RUS", "16", "asserted") in dyads(events)


def test_events_conjunct_event_noun_acting_on_its_own_subject_continues_the_saying(code) -> None:
    events = code(
        "France said Iran had committed war crimes and imposed sanctions on Iran's leaders."
    )
    assert ("FRA", "IRN", "16", "asserted") in dyads(events)


def test_events_committing_to_an_act_is_an_intent(code) -> None:
    events = code("Armenia signed a declaration committing it to allow observers from Azerbaijan.")
    assert ("ARM", "AZE", "03", "intended") in dyads(events)


def test_events_reduced_membership_names_its_party_with_in(code) -> None:
    events = code("Armenia froze its participation in the CSTO.")
    assert ("ARM", "CSTO", "16", "asserted") in dyads(events)


def test_events_show_of_force_near_a_party_faces_it(code) -> None:
    assert ("RUS", "UKR", "15", "asserted") in dyads(
        code("Russia held military drills near Ukraine.")
    )


def test_events_instrument_of_a_passive_harm_falls_on_the_harmed(code) -> None:
    events = code("Three Ukrainian soldiers were killed by a bomb planted by Russian saboteurs.")
    assert ("RUS", "UKR", "18", "asserted") in dyads(events)


def test_events_purpose_of_an_agreed_truce_is_intended(code) -> None:
    events = code("Israel and Hamas agreed to a truce to allow the release of hostages.")
    assert ("ISR", "HAMAS", "03", "intended") in dyads(events)
    assert ("ISR", "HAMAS", "08", "asserted") in dyads(events)


def test_events_two_listed_acts_of_one_family_are_two_events(code) -> None:
    events = code(
        "Armenia downgraded diplomatic ties with Azerbaijan and suspended trade with Baku."
    )
    assert sorted(e.cameo for e in events) == ["161", "163"]


def test_events_place_of_the_particle_object_is_the_target(code) -> None:
    events = code("Russia pressed ahead with its offensive in eastern Ukraine.")
    assert ("RUS", "UKR", "19", "asserted") in dyads(events)


def test_events_conjunct_of_a_clause_about_no_party_continues_the_speaker(code) -> None:
    events = code(
        "Israel said the terms were unacceptable and pressed on with its offensive in Iran."
    )
    assert ("ISR", "IRN", "19", "asserted") in dyads(events)


def test_events_conditional_promise_is_a_hypothetical_intent(code) -> None:
    events = code("Armenia said it would halt the shelling if Azerbaijan did the same.")
    assert ("ARM", "0356", "hypothetical") in {
        (e.source.party, e.cameo, e.modality) for e in events
    }


def test_events_particular_force_after_other_force_is_an_act_of_its_own(code) -> None:
    events = code(
        "Russia launched an offensive against Ukraine and seized the Ukrainian city of Kherson."
    )
    assert {"190", "192"} <= {e.cameo for e in events if e.source and e.source.party == "RUS"}
    # force of no particular kind after a strike retells the strike
    events = code("Russia fired missiles at Kyiv, killing fourteen people.")
    assert [e.cameo[:2] for e in events].count("19") == 1


def test_events_feared_act_is_no_event(code) -> None:
    events = code("Villagers in Armenia are afraid of reprisals by Azerbaijan.")
    assert not [e for e in events if e.cameo[:2] in {"18", "19", "20"}]
    events = code("Armenia feared new attacks by Azerbaijan.")
    assert not [e for e in events if e.cameo[:2] in {"18", "19", "20"}]


def test_events_gerund_of_time_is_the_act_of_the_clause_subject(code) -> None:
    events = code(
        "Azerbaijan shelled the border a day after warning Armenia against holding drills."
    )
    assert ("AZE", "ARM", "13", "asserted") in dyads(events)
    # a passive clause's subject suffers its act and does not do the gerund's
    events = code("Armenia was condemned after shelling Azerbaijan.")
    assert not [e for e in events if e.source and e.source.party == "ARM"]


def test_events_rebuffed_call_is_an_appeal_of_its_maker(code) -> None:
    events = code("Iran rejected calls by France to release the detained journalists.")
    assert ("FRA", "IRN", "02", "asserted") in dyads(events)
    assert ("IRN", "FRA", "12", "asserted") in dyads(events)


def test_events_pledge_on_a_condition_is_a_hypothetical_intent(code) -> None:
    events = code("Russia and Iran pledged to assist each other if either were attacked.")
    assert ("RUS", "IRN", "03", "hypothetical") in dyads(events)
    events = code("Russia vowed to strike Ukraine if it crossed the border.")
    assert ("RUS", "UKR", "13", "asserted") in dyads(events)


def test_events_passive_act_between_two_parties_is_theirs_together(code) -> None:
    events = code("Talks were held between Armenia and Azerbaijan in Almaty.")
    assert {("ARM", "AZE", "04", "asserted"), ("AZE", "ARM", "04", "asserted")} <= dyads(events)
    # a hedged passive only speculates
    events = code("A peace deal between Armenia and Azerbaijan could be signed this year.")
    assert not events


def test_events_clause_an_agreement_binds_parties_to_is_intended(code) -> None:
    events = code(
        "Russia and Turkey agreed that Russian and Turkish troops would jointly patrol the area."
    )
    assert ("RUS", "TUR", "03", "intended") in dyads(events)


def test_events_verb_in_the_name_of_a_movement_is_no_act(nlp) -> None:
    text = "The Front to Support Islam and Muslims (FSIM) said it had attacked Azerbaijan."
    group = mention_at(text, "Front to Support Islam and Muslims", party="FSIM", kind="group")
    events = coded(nlp(text), in_order(group, mentions_of(text)))
    assert [(e.source.party, e.cameo) for e in events] == [("FSIM", "190")]


def test_events_destroying_combat_vehicles_is_military_force(code) -> None:
    events = code("Azerbaijan destroyed dozens of Armenian combat vehicles.")
    assert [e.cameo for e in events] == ["190"]


def test_events_partyless_happening_that_only_may_happen_is_no_event(code) -> None:
    events = code('"War may break out by the end of the week," the minister told residents.')
    assert not events


def test_events_participle_describing_a_noun_acts_on_it(nlp) -> None:
    text = "Iran-backed Hamas fighters said they had attacked Israel."
    events = coded(nlp(text), mentions_of(text))
    assert ("IRN", "HAMAS", "07", "asserted") in dyads(events)


def test_events_not_interested_in_an_act_refuses_it(code) -> None:
    events = code("Russia said it was not interested in negotiations with Ukraine.")
    assert ("RUS", "UKR", "12", "asserted") in dyads(events)
    # wanting talks is no act of its own
    assert not code("Russia is interested in negotiations with Ukraine.")


def test_events_bare_definite_happening_with_no_party_retells(code) -> None:
    assert not code("The attack came days after the talks collapsed.")
    # a definite happening that says more of itself is told
    assert [e.cameo for e in code("The conflict in the region began in February 1988.")] == ["190"]


def test_events_party_yielding_beside_a_withdrawal_is_not_its_counterpart(code) -> None:
    events = code("Russian troops left the area in May, and Ukraine withdrew its forces.")
    assert not [e for e in events if e.source.party == "UKR" and e.target is not None]


def test_events_noun_with_a_time_of_its_own_is_dated_by_it(code) -> None:
    text = (
        "Talks ended on Thursday. Iran has vowed to retaliate against Israel for the killing "
        "of Hamas leader Ali Musa in Tehran late last month, which it blames on Israel."
    )
    times = [
        TimeExpr(
            text=t, value=v, type="DATE", span=Span(text.index(t), text.index(t) + len(t)), rule="t"
        )
        for t, v in (("on Thursday", "2024-08-15"), ("late last month", "2024-07"))
    ]
    events = code(text, times=times, published=date(2024, 8, 16))
    [killing] = [e for e in events if e.cameo.startswith("18")]
    assert killing.date is not None and killing.date.start == "2024-07"


def test_events_repelled_assault_is_its_authors_against_the_repeller(code) -> None:
    events = code("Ukraine repelled a Russian assault on the town.")
    assert dyads(events) == {("RUS", "UKR", "19", "asserted")}


def test_events_purpose_of_an_agreed_object_is_no_second_act(code) -> None:
    events = code("Armenia and Azerbaijan agreed to a truce to exchange prisoners.")
    assert {e.cameo for e in events} == {"0871"}
    assert code("Germany agreed a loan package to help Ukraine rebuild.")[0].cameo == "071"


def test_events_purpose_aimed_at_a_party_stays_an_act(code) -> None:
    assert dyads(code("Russia used drones to attack Ukraine.")) == {
        ("RUS", "UKR", "19", "asserted")
    }


def test_events_deed_done_by_no_one_named_is_the_blamed_partys_against_the_blamer(code) -> None:
    events = code("A bridge was blown up overnight; Ukraine blamed Russia.")
    assert ("RUS", "UKR", "17", "claimed") in dyads(events)
    assert code("A bridge was blown up overnight.") == []


def test_events_act_a_verb_of_provoking_brings_about_answers_its_subject(code) -> None:
    events = code("Turkey condemned the raid, prompting an Israeli rebuke.")
    assert ("ISR", "TUR", "11", "asserted") in dyads(events)
    assert ("TUR", "ISR", "11", "asserted") in dyads(events)
