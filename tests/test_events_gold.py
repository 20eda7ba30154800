"""The event stage against the project's own gold sets: measured figures and regression floors.

``events_gold.jsonl`` is the development set the event rules are tuned on;
``events_heldout.jsonl`` was written apart from the rules and measures them on text they
were not tuned on. The floors are measured values, set a little below the figures of the
run that pinned them so that a change which loses events fails, while noise does not.
"""

from __future__ import annotations

from datetime import date

import pytest

from _paths import DATA
from contactline.evaluate import load_gold, score_events
from contactline.pipeline import Pipeline
from contactline.records import Event, RawDocument, Result

FLOORS = {
    "events_gold.jsonl": {
        "dyad+root precision": 0.92,
        "dyad+root recall": 0.77,
        "dyad+code f1": 0.77,
    },
    "events_heldout.jsonl": {
        "dyad+root precision": 0.69,
        "dyad+root recall": 0.59,
        "dyad+code f1": 0.59,
    },
}
LABELS = {"events_gold.jsonl": "events gold", "events_heldout.jsonl": "events held-out"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """One loaded pipeline for both sets."""
    return Pipeline.load(today=date(2026, 11, 26))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_events_gold_set_scores_above_its_floors(name: str, pipeline: Pipeline, metrics) -> None:  # type: ignore[no-untyped-def]
    sentences = load_gold(DATA / name)
    raws = [RawDocument(origin=s.id, text=s.text, published=s.published) for s in sentences]
    predicted: dict[str, tuple[Event, ...]] = {}
    for item in pipeline.extract_many(raws):
        assert isinstance(item, Result), item
        predicted[item.document.origin] = item.events
    scores = score_events(sentences, predicted)
    figures = {
        "dyad+root precision": scores.root.precision,
        "dyad+root recall": scores.root.recall,
        "dyad+root f1": scores.root.f1,
        "dyad+code f1": scores.code.f1,
        "modality accuracy": scores.modality_accuracy,
    }
    floors = FLOORS[name]
    for measure, value in figures.items():
        floor = floors.get(measure)
        metrics.record(f"{LABELS[name]} {measure}", value, f"floor {floor}" if floor else "")
    low = {m: figures[m] for m, floor in floors.items() if figures[m] < floor}
    assert not low, f"{name} below the floors {floors}: {low}"
