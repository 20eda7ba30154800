"""``contactline claims``: claims, and the claims that contradict each other side by side."""

from __future__ import annotations

import click

from contactline import exports
from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option, page_options, table
from contactline.cli._util import Context
from contactline.records import Event


@main.command()
@click.option(
    "--contested",
    is_flag=True,
    help="Show pairs of contradicting claims (opposing claims, denials) instead.",
)
@click.option("--party", help="Only claims made by, or about, this party.")
@page_options
@output_option("table", "json")
@click.pass_obj
def claims(
    ctx: Context,
    contested: bool,
    party: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """List claimed and denied acts; with --contested, the contradicting pairs and why.

    Example:

        contactline claims --contested --format json
    """
    with opened(ctx) as store:
        if contested:
            pairs = store.claims(party=party, limit=limit, offset=offset)
            if fmt == "json":
                emit(dumps([exports.claim_json(p) for p in pairs]), output)
                return
            pair_rows = [
                {
                    "kind": p.kind,
                    "reason": p.reason,
                    "first": f"{_who(p.first.event)}: {p.first.event.evidence}",
                    "second": f"{_who(p.second.event)}: {p.second.event.evidence}",
                }
                for p in pairs
            ]
            emit(table(pair_rows, ("kind", "reason", "first", "second"), width=70), output)
            return
        found = [
            e
            for m in ("claimed", "negated")
            for e in store.events(modality=m, party=party, limit=limit, offset=offset)
        ]
    if fmt == "json":
        emit(dumps([exports.event_json(e) for e in found]), output)
        return
    rows: list[dict[str, str | None]] = [
        {
            "modality": e.event.modality,
            "reported_by": e.event.reported_by,
            "cameo": e.event.cameo,
            "date": e.event.date.start if e.event.date else None,
            "origin": e.origin,
            "evidence": e.event.evidence,
        }
        for e in found
    ]
    emit(table(rows, ("modality", "reported_by", "cameo", "date", "origin", "evidence")), output)


def _who(event: Event) -> str:
    party = event.reported_by or (event.source.party if event.source else None)
    return f"{party or '?'} ({event.modality})"
