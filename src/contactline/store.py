"""Keep documents and their records in a database: SQLite by default, PostgreSQL by URL.

``open_store(path_or_url)`` opens (and creates or upgrades, with Alembic) the database;
``Store.save(result)`` writes one document and all its records in ONE transaction, so a
process killed mid-ingest leaves every document either fully stored or absent. SQLite
runs in WAL mode. Saving is idempotent: the same document from the same origin adds
nothing; the same text from another origin is recorded as another origin of the stored
document; a near-duplicate (MinHash LSH) is stored and linked to what it resembles.

Queries return records from ``contactline.records`` or small frozen dataclasses.
The SQL is portable SQLAlchemy Core; the only SQLite-specific part is full-text search
in ``contactline._search``.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Table, create_engine, event, func, insert, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError

from contactline import _codec, _links, _queries, _search, _timeline_store, fuse
from contactline import _schema as s
from contactline.dedup import NearDuplicateIndex, from_bytes, signature, to_bytes
from contactline.errors import StoreError
from contactline.records import Actor, Casualty, Event, Mention, Result, Statement, TimeExpr

Status = Literal["added", "unchanged", "duplicate", "near-duplicate"]
MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True, slots=True, kw_only=True)
class SaveOutcome:
    """What saving one document did.

    ``status`` is ``added`` (new), ``unchanged`` (already stored from this origin),
    ``duplicate`` (the same text was stored from another origin; this origin is now
    recorded for it) or ``near-duplicate`` (stored, and linked to ``linked_id``, the
    most similar stored document, with its estimated ``similarity``).
    """

    document_id: str
    origin: str
    status: Status
    linked_id: str | None = None
    similarity: float | None = None


def open_store(url_or_path: str | Path) -> Store:
    """Open the store, creating it or upgrading its schema to this version of the code.

    Args:
        url_or_path: a file path (SQLite) or an SQLAlchemy URL (``postgresql://...``,
            ``sqlite:///...``).

    Returns:
        The open store.

    Raises:
        StoreError: when the database cannot be reached, or its schema is newer than
            this version of contactline.
    """
    url = _url(str(url_or_path))
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"Cannot use the database URL {_safe(url)!r}: {exc}. Give a file path "
            "or a URL such as postgresql://user@host/dbname."
        ) from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        _migrate(engine, url)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(
            f"Cannot open the store at {_safe(url)}: {str(exc.orig).strip()}. Check --db "
            "(or CONTACTLINE_DB) and that the database is reachable."
        ) from exc
    except StoreError:
        engine.dispose()
        raise
    return Store(engine)


def _url(value: str) -> str:
    """Turn --db into an SQLAlchemy URL: a path means SQLite; PostgreSQL uses psycopg 3."""
    for scheme in ("postgresql://", "postgres://"):
        if value.startswith(scheme) and importlib.util.find_spec("psycopg2") is None:
            return "postgresql+psycopg://" + value[len(scheme) :]
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if not path.parent.exists():
        raise StoreError(
            f"Cannot create the store {value!r}: the folder {str(path.parent)!r} "
            "does not exist. Create it or choose another --db path."
        )
    return f"sqlite:///{path.resolve()}"


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _configure_sqlite(engine: Engine) -> None:
    """Use WAL, foreign keys and a busy timeout; let SQLAlchemy, not pysqlite, begin.

    pysqlite begins a transaction only before the first write, so reads earlier in
    ``save`` would not be part of it; emitting BEGIN ourselves makes the whole
    document one transaction. Writers begin IMMEDIATE so that two ingests wait for
    each other instead of failing on a stale snapshot.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("contactline_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _alembic_config(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _migrate(engine: Engine, url: str) -> None:
    with engine.connect() as conn:
        conn = conn.execution_options(contactline_write=True)
        with conn.begin():
            config = _alembic_config(conn)
            current = MigrationContext.configure(conn).get_current_revision()
            scripts = ScriptDirectory.from_config(config)
            if current is not None:
                try:
                    scripts.get_revision(current)
                except CommandError as exc:
                    raise StoreError(
                        f"The store at {_safe(url)} has schema version {current}, newer than "
                        f"this contactline knows (head {scripts.get_current_head()}). Upgrade "
                        "contactline, or use another --db."
                    ) from exc
            if current != scripts.get_current_head():
                command.upgrade(config, "head")


class Store:
    """An open store. Build one with :func:`open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._near = NearDuplicateIndex()
        self._indexed_seq = 0
        self._saving = threading.Lock()  # the LSH index is shared by the API's threads

    @property
    def dialect(self) -> str:
        """The database's dialect name: ``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Store:  # noqa: PYI034  (Store is not meant to be subclassed)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(contactline_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """Yield a connection inside a read transaction (one consistent snapshot)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def save(self, result: Result) -> SaveOutcome:
        """Save one document and all its records in one transaction.

        Args:
            result: everything extracted from the document.

        Returns:
            What was done; see :class:`SaveOutcome`.

        Raises:
            StoreError: when the records cannot be written (nothing is written then).
        """
        doc = result.document
        try:
            with self._saving, self._write() as conn:
                outcome, minhash = self._save(conn, result)
        except (IntegrityError, DBAPIError) as exc:
            raise StoreError(
                f"Cannot save document {doc.id[:12]} ({doc.origin}): {exc.orig}. "
                "Nothing of it was written."
            ) from exc
        if minhash is not None:
            with self._saving:
                self._near.add(doc.id, minhash)
        return outcome

    def _save(self, conn: Connection, result: Result) -> tuple[SaveOutcome, Any]:
        doc = result.document
        stored = conn.execute(select(s.documents.c.id).where(s.documents.c.id == doc.id)).first()
        if stored is not None:
            known = conn.execute(
                select(s.origins.c.origin).where(
                    s.origins.c.origin == doc.origin, s.origins.c.document_id == doc.id
                )
            ).first()
            if known is not None:
                return SaveOutcome(document_id=doc.id, origin=doc.origin, status="unchanged"), None
            conn.execute(
                insert(s.origins).values(origin=doc.origin, document_id=doc.id, added_at=_now())
            )
            return SaveOutcome(
                document_id=doc.id,
                origin=doc.origin,
                status="duplicate",
                linked_id=doc.id,
                similarity=1.0,
            ), None
        minhash = signature(doc.text)
        self._sync_near(conn)
        similar = self._near.similar(minhash, exclude=[doc.id])
        seq = (conn.execute(select(func.max(s.documents.c.seq))).scalar() or 0) + 1
        conn.execute(insert(s.documents).values(**_document_row(result, seq, to_bytes(minhash))))
        conn.execute(
            insert(s.origins).values(origin=doc.origin, document_id=doc.id, added_at=_now())
        )
        for table, rows in _record_rows(result).items():
            if rows:
                conn.execute(insert(table), rows)
        outcome = SaveOutcome(document_id=doc.id, origin=doc.origin, status="added")
        if similar:
            other, similarity = similar[0]
            conn.execute(
                insert(s.document_links).values(
                    document_id=doc.id, other_id=other, kind="near", similarity=round(similarity, 4)
                )
            )
            outcome = SaveOutcome(
                document_id=doc.id,
                origin=doc.origin,
                status="near-duplicate",
                linked_id=other,
                similarity=round(similarity, 4),
            )
        _timeline_store.update(conn, doc.id)
        if self.dialect == "sqlite":
            _search.index_document(conn, result)
        return outcome, minhash

    def _sync_near(self, conn: Connection) -> None:
        """Add to the in-memory LSH index the signatures stored since it was last read."""
        rows = conn.execute(
            select(s.documents.c.id, s.documents.c.seq, s.documents.c.minhash)
            .where(s.documents.c.seq > self._indexed_seq)
            .order_by(s.documents.c.seq)
        )
        for doc_id, seq, data in rows:
            if data is not None:
                self._near.add(doc_id, from_bytes(data))
            self._indexed_seq = max(self._indexed_seq, seq)

    # Queries live in contactline._queries; these delegate with a read transaction.

    def document(self, key: str) -> _queries.StoredDocument:
        """Return a document with its records, by id, origin or a unique id prefix.

        Raises:
            StoreError: when nothing matches, or a prefix matches several documents.
        """
        with self.read() as conn:
            return _queries.document(conn, key)

    def documents(
        self, *, limit: int | None = None, offset: int = 0
    ) -> list[_queries.DocumentInfo]:
        """Return the stored documents in the order they were added."""
        with self.read() as conn:
            return _queries.documents(conn, limit=limit, offset=offset)

    def stats(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        with self.read() as conn:
            return _queries.stats(conn)

    def events(self, **filters: Any) -> list[_queries.StoredEvent]:
        """Return stored events; filters as in :func:`contactline._queries.events`."""
        with self.read() as conn:
            return _queries.events(conn, **filters)

    def statements(self, **filters: Any) -> list[_queries.StoredStatement]:
        """Return stored statements; filters as in :func:`contactline._queries.statements`."""
        with self.read() as conn:
            return _queries.statements(conn, **filters)

    def actors(self, **filters: Any) -> list[_queries.ActorSummary]:
        """Return the actors across documents; filters as in :func:`contactline._queries.actors`."""
        with self.read() as conn:
            return _queries.actors(conn, **filters)

    def timeline(self, **filters: Any) -> list[fuse.TimelineEntry]:
        """Return the fused timeline; filters as in :func:`contactline._queries.timeline`."""
        with self.read() as conn:
            return _queries.timeline(conn, **filters)

    def claims(self, **filters: Any) -> list[_queries.ClaimPair]:
        """Return linked contradicting claims; filters as in :func:`contactline._queries.claims`."""
        with self.read() as conn:
            return _queries.claims(conn, **filters)

    def entry(self, entry_id: str) -> tuple[fuse.TimelineEntry, list[_links.MergeStep]]:
        """Return a timeline entry and the links (with reasons) that joined its events."""
        with self.read() as conn:
            return _links.entry(conn, entry_id)

    def explain(self, first: str, second: str) -> list[_links.MergeStep]:
        """Return the chain of links that put two events (``doc/event``) in one entry."""
        with self.read() as conn:
            return _links.explain(conn, first, second)

    def search(self, text: str, *, limit: int = 50, offset: int = 0) -> list[_queries.SearchHit]:
        """Search document text and evidence; full-text (FTS5) on SQLite."""
        with self.read() as conn:
            if self.dialect == "sqlite":
                return _search.search(conn, text, limit=limit, offset=offset)
            return _search.search_like(conn, text, limit=limit, offset=offset)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_row(result: Result, seq: int, minhash: bytes) -> dict[str, Any]:
    doc = result.document
    record = _codec.encode(doc)
    del record["text"]
    extra = json.loads(json.dumps(result.extra, default=str))
    return {
        "id": doc.id,
        "seq": seq,
        "origin": doc.origin,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "source": doc.source,
        "dateline": doc.dateline,
        "language": doc.language,
        "text": doc.text,
        "minhash": minhash,
        "added_at": _now(),
        "record": json.dumps(
            {"document": record, "extra": extra, "duplicate_of": result.duplicate_of},
            ensure_ascii=False,
            sort_keys=True,
        ),
    }


def _date_columns(window: Any) -> dict[str, Any]:
    if window is None:
        return {
            "date_start": None,
            "date_end": None,
            "date_basis": None,
            "first_day": None,
            "last_day": None,
        }
    days = fuse.day_bounds(window.start, window.end)
    return {
        "date_start": window.start,
        "date_end": window.end,
        "date_basis": window.basis,
        "first_day": days[0].isoformat() if days else None,
        "last_day": days[1].isoformat() if days else None,
    }


def _actor_row(a: Actor) -> dict[str, Any]:
    return {
        "party": a.party,
        "name": a.name,
        "kind": a.kind,
        "country": a.country,
        "role": a.role,
        "mention_count": len(a.mentions),
    }


def _mention_row(m: Mention) -> dict[str, Any]:
    return {
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "party": m.party,
        "kind": m.kind,
        "name": m.name,
        "sector": m.sector,
        "rule": m.rule,
    }


def _event_row(e: Event) -> dict[str, Any]:
    source, target = e.source, e.target
    return {
        "id": e.id,
        "cameo": e.cameo,
        "root": e.cameo[:2],
        "plover": e.plover,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "source_party": source.party if source else None,
        "source_text": source.text if source else None,
        "target_party": target.party if target else None,
        "target_text": target.text if target else None,
        **_date_columns(e.date),
        "location": e.location,
        "modality": e.modality,
        "reported_by": e.reported_by,
        "evidence": e.evidence,
        "start": e.span.start,
        "end": e.span.end,
        "rule": e.rule,
        "statement_id": e.statement,
    }


def _statement_row(st: Statement) -> dict[str, Any]:
    return {
        "id": st.id,
        "speaker_name": st.speaker.name,
        "speaker_party": st.speaker.party,
        "speaker_role": st.speaker.role,
        "cue": st.cue,
        "content": st.content,
        "direct": st.direct,
        **_date_columns(st.date),
        "addressee": st.addressee,
        "start": st.span.start,
        "end": st.span.end,
        "rule": st.rule,
    }


def _time_row(t: TimeExpr) -> dict[str, Any]:
    return {
        "text": t.text,
        "value": t.value,
        "type": t.type,
        "mod": t.mod,
        "start": t.span.start,
        "end": t.span.end,
        "rule": t.rule,
    }


def _casualty_row(c: Casualty) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "group": c.group,
        "count": c.count,
        "low": c.low,
        "high": c.high,
        "reported_by": c.reported_by,
        "location": c.location,
        **_date_columns(c.date),
        "evidence": c.evidence,
        "start": c.span.start,
        "end": c.span.end,
        "rule": c.rule,
    }


def _record_rows(result: Result) -> dict[Table, list[dict[str, Any]]]:
    """Return the rows of every record table for one document.

    Each row carries the record's searchable fields as columns, its position in the
    Result (so that it reads back in order) and the whole record as JSON.
    """
    doc_id, text = result.document.id, result.document.text
    parts: list[tuple[Table, Sequence[Any], Callable[[Any], dict[str, Any]]]] = [
        (s.actors, result.actors, _actor_row),
        (s.mentions, result.mentions, _mention_row),
        (s.events, result.events, _event_row),
        (s.statements, result.statements, _statement_row),
        (s.times, result.times, _time_row),
        (s.casualties, result.casualties, _casualty_row),
    ]
    rows: dict[Table, list[dict[str, Any]]] = {}
    for table, records, to_row in parts:
        rows[table] = [
            {"document_id": doc_id, "position": i, **to_row(r), "record": _codec.dumps(r)}
            for i, r in enumerate(records)
        ]
    evidence = [e.span for e in result.events] + [c.span for c in result.casualties]
    spans = {span.start: span for span in evidence if span.end <= len(text)}
    rows[s.sentences] = [
        {"document_id": doc_id, "start": sp.start, "end": sp.end, "text": text[sp.start : sp.end]}
        for _, sp in sorted(spans.items())
    ]
    return rows
