"""Property: any Result saved and read back is unchanged, records and all."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contactline.records import (
    Actor,
    Casualty,
    DateWindow,
    Document,
    Event,
    Mention,
    Participant,
    Result,
    Span,
    Speaker,
    Statement,
    TimeExpr,
)
from contactline.store import Store, open_store

text = st.text(max_size=12)
opt_text = st.none() | text
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(
    lambda p: Span(min(p), max(p))
)
windows = st.none() | st.builds(DateWindow, start=opt_text, end=opt_text, basis=opt_text)
finite = st.none() | st.floats(allow_nan=False, allow_infinity=False)
participants = st.none() | st.builds(
    Participant, party=opt_text, text=text, span=st.none() | spans, sector=opt_text
)
mentions = st.builds(
    Mention,
    span=spans,
    text=text,
    party=opt_text,
    kind=st.none() | st.sampled_from(["state", "person"]),
    name=opt_text,
    sector=opt_text,
    antecedent=st.none() | spans,
    rule=text,
)
events = st.builds(
    Event,
    id=text,
    cameo=st.from_regex(r"\A[0-2][0-9]{1,3}\Z"),
    plover=opt_text,
    quad_class=st.none() | st.integers(1, 4),
    goldstein=finite,
    source=participants,
    target=participants,
    date=windows,
    location=opt_text,
    modality=st.sampled_from(["asserted", "claimed", "negated"]),
    reported_by=opt_text,
    evidence=text,
    span=spans,
    trigger=spans,
    rule=text,
    statement=opt_text,
)
statements = st.builds(
    Statement,
    id=text,
    speaker=st.builds(
        Speaker, name=opt_text, party=opt_text, role=opt_text, span=st.none() | spans
    ),
    cue=text,
    content=text,
    direct=st.booleans(),
    date=windows,
    span=spans,
    content_span=spans,
    rule=text,
    addressee=opt_text,
    events=st.lists(text, max_size=2).map(tuple),
)
times = st.builds(
    TimeExpr,
    text=text,
    value=opt_text,
    type=st.sampled_from(["DATE", "DURATION"]),
    span=spans,
    rule=text,
    mod=opt_text,
    anchored=st.booleans(),
)
casualties = st.builds(
    Casualty,
    kind=st.sampled_from(["killed", "wounded"]),
    group=opt_text,
    count=st.none() | st.integers(0, 10**6),
    low=st.none() | st.integers(0, 10**6),
    high=st.none() | st.integers(0, 10**6),
    reported_by=opt_text,
    location=opt_text,
    date=windows,
    evidence=text,
    span=spans,
    rule=text,
)
_ids = itertools.count()


@st.composite
def results(draw: st.DrawFn) -> Result:
    body = draw(st.text(max_size=200))
    doc = Document(
        id=f"doc{next(_ids)}",
        origin=draw(text) + str(next(_ids)),
        text=body,
        body=tuple(draw(st.lists(spans, max_size=3))),
        title=draw(opt_text),
        published=draw(st.none() | st.dates()),
        published_basis=draw(opt_text),
        source=draw(opt_text),
        dateline=draw(opt_text),
        notes=tuple(draw(st.lists(text, max_size=2))),
    )
    ms = tuple(draw(st.lists(mentions, max_size=3)))
    return Result(
        document=doc,
        actors=tuple(
            draw(
                st.lists(
                    st.builds(
                        Actor,
                        party=opt_text,
                        name=text,
                        kind=st.none() | st.just("group"),
                        country=opt_text,
                        role=opt_text,
                        mentions=st.just(ms),
                    ),
                    max_size=2,
                )
            )
        ),
        mentions=ms,
        events=tuple(draw(st.lists(events, max_size=3, unique_by=lambda e: e.id))),
        statements=tuple(draw(st.lists(statements, max_size=2, unique_by=lambda s: s.id))),
        times=tuple(draw(st.lists(times, max_size=2))),
        casualties=tuple(draw(st.lists(casualties, max_size=2))),
        duplicate_of=draw(opt_text),
        extra=draw(st.dictionaries(st.text(max_size=5), st.integers() | text, max_size=2)),
    )


_store: list[Store] = []


def _shared_store() -> Store:
    if not _store:
        _store.append(open_store(str(Path(tempfile.mkdtemp()) / "roundtrip.db")))
    return _store[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results())
def test_store_roundtrip_result_unchanged(saved: Result) -> None:
    store = _shared_store()
    assert store.save(saved).status in {"added", "near-duplicate"}
    assert store.document(saved.document.id).result == saved
