"""The store's tables, as SQLAlchemy Core metadata.

One row per record; the fields analysts filter on are columns (readable in
sqlite-utils and Datasette), and ``record`` holds the whole record as JSON so that it
reads back unchanged. Every record table is keyed by ``document_id`` plus a position
or the record's own id. The migrations in ``contactline/migrations`` create these
tables; this module is what the code queries against and what autogenerate compares.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.id", ondelete="CASCADE")


def _doc_id() -> Column[str]:
    return Column("document_id", String(64), _doc_fk(), primary_key=True)


def _span() -> list[Column[int]]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)]


def _date() -> list[Column[str]]:
    """The stated window, plus its first and last day (YYYY-MM-DD) for range queries."""
    return [
        Column("date_start", String(32)),
        Column("date_end", String(32)),
        Column("date_basis", Text),
        Column("first_day", String(10)),
        Column("last_day", String(10)),
    ]


documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("source", Text),
    Column("dateline", Text),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("added_at", String(32), nullable=False),
    Column("record", Text, nullable=False),
)

origins = Table(
    "origins",
    metadata,
    Column("origin", Text, primary_key=True),
    Column("document_id", String(64), _doc_fk(), primary_key=True),
    Column("added_at", String(32), nullable=False),
)

document_links = Table(
    "document_links",
    metadata,
    Column("document_id", String(64), _doc_fk(), primary_key=True),
    Column("other_id", String(64), _doc_fk(), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("similarity", Float, nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    _doc_id(),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    _doc_id(),
    Column("position", Integer, primary_key=True),
    Column("party", String(32), index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16)),
    Column("country", String(32)),
    Column("role", Text),
    Column("mention_count", Integer, nullable=False),
    Column("record", Text, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    _doc_id(),
    Column("position", Integer, primary_key=True),
    *_span(),
    Column("text", Text, nullable=False),
    Column("party", String(32)),
    Column("kind", String(16)),
    Column("name", Text),
    Column("sector", String(16)),
    Column("rule", Text, nullable=False),
    Column("record", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    _doc_id(),
    Column("id", String(64), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("cameo", String(8), nullable=False),
    Column("root", String(2), nullable=False, index=True),
    Column("plover", String(32)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("source_party", String(32)),
    Column("source_text", Text),
    Column("target_party", String(32)),
    Column("target_text", Text),
    *_date(),
    Column("location", Text),
    Column("modality", String(16), nullable=False),
    Column("reported_by", String(32)),
    Column("evidence", Text, nullable=False),
    *_span(),
    Column("rule", Text, nullable=False),
    Column("statement_id", String(64)),
    Column("record", Text, nullable=False),
)
Index("ix_events_days", events.c.first_day, events.c.last_day)

statements = Table(
    "statements",
    metadata,
    _doc_id(),
    Column("id", String(64), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_party", String(32), index=True),
    Column("speaker_role", Text),
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    *_date(),
    Column("addressee", Text),
    *_span(),
    Column("rule", Text, nullable=False),
    Column("record", Text, nullable=False),
)

times = Table(
    "times",
    metadata,
    _doc_id(),
    Column("position", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("value", String(64)),
    Column("type", String(16), nullable=False),
    Column("mod", String(16)),
    *_span(),
    Column("rule", Text, nullable=False),
    Column("record", Text, nullable=False),
)

casualties = Table(
    "casualties",
    metadata,
    _doc_id(),
    Column("position", Integer, primary_key=True),
    Column("kind", String(24), nullable=False),
    Column("group", Text),
    Column("count", Integer),
    Column("low", Integer),
    Column("high", Integer),
    Column("reported_by", String(32)),
    Column("location", Text),
    *_date(),
    Column("evidence", Text, nullable=False),
    *_span(),
    Column("rule", Text, nullable=False),
    Column("record", Text, nullable=False),
)

event_links = Table(
    "event_links",
    metadata,
    Column("document_id", String(64), _doc_fk(), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("other_document_id", String(64), _doc_fk(), primary_key=True),
    Column("other_event_id", String(64), primary_key=True),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
)
Index("ix_event_links_other", event_links.c.other_document_id, event_links.c.other_event_id)

claim_links = Table(
    "claim_links",
    metadata,
    Column("document_id", String(64), _doc_fk(), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("other_document_id", String(64), _doc_fk(), primary_key=True),
    Column("other_event_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("reason", Text, nullable=False),
)

timeline_entries = Table(
    "timeline_entries",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("date_start", String(32)),
    Column("date_end", String(32)),
    Column("first_day", String(10), index=True),
    Column("last_day", String(10)),
    Column("cameo", String(8), nullable=False),
    Column("root", String(2), nullable=False, index=True),
    Column("source", String(32)),
    Column("target", String(32)),
    Column("summary", Text, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("corroboration", Integer, nullable=False),
    Column("contested", Boolean, nullable=False),
)

timeline_members = Table(
    "timeline_members",
    metadata,
    Column(
        "entry_id",
        String(16),
        ForeignKey("timeline_entries.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("document_id", String(64), _doc_fk(), primary_key=True),
    Column("event_id", String(64), primary_key=True),
)
Index("ix_timeline_members_event", timeline_members.c.document_id, timeline_members.c.event_id)

RECORD_TABLES = (sentences, actors, mentions, events, statements, times, casualties)
