"""Exports for analysts' tools: timeline JSON, GDELT-like CSV, Parquet and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from _factories import event, result
from contactline import exports
from contactline.cli import main
from contactline.store import open_store

FIGHT = "Heavy fighting broke out near Shusha in Karabakh on September 27."
BATTLE = "Intense battles erupted near Shusha on September 27, 2020, the ministry said."
TALKS = "Negotiators met in the mountains on October 9."


@pytest.fixture
def db(tmp_db: Path) -> Path:
    store = open_store(str(tmp_db))
    store.save(
        result(
            "one.txt",
            [FIGHT, TALKS],
            [
                event(
                    "e1",
                    "190",
                    FIGHT,
                    source="AZE",
                    target="ARM",
                    start="2020-09-27",
                    location="Shusha",
                ),
                event(
                    "e2",
                    "040",
                    TALKS,
                    source="ARM",
                    target="AZE",
                    start="2020-10-09",
                    location="Nowhere Land",
                ),
            ],
        )
    )
    store.save(
        result(
            "two.txt",
            [BATTLE, "More."],
            [event("e1", "193", BATTLE, source="ARM", start="2020-09-27", location="Shusha")],
            source="TASS",
        )
    )
    store.close()
    return tmp_db


def run(db: Path, *args: str) -> str:
    outcome = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert outcome.exit_code == 0, outcome.output
    return outcome.output


def test_exports_timeline_json_has_the_contract_shape(db: Path) -> None:
    entries = json.loads(run(db, "timeline", "--format", "json"))
    assert [e["date"]["start"] for e in entries] == ["2020-09-27", "2020-10-09"]
    first = entries[0]
    assert set(first) >= {"date", "cameo", "source", "target", "summary", "documents", "events"}
    assert first["documents"] == ["one.txt", "two.txt"] and first["cameo"][:2] == "19"
    assert first["corroboration"] == 2


def test_exports_csv_has_gdelt_columns_and_counts(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(db, "export", "--format", "csv"))))
    assert list(rows[0])[:8] == list(exports.GDELT_COLUMNS)[:8]
    fight = [r for r in rows if r["EventRootCode"] == "19"]
    assert {r["SQLDATE"] for r in fight} == {"20200927"}
    assert {r["NumArticles"] for r in fight} == {"2"}
    assert (fight[0]["ActionGeo_CountryCode"], fight[0]["ActionGeo_Type"]) == ("AZ", "4")


def test_exports_parquet_reads_back(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tl.parquet"
    run(db, "timeline", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.column_names == list(exports.TIMELINE_COLUMNS)
    assert table.column("n_documents").to_pylist() == [2, 1]
    assert table.column("documents").to_pylist()[0] == ["one.txt", "two.txt"]


def test_exports_geojson_places_only_known_locations(db: Path) -> None:
    collection = json.loads(run(db, "export", "--format", "geojson"))
    assert collection["type"] == "FeatureCollection"
    places = {f["properties"]["ActionGeo_FullName"] for f in collection["features"]}
    assert places == {"Shusha"}
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 39 < lat < 41 and 46 < lon < 47


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Kharkiv", "UA", "city"),
        ("El Fasher", "SD", "city"),
        ("Lachin District", "AZ", "city"),
        ("Nowhere Land", None, None),
        ("Armenia", "AM", "country"),
        (None, None, None),
    ],
)
def test_exports_gazetteer_places(
    name: str | None, country: str | None, precision: str | None
) -> None:
    place = exports.load_gazetteer().place(name)
    assert (place.country if place else None, place.precision if place else None) == (
        country,
        precision,
    )


def test_exports_timeline_table_and_filters(db: Path) -> None:
    table = run(db, "timeline", "--party", "AZE", "--root", "19")
    assert table.splitlines()[0].split()[:3] == ["date_start", "date_end", "cameo"]
    assert len(table.splitlines()) == 2
    assert run(db, "timeline", "--since", "2021", "--format", "json").strip() == "[]"
