"""The command line, end to end on real files: extract, ingest, errors, idempotence, interruption."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from _paths import EXAMPLES, SEEDS, SHARED
from contactline.cli import main
from contactline.serialize import validate

CLI = [sys.executable, "-m", "contactline"]


@pytest.fixture(scope="module")
def seed_output() -> list[dict]:
    result = CliRunner().invoke(
        main, ["extract", *map(str, sorted(EXAMPLES.glob("*.txt"))), "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_extract_output_follows_the_schema(seed_output: list[dict]) -> None:
    assert len(seed_output) == 2
    for obj in seed_output:
        assert validate(obj) == []


def test_cli_extract_reads_document_metadata(seed_output: list[dict]) -> None:
    first, second = (o["document"] for o in seed_output)
    assert first["published"] == "2020-09-29" and first["title"] is None
    assert second["published"] == "2023-03-31"
    assert (second["source"], second["dateline"]) == ("TASS", "Moscow")
    assert (
        second["title"]
        == "CSTO ready to help Armenia by sending mission to its border with Azerbaijan"
    )
    assert first["origin"].endswith("000_1b34881ca0a22c74.txt")


def test_cli_extract_offsets_point_at_their_text(seed_output: list[dict]) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in EXAMPLES.glob("*.txt")}
    for obj in seed_output:
        text = texts[Path(obj["document"]["origin"]).name]
        for time_ in obj["times"]:
            start, end = time_["offsets"]
            assert text[start:end] == time_["text"]
        for event in obj["events"]:
            start, end = event["offsets"]
            assert text[start:end] == event["evidence"]


@pytest.mark.skipif(
    not (SHARED / "eval" / "score.py").exists(), reason="no gold annotations beside the project"
)
def test_cli_extract_scores_document_metadata_perfectly(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", *map(str, sorted(SEEDS.glob("*.txt")))])
    assert result.exit_code == 0
    out.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            str(SHARED / "gold"),
            str(out),
            "--require",
            "document=1.0",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    assert scored.returncode == 0, scored.stdout


def test_cli_extract_goes_on_past_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "KYIV, May 3 (Reuters) - Ukraine said on Friday it shot down 20 drones.", encoding="utf-8"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Mali expelled the envoy.", "id": "m1"}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(good), str(empty), str(feed)])
    assert result.exit_code == 1
    origins = [json.loads(line)["document"]["origin"] for line in result.stdout.splitlines()]
    assert origins == [str(good), f"{feed}:1"]
    assert f"{empty}: file is empty" in result.stderr
    assert f"{feed}:2: not JSON" in result.stderr


def test_cli_extract_without_paths_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_cli_extract_given_metadata_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("MOSCOW, March 31. /TASS/. Talks ended on Friday.", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(path), "--published", "2017-03-31", "--source", "Interfax"]
    )
    doc = json.loads(result.stdout)["document"]
    assert (doc["published"], doc["source"]) == ("2017-03-31", "Interfax")


def test_cli_extract_reports_copies(tmp_path: Path) -> None:
    text = (EXAMPLES / "002_cb2353d6230e5346.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Friday", "Friday afternoon"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    first, second = (json.loads(line)["document"] for line in result.stdout.splitlines())
    assert second["duplicate_of"] == first["id"]
    assert "near-duplicate" in result.stderr


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


def test_cli_ingest_twice_adds_no_rows(tmp_db: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["--db", str(tmp_db), "ingest", str(EXAMPLES)])
    assert first.exit_code == 0, first.output
    tables = ["documents", "events", "statements", "times", "mentions"]
    before = {t: _count(tmp_db, t) for t in tables}
    assert before["documents"] == 2 and before["events"] > 0
    again = runner.invoke(main, ["--db", str(tmp_db), "ingest", str(EXAMPLES)])
    assert again.exit_code == 0
    assert {t: _count(tmp_db, t) for t in tables} == before
    assert "2 unchanged" in again.stderr


def _feed(path: Path, count: int) -> None:
    base = (EXAMPLES / "000_1b34881ca0a22c74.txt").read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            text = f"Report number {number} of the series.\n\n" + base.replace(
                "84", str(100 + number)
            )
            handle.write(
                json.dumps({"id": f"r{number}", "text": text, "published": "2020-09-29"}) + "\n"
            )


@pytest.mark.slow
def test_cli_ingest_killed_midway_leaves_a_consistent_store(tmp_path: Path, tmp_db: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    _feed(feed, 60)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*CLI, "--db", str(tmp_db), "ingest", "--batch-size", "2", str(feed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            stored = _count(tmp_db, "documents") if tmp_db.exists() else 0
        except sqlite3.OperationalError:
            continue
        if stored >= 5:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 5 <= stored < 60, "the ingest should have been interrupted midway"
    with sqlite3.connect(tmp_db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute(
            "select count(*) from events where document_id not in (select id from documents)"
        ).fetchone()[0]
        assert orphans == 0
        # every stored document is whole: it has its events
        empty = conn.execute(
            "select count(*) from documents d where not exists "
            "(select 1 from events e where e.document_id = d.id)"
        ).fetchone()[0]
        assert empty == 0
    rerun = subprocess.run(
        [*CLI, "--db", str(tmp_db), "ingest", str(feed)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert _count(tmp_db, "documents") == 60


def test_cli_commands_have_help_and_examples() -> None:
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help"
        assert "Example" in command.help, f"{name} has no example"


def test_cli_commands_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert re.search(rf"contactline (--\S+ \S+ )*{name}\b", readme), (
            f"{name} is not in README.md"
        )


def test_cli_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("contactline, version ")


def test_cli_extract_reads_standard_input() -> None:
    result = CliRunner().invoke(
        main,
        ["extract", "-", "--published", "2024-03-02"],
        input="Israel's military said on Friday it struck Hezbollah targets in Lebanon.",
    )
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["document"]["origin"] == "-" and obj["document"]["published"] == "2024-03-02"
    assert any(t["value"] == "2024-03-01" for t in obj["times"])


def test_cli_unknown_model_says_what_to_install(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Troops withdrew.", encoding="utf-8")
    result = CliRunner().invoke(main, ["--model", "xx_no_such_pipeline", "extract", str(path)])
    assert result.exit_code == 1
    assert "Error: The spaCy pipeline 'xx_no_such_pipeline' is not installed." in result.stderr
    assert "pip install" in result.stderr


def test_cli_ingest_stores_the_good_files_and_lists_the_bad(tmp_path: Path, tmp_db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "KYIV, May 3 (Reuters) - Ukraine said on Friday it shot down 20 drones.", encoding="utf-8"
    )
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    (folder / "c.txt").write_text(
        "Mali's junta expelled the French ambassador on Monday.", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["--db", str(tmp_db), "ingest", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'b.txt'}: file is binary" in result.stderr
    assert "2 added; 1 failed" in result.stderr
    assert _count(tmp_db, "documents") == 2
