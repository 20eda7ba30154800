"""Tests of references resolved from the focus of the text: bare state organs and courts."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from contactline.actors import ActorBase, load_actor_base, mentions_for, resolve_mentions
from contactline.records import Mention


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actor_base()


def _mention(nlp: Language, base: ActorBase, text: str, words: str) -> Mention | None:
    """Return the last mention of ``text`` whose text ends with ``words``."""
    mentions = resolve_mentions(nlp(text), base, published=date(2024, 6, 1))
    found = [m for m in mentions if m.text.endswith(words)]
    return found[-1] if found else None


def _listed(nlp: Language, base: ActorBase, text: str, word: str) -> list[str | None]:
    """Return the parties of the mentions the last ``word`` of ``text`` stands for."""
    doc = nlp(text)
    mentions = resolve_mentions(doc, base, published=date(2024, 6, 1))
    head = [t.i for t in doc if t.text == word][-1]
    return [m.party for m in mentions_for(doc, head, mentions)]


def test_actors_focus_bare_organ_takes_the_state_of_an_earlier_sentence(
    nlp: Language, base: ActorBase
) -> None:
    junta = _mention(
        nlp,
        base,
        "Myanmar's generals seized power in February. The junta imposed a curfew.",
        "junta",
    )
    assert junta is not None
    assert (junta.party, junta.kind, junta.sector) == ("MMR", "state", "GOV")
    assert junta.rule == "coref:junta->MMR"


def test_actors_focus_armed_group_of_the_sentence_beats_a_state_named_earlier_in_it(
    nlp: Language, base: ActorBase
) -> None:
    text = "China said it had brokered talks between the military and the MNDAA."
    military = _mention(nlp, base, text, "military")
    assert military is not None
    assert (military.party, military.sector) == ("MMR", "MIL")


def test_actors_focus_region_named_later_in_the_sentence_places_the_organ(
    nlp: Language, base: ActorBase
) -> None:
    text = "The government declared a unilateral ceasefire in Tigray."
    government = _mention(nlp, base, text, "government")
    assert government is not None
    assert government.party == "ETH"


def test_actors_focus_state_named_earlier_beats_a_region_of_the_sentence(
    nlp: Language, base: ActorBase
) -> None:
    text = "Russia massed troops on the border. The army shelled villages in Kherson."
    army = _mention(nlp, base, text, "army")
    assert army is not None
    assert army.party == "RUS"


def test_actors_focus_state_named_only_later_in_the_sentence_does_not_place_the_organ(
    nlp: Language, base: ActorBase
) -> None:
    army = _mention(nlp, base, "The army refused to attend US-led talks in Geneva.", "army")
    assert army is not None
    assert (army.party, army.sector, army.rule) == (None, "MIL", "sector:army->MIL")


def test_actors_focus_organ_with_adjective_and_possessive_resolves(
    nlp: Language, base: ActorBase
) -> None:
    federal = _mention(
        nlp, base, "Tigrayan forces handed over heavy weapons to the federal army.", "army"
    )
    assert federal is not None and federal.party == "ETH"
    air_force = _mention(nlp, base, "The army's air force bombed RSF bases.", "air force")
    assert air_force is not None
    assert (air_force.party, air_force.sector) == ("SDN", "MIL")


def test_actors_focus_court_refers_to_the_court_in_focus(nlp: Language, base: ActorBase) -> None:
    text = "The ICJ ordered a halt to the offensive. Israel rejected the court's ruling."
    court = _mention(nlp, base, text, "court")
    assert court is not None
    assert (court.party, court.antecedent is not None) == ("ICJ", True)
    alone = _mention(nlp, base, "The Kremlin said the court's decision was void.", "court")
    assert alone is not None
    assert (alone.party, alone.sector) == (None, "JUD")


def test_actors_focus_north_and_south_stand_for_the_koreas_in_a_korean_text(
    nlp: Language, base: ActorBase
) -> None:
    text = "North Korea blew up roads that once connected it to the South."
    south = _mention(nlp, base, text, "South")
    assert south is not None and (south.party, south.rule) == ("KOR", "name:South->KOR")
    north = _mention(nlp, base, "Seoul condemned the North's launch of a spy satellite.", "North")
    assert north is not None and north.party == "PRK"
    assert _mention(nlp, base, "Voters in the South backed the governor.", "South") is None


@pytest.mark.parametrize(
    ("text", "word", "parties"),
    [
        (
            "Armenia and Azerbaijan met in Washington. The two sides agreed to open the border.",
            "sides",
            ["ARM", "AZE"],
        ),
        (
            "Hamas and Israel traded blame. Both sides later agreed to a pause.",
            "sides",
            ["HAMAS", "ISR"],
        ),
        (
            "Qatar, Egypt and the United States mediated. The three countries said talks resume.",
            "countries",
            ["QAT", "EGY", "USA"],
        ),
    ],
)
def test_actors_focus_plural_reference_stands_for_every_party_listed(
    nlp: Language, base: ActorBase, text: str, word: str, parties: list[str]
) -> None:
    assert _listed(nlp, base, text, word) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Israel and Hamas fought for weeks. Qatar and Egypt said the two sides had agreed.",
            ["ISR", "HAMAS"],
        ),
        (
            (
                "Sudan and Chad exchanged fire. Talks opened in Nairobi. Weeks passed quietly. "
                "Kenya and Uganda said both sides would withdraw."
            ),
            ["SDN", "TCD"],
        ),
        ("Kenya and Uganda said the two sides had agreed to a truce.", []),
    ],
)
def test_actors_focus_sides_are_never_the_parties_that_speak_of_them(
    nlp: Language, base: ActorBase, text: str, parties: list[str]
) -> None:
    assert _listed(nlp, base, text, "sides") == parties


def test_actors_focus_two_sides_are_a_list_of_two(nlp: Language, base: ActorBase) -> None:
    text = (
        "Sudan and Chad clashed again. Kenya, Uganda and Ethiopia sent envoys to Nairobi. "
        "The two sides agreed to talks."
    )
    assert _listed(nlp, base, text, "sides") == ["SDN", "TCD"]


def test_actors_focus_warring_parties_stand_for_the_pair_named_before(
    nlp: Language, base: ActorBase
) -> None:
    text = (
        "Fighting between Ethiopia and Eritrea went on. The UN urged the warring parties to talk."
    )
    assert _listed(nlp, base, text, "parties") == ["ETH", "ERI"]


def test_actors_focus_singular_reference_is_not_expanded_to_a_list(
    nlp: Language, base: ActorBase
) -> None:
    text = "Armenia and Azerbaijan met. The country said the talks went well."
    assert _listed(nlp, base, text, "country") == ["AZE"]


def test_actors_focus_organ_modifying_a_sector_word_takes_the_state_in_focus(
    nlp: Language, base: ActorBase
) -> None:
    text = "The SDF clashed with government forces near Deir ez-Zor."
    forces = _mention(nlp, base, text, "forces")
    assert forces is not None
    assert (forces.text, forces.party, forces.sector) == ("government forces", "SYR", "MIL")
    alone = _mention(nlp, base, "Hundreds of government troops surrendered.", "troops")
    assert alone is not None and (alone.party, alone.sector) == (None, "MIL")


def test_actors_focus_bloc_with_modifiers_refers_to_the_organisation_in_focus(
    nlp: Language, base: ActorBase
) -> None:
    text = "ECOWAS suspended Niger. The 15-member regional bloc threatened force."
    bloc = _mention(nlp, base, text, "bloc")
    assert bloc is not None
    assert (bloc.text, bloc.party) == ("The 15-member regional bloc", "ECOWAS")


def test_actors_focus_state_named_as_the_location_places_the_organ(
    nlp: Language, base: ActorBase
) -> None:
    text = "The military government banned satellite receivers in Myanmar."
    government = _mention(nlp, base, text, "government")
    assert government is not None and government.party == "MMR"
    text = "The junta executed four activists, drawing condemnation from the United States."
    junta = _mention(nlp, base, text, "junta")
    assert junta is not None and junta.party is None
