"""The composed pipeline: offsets that point at their text, order, failures, stability."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _paths import DATA, EXAMPLES
from contactline.errors import InputError
from contactline.pipeline import Pipeline
from contactline.records import Failure, RawDocument, Result
from contactline.serialize import to_contract, validate


def _sentences() -> list[str]:
    pool = []
    for name in ("events_gold.jsonl", "attributions.jsonl"):
        path = DATA / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    pool.append(record["text"])
    return pool


SENTENCES = _sentences()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load(today=date(2026, 11, 26))


def _check_offsets(result: Result) -> None:
    text = result.document.text
    for mention in result.mentions:
        assert text[mention.span.start : mention.span.end] == mention.text
    for time in result.times:
        assert text[time.span.start : time.span.end] == time.text
    for event in result.events:
        assert text[event.span.start : event.span.end] == event.evidence
        assert event.span.start <= event.trigger.start < event.trigger.end <= event.span.end
    for statement in result.statements:
        assert statement.span.start <= statement.content_span.start
        assert statement.content_span.end <= max(statement.span.end, statement.content_span.end)
    for casualty in result.casualties:  # the span is the count's phrase inside its sentence
        assert text[casualty.span.start : casualty.span.end] in casualty.evidence


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    st.sampled_from(
        ["", "All news\n\nHeadline of the day\n\n", " date 2024-05-01 ", "KYIV, May 3 (Reuters) - "]
    ),
)
def test_pipeline_offsets_point_at_their_text(
    pipeline: Pipeline, sentences: list[str], header: str
) -> None:
    text = header + "\n\n".join(sentences)
    result = pipeline.extract(RawDocument(origin="p.txt", text=text))
    _check_offsets(result)
    assert validate(to_contract(result)) == []


def test_pipeline_examples_offsets(pipeline: Pipeline) -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        _check_offsets(
            pipeline.extract(RawDocument(origin=str(path), text=path.read_text(encoding="utf-8")))
        )


def test_pipeline_batch_keeps_going_and_keeps_order(pipeline: Pipeline) -> None:
    items: list[RawDocument | InputError] = [
        RawDocument(origin="a", text="Russia and Ukraine exchanged prisoners on Sunday."),
        InputError("b", "file is empty"),
        RawDocument(origin="c", text="Sudan's army said it repelled an attack by the RSF."),
    ]
    out = list(pipeline.extract_many(items, batch_size=2))
    assert [type(o).__name__ for o in out] == ["Result", "Failure", "Result"]
    assert [o.document.origin if isinstance(o, Result) else o.origin for o in out] == [
        "a",
        "b",
        "c",
    ]
    failure = out[1]
    assert isinstance(failure, Failure) and failure.stage == "read" and "empty" in failure.message


def test_pipeline_batch_equals_single_extraction(pipeline: Pipeline) -> None:
    raws = [
        RawDocument(origin=p.name, text=p.read_text(encoding="utf-8"))
        for p in sorted(EXAMPLES.glob("*.txt"))
    ]
    batch = [to_contract(r) for r in pipeline.extract_many(raws) if isinstance(r, Result)]
    single = [to_contract(pipeline.extract(raw)) for raw in raws]
    assert batch == single


def test_pipeline_without_publication_date_invents_none(pipeline: Pipeline) -> None:
    result = pipeline.extract(
        RawDocument(origin="x", text="On Thursday, the army said it had shelled the village.")
    )
    assert result.document.published is None
    thursday = [t for t in result.times if "Thursday" in t.text]
    assert thursday and all(not t.anchored for t in thursday)
