"""Turn records into the interchange format (CONTRACT.md) and check it against its schema.

The format is the project's public output; ``schema/contract.schema.json`` in the
package documents every field, including the ones added to the contract's minimum
(offsets of every mention, the rule that fired, the basis of every date).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from contactline.records import (
    Actor,
    Casualty,
    DateWindow,
    Event,
    Participant,
    Result,
    Span,
    Statement,
    TimeExpr,
)

JSON = dict[str, Any]


def to_contract(result: Result) -> JSON:
    """Return the interchange-format object of one document's result."""
    doc = result.document
    return {
        "document": {
            "id": doc.id,
            "origin": doc.origin,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "published_basis": doc.published_basis,
            "source": doc.source,
            "dateline": doc.dateline,
            "language": doc.language,
            "notes": list(doc.notes),
            "duplicate_of": result.duplicate_of,
        },
        "actors": [_actor(a) for a in result.actors],
        "events": [_event(e) for e in result.events],
        "statements": [_statement(s) for s in result.statements],
        "times": [_time(t) for t in result.times],
        "casualties": [_casualty(c) for c in result.casualties],
    }


def to_jsonl(result: Result) -> str:
    """Return one line of JSON Lines for ``result``."""
    return json.dumps(to_contract(result), ensure_ascii=False)


def offsets(span: Span | None) -> list[int] | None:
    """Return ``[start, end]`` of a span, or None."""
    return [span.start, span.end] if span is not None else None


def date_json(window: DateWindow | None) -> JSON | None:
    """Return the ``{"start", "end", "basis"}`` object of a date window."""
    if window is None:
        return None
    return {"start": window.start, "end": window.end, "basis": window.basis}


def _actor(actor: Actor) -> JSON:
    return {
        "party": actor.party,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "role": actor.role,
        "mentions": [m.text for m in actor.mentions],
        "occurrences": [
            {
                "text": m.text,
                "offsets": offsets(m.span),
                "sector": m.sector,
                "role": m.role,
                "rule": m.rule,
            }
            for m in actor.mentions
        ],
    }


def _participant(part: Participant | None) -> JSON | None:
    if part is None:
        return None
    return {
        "party": part.party,
        "sector": part.sector,
        "text": part.text,
        "offsets": offsets(part.span),
    }


def _event(event: Event) -> JSON:
    return {
        "id": event.id,
        "cameo": event.cameo,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source": _participant(event.source),
        "target": _participant(event.target),
        "date": date_json(event.date),
        "location": event.location,
        "modality": event.modality,
        "reported_by": event.reported_by,
        "evidence": event.evidence,
        "offsets": offsets(event.span),
        "trigger": offsets(event.trigger),
        "rule": event.rule,
        "statement": event.statement,
    }


def _statement(statement: Statement) -> JSON:
    speaker = statement.speaker
    return {
        "id": statement.id,
        "speaker": {
            "name": speaker.name,
            "party": speaker.party,
            "role": speaker.role,
            "offsets": offsets(speaker.span),
        },
        "cue": statement.cue,
        "content": statement.content,
        "direct": statement.direct,
        "addressee": statement.addressee,
        "date": date_json(statement.date),
        "offsets": offsets(statement.span),
        "content_offsets": offsets(statement.content_span),
        "insertions": [offsets(span) for span in statement.insertions],
        "events": list(statement.events),
        "rule": statement.rule,
    }


def _time(time: TimeExpr) -> JSON:
    return {
        "text": time.text,
        "value": time.value,
        "type": time.type,
        "mod": time.mod,
        "anchored": time.anchored,
        "offsets": offsets(time.span),
        "rule": time.rule,
    }


def _casualty(casualty: Casualty) -> JSON:
    return {
        "kind": casualty.kind,
        "group": casualty.group,
        "count": casualty.count,
        "low": casualty.low,
        "high": casualty.high,
        "reported_by": casualty.reported_by,
        "location": casualty.location,
        "date": date_json(casualty.date),
        "evidence": casualty.evidence,
        "offsets": offsets(casualty.span),
        "rule": casualty.rule,
    }


@cache
def contract_schema() -> JSON:
    """Return the JSON Schema of the interchange format shipped in the package."""
    text = files("contactline").joinpath("schema/contract.schema.json").read_text("utf-8")
    schema: JSON = json.loads(text)
    return schema


def validate(obj: JSON) -> list[str]:
    """Return the schema violations of an interchange-format object (empty when valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(contract_schema())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<root>'}: {error.message}"
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.path)))
    ]
