"""The store: one transaction per document, idempotent saves, duplicates linked, queries."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from _factories import event, result, statement
from contactline.errors import StoreError
from contactline.store import open_store

FIGHT = "Heavy fighting broke out along the line of contact in Karabakh on September 27."
BATTLE = "Intense battles erupted in Karabakh on September 27, 2020, the ministry said."


def _first() -> object:
    return result(
        "seeds/000.txt",
        [FIGHT, "Armenia accused Azerbaijan of shelling Stepanakert."],
        [
            event("e1", "190", FIGHT, source="AZE", target="ARM", start="2020-09-27"),
            event(
                "e2",
                "112",
                "Armenia accused Azerbaijan of shelling Stepanakert.",
                source="ARM",
                target="AZE",
                start="2020-09-28",
            ),
        ],
        statements=(statement("s1", "We will respond", name="Nikol Pashinyan", party="ARM"),),
    )


def test_store_saved_result_reads_back_unchanged(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    saved = _first()
    assert store.save(saved).status == "added"
    stored = store.document(saved.document.id)
    assert stored.result == saved
    assert stored.origins == ("seeds/000.txt",)


def test_store_same_document_again_adds_no_rows(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    before = store.stats()
    outcome = store.save(_first())
    assert outcome.status == "unchanged"
    assert store.stats() == before


def test_store_exact_duplicate_is_another_origin(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    first = _first()
    store.save(first)
    before = store.stats()
    copy = dataclasses.replace(
        first, document=dataclasses.replace(first.document, origin="mirror/000.txt")
    )
    outcome = store.save(copy)
    assert (outcome.status, outcome.linked_id, outcome.similarity) == (
        "duplicate",
        first.document.id,
        1.0,
    )
    after = store.stats()
    assert after["origins"] == before["origins"] + 1
    assert {k: v for k, v in after.items() if k != "origins"} == {
        k: v for k, v in before.items() if k != "origins"
    }
    assert store.document("mirror/000.txt").origins == ("mirror/000.txt", "seeds/000.txt")


def _story(extra: str) -> list[str]:
    words = " ".join(f"word{i}" for i in range(300))
    return [f"The CSTO is ready to send a mission to the border. {words}", extra]


def test_store_near_duplicate_is_stored_and_linked(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    first = store.save(result("a.txt", _story("Reported by TASS.")))
    second = store.save(result("b.txt", _story("Reported by Interfax.")))
    assert second.status == "near-duplicate"
    assert second.linked_id == first.document_id
    assert second.similarity is not None and second.similarity > 0.8
    assert store.stats()["documents"] == 2
    assert store.document("b.txt").links[0].other_id == first.document_id


def test_store_near_duplicate_found_after_reopening(tmp_db: Path) -> None:
    open_store(str(tmp_db)).save(result("a.txt", _story("Reported by TASS.")))
    outcome = open_store(str(tmp_db)).save(result("b.txt", _story("Reported by Reuters.")))
    assert outcome.status == "near-duplicate"


def test_store_sqlite_runs_in_wal_mode(tmp_db: Path) -> None:
    open_store(str(tmp_db)).save(_first())
    assert sqlite3.connect(tmp_db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_failed_save_writes_nothing(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    bad = result("bad.txt", [FIGHT], [event("e1", "190", FIGHT), event("e1", "190", FIGHT)])
    with pytest.raises(StoreError, match="Nothing of it was written"):
        store.save(bad)
    assert all(count == 0 for count in store.stats().values())


def test_store_schema_newer_than_code_is_refused(tmp_db: Path) -> None:
    open_store(str(tmp_db)).close()
    with sqlite3.connect(tmp_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="schema version 9999, newer than this contactline"):
        open_store(str(tmp_db))


def test_store_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "x.db"))


def test_store_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="Cannot"):
        open_store("postgresql://nobody@127.0.0.1:9/none")


def test_store_document_by_prefix_and_unknown_key(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    saved = _first()
    store.save(saved)
    assert store.document(saved.document.id[:8]).result.document.id == saved.document.id
    assert store.document("000").result.document.id == saved.document.id  # seeds/000.txt
    with pytest.raises(StoreError, match="No stored document"):
        store.document("nothing-like-this")


def test_store_event_filters(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    assert [e.event.id for e in store.events(root="19")] == ["e1"]
    assert [e.event.id for e in store.events(since="2020-09-28")] == ["e2"]
    assert [e.event.id for e in store.events(until="2020-09-27")] == ["e1"]
    assert len(store.events(party="aze")) == 2
    assert store.events(party="RUS") == []
    with pytest.raises(StoreError, match="not a date"):
        store.events(since="yesterday")


def test_store_statements_by_speaker_and_party(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    assert [s.statement.id for s in store.statements(speaker="pashinyan")] == ["s1"]
    assert store.statements(party="AZE") == []


def test_store_documents_lists_counts(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    (info,) = store.documents()
    assert (info.origin, info.events, info.statements) == ("seeds/000.txt", 2, 1)


def test_store_search_finds_words_in_evidence(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    hits = store.search('shelling "Stepanakert')
    assert {(h.kind, h.ref) for h in hits} >= {("event", "e2"), ("document", None)}
    assert store.search("Kyiv") == []


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {tests!r})
    from _factories import event, result
    from contactline import _timeline_store
    from contactline.store import open_store

    store = open_store({db!r})
    store.save(result("one.txt", ["First report of shelling near Shusha."]))

    def die(conn, document_id):
        os.kill(os.getpid(), signal.SIGKILL)

    _timeline_store.update = die  # dies inside the second document's transaction
    store.save(result("two.txt", ["Second report of shelling near Fizuli."]))
    """
)


