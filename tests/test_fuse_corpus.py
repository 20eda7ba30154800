"""Fusion on wire copy of four conflicts: several outlets retelling the same happenings.

``tests/data/fusion/<cluster>/<outlet>.txt`` holds the articles and
``tests/data/fusion/expected.json`` the truth: which happenings several outlets report
(with, per outlet, a phrase of the sentence that reports it), which happenings must
stay apart, and which claims a denial answers. The tests ingest the clusters with the
real pipeline and measure merge precision and recall over pairs of reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from _paths import DATA
from contactline.exports import entry_json
from contactline.fuse import day_bounds
from contactline.ingest import read_paths
from contactline.pipeline import Pipeline
from contactline.records import Event, Result
from contactline.store import open_store

CORPUS = DATA / "fusion"
EXPECTED: dict[str, Any] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CLUSTERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a store holds after ingesting some clusters."""

    timeline: list[dict[str, Any]]
    claims: list[tuple[str, str, str]]
    """(kind, first event key, second event key)."""


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    """Every article's extraction, keyed by ``cluster/outlet``."""
    pipeline = Pipeline.load()
    paths = sorted(str(p) for p in CORPUS.glob("*/*.txt"))
    return {_name(r.document.origin): r for r in map(pipeline.extract, read_paths(paths))}


def _name(origin: str) -> str:
    path = Path(origin)
    return f"{path.parent.name}/{path.stem}"


def ingest(db: Path, results: Sequence[Result]) -> Outcome:
    """Save ``results`` in this order into a fresh store; return its timeline and claims."""
    store = open_store(str(db))
    for result in results:
        store.save(result)
    claims = [
        (
            p.kind,
            f"{p.first.document_id}/{p.first.event.id}",
            f"{p.second.document_id}/{p.second.event.id}",
        )
        for p in store.claims()
    ]
    return Outcome([entry_json(e) for e in store.timeline()], sorted(claims))


def _covers(event: Event, when: str) -> bool:
    want, got = day_bounds(when), event.date and day_bounds(event.date.start, event.date.end)
    return bool(want and got and got[0] <= want[1] and want[0] <= got[1])


def labels(results: dict[str, Result]) -> dict[str, tuple[str, str]]:
    """Return the happening each event stands for, and its outlet, by ``document id/event id``.

    An event stands for a happening when its evidence holds the phrase the expectations
    give for its outlet, its CAMEO root is the happening's and its window holds the date.
    """
    found: dict[str, tuple[str, str]] = {}
    for happening in EXPECTED["happenings"]:
        for outlet, phrase in happening["mentions"].items():
            result = results.get(f"{happening['cluster']}/{outlet}")
            for event in result.events if result else ():
                if (
                    phrase in event.evidence
                    and event.cameo[:2] in happening["cameo_root"]
                    and _covers(event, happening["date"])
                ):
                    key = f"{result.document.id}/{event.id}"  # type: ignore[union-attr]
                    found[key] = (happening["id"], outlet)
    return found


@dataclass(frozen=True, slots=True)
class MergeScore:
    """Pairs of reports (events of different documents) that share a timeline entry."""

    precision: float
    recall: float
    wrong: list[tuple[str, str]]
    missed: list[tuple[str, str]]


def merge_score(
    outcome: Outcome, label: dict[str, tuple[str, str]], clusters: Sequence[str]
) -> MergeScore:
    """Score the entries against the expected happenings of ``clusters``.

    A gold pair is two outlets reporting one happening (whether or not extraction found
    both reports); it is recovered when one entry holds an event standing for the
    happening from each outlet. A predicted pair is two labelled events of different
    documents in one entry; it is right when both stand for the same happening.
    """
    right, wrong = 0, []
    entries: dict[tuple[str, str], set[int]] = {}
    for i, entry in enumerate(outcome.timeline):
        keyed = [k for k in entry["events"] if k in label]
        for key in keyed:
            entries.setdefault(label[key], set()).add(i)
        for a, b in combinations(keyed, 2):
            if a.rsplit("/", 1)[0] == b.rsplit("/", 1)[0]:
                continue
            if label[a][0] == label[b][0]:
                right += 1
            else:
                wrong.append(tuple(sorted((label[a][0], label[b][0]))))
    gold, missed = 0, []
    for happening in EXPECTED["happenings"]:
        if happening["cluster"] not in clusters:
            continue
        for a, b in combinations(sorted(happening["mentions"]), 2):
            gold += 1
            shared = entries.get((happening["id"], a), set()) & entries.get(
                (happening["id"], b), set()
            )
            if not shared:
                missed.append((happening["id"], f"{a}+{b}"))
    predicted = right + len(wrong)
    return MergeScore(
        precision=right / predicted if predicted else 1.0,
        recall=(gold - len(missed)) / gold if gold else 1.0,
        wrong=sorted(set(wrong)),  # type: ignore[arg-type]
        missed=missed,
    )


