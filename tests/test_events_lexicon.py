"""Tests of the event trigger lexicon: the loader's checks and one test per pattern.

Every line of ``data/events/verbs.tsv`` and ``nouns.tsv`` carries an example sentence about
fictional states (Arnor, Gondor, Rohan); each example must code to its line's code.
"""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from _mentions import state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.errors import DictionaryError
from contactline.events import extract_events
from contactline.records import Event

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
PARTIES = {"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH"}


def _events(nlp, text: str) -> list[Event]:
    """The events of ``text``, with mentions of the three fictional states wherever they occur."""
    mentions = state_mentions(text, PARTIES)
    return extract_events(nlp(text), mentions, [], [], LEXICON, CAMEO, published=None)


@pytest.fixture
def lexicon_dir(tmp_path: Path) -> Path:
    """A writable copy of the packaged lexicon."""
    with as_file(files("contactline") / "data" / "events") as packaged:
        shutil.copytree(packaged, tmp_path / "events")
    return tmp_path / "events"


PATTERNS = list(LEXICON.patterns())


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.rule for p in PATTERNS])
def test_events_lexicon_example_codes_to_its_pattern(nlp, pattern) -> None:
    events = _events(nlp, pattern.example)
    coded = {e.cameo for e in events}
    assert pattern.code in coded, (pattern.example, coded)


def test_events_lexicon_codes_every_root() -> None:
    roots = {code[:2] for code in LEXICON.codes()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_events_lexicon_codes_at_least_150_codes() -> None:
    assert len(LEXICON.codes()) >= 150


def test_events_lexicon_codes_exist_in_cameo() -> None:
    unknown = sorted(code for code in LEXICON.codes() if CAMEO.get(code) is None)
    assert unknown == []


def test_events_lexicon_derived_codes_exist_in_cameo() -> None:
    for kind, table in LEXICON.derive.items():
        for prefix, code in table.items():
            assert code == "=" or CAMEO.get(code) is not None, (kind, prefix, code)


def test_events_lexicon_most_specific_pattern_first() -> None:
    patterns = LEXICON.verbs["call"]
    assert [p.specificity for p in patterns] == sorted(
        (p.specificity for p in patterns), reverse=True
    )


def test_events_lexicon_derives_appeal_by_longest_prefix() -> None:
    assert LEXICON.derived("appeal", "0871") == "0256"
    assert LEXICON.derived("appeal", "190") == "020"
    assert LEXICON.derived("intent", "074") == "0334"
    assert LEXICON.derived("intent", "190") == "138"
    assert LEXICON.derived("intent", "154") == "154"


def test_events_lexicon_rejects_a_short_line(lexicon_dir: Path) -> None:
    path = lexicon_dir / "verbs.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "190\tattack\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"verbs\.tsv:\d+: expected 5"):
        load_event_lexicon(lexicon_dir)


def test_events_lexicon_rejects_an_unknown_class(lexicon_dir: Path) -> None:
    path = lexicon_dir / "nouns.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "190\tattack\t@NOPE\tx\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown class '@NOPE'"):
        load_event_lexicon(lexicon_dir)


def test_events_lexicon_rejects_a_bad_code(lexicon_dir: Path) -> None:
    path = lexicon_dir / "verbs.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "19x\tattack\t-\t-\tx\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="not a CAMEO code"):
        load_event_lexicon(lexicon_dir)


def test_events_lexicon_rejects_an_unknown_cue_kind(lexicon_dir: Path) -> None:
    path = lexicon_dir / "cues.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "gossip\tsay\t\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="unknown cue kind 'gossip'"):
        load_event_lexicon(lexicon_dir)


def test_events_lexicon_relative_clause_on_a_preposition_does_not_act_on_its_noun(nlp) -> None:
    text = (
        "Arnor and Gondor agreed to a truce under which troops of Arnor would withdraw from Rohan."
    )
    events = _events(nlp, text)
    assert "127" not in {e.cameo for e in events}
    assert "0356" in {e.cameo for e in events}


def test_events_lexicon_withdrawing_an_ambassador_with_troops_is_a_diplomatic_break(nlp) -> None:
    text = "Arnor withdrew its ambassador and its troops from Gondor."
    events = _events(nlp, text)
    assert "161" in {e.cameo for e in events}


def test_events_lexicon_attempted_act_is_coded_once(nlp) -> None:
    text = "Gondor accused Arnor of attempting to kill the president of Gondor."
    events = _events(nlp, text)
    assert sorted(e.cameo for e in events) == ["112", "185"]


