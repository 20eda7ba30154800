"""The same save and query round-trip against a real PostgreSQL server.

Runs when CONTACTLINE_TEST_PG_URL names an empty database the test may fill, e.g.
``postgresql+psycopg://postgres:secret@127.0.0.1:5432/contactline_test``.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from _factories import event, result, statement
from contactline.errors import StoreError
from contactline.store import open_store

URL = os.environ.get("CONTACTLINE_TEST_PG_URL")
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store():
    if not URL:
        pytest.skip("CONTACTLINE_TEST_PG_URL is not set")
    store = open_store(URL)
    with store.engine.begin() as conn:
        conn.execute(text("TRUNCATE documents, timeline_entries CASCADE"))
    yield store
    store.close()


FIGHT = "Heavy fighting broke out in Karabakh on September 27."
BATTLE = "Intense battles erupted in Karabakh on September 27, 2020."


def test_store_postgres_roundtrip_and_queries(pg_store) -> None:
    first = result(
        "a/000.txt",
        [FIGHT, "Nothing else."],
        [
            event(
                "e1",
                "190",
                FIGHT,
                source="AZE",
                target="ARM",
                start="2020-09-27",
                location="Karabakh",
            )
        ],
        statements=(statement("s1", "We will respond", name="Nikol Pashinyan", party="ARM"),),
    )
    second = result(
        "b/002.txt",
        [BATTLE, "More."],
        [event("e1", "193", BATTLE, source="ARM", start="2020-09-27", location="Karabakh")],
        source="TASS",
    )
    assert pg_store.save(first).status == "added"
    assert pg_store.save(second).status == "added"
    assert pg_store.save(first).status == "unchanged"
    assert pg_store.document(first.document.id).result == first
    (entry,) = pg_store.timeline(root="19")
    assert entry.documents == ("a/000.txt", "b/002.txt")
    assert [e.event.id for e in pg_store.events(party="AZE", since="2020-09")] == ["e1"]
    assert [s.statement.id for s in pg_store.statements(speaker="Pashinyan")] == ["s1"]
    assert {h.origin for h in pg_store.search("battles")} == {"b/002.txt"}
    assert pg_store.stats()["documents"] == 2


def test_store_postgres_plain_url_uses_psycopg(pg_store) -> None:
    plain = URL.replace("postgresql+psycopg://", "postgresql://")  # type: ignore[union-attr]
    with open_store(plain) as store:
        assert store.dialect == "postgresql"
        assert store.stats()["documents"] == 0


def test_store_postgres_nul_in_a_query_is_no_server_error(pg_store) -> None:
    pg_store.save(result("b/002.txt", [BATTLE], [event("e1", "190", BATTLE, source="AZE")]))
    assert [h.origin for h in pg_store.search("bat\x00tles")] == ["b/002.txt", "b/002.txt"]
    assert len(pg_store.events(party="A\x00ZE")) == 1
    with pytest.raises(StoreError, match="No stored document"):
        pg_store.document("x\x00y")
