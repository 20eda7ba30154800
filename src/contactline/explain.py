"""Say why each record of a document is what it is: the rule or entry that decided it."""

from __future__ import annotations

from collections.abc import Iterator

from contactline.records import DateWindow, Result, Span


def explain_result(result: Result) -> Iterator[str]:
    """Yield readable lines: every mention, time, statement, event and casualty with its rule.

    Args:
        result: everything extracted from one document.

    Yields:
        Lines of text, section headers first.
    """
    doc = result.document
    yield f"document {doc.id[:12]}  {doc.origin}"
    yield f"  published {doc.published or '-'}  ({doc.published_basis or 'not found'})"
    yield f"  source {doc.source or '-'}  dateline {doc.dateline or '-'}  title {doc.title or '-'}"
    for note in doc.notes:
        yield f"  note: {note}"
    yield f"mentions ({len(result.mentions)})"
    for m in result.mentions:
        who = " ".join(x for x in (m.party or "?", m.kind or "", m.sector or "", m.role or "") if x)
        yield f"  {_at(m.span)} {m.text!r} -> {who}  [{m.rule}]"
    yield f"times ({len(result.times)})"
    for t in result.times:
        flag = "" if t.anchored else "  (not anchored: no publication date)"
        yield f"  {_at(t.span)} {t.text!r} -> {t.value or '?'} {t.type}{flag}  [{t.rule}]"
    yield f"statements ({len(result.statements)})"
    for s in result.statements:
        speaker = s.speaker.name or s.speaker.party or "?"
        kind = "quote" if s.direct else "reported"
        yield f"  {_at(s.span)} {speaker} ({s.speaker.party or '?'}) {s.cue!r} {kind} {_date(s.date)}  [{s.rule}]"
        yield f"      {s.content[:160]!r}"
    yield f"events ({len(result.events)})"
    for e in result.events:
        source = e.source.party if e.source else None
        target = e.target.party if e.target else None
        claim = f" by {e.reported_by}" if e.reported_by else ""
        yield (
            f"  {e.id} {e.cameo} {e.plover or '-'} {source or '-'} -> {target or '-'} "
            f"{e.modality}{claim} {_date(e.date)}  [{e.rule}]"
        )
        yield f"      trigger {_at(e.trigger)} {doc.text[e.trigger.start : e.trigger.end]!r} in: {e.evidence[:140]!r}"
    yield f"casualties ({len(result.casualties)})"
    for c in result.casualties:
        count = c.count if c.count is not None else f"{c.low}-{c.high}"
        yield f"  {_at(c.span)} {c.kind} {count} {c.group or '?'} reported by {c.reported_by or '-'}  [{c.rule}]"


def _at(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def _date(window: DateWindow | None) -> str:
    if window is None:
        return "date ?"
    value = (
        window.start
        if not window.end or window.end == window.start
        else f"{window.start}/{window.end}"
    )
    return f"date {value} ({window.basis})" if window.basis else f"date {value}"
