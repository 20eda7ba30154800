"""The actor knowledge base: loader, validator and name matching."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from contactline._actor_base import ActorBase, load_actor_base, load_governors
from contactline._actor_check import check_actor_base
from contactline._phrase_index import PhraseIndex, case_fits, fold
from contactline.errors import DictionaryError

PACKAGED = Path(__file__).resolve().parents[1] / "src" / "contactline" / "data" / "actors"


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actor_base()


def _parties(base: ActorBase, name: str) -> set[str]:
    return {e.entity.party for e in base.names.lookup(name.split())}


def test_actors_base_is_consistent(base: ActorBase) -> None:
    assert check_actor_base(base) == []


def test_actors_base_covers_every_un_member_and_observer(base: ActorBase) -> None:
    states = [e for e in base.entities.values() if e.kind == "state" and e.status]
    assert sum(e.status == "member" for e in states) == 193
    assert {e.party for e in states if e.status == "observer"} == {"VAT", "PSE"}


def test_actors_base_takes_iso_names_from_pycountry(base: ActorBase) -> None:
    # Neither is typed in states.tsv; both are ISO 3166 names.
    assert _parties(base, "Viet Nam") == {"VNM"}
    assert _parties(base, "Plurinational State of Bolivia") == {"BOL"}


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("Azeri", "AZE"),
        ("Azerbaijanis", "AZE"),
        ("Stepanakert", "NKR"),
        ("Artsakh", "NKR"),
        ("Zaire", "COD"),
        ("Swaziland", "SWZ"),
        ("USSR", "SUN"),
        ("Kremlin", "RUS"),
    ],
)
def test_actors_base_knows_demonyms_capitals_and_former_names(
    base: ActorBase, name: str, party: str
) -> None:
    assert party in _parties(base, name)


def test_actors_base_bodies_match_after_every_organisation_name(base: ActorBase) -> None:
    entries = base.names.lookup(["CSTO", "Secretariat"])
    assert [(e.entity.party, e.role) for e in entries] == [("CSTO", "Secretariat")]
    entries = base.names.lookup(["Collective", "Security", "Treaty", "Organization", "Secretariat"])
    assert entries and entries[0].entity.party == "CSTO"


def test_actors_base_bare_body_only_where_unambiguous(base: ActorBase) -> None:
    assert _parties(base, "Security Council") == {"UN"}
    assert _parties(base, "Secretariat") == set()


def test_actors_base_org_members(base: ActorBase) -> None:
    assert base.members["CSTO"] == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_actors_base_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    shutil.copytree(PACKAGED, folder)
    path = folder / "sectors.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(20, "troops\tMIL")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as caught:
        load_actor_base(folder)
    assert caught.value.line == 21
    assert str(caught.value).startswith(f"{path}:21: expected 3")


def test_actors_base_rejects_unknown_iso_code(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    shutil.copytree(PACKAGED, folder)
    with (folder / "states.tsv").open("a", encoding="utf-8") as handle:
        handle.write("QQQ\tmember\t-\t-\tQueerland\n")
    with pytest.raises(DictionaryError, match="QQQ is no ISO 3166-1 alpha-3 code"):
        load_actor_base(folder)


def test_actors_base_governors_are_regions_governed_for_a_time() -> None:
    tigray = next(g for g in load_governors() if g.region == "Tigray")
    assert tigray.party == "TPLF"
    assert tigray.governs(date(2021, 7, 1))
    assert not tigray.governs(date(2020, 10, 1))
    assert not tigray.governs(date(2023, 3, 1))
    assert not tigray.governs(None)


def test_actors_base_governors_reject_a_region_the_base_lacks(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    shutil.copytree(PACKAGED, folder)
    with (folder / "governors.tsv").open("a", encoding="utf-8") as handle:
        handle.write("ATLANTIS\tTPLF\t2001..2002\tinvented\n")
    with pytest.raises(DictionaryError, match="'ATLANTIS' is no region"):
        load_governors(folder / "governors.tsv")


def test_actors_base_validator_reports_unlisted_collision(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    shutil.copytree(PACKAGED, folder)
    with (folder / "institutions.tsv").open("a", encoding="utf-8") as handle:
        handle.write("Yerevan\tAZE\tGOV\n")
    problems = check_actor_base(load_actor_base(folder))
    assert problems == ["'yerevan' names ['ARM', 'AZE']; add its readings to ambiguous.tsv"]


def test_actors_phrase_index_capitals_must_fit() -> None:
    assert case_fits("Turkey", "TURKEY")
    assert not case_fits("Turkey", "turkey")
    assert case_fits("US", "US")
    assert not case_fits("US", "Us")
    assert case_fits("of", "Of")


def test_actors_phrase_index_folds_diacritics_and_apostrophes() -> None:
    assert fold("Türkiye") == "turkiye"
    assert fold("Côte d\u2019Ivoire") == "cote d'ivoire"


def test_actors_phrase_index_prefers_longest_match() -> None:
    index: PhraseIndex[str] = PhraseIndex(str.split)
    index.add("Guinea", "GIN")
    index.add("Papua New Guinea", "PNG")
    index.add("New", "NEW")
    found = [
        (m.start, m.end, m.values)
        for m in index.finditer(["in", "Papua", "New", "Guinea", "and", "Guinea"])
    ]
    assert found == [(1, 4, ("PNG",)), (5, 6, ("GIN",))]


def test_actors_phrase_index_matches_without_hyphens() -> None:
    index: PhraseIndex[str] = PhraseIndex(lambda s: s.replace("-", " - ").split())
    index.add("Nagorno-Karabakh", "NK")
    assert [m.values for m in index.finditer(["in", "Nagorno", "Karabakh"])] == [("NK",)]
