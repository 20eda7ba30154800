"""Why events share a timeline entry: the stored links between them, with reasons."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from contactline import _schema as s
from contactline import fuse
from contactline._queries import timeline
from contactline.errors import StoreError


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeStep:
    """One link on the way from one event to another in the same timeline entry."""

    first: str
    second: str
    score: float
    reason: str


def entry(conn: Connection, entry_id: str) -> tuple[fuse.TimelineEntry, list[MergeStep]]:
    """Return one timeline entry and every stored link between its events, with reasons.

    Raises:
        StoreError: when no entry has that id.
    """
    found = timeline(conn, entry_id=entry_id)
    if not found:
        raise StoreError(
            f"No timeline entry has the id {entry_id!r}; 'contactline timeline --format json' "
            "lists the ids."
        )
    keys = {tuple(key.rsplit("/", 1)) for key in found[0].events}
    link = s.event_links
    steps = [
        MergeStep(
            first=f"{r.document_id}/{r.event_id}",
            second=f"{r.other_document_id}/{r.other_event_id}",
            score=r.score,
            reason=r.reason,
        )
        for r in conn.execute(
            select(link)
            .where(link.c.document_id.in_(sorted({k[0] for k in keys})))
            .order_by(
                link.c.document_id, link.c.event_id, link.c.other_document_id, link.c.other_event_id
            )
        )
        if (r.document_id, r.event_id) in keys and (r.other_document_id, r.other_event_id) in keys
    ]
    return found[0], steps


def _parse_key(key: str) -> tuple[str, str]:
    doc_id, _, event_id = key.rpartition("/")
    if not doc_id or not event_id:
        raise StoreError(
            f"{key!r} is not an event reference; write DOCUMENT_ID/EVENT_ID as the "
            "timeline lists them."
        )
    return doc_id, event_id


def explain(conn: Connection, first: str, second: str) -> list[MergeStep]:
    """Return the shortest chain of stored links joining two events, with each reason.

    Returns:
        The steps; empty when the two events are not in the same timeline entry.
    """
    start, goal = _parse_key(first), _parse_key(second)
    link = s.event_links
    edges: dict[tuple[str, str], list[tuple[tuple[str, str], float, str]]] = defaultdict(list)
    entry = (
        select(s.timeline_members.c.entry_id)
        .where(
            s.timeline_members.c.document_id == start[0], s.timeline_members.c.event_id == start[1]
        )
        .scalar_subquery()
    )
    members = select(s.timeline_members.c.document_id, s.timeline_members.c.event_id).where(
        s.timeline_members.c.entry_id == entry
    )
    keys = {(r[0], r[1]) for r in conn.execute(members)}
    if goal not in keys:
        return []
    for r in conn.execute(select(link).where(link.c.document_id.in_(sorted({k[0] for k in keys})))):
        a, b = (r.document_id, r.event_id), (r.other_document_id, r.other_event_id)
        if a in keys and b in keys:
            edges[a].append((b, r.score, r.reason))
            edges[b].append((a, r.score, r.reason))
    previous: dict[tuple[str, str], tuple[tuple[str, str], float, str] | None] = {start: None}
    frontier = [start]
    while frontier and goal not in previous:
        nxt = []
        for key in frontier:
            for other, score, reason in sorted(edges[key]):
                if other not in previous:
                    previous[other] = (key, score, reason)
                    nxt.append(other)
        frontier = nxt
    steps: list[MergeStep] = []
    node = goal
    while previous.get(node) is not None:
        prev, score, reason = previous[node]  # type: ignore[misc]
        steps.append(
            MergeStep(first="/".join(prev), second="/".join(node), score=score, reason=reason)
        )
        node = prev
    return steps[::-1]
