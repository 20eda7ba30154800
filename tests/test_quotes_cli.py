"""``contactline statements``: listing stored statements by speaker and party."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from contactline.cli import main
from contactline.records import DateWindow, Document, Result, Span, Speaker, Statement
from contactline.store import open_store

TEXT = (
    "Peskov said the situation was a topic for analysis. "
    "Yerevan accused Baku of attacks in the region."
)


def _statement(n: int, name: str, party: str, cue: str, content: str) -> Statement:
    start = TEXT.index(content)
    return Statement(
        id=f"st{n}",
        speaker=Speaker(name=name, party=party),
        cue=cue,
        content=content,
        direct=False,
        date=DateWindow(start="2020-09-29"),
        span=Span(start, start + len(content)),
        content_span=Span(start, start + len(content)),
        rule=f"reported:ccomp:{cue}",
    )


@pytest.fixture
def store_path(tmp_db: Path) -> str:
    document = Document(id="doc1", origin="seed.txt", text=TEXT, body=(Span(0, len(TEXT)),))
    result = Result(
        document=document,
        statements=(
            _statement(1, "Dmitry Peskov", "RUS", "said", "the situation was a topic for analysis"),
            _statement(2, "Armenia", "ARM", "accused", "Baku of attacks in the region"),
        ),
    )
    with open_store(str(tmp_db)) as store:
        store.save(result)
    return str(tmp_db)


def test_quotes_cli_filters_by_speaker(store_path: str):
    result = CliRunner().invoke(main, ["--db", store_path, "statements", "--speaker", "peskov"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["date", "speaker", "party", "cue", "direct", "content", "origin"]
    assert len(lines) == 2 and "Dmitry Peskov" in lines[1] and "RUS" in lines[1]


def test_quotes_cli_filters_by_party_as_json(store_path: str):
    result = CliRunner().invoke(
        main, ["--db", store_path, "statements", "--party", "arm", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["speaker"]["party"], r["cue"], r["content"]) for r in rows] == [
        ("ARM", "accused", "Baku of attacks in the region")
    ]
