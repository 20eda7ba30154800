"""Read queries over the store: documents, records, actors, timeline, claims, search.

Every function takes a connection inside a read transaction (``Store.read()``) and
returns records or small frozen dataclasses; ``Store`` exposes each one as a method.
Date filters (``since``, ``until``: ``YYYY-MM-DD`` or coarser) keep the records whose
date window overlaps the range; party filters match the source or the target.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from contactline import _codec, fuse
from contactline import _schema as s
from contactline.errors import StoreError
from contactline.records import (
    Actor,
    Casualty,
    Document,
    Event,
    Mention,
    Result,
    Statement,
    TimeExpr,
)

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo:
    """A stored document's metadata and record counts."""

    id: str
    origin: str
    title: str | None
    published: str | None
    source: str | None
    origins: tuple[str, ...]
    events: int
    statements: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentLink:
    """A link to another stored document: a near-duplicate, with its similarity."""

    other_id: str
    kind: str
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredDocument:
    """A document's Result as saved, with every origin it came from and its links."""

    result: Result
    origins: tuple[str, ...]
    links: tuple[DocumentLink, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    """An event with the document that reports it."""

    document_id: str
    origin: str
    event: Event


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredStatement:
    """A statement with the document that reports it."""

    document_id: str
    origin: str
    statement: Statement


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorSummary:
    """An actor across documents: one row per party (or per name when no party)."""

    party: str | None
    name: str
    kind: str | None
    documents: int
    mentions: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimPair:
    """Two events whose claims contradict: opposing claims, or a denial of a claim."""

    kind: str
    reason: str
    first: StoredEvent
    second: StoredEvent


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """A place in a document or its evidence that matches a search."""

    document_id: str
    origin: str
    kind: str
    ref: str | None
    snippet: str


def _clean(value: str) -> str:
    """Drop NUL characters, which no stored text holds and PostgreSQL refuses in a query."""
    return value.replace("\x00", "")


def _page(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None:
        query = query.limit(max(0, min(limit, MAX_LIMIT)))
    return query.offset(max(0, offset))


def _overlaps(table: Any, since: str | None, until: str | None) -> list[Any]:
    conds = []
    if since:
        first = fuse.day_bounds(since)
        if first is None:
            raise StoreError(f"--since {since!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.")
        conds.append(table.c.last_day >= first[0].isoformat())
    if until:
        last = fuse.day_bounds(until)
        if last is None:
            raise StoreError(f"--until {until!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY.")
        conds.append(table.c.first_day <= last[1].isoformat())
    return conds


def document(conn: Connection, key: str) -> StoredDocument:
    """Return the stored document whose id, origin, file name or id prefix is ``key``."""
    row = _document_row(conn, _clean(key))
    doc, extra, duplicate_of = _document_record(row.text, row.record)

    def records(table: Any, cls: type, order: Any) -> tuple[Any, ...]:
        query = select(table.c.record).where(table.c.document_id == doc.id).order_by(order)
        return tuple(_codec.loads(cls, r[0]) for r in conn.execute(query))

    result = Result(
        document=doc,
        actors=records(s.actors, Actor, s.actors.c.position),
        mentions=records(s.mentions, Mention, s.mentions.c.position),
        events=records(s.events, Event, s.events.c.position),
        statements=records(s.statements, Statement, s.statements.c.position),
        times=records(s.times, TimeExpr, s.times.c.position),
        casualties=records(s.casualties, Casualty, s.casualties.c.position),
        duplicate_of=duplicate_of,
        extra=extra,
    )
    return StoredDocument(
        result=result, origins=_document_origins(conn, doc.id), links=_document_links(conn, doc.id)
    )


def _document_row(conn: Connection, key: str) -> Any:
    """Find the documents row that ``key`` names.

    Args:
        conn: a connection inside a read transaction.
        key: a document id, else an origin (the latest document read from it), else an
            id prefix of at least four characters, else the start of an origin's file name.

    Returns:
        The row of the ``documents`` table.

    Raises:
        StoreError: no document, or several, answer to ``key``.
    """
    d = s.documents
    row = conn.execute(select(d).where(d.c.id == key)).first()
    if row is None:
        row = conn.execute(
            select(d)
            .join(s.origins, s.origins.c.document_id == d.c.id)
            .where(s.origins.c.origin == key)
            .order_by(d.c.seq.desc())
        ).first()
    if row is None and len(key) >= 4:
        row = _by_id_prefix(conn, key)
    if row is None:
        row = _by_file_name(conn, key)
    if row is None:
        raise StoreError(
            f"No stored document has the id, origin, file name or id prefix {key!r}; "
            "'contactline stats' and the documents list show what is stored."
        )
    return row


def _by_id_prefix(conn: Connection, key: str) -> Any:
    """Return the one document whose id starts with ``key``, or None.

    Raises:
        StoreError: several documents' ids start with ``key``.
    """
    d = s.documents
    rows = conn.execute(select(d).where(d.c.id.like(key.replace("%", "") + "%")).limit(6)).all()
    if len(rows) > 1:
        raise StoreError(
            f"The id prefix {key!r} matches several documents "
            f"({', '.join(r.id[:12] for r in rows)}); give more characters."
        )
    return rows[0] if rows else None


def _document_origins(conn: Connection, doc_id: str) -> tuple[str, ...]:
    """Return every origin a document was read from, in the order they were added."""
    return tuple(
        r[0]
        for r in conn.execute(
            select(s.origins.c.origin)
            .where(s.origins.c.document_id == doc_id)
            .order_by(s.origins.c.added_at, s.origins.c.origin)
        )
    )


def _document_links(conn: Connection, doc_id: str) -> tuple[DocumentLink, ...]:
    """Return a document's links to other stored documents, seen from its side."""
    return tuple(
        DocumentLink(
            other_id=r.other_id if r.document_id == doc_id else r.document_id,
            kind=r.kind,
            similarity=r.similarity,
        )
        for r in conn.execute(
            select(s.document_links).where(
                or_(s.document_links.c.document_id == doc_id, s.document_links.c.other_id == doc_id)
            )
        )
    )


def _by_file_name(conn: Connection, key: str) -> Any:
    """Return the one document whose origin's file name starts with ``key``, or None."""
    pattern = "%" + key.replace("\\", "").replace("%", "").replace("_", "\\_") + "%"
    found = {
        doc_id
        for origin, doc_id in conn.execute(
            select(s.origins.c.origin, s.origins.c.document_id).where(
                s.origins.c.origin.like(pattern, escape="\\")
            )
        )
        if origin.rstrip("/").rsplit("/", 1)[-1].startswith(key)
    }
    if len(found) > 1:
        raise StoreError(
            f"The name {key!r} matches the origins of several documents; give the full origin "
            "or an id prefix."
        )
    if not found:
        return None
    return conn.execute(select(s.documents).where(s.documents.c.id == found.pop())).first()


def _document_record(text: str, record: str) -> tuple[Document, dict[str, object], str | None]:
    """Rebuild a Document (and the Result's extra and duplicate_of) from its row."""
    data = json.loads(record)
    doc = _codec.decode(Document, {**data["document"], "text": text})
    return doc, data.get("extra") or {}, data.get("duplicate_of")


def documents(conn: Connection, *, limit: int | None = None, offset: int = 0) -> list[DocumentInfo]:
    """Return the stored documents in the order they were added."""
    d = s.documents
    n_events = select(func.count()).where(s.events.c.document_id == d.c.id).scalar_subquery()
    n_statements = (
        select(func.count()).where(s.statements.c.document_id == d.c.id).scalar_subquery()
    )
    query = _page(
        select(
            d.c.id, d.c.origin, d.c.title, d.c.published, d.c.source, n_events, n_statements
        ).order_by(d.c.seq),
        limit,
        offset,
    )
    rows = conn.execute(query).all()
    origins: dict[str, list[str]] = defaultdict(list)
    ids = [r[0] for r in rows]
    for doc_id, origin in conn.execute(
        select(s.origins.c.document_id, s.origins.c.origin)
        .where(s.origins.c.document_id.in_(ids))
        .order_by(s.origins.c.origin)
    ):
        origins[doc_id].append(origin)
    return [
        DocumentInfo(
            id=r[0],
            origin=r[1],
            title=r[2],
            published=r[3],
            source=r[4],
            origins=tuple(origins[r[0]]),
            events=r[5],
            statements=r[6],
        )
        for r in rows
    ]


def stats(conn: Connection) -> dict[str, int]:
    """Return the number of rows in each table."""
    return {
        t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
        for t in s.metadata.sorted_tables
    }


def events(
    conn: Connection,
    *,
    party: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: str | None = None,
    modality: str | None = None,
    document_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredEvent]:
    """Return events filtered by party (source or target), dates, root, modality, document."""
    e = s.events
    query = select(e.c.document_id, s.documents.c.origin, e.c.record).join(
        s.documents, s.documents.c.id == e.c.document_id
    )
    conds = _overlaps(e, since, until)
    if party:
        conds.append(
            or_(
                e.c.source_party == _clean(party).upper(), e.c.target_party == _clean(party).upper()
            )
        )
    if root:
        conds.append(e.c.root == str(root).zfill(2)[:2])
    if modality:
        conds.append(e.c.modality == modality)
    if document_id:
        conds.append(e.c.document_id == document_id)
    query = _page(
        query.where(and_(*conds)).order_by(e.c.first_day, e.c.document_id, e.c.position),
        limit,
        offset,
    )
    return [
        StoredEvent(document_id=r[0], origin=r[1], event=_codec.loads(Event, r[2]))
        for r in conn.execute(query)
    ]


def statements(
    conn: Connection,
    *,
    party: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    document_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredStatement]:
    """Return statements, filtered by the speaker's party, name (substring), dates, document."""
    st = s.statements
    query = select(st.c.document_id, s.documents.c.origin, st.c.record).join(
        s.documents, s.documents.c.id == st.c.document_id
    )
    conds = _overlaps(st, since, until)
    if party:
        conds.append(st.c.speaker_party == _clean(party).upper())
    if speaker:
        conds.append(
            func.lower(st.c.speaker_name).contains(_clean(speaker).lower(), autoescape=True)
        )
    if document_id:
        conds.append(st.c.document_id == document_id)
    query = _page(
        query.where(and_(*conds)).order_by(st.c.first_day, st.c.document_id, st.c.position),
        limit,
        offset,
    )
    return [
        StoredStatement(document_id=r[0], origin=r[1], statement=_codec.loads(Statement, r[2]))
        for r in conn.execute(query)
    ]


def actors(
    conn: Connection, *, party: str | None = None, limit: int | None = None, offset: int = 0
) -> list[ActorSummary]:
    """Return one summary per party (per name for actors without one), most documents first."""
    a = s.actors
    query = select(a.c.party, a.c.name, a.c.kind, a.c.document_id, a.c.mention_count)
    if party:
        query = query.where(a.c.party == _clean(party).upper())
    groups: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(query.order_by(a.c.document_id, a.c.position)):
        groups[row.party or f"name:{row.name}"].append(row)
    summaries = []
    for rows in groups.values():
        names = sorted({r.name for r in rows})
        counts: dict[str, int] = defaultdict(int)
        for r in rows:
            counts[r.name] += r.mention_count or 1
        summaries.append(
            ActorSummary(
                party=rows[0].party,
                name=min(names, key=lambda n: (-counts[n], n)),
                kind=rows[0].kind,
                documents=len({r.document_id for r in rows}),
                mentions=sum(r.mention_count for r in rows),
                names=tuple(names),
            )
        )
    summaries.sort(key=lambda x: (-x.documents, -x.mentions, x.party or "~", x.name))
    end = None if limit is None else offset + max(0, min(limit, MAX_LIMIT))
    return summaries[offset:end]


def timeline(
    conn: Connection,
    *,
    party: str | None = None,
    since: str | None = None,
    until: str | None = None,
    root: str | None = None,
    contested: bool = False,
    min_documents: int = 1,
    entry_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[fuse.TimelineEntry]:
    """Return the fused timeline in date order, filtered like :func:`events`.

    ``party`` keeps the entries in which any reported event has that party as source
    or target.
    """
    t = s.timeline_entries
    conds = _overlaps(t, since, until)
    if party:
        conds.append(t.c.id.in_(_entries_involving(_clean(party).upper())))
    if root:
        conds.append(t.c.root == str(root).zfill(2)[:2])
    if contested:
        conds.append(t.c.contested.is_(True))
    if min_documents > 1:
        conds.append(t.c.n_documents >= min_documents)
    if entry_id is not None:
        conds.append(t.c.id == _clean(entry_id))
    query = _page(
        select(t).where(and_(*conds)).order_by(t.c.first_day, t.c.last_day, t.c.id), limit, offset
    )
    rows = conn.execute(query).all()
    members, claims = _entry_members(conn, [r.id for r in rows])
    return [_timeline_entry(r, members[r.id], claims[r.id]) for r in rows]


def _entries_involving(party: str) -> Select[Any]:
    """Select the ids of the timeline entries with an event whose source or target is ``party``."""
    m, e = s.timeline_members, s.events
    return (
        select(m.c.entry_id)
        .join(e, and_(e.c.document_id == m.c.document_id, e.c.id == m.c.event_id))
        .where(or_(e.c.source_party == party, e.c.target_party == party))
    )


_Members = dict[str, list[tuple[str, str, str]]]
_Claims = dict[str, list[tuple[str, str | None]]]


def _entry_members(conn: Connection, entry_ids: list[str]) -> tuple[_Members, _Claims]:
    """Read the member events of timeline entries.

    Args:
        conn: a connection inside a read transaction.
        entry_ids: the entries to read.

    Returns:
        By entry id (an empty list for an entry without members): each member's
        ``(document id, event id, origin)``, and each member's ``(modality, reported_by)``.
    """
    members: _Members = defaultdict(list)
    claims: _Claims = defaultdict(list)
    m, e = s.timeline_members, s.events
    for owner, doc_id, event_id, origin, modality, reported_by in conn.execute(
        select(
            m.c.entry_id,
            m.c.document_id,
            m.c.event_id,
            s.documents.c.origin,
            e.c.modality,
            e.c.reported_by,
        )
        .join(s.documents, s.documents.c.id == m.c.document_id)
        .join(e, and_(e.c.document_id == m.c.document_id, e.c.id == m.c.event_id))
        .where(m.c.entry_id.in_(entry_ids))
        .order_by(m.c.entry_id, m.c.document_id, m.c.event_id)
    ):
        members[owner].append((doc_id, event_id, origin))
        claims[owner].append((modality, reported_by))
    return members, claims


def _timeline_entry(
    row: Any, members: list[tuple[str, str, str]], claims: list[tuple[str, str | None]]
) -> fuse.TimelineEntry:
    """Build a stored timeline entry from its row and its members (:func:`_entry_members`)."""
    docs = sorted({(origin, doc_id) for doc_id, _, origin in members})
    return fuse.TimelineEntry(
        id=row.id,
        date_start=row.date_start,
        date_end=row.date_end,
        cameo=row.cameo,
        source=row.source,
        target=row.target,
        summary=row.summary,
        documents=tuple(o for o, _ in docs),
        events=tuple(f"{d}/{e}" for d, e, _ in members),
        corroboration=row.corroboration,
        contested=bool(row.contested),
        status=fuse.entry_status(claims),
        claimed_by=fuse.claimants(claims),
    )


def _stored_event(conn: Connection, doc_id: str, event_id: str) -> StoredEvent:
    row = conn.execute(
        select(s.events.c.record, s.documents.c.origin)
        .join(s.documents, s.documents.c.id == s.events.c.document_id)
        .where(s.events.c.document_id == doc_id, s.events.c.id == event_id)
    ).one()
    return StoredEvent(document_id=doc_id, origin=row[1], event=_codec.loads(Event, row[0]))


def claims(
    conn: Connection,
    *,
    kind: str | None = None,
    party: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[ClaimPair]:
    """Return the contested claims: pairs of opposing claims and denials, with reasons."""
    c = s.claim_links
    query = select(c).order_by(
        c.c.document_id, c.c.event_id, c.c.other_document_id, c.c.other_event_id
    )
    if kind:
        query = query.where(c.c.kind == kind)
    pairs = [
        ClaimPair(
            kind=r.kind,
            reason=r.reason,
            first=_stored_event(conn, r.document_id, r.event_id),
            second=_stored_event(conn, r.other_document_id, r.other_event_id),
        )
        for r in conn.execute(query)
    ]
    if party:
        p = _clean(party).upper()
        pairs = [x for x in pairs if p in _parties(x.first.event) | _parties(x.second.event)]
    end = None if limit is None else offset + max(0, min(limit, MAX_LIMIT))
    return pairs[offset:end]


def _parties(e: Event) -> set[str | None]:
    return {
        e.reported_by,
        e.source.party if e.source else None,
        e.target.party if e.target else None,
    }
