"""The event stage against the project's own gold set: measured figures and regression floors.

The floors are measured values, set a little below the figures of the run that pinned
them so that a change which loses events fails, while noise does not.
"""

from __future__ import annotations

from datetime import date

from _paths import DATA
from contactline.evaluate import load_gold, score_events
from contactline.pipeline import Pipeline
from contactline.records import Event, RawDocument, Result

FLOORS = {"dyad+root precision": 0.73, "dyad+root recall": 0.52, "dyad+code f1": 0.55}


def test_events_gold_set_scores_above_its_floors(metrics) -> None:  # type: ignore[no-untyped-def]
    sentences = load_gold(DATA / "events_gold.jsonl")
    pipeline = Pipeline.load(today=date(2026, 11, 26))
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
    for name, value in figures.items():
        floor = FLOORS.get(name)
        metrics.record(f"events gold {name}", value, f"floor {floor}" if floor else "")
    low = {name: figures[name] for name, floor in FLOORS.items() if figures[name] < floor}
    assert not low, f"below the floors {FLOORS}: {low}"
