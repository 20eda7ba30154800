"""Keep the fused timeline in the store up to date as documents arrive.

The decisions are :mod:`contactline.fuse`'s pure functions; this module finds the
candidate pairs in the database, stores the links with their reasons and regroups
the part of the link graph a new document reaches, inside the saving transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Table, delete, insert, or_, select, tuple_
from sqlalchemy import update as update_
from sqlalchemy.engine import Connection

from contactline._schema import (
    claim_links,
    document_links,
    documents,
    event_links,
    events,
    timeline_entries,
    timeline_members,
)
from contactline.fuse import (
    ON_TIMELINE,
    EventKey,
    EventView,
    TimelineEntry,
    build_entry,
    contest,
    day_bounds,
    group,
    same_happening,
)


def _view(row: object) -> EventView:
    m = row._mapping  # type: ignore[attr-defined]
    return EventView(
        document_id=m["document_id"],
        event_id=m["id"],
        cameo=m["cameo"],
        quad_class=m["quad_class"],
        source=m["source_party"],
        target=m["target_party"],
        date_start=m["date_start"],
        date_end=m["date_end"],
        location=m["location"],
        modality=m["modality"],
        reported_by=m["reported_by"],
        evidence=m["evidence"],
    )


def _candidates(conn: Connection, new: EventView) -> list[EventView]:
    """Return the other documents' events whose date windows overlap ``new``'s.

    An undated event is compared within its own document only: across documents
    nothing ties it to a happening.
    """
    window = day_bounds(new.date_start, new.date_end)
    if window is None:
        return []
    query = select(events).where(
        events.c.document_id != new.document_id,
        events.c.first_day <= window[1].isoformat(),
        events.c.last_day >= window[0].isoformat(),
    )
    return [_view(row) for row in conn.execute(query)]


def update(conn: Connection, document_id: str) -> None:
    """Link a newly saved document's events and rebuild the timeline entries they touch.

    Args:
        conn: a connection inside the saving transaction.
        document_id: the document just saved.
    """
    new = [
        _view(r) for r in conn.execute(select(events).where(events.c.document_id == document_id))
    ]
    fusion: list[dict[str, object]] = []
    claims: list[dict[str, object]] = []
    for i, event in enumerate(new):
        for other in new[i + 1 :] + _candidates(conn, event):
            a, b = sorted((event, other), key=lambda e: e.key)
            keys = {
                "document_id": a.document_id,
                "event_id": a.event_id,
                "other_document_id": b.document_id,
                "other_event_id": b.event_id,
            }
            link = same_happening(a, b)
            if link is not None:
                fusion.append({**keys, "score": link.score, "reason": link.reason})
            contested = contest(a, b)
            if contested is not None:
                claims.append({**keys, "kind": contested[0], "reason": contested[1]})
    if fusion:
        conn.execute(insert(event_links), fusion)
    if claims:
        conn.execute(insert(claim_links), claims)
    _rebuild(conn, [e.key for e in new])
    disputed = {
        key
        for c in claims
        for key in (
            (c["document_id"], c["event_id"]),
            (c["other_document_id"], c["other_event_id"]),
        )
    }
    _mark_contested(conn, sorted(disputed))  # type: ignore[arg-type]


def _neighbours(
    conn: Connection, table: Table, keys: Sequence[EventKey]
) -> list[tuple[EventKey, EventKey]]:
    """Return the stored links (of ``event_links`` or ``claim_links``) touching ``keys``."""
    pairs = []
    for chunk in _chunks(list(keys), 200):
        columns = (table.c.document_id, table.c.event_id)
        others = (table.c.other_document_id, table.c.other_event_id)
        rows = conn.execute(
            select(*columns, *others).where(
                or_(tuple_(*columns).in_(chunk), tuple_(*others).in_(chunk))
            )
        )
        pairs += [((r[0], r[1]), (r[2], r[3])) for r in rows]
    return pairs


def _chunks(items: list[EventKey], size: int) -> Iterable[list[EventKey]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _entries_of(conn: Connection, keys: Sequence[EventKey]) -> dict[str, list[EventKey]]:
    """Return the stored entries that hold any of ``keys``, with all their members."""
    m = timeline_members
    ids: set[str] = set()
    for chunk in _chunks(sorted(set(keys)), 200):
        query = select(m.c.entry_id).where(tuple_(m.c.document_id, m.c.event_id).in_(chunk))
        ids.update(r[0] for r in conn.execute(query))
    members: dict[str, list[EventKey]] = {}
    query = select(m.c.entry_id, m.c.document_id, m.c.event_id).where(m.c.entry_id.in_(sorted(ids)))
    for entry_id, doc_id, event_id in conn.execute(query):
        members.setdefault(entry_id, []).append((doc_id, event_id))
    return members


def _linked(
    conn: Connection, start: Sequence[EventKey]
) -> tuple[list[EventKey], list[tuple[EventKey, EventKey, float]]]:
    """Return every event the stored links reach from ``start``, and those links.

    The grouping of a connected part of the link graph depends on all of its links,
    so the whole part is regrouped whenever a document adds to it.
    """
    seen, frontier = set(start), sorted(set(start))
    found: set[tuple[EventKey, EventKey, float]] = set()
    link = event_links
    while frontier:
        reached: set[EventKey] = set()
        for chunk in _chunks(frontier, 200):
            mine = tuple_(link.c.document_id, link.c.event_id)
            theirs = tuple_(link.c.other_document_id, link.c.other_event_id)
            rows = conn.execute(
                select(
                    link.c.document_id,
                    link.c.event_id,
                    link.c.other_document_id,
                    link.c.other_event_id,
                    link.c.score,
                ).where(or_(mine.in_(chunk), theirs.in_(chunk)))
            )
            for r in rows:
                a, b = (r[0], r[1]), (r[2], r[3])
                found.add((a, b, float(r[4])))
                reached.update(k for k in (a, b) if k not in seen)
        seen |= reached
        frontier = sorted(reached)
    return sorted(seen), sorted(found)


def _rebuild(conn: Connection, new: Sequence[EventKey]) -> None:
    """Replace the entries of the part of the link graph the new events reach.

    The part is regrouped from all its stored links with :func:`group`, so the entries
    are the same whatever order the documents arrived in.
    """
    keys, links = _linked(conn, new)
    old = _entries_of(conn, keys)
    if old:
        conn.execute(delete(timeline_members).where(timeline_members.c.entry_id.in_(sorted(old))))
        conn.execute(delete(timeline_entries).where(timeline_entries.c.id.in_(sorted(old))))
    if not keys:
        return
    views: dict[EventKey, EventView] = {}
    for chunk in _chunks(keys, 200):
        query = select(events).where(tuple_(events.c.document_id, events.c.id).in_(chunk))
        views.update(((row.document_id, row.id), _view(row)) for row in conn.execute(query))
    contested = {k for pair in _neighbours(conn, claim_links, keys) for k in pair}
    origins, outlets = _documents(conn, sorted({k[0] for k in keys}))
    for members_keys in group(views, links):
        members = [
            views[k] for k in members_keys if k in views and views[k].modality in ON_TIMELINE
        ]
        if members:
            entry = build_entry(
                members,
                origins=origins,
                outlets=outlets,
                contested=any(k in contested for k in members_keys),
            )
            _insert_entry(conn, entry, members)


def _mark_contested(conn: Connection, keys: Sequence[EventKey]) -> None:
    """Flag the entries holding ``keys`` as contested."""
    ids = sorted(_entries_of(conn, keys)) if keys else []
    if ids:
        conn.execute(
            update_(timeline_entries).where(timeline_entries.c.id.in_(ids)).values(contested=True)
        )


def _documents(conn: Connection, doc_ids: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Return each document's origin, and the outlet it counts as for corroboration.

    Documents from one source (TASS) are one outlet, and so are near-duplicates (the
    same wire story republished): the outlet is the connected group of documents
    joined by a shared source or a near-duplicate link, named by its least member.
    """
    origins: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)

    rows = conn.execute(
        select(documents.c.id, documents.c.origin, documents.c.source).where(
            documents.c.id.in_(doc_ids)
        )
    )
    for doc_id, origin, source in rows:
        origins[doc_id] = origin
        find(doc_id)
        if source:
            join(doc_id, f"source:{source.casefold()}")
    near = conn.execute(
        select(document_links.c.document_id, document_links.c.other_id).where(
            or_(document_links.c.document_id.in_(doc_ids), document_links.c.other_id.in_(doc_ids))
        )
    )
    for a, b in near:
        join(a, b)
    return origins, {doc_id: find(doc_id) for doc_id in origins}


def _insert_entry(conn: Connection, entry: TimelineEntry, members: Sequence[EventView]) -> None:
    window = day_bounds(entry.date_start, entry.date_end)
    conn.execute(
        insert(timeline_entries).values(
            id=entry.id,
            date_start=entry.date_start,
            date_end=entry.date_end,
            first_day=window[0].isoformat() if window else None,
            last_day=window[1].isoformat() if window else None,
            cameo=entry.cameo,
            root=entry.cameo[:2],
            source=entry.source,
            target=entry.target,
            summary=entry.summary,
            n_events=len(entry.events),
            n_documents=len(entry.documents),
            corroboration=entry.corroboration,
            contested=entry.contested,
        )
    )
    conn.execute(
        insert(timeline_members),
        [
            {"entry_id": entry.id, "document_id": e.document_id, "event_id": e.event_id}
            for e in members
        ],
    )