def test_events_lexicon_helping_to_do_an_act_is_that_act(nlp) -> None:
    text = "Arnor helped broker a truce between Gondor and Rohan."
    events = _events(nlp, text)
    assert {e.cameo for e in events} == {"045"}


def test_events_lexicon_declining_to_say_whether_codes_no_act(nlp) -> None:
    text = "Arnor declined to say whether its army had shelled Gondor."
    events = _events(nlp, text)
    assert [e.cameo for e in events] == ["011"]


def test_events_lexicon_trip_on_the_subject_sets_the_scene(nlp) -> None:
    text = "The foreign minister of Arnor, on a visit to Gondor, signed a trade deal."
    events = _events(nlp, text)
    assert ("042", "ARN", "GON") in {
        (e.cameo, e.source.party, e.target.party) for e in events if e.source and e.target
    }
    assert "057" in {e.cameo for e in events}


def test_events_lexicon_talks_before_an_agreement_are_their_own_event(nlp) -> None:
    text = "After ten hours of talks in Rohan, Arnor agreed to a truce with Gondor."
    events = _events(nlp, text)
    assert {"046", "0871"} <= {e.cameo for e in events}


def test_events_lexicon_mediated_talks_before_an_agreement_are_the_mediation(nlp) -> None:
    text = "Arnor and Gondor signed a truce after talks mediated by Rohan."
    events = _events(nlp, text)
    codes = {e.cameo for e in events}
    assert "045" in codes
    assert "046" not in codes


def test_events_lexicon_rejecting_a_claim_as_absurd_is_a_denial(nlp) -> None:
    text = "Gondor said Arnor had shelled its border posts, which Arnor rejected as absurd."
    events = _events(nlp, text)
    assert "016" in {e.cameo for e in events}
    assert "111" not in {e.cameo for e in events}


def test_events_lexicon_vetoed_resolution_does_not_call_for_its_content(nlp) -> None:
    text = "Arnor vetoed a draft resolution demanding a ceasefire in Gondor."
    events = _events(nlp, text)
    assert [e.cameo for e in events] == ["129"]


def test_events_lexicon_charge_hung_off_the_accused_still_counts(nlp) -> None:
    text = "Gondor accused Arnor of massacring civilians in Rohan."
    events = _events(nlp, text)
    assert ("1124", "GON", "ARN") in {
        (e.cameo, e.source.party, e.target.party) for e in events if e.source and e.target
    }


def test_events_lexicon_killing_a_counted_hundred_is_mass_killing(nlp) -> None:
    many = "Arnor killed at least 250 villagers in Gondor."
    few = "Arnor killed 12 soldiers of Gondor."
    coded = [{e.cameo for e in _events(nlp, t)} for t in (many, few)]
    assert coded == [{"202"}, {"190"}]


def test_events_lexicon_protest_as_the_purpose_of_a_protest_is_coded_once(nlp) -> None:
    text = "Residents of Arnor blocked the highway to protest against the policy of Gondor."
    events = _events(nlp, text)
    assert [e.cameo[:3] for e in events] == ["144"]


def test_events_lexicon_act_warned_against_is_not_done(nlp) -> None:
    text = "Arnor warned Gondor against holding military drills near the border."
    events = _events(nlp, text)
    assert [e.cameo for e in events] == ["130"]


def test_events_lexicon_what_a_yielding_act_undoes_is_background(nlp) -> None:
    text = "Arnor lifted the sanctions it had imposed on Gondor."
    events = _events(nlp, text)
    assert [e.cameo[:2] for e in events] == ["08"]


def test_events_lexicon_crime_charged_is_the_accusation_not_a_second_one(nlp) -> None:
    text = "Gondor accused Arnor of war crimes."
    events = _events(nlp, text)
    assert [(e.cameo, e.source.party) for e in events if e.source] == [("1124", "GON")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Arnor called on the president of Gondor to resign.", "0241"),
        ("Arnor demanded that the president of Gondor step down.", "1041"),
        ("The president of Gondor refused to step down despite protests in Arnor.", "1231"),
    ],
)
def test_events_lexicon_leadership_change_derives_its_own_subcode(nlp, text, code) -> None:
    events = _events(nlp, text)
    assert [e.cameo for e in events] == [code]


def test_events_lexicon_demanded_humanitarian_aid_is_1033(nlp) -> None:
    text = "Arnor demanded that Gondor send food and medicine to the refugees."
    events = _events(nlp, text)
    assert [e.cameo for e in events] == ["1033"]


