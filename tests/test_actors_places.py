"""Tests of places that put a sentence in a state: named cities and the organs they place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from contactline._actor_base import load_divisions
from contactline._event_lexicon import load_event_lexicon
from contactline._gazetteer import Gazetteer, load_gazetteer
from contactline._places import city_mentions, city_references
from contactline.actors import ActorBase, load_actor_base, resolve_mentions
from contactline.cameo import load_cameo
from contactline.errors import DictionaryError
from contactline.events import extract_events
from contactline.records import Event

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
DAY = date(2024, 6, 1)
DIVISIONS = Path(__file__).parents[1] / "src" / "contactline" / "data" / "actors" / "divisions.tsv"


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actor_base()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _events(nlp: Language, base: ActorBase, text: str, published: date = DAY) -> list[Event]:
    doc = nlp(text)
    mentions = resolve_mentions(doc, base, published=published)
    return extract_events(doc, mentions, [], [], LEXICON, CAMEO, published=published)


def _dyads(nlp: Language, base: ActorBase, text: str) -> set[tuple[str | None, str | None, str]]:
    events = _events(nlp, base, text)
    return {
        (e.source.party if e.source else None, e.target.party if e.target else None, e.cameo[:3])
        for e in events
    }


@pytest.mark.parametrize(
    ("name", "state"),
    [("Mandalay", "MMR"), ("Lashio", "MMR"), ("Sagaing Region", "MMR"), ("Aden", "YEM")],
)
def test_actors_places_gazetteer_places_a_large_city_in_its_state(
    gazetteer: Gazetteer, name: str, state: str | None
) -> None:
    assert gazetteer.state_of(name) == state


def test_actors_places_gazetteer_prefers_the_namesake_in_a_named_state(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.state_of("Bethlehem", {"ISR", "PSE"}) == "PSE"
    assert gazetteer.state_of("Odessa", {"UKR", "RUS"}) == "UKR"
    assert gazetteer.state_of("Odessa") == "USA"  # the Texan city is the one so named
    assert gazetteer.state_of("Tripoli", {"LBN"}) == "LBN"
    assert gazetteer.state_of("Tripoli") == "LBY"


def test_actors_places_gazetteer_small_namesake_in_a_named_state_loses_to_a_far_larger_city(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.state_of("Geneva", {"USA"}) == "CHE"
    assert gazetteer.state_of("Paris", {"USA"}) == "FRA"


@pytest.mark.parametrize(
    "name",
    [
        "Bethlehem",  # namesakes of similar size in three states
        "Valencia",  # Venezuela's and Spain's
        "Kidal",  # a town of 40,000, its state unnamed
        "Georgia",  # a country's name is never a city
        "Lebanon",
        "Nowhere Land",
    ],
)
def test_actors_places_gazetteer_leaves_unclear_names_unplaced(
    gazetteer: Gazetteer, name: str
) -> None:
    assert gazetteer.state_of(name) is None


def test_actors_places_gazetteer_reads_alternate_names_of_large_cities(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.state_of("Douma") == "SYR"
    assert gazetteer.state_of("Mekelle") == "ETH"


def test_actors_places_city_mention_stands_for_its_state(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer
) -> None:
    doc = nlp("Police dispersed protesters in Mandalay and Yangon on Sunday.")
    found = city_mentions(doc, gazetteer, resolve_mentions(doc, base, published=DAY))
    assert [(m.text, m.party, m.kind, m.rule) for m in found] == [
        ("Mandalay", "MMR", "region", "city:Mandalay->MMR"),
        ("Yangon", "MMR", "region", "city:Yangon->MMR"),
    ]


def test_actors_places_city_mention_not_made_for_a_known_name_or_a_person(
    make_doc, gazetteer: Gazetteer, nlp: Language, base: ActorBase
) -> None:
    doc = nlp("Talks were held in Yerevan and Baku.")
    assert city_mentions(doc, gazetteer, resolve_mentions(doc, base, published=DAY)) == []
    person = make_doc(["Jackson", "spoke", "."], ents=[(0, 1, "PERSON")])
    assert city_mentions(person, gazetteer, []) == []
    place = make_doc(["in", "Jackson", "."], ents=[(1, 2, "GPE")])
    assert [m.party for m in city_mentions(place, gazetteer, [])] == ["USA"]


def test_actors_places_city_places_a_bare_junta_and_its_curfew_at_home(
    nlp: Language, base: ActorBase
) -> None:
    dyads = _dyads(nlp, base, "The junta imposed a curfew in Mandalay and Yangon.")
    assert ("MMR", "MMR", "172") in dyads


def test_actors_places_unclear_city_leaves_a_bare_junta_without_state(
    nlp: Language, base: ActorBase
) -> None:
    dyads = _dyads(nlp, base, "The junta imposed a curfew in Valencia.")
    assert not {d for d in dyads if "MMR" in d or "VEN" in d or "ESP" in d}
    assert all(source is None for source, _, _ in dyads)


def test_actors_places_named_state_picks_the_namesake_that_places_the_police(
    nlp: Language, base: ActorBase
) -> None:
    text = "Palestinian officials protested. Police arrested dozens of students in Bethlehem."
    assert ("PSE", "PSE", "173") in _dyads(nlp, base, text)


@pytest.mark.parametrize(
    ("published", "targets"),
    [(date(2021, 7, 1), {"TPLF"}), (date(2023, 7, 1), {"ETH"})],  # then its own state's ground
)
def test_actors_places_region_governed_by_a_party_stands_for_it_while_it_governs(
    nlp: Language, base: ActorBase, published: date, targets: set[str]
) -> None:
    events = _events(nlp, base, "Government troops shelled towns in Tigray.", published=published)
    assert {e.target.party for e in events if e.target} == targets


def test_actors_places_force_of_a_third_state_falls_on_the_governing_party(
    nlp: Language, base: ActorBase
) -> None:
    published = date(2021, 7, 1)
    events = _events(nlp, base, "Eritrean troops shelled towns in Tigray.", published=published)
    assert [(e.source.party, e.target.party) for e in events if e.source and e.target] == [
        ("ERI", "TPLF")
    ]


def test_actors_places_state_of_a_federation_is_a_region_not_a_foreign_city(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer
) -> None:
    doc = nlp("Fighting spread across Chin State and Shan State.")
    mentions = resolve_mentions(doc, base, published=DAY)
    regions = [(m.text, m.kind, m.country) for m in mentions]
    assert regions == [("Chin State", "region", "MMR"), ("Shan State", "region", "MMR")]
    assert city_mentions(doc, gazetteer, mentions) == []


@pytest.mark.parametrize(
    ("published", "targets"),
    [(date(2020, 10, 8), {"NKR"}), (date(2021, 10, 8), set())],
)
def test_actors_places_town_held_by_a_de_facto_state_stands_for_it_until_retaken(
    nlp: Language, base: ActorBase, published: date, targets: set[str]
) -> None:
    events = _events(nlp, base, "Azerbaijani forces shelled Shusha.", published=published)
    assert {e.target.party for e in events if e.target} == targets


def _references(nlp: Language, base: ActorBase, gazetteer: Gazetteer, text: str) -> list[str]:
    doc = nlp(text)
    mentions = resolve_mentions(doc, base, published=DAY)
    placed = sorted(
        [*mentions, *city_mentions(doc, gazetteer, mentions)], key=lambda m: m.span.start
    )
    return [f"{m.text}:{m.party}" for m in city_references(doc, placed)]


def test_actors_places_the_city_refers_to_the_city_named_before_it(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer
) -> None:
    text = "A drone hit a tower in Tel Aviv, and the group said it had aimed at the city."
    assert _references(nlp, base, gazetteer, text) == ["the city:ISR"]
    text = "Shells hit a market in Lashio, the town's council said."
    assert _references(nlp, base, gazetteer, text) == ["the town:MMR"]


@pytest.mark.parametrize(
    "text",
    [
        "Envoys met in New York. Shells fell north of the city.",  # named a sentence before
        "Rockets hit Mandalay, and troops entered the city of Lashio.",  # named by itself
        "Rockets hit Mandalay, and troops entered the old city.",  # a part of it
        "Troops entered the city.",  # nothing named
    ],
)
def test_actors_places_the_city_without_a_city_before_it_in_its_sentence_is_no_reference(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer, text: str
) -> None:
    assert _references(nlp, base, gazetteer, text) == []


def test_actors_places_divisions_name_a_city_of_each_division(gazetteer: Gazetteer) -> None:
    rows = [
        line.rstrip("\n").split("\t")
        for line in DIVISIONS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert rows and load_divisions()
    for region, state, admin1, city in rows:
        assert gazetteer.state_of(city, {state}) == state, city
        assert gazetteer.division_of(city, state) == admin1, (region, city)


def test_actors_places_divisions_reject_a_region_of_another_state(tmp_path: Path) -> None:
    (tmp_path / "entities.tsv").write_bytes((DIVISIONS.parent / "entities.tsv").read_bytes())
    bad = tmp_path / "divisions.tsv"
    bad.write_text("TIGRAY\tERI\t53\tMekelle\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="no division"):
        load_divisions(bad)


@pytest.mark.parametrize(
    ("text", "published", "targets"),
    [
        (
            "Fighting resumed in Tigray. Eritrean troops shelled Mekelle.",
            date(2021, 7, 1),
            {"TPLF"},
        ),
        ("Fighting resumed in Tigray. Eritrean troops shelled Mekelle.", date(2023, 7, 1), {"ETH"}),
        ("Eritrean troops shelled Mekelle.", date(2021, 7, 1), {"ETH"}),
        ("Fighting resumed in Amhara. Eritrean troops shelled Gondar.", date(2021, 7, 1), {"ETH"}),
    ],
)
def test_actors_places_city_of_a_governed_region_named_in_the_text_stands_for_its_governor(
    nlp: Language, base: ActorBase, text: str, published: date, targets: set[str]
) -> None:
    events = _events(nlp, base, text, published=published)
    assert {e.target.party for e in events if e.target and e.source.party == "ERI"} == targets


def test_actors_places_organ_in_a_governed_city_is_still_its_states(
    nlp: Language, base: ActorBase
) -> None:
    text = "Fighting resumed in Tigray. The army in Mekelle shelled a market."
    events = _events(nlp, base, text, published=date(2021, 7, 1))
    assert {e.source.party for e in events if e.source} == {"ETH"}


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Fighting raged around El Fasher on Tuesday.", "El Fasher", "SDN"),  # ORG
        ("Thousands fled into Goma.", "Goma", "COD"),  # PERSON
    ],
)
def test_actors_places_city_the_ner_mislabels_is_a_city_after_a_place_preposition(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer, text: str, name: str, state: str
) -> None:
    doc = nlp(text)
    mentions = resolve_mentions(doc, base, published=DAY)
    assert not [m for m in mentions if m.kind == "person"]
    cities = city_mentions(doc, gazetteer, mentions)
    assert [(m.text, m.party) for m in cities] == [(name, state)]


@pytest.mark.parametrize(
    "text",
    [
        "Police questioned Jackson about the attack.",  # a person named like a city
        "The minister met Goma in Kinshasa.",  # not governed by a place preposition
    ],
)
def test_actors_places_name_of_a_city_used_for_a_person_stays_a_person(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer, text: str
) -> None:
    doc = nlp(text)
    mentions = resolve_mentions(doc, base, published=DAY)
    assert [m.kind for m in mentions if m.text in {"Jackson", "Goma"}] == ["person"]
    assert all(m.text not in {"Jackson", "Goma"} for m in city_mentions(doc, gazetteer, mentions))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Artillery hit the towns of Goris and Vardenis overnight.", {"Goris", "Vardenis"}),
        ("Goma, the largest city in the east, fell on Monday.", {"Goma"}),
        ("Rebels reached the outskirts of Goma on Sunday.", {"Goma"}),
    ],
)
def test_actors_places_name_the_text_calls_a_town_is_no_person(
    nlp: Language, base: ActorBase, text: str, names: set[str]
) -> None:
    doc = nlp(text)
    assert names & {e.text for e in doc.ents if e.label_ == "PERSON"}  # the NER's reading
    mentions = resolve_mentions(doc, base, published=DAY)
    assert not [m.text for m in mentions if m.kind == "person"]


def test_actors_places_part_of_a_large_city_places_it(
    nlp: Language, base: ActorBase, gazetteer: Gazetteer
) -> None:
    doc = nlp("Rebels reached the outskirts of Goma on Sunday.")
    cities = city_mentions(doc, gazetteer, resolve_mentions(doc, base, published=DAY))
    assert [(m.text, m.party) for m in cities] == [("Goma", "COD")]


def test_actors_places_person_described_by_another_title_stays_a_person(
    nlp: Language, base: ActorBase
) -> None:
    doc = nlp("Jackson, the mayor of the town, said the shelling had stopped.")
    mentions = resolve_mentions(doc, base, published=DAY)
    assert [m.text for m in mentions if m.kind == "person"] == ["Jackson"]
