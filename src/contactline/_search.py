"""Search over documents and evidence: SQLite FTS5, or a portable substring search.

This is the only SQLite-specific SQL in the store: the ``search_index`` virtual table
is created by the first migration on SQLite only, filled in the saving transaction,
and queried by :func:`search`. Other databases use :func:`search_like`.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from contactline import _schema as schema
from contactline._queries import MAX_LIMIT, SearchHit, _clean
from contactline.records import Result

_TOKEN = re.compile(r"\w+", re.UNICODE)


def index_document(conn: Connection, result: Result) -> None:
    """Add a document's title and text, and its events' and statements' text, to the index."""
    doc = result.document
    rows = [
        {
            "text": "\n".join(filter(None, [doc.title, doc.text])),
            "kind": "document",
            "document_id": doc.id,
            "ref": None,
        }
    ]
    rows += [
        {"text": e.evidence, "kind": "event", "document_id": doc.id, "ref": e.id}
        for e in result.events
    ]
    rows += [
        {"text": s.content, "kind": "statement", "document_id": doc.id, "ref": s.id}
        for s in result.statements
    ]
    conn.execute(
        text(
            "INSERT INTO search_index (text, kind, document_id, ref) "
            "VALUES (:text, :kind, :document_id, :ref)"
        ),
        rows,
    )


def match_expression(query: str) -> str | None:
    """Return an FTS5 MATCH expression that finds all the words of ``query``.

    Each word is quoted so that the user's text is never read as FTS5 syntax; a
    trailing ``*`` on a word keeps its meaning of a prefix search.
    """
    words = []
    for match in re.finditer(r"(\w+)(\*?)", query, re.UNICODE):
        words.append(f'"{match.group(1)}"' + match.group(2))
    return " ".join(words) or None


def search(conn: Connection, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
    """Return the best matches of ``query`` (all its words), best first."""
    expression = match_expression(query)
    if expression is None:
        return []
    rows = conn.execute(
        text(
            "SELECT search_index.document_id, documents.origin, search_index.kind, "
            "search_index.ref, "
            "snippet(search_index, 0, '[', ']', '...', 16) AS snippet "
            "FROM search_index JOIN documents ON documents.id = search_index.document_id "
            "WHERE search_index MATCH :q ORDER BY rank, documents.seq LIMIT :limit OFFSET :offset"
        ),
        {"q": expression, "limit": max(0, min(limit, MAX_LIMIT)), "offset": max(0, offset)},
    )
    return [
        SearchHit(
            document_id=r[0], origin=r[1], kind=r[2], ref=r[3], snippet=r[4].replace("\n", " ")
        )
        for r in rows
    ]


def search_like(
    conn: Connection, query: str, *, limit: int = 50, offset: int = 0
) -> list[SearchHit]:
    """Search documents and event evidence by case-insensitive substring (any database)."""
    needle = _clean(query).lower()
    d, e = schema.documents, schema.events
    hits = [
        SearchHit(
            document_id=r.id,
            origin=r.origin,
            kind="document",
            ref=None,
            snippet=_snippet(r.text, needle),
        )
        for r in conn.execute(
            select(d.c.id, d.c.origin, d.c.text)
            .where(func.lower(d.c.text).contains(needle, autoescape=True))
            .order_by(d.c.seq)
        )
    ]
    hits += [
        SearchHit(
            document_id=r.document_id, origin=r.origin, kind="event", ref=r.id, snippet=r.evidence
        )
        for r in conn.execute(
            select(e.c.document_id, e.c.id, e.c.evidence, d.c.origin)
            .join(d, d.c.id == e.c.document_id)
            .where(func.lower(e.c.evidence).contains(needle, autoescape=True))
            .order_by(d.c.seq, e.c.position)
        )
    ]
    return hits[offset : offset + max(0, min(limit, MAX_LIMIT))]


def _snippet(text: str, needle: str, width: int = 80) -> str:
    at = text.lower().find(needle)
    at = max(0, at)
    return text[max(0, at - width) : at + len(needle) + width].replace("\n", " ").strip()
