"""The HTTP API, served by a real uvicorn server on the loopback interface."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from _factories import event, result, statement
from contactline.api import create_app
from contactline.store import open_store

TOKEN = "s3cret-token"
FIGHT = "Heavy fighting broke out along the line of contact in Karabakh on September 27."
BATTLE = "Intense battles erupted in Karabakh on September 27, 2020, the ministry said."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(app: object) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread; yield its base URL; stop it afterwards."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def fill(db: Path) -> None:
    store = open_store(str(db))
    store.save(
        result(
            "seeds/one.txt",
            [FIGHT, "Nothing else."],
            [event("e1", "190", FIGHT, source="AZE", target="ARM", start="2020-09-27")],
            statements=(statement("s1", "We will respond", name="Nikol Pashinyan", party="ARM"),),
        )
    )
    store.save(
        result(
            "seeds/two.txt",
            [BATTLE, "More."],
            [event("e1", "193", BATTLE, source="ARM", start="2020-09-27")],
            source="TASS",
        )
    )
    store.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("api") / "api.db"
    fill(db)
    yield from serve(create_app(open_store(str(db)), token=TOKEN))


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


def test_api_timeline_cites_both_documents(client: httpx.Client) -> None:
    body = client.get("/timeline", params={"root": "19"}).json()
    assert body["ok"] is True and body["count"] == 1
    (entry,) = body["items"]
    assert entry["documents"] == ["seeds/one.txt", "seeds/two.txt"]
    assert entry["date"] == {"start": "2020-09-27", "end": None}


def test_api_timeline_entry_says_why_its_events_merged(client: httpx.Client) -> None:
    (entry,) = client.get("/timeline", params={"root": "19"}).json()["items"]
    body = client.get(f"/timeline/{entry['id']}").json()
    assert body["entry"] == entry
    (link,) = body["links"]
    assert {link["first"], link["second"]} == set(entry["events"])
    assert link["reason"].startswith("same CAMEO root 19")
    missing = client.get("/timeline/0000")
    assert missing.status_code == 404 and missing.json()["ok"] is False


def test_api_events_filter_and_paginate(client: httpx.Client) -> None:
    all_events = client.get("/events").json()["items"]
    assert len(all_events) == 2
    page = client.get("/events", params={"limit": 1, "offset": 1}).json()
    assert page["count"] == 1 and page["items"][0] == all_events[1]
    assert [
        e["origin"] for e in client.get("/events", params={"party": "AZE"}).json()["items"]
    ] == ["seeds/one.txt"]


def test_api_document_by_origin_with_records(client: httpx.Client) -> None:
    body = client.get("/documents/seeds/one.txt").json()
    assert body["document"]["origin"] == "seeds/one.txt"
    assert [e["cameo"] for e in body["events"]] == ["190"]


def test_api_lists_and_search(client: httpx.Client) -> None:
    assert len(client.get("/documents").json()["items"]) == 2
    assert client.get("/actors").json()["items"][0]["party"] == "ARM"
    assert client.get("/statements", params={"speaker": "pashinyan"}).json()["count"] == 1
    assert client.get("/claims").json()["items"] == []
    assert {
        h["origin"] for h in client.get("/search", params={"q": "battles"}).json()["items"]
    } == {"seeds/two.txt"}
    assert client.get("/stats").json()["tables"]["documents"] == 2


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/events", {"since": "yesterday"}, 422),
        ("/events", {"since": "2020-13"}, 400),
        ("/timeline", {"limit": 0}, 422),
        ("/timeline", {"root": "nineteen"}, 422),
        ("/search", {}, 422),
        ("/documents/nothing-like-this", {}, 404),
        ("/no-such-endpoint", {}, 404),
    ],
)
def test_api_bad_parameters_get_the_json_error_shape(
    client: httpx.Client, path: str, params: dict[str, object], status: int
) -> None:
    response = client.get(path, params=params)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_api_post_needs_the_token(client: httpx.Client) -> None:
    doc = {"text": "Shelling was reported near Fizuli on Monday.", "origin": "post.txt"}
    response = client.post("/documents", json=doc)
    assert response.status_code == 401 and response.json()["ok"] is False
    response = client.post("/documents", json=doc, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401


def test_api_post_is_off_without_a_configured_token(tmp_db: Path) -> None:
    fill(tmp_db)
    for url in serve(create_app(open_store(str(tmp_db)))):
        response = httpx.post(
            f"{url}/documents",
            json={"text": "x", "origin": "y"},
            headers={"Authorization": "Bearer anything"},
        )
        assert response.status_code == 403
        assert "disabled" in response.json()["error"]


def test_api_cors_is_off_by_default(client: httpx.Client) -> None:
    response = client.get("/stats", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_api_openapi_spec_lists_the_endpoints(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/documents",
        "/documents/{key}",
        "/events",
        "/timeline",
        "/actors",
        "/statements",
        "/claims",
        "/search",
    ):
        assert path in paths
    assert "post" in paths["/documents"]


@pytest.mark.slow
def test_api_post_ingests_with_the_token(client: httpx.Client) -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "002_cb2353d6230e5346.txt"
    doc = {"text": seed.read_text(encoding="utf-8"), "origin": "posted/002.txt"}
    response = client.post("/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    assert response.json()["status"] in {"added", "near-duplicate"}
    assert client.get("/documents/posted/002.txt").json()["document"]["origin"] == "posted/002.txt"
