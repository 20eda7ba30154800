"""Hand-made Results for the store, fusion, export and API tests (no model needed)."""

from __future__ import annotations

from datetime import date

from contactline.dedup import document_id
from contactline.records import (
    Actor,
    DateWindow,
    Document,
    Event,
    Mention,
    Participant,
    Result,
    Span,
    Speaker,
    Statement,
)


def event(
    event_id: str,
    cameo: str,
    evidence: str,
    *,
    source: str | None = None,
    target: str | None = None,
    start: str | None = None,
    end: str | None = None,
    location: str | None = None,
    modality: str = "asserted",
    reported_by: str | None = None,
    at: int = 0,
) -> Event:
    """An event whose evidence sits at offset ``at`` of its document."""
    return Event(
        id=event_id,
        cameo=cameo,
        plover=None,
        quad_class=4 if cameo[:2] in {"18", "19", "20"} else 1,
        goldstein=-10.0 if cameo[:2] in {"18", "19", "20"} else 1.0,
        source=Participant(party=source, text=source or "someone") if source else None,
        target=Participant(party=target, text=target or "someone") if target else None,
        date=DateWindow(start=start, end=end) if start else None,
        location=location,
        modality=modality,  # type: ignore[arg-type]
        reported_by=reported_by,
        evidence=evidence,
        span=Span(at, at + len(evidence)),
        trigger=Span(at, at + 1),
        rule="test",
    )


def result(
    origin: str,
    sentences: list[str],
    events: list[Event] | None = None,
    *,
    source: str | None = None,
    published: date | None = date(2020, 9, 29),
    statements: tuple[Statement, ...] = (),
) -> Result:
    """A Result whose text is ``sentences`` one per line; events given as (index, factory)."""
    text = "\n".join(sentences)
    doc = Document(
        id=document_id(text),
        origin=origin,
        text=text,
        body=(Span(0, len(text)),),
        title=sentences[0][:60],
        published=published,
        source=source,
    )
    placed = []
    for e in events or []:
        at = text.find(e.evidence)
        placed.append(_moved(e, max(0, at)))
    mention = Mention(
        span=Span(0, 1), text=text[:1], party="ARM", kind="state", name="Armenia", rule="test"
    )
    return Result(
        document=doc,
        actors=(Actor(party="ARM", name="Armenia", kind="state", mentions=(mention,)),),
        mentions=(mention,),
        events=tuple(placed),
        statements=statements,
    )


def _moved(e: Event, at: int) -> Event:
    from dataclasses import replace

    return replace(e, span=Span(at, at + len(e.evidence)), trigger=Span(at, at + 1))


def statement(statement_id: str, content: str, *, name: str, party: str, at: int = 0) -> Statement:
    """A direct statement by ``name`` of ``party``."""
    return Statement(
        id=statement_id,
        speaker=Speaker(name=name, party=party),
        cue="said",
        content=content,
        direct=True,
        date=DateWindow(start="2020-09-29"),
        span=Span(at, at + len(content)),
        content_span=Span(at, at + len(content)),
        rule="test",
    )