def apart_violations(outcome: Outcome, label: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the pairs of happenings that must stay apart yet share an entry."""
    together = set()
    for entry in outcome.timeline:
        held = {label[k][0] for k in entry["events"] if k in label}
        together.update(combinations(sorted(held), 2))
    return [tuple(p) for p in EXPECTED["apart"] if tuple(sorted(p)) in together]  # type: ignore[misc]


def contested_found(
    outcome: Outcome, results: dict[str, Result], clusters: Sequence[str]
) -> tuple[int, list[str]]:
    """Return how many expected claim/denial pairs the store links, and the missing ones."""

    def keys(cluster: str, side: dict[str, str]) -> set[str]:
        result = results[f"{cluster}/{side['outlet']}"]
        return {
            f"{result.document.id}/{e.id}" for e in result.events if side["phrase"] in e.evidence
        }

    linked = {frozenset((a, b)) for _, a, b in outcome.claims}
    found, missing = 0, []
    for pair in EXPECTED["contested"]:
        if pair["cluster"] not in clusters:
            continue
        claims, denials = (
            keys(pair["cluster"], pair["claim"]),
            keys(pair["cluster"], pair["denial"]),
        )
        if any(frozenset((c, d)) in linked for c in claims for d in denials):
            found += 1
        else:
            missing.append(
                f"{pair['cluster']}: {pair['claim']['phrase']!r} / {pair['denial']['phrase']!r}"
            )
    return found, missing


def _of(results: dict[str, Result], clusters: Sequence[str]) -> list[Result]:
    return [r for name, r in sorted(results.items()) if name.split("/")[0] in clusters]


def test_fuse_corpus_merges_reports_of_one_happening(
    tmp_path: Path, results: dict[str, Result], metrics: Any
) -> None:
    label = labels(results)
    outcome = ingest(tmp_path / "all.db", _of(results, CLUSTERS))
    score = merge_score(outcome, label, CLUSTERS)
    metrics.record("fusion corpus merge precision", score.precision, f"wrong: {score.wrong}")
    metrics.record("fusion corpus merge recall", score.recall, f"missed: {score.missed}")
    assert score.precision >= 0.9
    assert score.recall >= 0.75
    reported: dict[str, set[str]] = {}
    for happening, outlet in label.values():
        reported.setdefault(happening, set()).add(outlet)
    found = {
        happening: max(
            (
                len({label[k][1] for k in e["events"] if label.get(k, ("",))[0] == happening})
                for e in outcome.timeline
            ),
            default=0,
        )
        for happening in reported
    }
    for happening in EXPECTED["happenings"]:
        extracted = len(reported.get(happening["id"], ()))
        need = min(happening["min_documents"], extracted)
        assert found.get(happening["id"], 0) >= need, happening["id"]


def test_fuse_corpus_keeps_different_happenings_apart(
    tmp_path: Path, results: dict[str, Result]
) -> None:
    outcome = ingest(tmp_path / "all.db", _of(results, CLUSTERS))
    assert apart_violations(outcome, labels(results)) == []
    clusters_of = {r.document.id: name.split("/")[0] for name, r in results.items()}
    for entry in outcome.timeline:
        assert len({clusters_of[k.rsplit("/", 1)[0]] for k in entry["events"]}) == 1, entry


def test_fuse_corpus_timeline_does_not_depend_on_ingest_order(
    tmp_path: Path, results: dict[str, Result]
) -> None:
    ordered = _of(results, CLUSTERS)
    forward = ingest(tmp_path / "forward.db", ordered)
    backward = ingest(tmp_path / "backward.db", ordered[::-1])
    shuffled = ingest(
        tmp_path / "outlets.db", sorted(ordered, key=lambda r: _name(r.document.origin)[::-1])
    )
    assert forward == backward == shuffled


def test_fuse_corpus_links_denials_to_the_claims_they_answer(
    tmp_path: Path, results: dict[str, Result], metrics: Any
) -> None:
    outcome = ingest(tmp_path / "all.db", _of(results, CLUSTERS))
    clusters_of = {r.document.id: name.split("/")[0] for name, r in results.items()}
    across = [
        c for c in outcome.claims if len({clusters_of[k.rsplit("/", 1)[0]] for k in c[1:]}) > 1
    ]
    assert across == []
    found, missing = contested_found(outcome, results, CLUSTERS)
    metrics.record(
        "fusion corpus contested recall", found / len(EXPECTED["contested"]), f"missing: {missing}"
    )
    assert found >= 4
