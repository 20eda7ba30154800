"""The commands that read the store: show, stats, actors, search, claims, and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from _factories import event, result
from contactline.cli import main
from contactline.store import open_store

CLAIM = "According to Armenia, Turkish military specialists are taking part in the fighting."
DENIAL = "Ankara noted that they see no reason to send their military to Karabakh."


@pytest.fixture
def db(tmp_db: Path) -> Path:
    store = open_store(str(tmp_db))
    store.save(
        result(
            "seeds/000.txt",
            [CLAIM, DENIAL],
            [
                event(
                    "e1",
                    "042",
                    CLAIM,
                    source="TUR",
                    start="2020-09-29",
                    modality="claimed",
                    reported_by="ARM",
                ),
                event("e2", "150", DENIAL, source="TUR", start="2020-09-29", modality="negated"),
            ],
        )
    )
    store.close()
    return tmp_db


def invoke(db: Path, *args: str) -> tuple[int, str]:
    outcome = CliRunner().invoke(main, ["--db", str(db), *args])
    return outcome.exit_code, outcome.output


def test_store_cli_show_prints_the_contract_json(db: Path) -> None:
    code, out = invoke(db, "show", "seeds/000.txt")
    data = json.loads(out)
    assert code == 0
    assert data["document"]["origins"] == ["seeds/000.txt"]
    assert [e["id"] for e in data["events"]] == ["e1", "e2"]


def test_store_cli_show_unknown_document_is_an_error(db: Path) -> None:
    code, out = invoke(db, "show", "nothing-like-this")
    assert code == 1
    assert out.startswith(
        "Error: No stored document has the id, origin, file name or id prefix 'nothing-like-this'"
    )


def test_store_cli_stats_counts_rows(db: Path) -> None:
    code, out = invoke(db, "stats", "--format", "json")
    counts = json.loads(out)
    assert (
        code == 0
        and counts["documents"] == 1
        and counts["events"] == 2
        and counts["claim_links"] == 1
    )


def test_store_cli_claims_contested_side_by_side(db: Path) -> None:
    code, out = invoke(db, "claims", "--contested", "--format", "json")
    (pair,) = json.loads(out)
    assert code == 0 and pair["kind"] == "denial"
    assert [c["evidence"] for c in pair["claims"]] == [CLAIM, DENIAL]


def test_store_cli_claims_lists_claimed_and_denied_acts(db: Path) -> None:
    code, out = invoke(db, "claims", "--format", "json")
    assert code == 0
    assert [(c["modality"], c["reported_by"]) for c in json.loads(out)] == [
        ("claimed", "ARM"),
        ("negated", None),
    ]


def test_store_cli_actors_and_search(db: Path) -> None:
    code, out = invoke(db, "actors", "--format", "json")
    assert code == 0 and json.loads(out)[0]["party"] == "ARM"
    code, out = invoke(db, "search", "Ankara", "--format", "json")
    assert code == 0 and {h["kind"] for h in json.loads(out)} == {"document", "event"}


def test_store_cli_bad_date_is_an_error(db: Path) -> None:
    code, out = invoke(db, "timeline", "--since", "last week")
    assert code == 1
    assert out == "Error: --since 'last week' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.\n"


def test_store_cli_unreachable_store_is_an_error(tmp_path: Path) -> None:
    code, out = invoke(tmp_path / "missing" / "x.db", "stats")
    assert code == 1 and "does not exist" in out
