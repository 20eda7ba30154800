"""The HTTP API (FastAPI): read the store, and ingest with a token.

Thin by design: parse the parameters, call the store, shape records with
``contactline.serialize`` and ``contactline.exports``. Every error is one JSON shape,
``{"ok": false, "error": "...", "status": 4xx}``. Reading needs nothing; ``POST
/documents`` needs the token given to :func:`create_app` (``contactline serve`` reads it
from --token or CONTACTLINE_API_TOKEN), sent as ``Authorization: Bearer TOKEN``.
CORS is off unless origins are given.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from contactline import __version__, exports
from contactline.errors import ContactlineError, InputError, StoreError
from contactline.nlp import DEFAULT_MODEL
from contactline.records import RawDocument
from contactline.serialize import to_contract
from contactline.store import Store

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Party = Annotated[
    str | None,
    Query(max_length=32, pattern=r"^[A-Za-z0-9_.-]+$", description="Party code, e.g. ARM."),
]
Since = Annotated[str | None, Query(pattern=DATE, description="On or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(pattern=DATE, description="On or before YYYY[-MM[-DD]].")]
Root = Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root, e.g. 19.")]


class NewDocument(BaseModel):
    """A document to extract and store."""

    text: str = Field(min_length=1, max_length=2_000_000, description="The article's text.")
    origin: str = Field(
        min_length=1, max_length=2000, description="Where it comes from (URL or name)."
    )
    title: str | None = Field(default=None, max_length=2000)
    published: date | None = None
    source: str | None = Field(default=None, max_length=200)


class ApiError(HTTPException):
    """An error answered with the JSON error shape."""


class _LazyPipeline:
    """Load the extraction pipeline once, on the first ingest."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        with self._lock:
            if self._pipeline is None:
                from contactline.pipeline import Pipeline

                self._pipeline = Pipeline.load(model=self.model)
            return self._pipeline


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(
    store: Store,
    *,
    token: str | None = None,
    model: str | None = None,
    cors_origins: tuple[str, ...] = (),
) -> FastAPI:
    """Build the API over an open store.

    Args:
        store: the open store.
        token: the bearer token that allows ``POST /documents``; ``None`` disables it.
        model: the spaCy pipeline for ingesting (the default pipeline when ``None``).
        cors_origins: origins allowed by CORS; empty (the default) leaves CORS off.

    Returns:
        The FastAPI application.
    """
    app = FastAPI(
        title="contactline",
        version=__version__,
        description="Events, claims, statements and a fused timeline from conflict reports.",
    )
    app.state.store = store
    app.state.token = token
    app.state.pipeline = _LazyPipeline(model or DEFAULT_MODEL)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(ContactlineError, _contactline)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
    app.include_router(router)
    return app


async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
    return _error(422, _validation_message(exc))


async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
    return _error(exc.status_code, str(exc.detail))


async def _contactline(_request: Request, exc: ContactlineError) -> JSONResponse:
    missing = str(exc).startswith(("No stored document", "No timeline"))
    return _error(404 if isinstance(exc, StoreError) and missing else 400, str(exc))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    return _error(500, f"Internal error ({type(exc).__name__}); the server log has the details.")


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(_store)]
router = APIRouter()


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"ok": True, "limit": limit, "offset": offset, "count": len(items), "items": items}


def _authorised(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError(
            403, "Ingesting is disabled: start the server with --token or CONTACTLINE_API_TOKEN."
        )
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "A valid token is needed: send 'Authorization: Bearer TOKEN'.")


@router.get("/documents", summary="List stored documents")
def list_documents(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    return _page([asdict(d) for d in store.documents(limit=limit, offset=offset)], limit, offset)


@router.get("/documents/{key:path}", summary="One document with all its records")
def get_document(store: StoreDep, key: str) -> dict[str, Any]:
    stored = store.document(key)
    data = to_contract(stored.result)
    data["document"]["origins"] = list(stored.origins)
    data["document"]["links"] = [asdict(link) for link in stored.links]
    return {"ok": True, **data}


@router.post(
    "/documents",
    status_code=201,
    summary="Extract and store a document (needs the token)",
    dependencies=[Depends(_authorised)],
)
def post_document(store: StoreDep, request: Request, body: NewDocument) -> dict[str, Any]:
    raw = RawDocument(
        origin=body.origin,
        text=body.text,
        title=body.title,
        published=body.published,
        source=body.source,
    )
    try:
        result = request.app.state.pipeline.get().extract(raw)
    except InputError as exc:
        raise ApiError(422, str(exc)) from exc
    return {"ok": True, **asdict(store.save(result))}


@router.get("/events", summary="Events, filtered")
def list_events(
    store: StoreDep,
    party: Party = None,
    since: Since = None,
    until: Until = None,
    root: Root = None,
    modality: Annotated[
        str | None, Query(pattern="^(asserted|claimed|intended|negated|hypothetical)$")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = store.events(
        party=party,
        since=since,
        until=until,
        root=root,
        modality=modality,
        limit=limit,
        offset=offset,
    )
    return _page([exports.event_json(e) for e in found], limit, offset)


@router.get("/timeline", summary="The fused timeline")
def get_timeline(
    store: StoreDep,
    party: Party = None,
    since: Since = None,
    until: Until = None,
    root: Root = None,
    contested: bool = False,
    min_documents: Annotated[int, Query(ge=1, le=1000)] = 1,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = store.timeline(
        party=party,
        since=since,
        until=until,
        root=root,
        contested=contested,
        min_documents=min_documents,
        limit=limit,
        offset=offset,
    )
    return _page([exports.entry_json(e) for e in found], limit, offset)


@router.get("/timeline/{entry_id}", summary="One timeline entry and why its events merged")
def get_entry(store: StoreDep, entry_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    found, links = store.entry(entry_id)
    return {"ok": True, "entry": exports.entry_json(found), "links": [asdict(x) for x in links]}


@router.get("/actors", summary="Actors across documents")
def list_actors(
    store: StoreDep, party: Party = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    return _page(
        [asdict(a) for a in store.actors(party=party, limit=limit, offset=offset)],
        limit,
        offset,
    )


@router.get("/statements", summary="Statements, filtered")
def list_statements(
    store: StoreDep,
    party: Party = None,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = store.statements(
        party=party, speaker=speaker, since=since, until=until, limit=limit, offset=offset
    )
    return _page([exports.statement_json(s) for s in found], limit, offset)


@router.get("/claims", summary="Contradicting claims side by side")
def list_claims(
    store: StoreDep,
    kind: Annotated[str | None, Query(pattern="^(opposing|denial)$")] = None,
    party: Party = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = store.claims(kind=kind, party=party, limit=limit, offset=offset)
    return _page([exports.claim_json(c) for c in found], limit, offset)


@router.get("/search", summary="Full-text search over documents and evidence")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    return _page([asdict(h) for h in store.search(q, limit=limit, offset=offset)], limit, offset)


@router.get("/stats", summary="Rows per table")
def stats(
    store: StoreDep,
) -> dict[str, Any]:
    return {"ok": True, "tables": store.stats()}