def test_store_sigkill_inside_a_transaction_leaves_a_consistent_db(tmp_db: Path) -> None:
    script = KILLER.format(tests=str(Path(__file__).parent), db=str(tmp_db))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == -9
    conn = sqlite3.connect(tmp_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in conn.execute("SELECT origin FROM origins")] == ["one.txt"]
    store = open_store(str(tmp_db))
    assert (
        store.save(result("two.txt", ["Second report of shelling near Fizuli."])).status == "added"
    )
    assert store.stats()["documents"] == 2


def test_store_sqlite_file_has_readable_views(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    store.save(_first())
    store.close()
    conn = sqlite3.connect(tmp_db)
    conn.row_factory = sqlite3.Row
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {"event_reports", "timeline_citations"}
    report = dict(conn.execute("SELECT * FROM event_reports WHERE event_id = 'e1'").fetchone())
    assert (report["origin"], report["cameo"], report["source_party"]) == (
        "seeds/000.txt",
        "190",
        "AZE",
    )
    cited = conn.execute("SELECT origin, evidence FROM timeline_citations").fetchall()
    assert ("seeds/000.txt", FIGHT) in [tuple(r) for r in cited]


def test_store_migrations_build_exactly_the_schema(tmp_db: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from contactline._schema import metadata

    store = open_store(str(tmp_db))
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, kind, _parent: not str(name).startswith("search_index")
            },
        )
        assert compare_metadata(context, metadata) == []


def test_store_downgrade_and_upgrade_again(tmp_db: Path) -> None:
    from alembic import command

    from contactline.store import _alembic_config

    store = open_store(str(tmp_db))
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
    tables = sqlite3.connect(tmp_db).execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
    )
    assert {r[0] for r in tables} <= {"alembic_version"}
    store = open_store(str(tmp_db))
    assert store.save(_first()).status == "added"


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from _factories import event, result
    from contactline.store import open_store

    store = open_store({db!r})
    for n in range(8):
        line = f"Writer {name} report {{n}}: shelling near the border on September 27."
        store.save(result(f"{name}-{{n}}.txt", [line], [event("e1", "190", line, start="2020-09-27")]))
    """
)


def test_store_two_writers_at_once_both_succeed(tmp_db: Path) -> None:
    open_store(str(tmp_db)).close()
    tests = str(Path(__file__).parent)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER.format(tests=tests, db=str(tmp_db), name=name)],
            stderr=subprocess.PIPE,
        )
        for name in ("left", "right")
    ]
    errors = [proc.communicate(timeout=120)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], errors
    store = open_store(str(tmp_db))
    assert store.stats()["documents"] == 16
    (entry,) = store.timeline()
    assert len(entry.documents) == 16
