"""Fusion on the two example articles with the real pipeline: order-free and as the gold says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _paths import EXAMPLES, SHARED
from contactline.fuse import day_bounds
from contactline.ingest import read_paths
from contactline.pipeline import Pipeline
from contactline.records import Result
from contactline.store import open_store

GOLD = SHARED / "gold" / "timeline.json"


@pytest.fixture(scope="module")
def results() -> list[Result]:
    pipeline = Pipeline.load()
    return [
        pipeline.extract(raw)
        for raw in read_paths([str(p) for p in sorted(EXAMPLES.glob("*.txt"))])
    ]


def _timeline(db: Path, results: list[Result]) -> list[dict[str, object]]:
    store = open_store(str(db))
    for result in results:
        store.save(result)
    from contactline.exports import entry_json

    return [entry_json(e) for e in store.timeline()]


def test_fuse_seeds_timeline_same_in_both_orders(tmp_path: Path, results: list[Result]) -> None:
    forward = _timeline(tmp_path / "forward.db", results)
    backward = _timeline(tmp_path / "backward.db", results[::-1])
    assert forward == backward


def _hits(entries: list[dict[str, object]], gold: dict[str, object], need: int) -> bool:
    want = day_bounds(str(gold["date"]))
    assert want is not None
    for entry in entries:
        date = entry["date"]
        start = day_bounds(date["start"], date["end"]) if isinstance(date, dict) else None
        roots = gold.get("cameo_root")
        if start is None or not want[0] <= start[0] <= want[1]:
            continue
        if roots and str(entry["cameo"])[:2] not in roots:  # type: ignore[operator]
            continue
        if len({Path(str(d)).name for d in entry["documents"]}) >= need:  # type: ignore[attr-defined]
            return True
    return False


@pytest.mark.skipif(not GOLD.exists(), reason="the shared gold timeline is not beside the project")
def test_fuse_seeds_match_the_gold_timeline(tmp_path: Path, results: list[Result]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    entries = _timeline(tmp_path / "seeds.db", results)
    missing = [g["id"] for g in gold["merged"] if not _hits(entries, g, g.get("min_documents", 2))]
    missing += [g["id"] for g in gold["single"] if not _hits(entries, g, 1)]
    assert missing == []