def test_events_lexicon_handing_over_a_suspected_man_is_judicial_cooperation(nlp) -> None:
    text = "Gondor handed over a man suspected of sabotage to Arnor."
    events = _events(nlp, text)
    assert [(e.cameo, e.source.party if e.source else None) for e in events] == [("063", "GON")]


def test_events_lexicon_anti_terrorist_measures_are_no_terrorism_charge(nlp) -> None:
    text = "Arnor launched what it called anti-terrorist measures in Gondor."
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo.startswith("112")]


def test_events_lexicon_coordinated_modifiers_name_one_act_each(nlp) -> None:
    text = "Arnor provided economic and military aid to Gondor."
    events = _events(nlp, text)
    assert sorted((e.cameo, e.source.party, e.target.party) for e in events) == [
        ("071", "ARN", "GON"),
        ("072", "ARN", "GON"),
    ]


def test_events_lexicon_inquiry_finding_force_investigates_military_action(nlp) -> None:
    text = "A Rohan inquiry found that Arnor had shelled villages in Gondor."
    events = _events(nlp, text)
    coded = {(e.cameo, e.source.party, e.target.party) for e in events}
    assert ("093", "ROH", "ARN") in coded
    assert not [e for e in events if e.cameo.startswith("112")]


def test_events_lexicon_subject_of_a_let_clause_is_the_verbs_object(nlp) -> None:
    text = "Arnor called on Gondor to allow food to reach the refugees in Rohan."
    events = _events(nlp, text)
    assert ("0255", "ARN", "GON") in {
        (e.cameo, e.source.party, e.target.party) for e in events if e.source and e.target
    }


def test_events_lexicon_talks_that_will_never_be_are_refused(nlp) -> None:
    text = "Arnor said there would be no talks with Gondor."
    events = _events(nlp, text)
    assert [(e.cameo, e.source.party, e.target.party) for e in events] == [("125", "ARN", "GON")]


def test_events_lexicon_talks_that_did_not_happen_are_no_refusal(nlp) -> None:
    text = "Arnor said there were no talks with Gondor."
    events = _events(nlp, text)
    assert events == []


def test_events_lexicon_what_an_agreement_binds_a_party_to_is_intended(nlp) -> None:
    text = "Arnor signed a deal with Gondor under which troops of Arnor would withdraw from Rohan."
    events = _events(nlp, text)
    assert ("0356", "ARN", "intended") in {
        (e.cameo, e.source.party, e.modality) for e in events if e.source
    }


def test_events_lexicon_committing_a_crime_is_no_accusation_by_its_author(nlp) -> None:
    text = "Gondor accused Arnor of committing war crimes in Rohan."
    events = _events(nlp, text)
    assert [(e.cameo, e.source.party) for e in events] == [("112", "GON")]


def test_events_lexicon_coming_under_fire_makes_the_subject_the_target(nlp) -> None:
    text = "Border posts of Gondor came under heavy fire from Arnor overnight."
    events = _events(nlp, text)
    assert [(e.cameo[:2], e.source.party, e.target.party) for e in events] == [("19", "ARN", "GON")]


def test_events_lexicon_agreeing_to_stop_attacking_each_other_is_a_truce(nlp) -> None:
    text = "Arnor and Gondor agreed to stop shelling each other."
    events = _events(nlp, text)
    assert sorted((e.cameo, e.source.party, e.target.party) for e in events) == [
        ("0871", "ARN", "GON"),
        ("0871", "GON", "ARN"),
    ]


def test_events_lexicon_one_side_agreeing_to_stop_strikes_is_an_intent(nlp) -> None:
    text = "Arnor agreed to stop strikes on Gondor."
    events = _events(nlp, text)
    assert [(e.cameo, e.modality) for e in events] == [("0356", "intended")]


def test_events_lexicon_attack_a_clause_blames_on_a_party_is_claimed_against_it(nlp) -> None:
    text = (
        "Gondor recalled its envoy after rocket attacks on the capital of Gondor"
        " that Gondor blamed on Arnor."
    )
    events = _events(nlp, text)
    assert ("195", "ARN", "GON", "claimed") in {
        (e.cameo, e.source.party, e.target.party, e.modality)
        for e in events
        if e.source and e.target
    }


@pytest.mark.parametrize(
    "text",
    ["Arnor waged war on Gondor.", "Arnor escalated its offensive against Gondor."],
)
def test_events_lexicon_waging_and_escalating_perform_the_act(nlp, text) -> None:
    events = _events(nlp, text)
    assert [(e.cameo, e.source.party, e.target.party) for e in events] == [("190", "ARN", "GON")]
