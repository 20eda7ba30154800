"""``contactline search``: full-text search over documents and evidence."""

from __future__ import annotations

from dataclasses import asdict

import click

from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option, page_options, table
from contactline.cli._util import Context


@main.command()
@click.argument("text")
@page_options
@output_option("table", "json")
@click.pass_obj
def search(
    ctx: Context, text: str, limit: int | None, offset: int, fmt: str, output: str | None
) -> None:
    """Find documents, events and statements containing every word of TEXT (prefix*: word start).

    Example:

        contactline search "Lachin corridor"
    """
    with opened(ctx) as store:
        hits = store.search(text, limit=limit or 50, offset=offset)
    rows = [asdict(h) for h in hits]
    if fmt == "json":
        emit(dumps(rows), output)
    else:
        emit(
            table(
                [{**r, "document_id": r["document_id"][:12]} for r in rows],
                ("document_id", "origin", "kind", "ref", "snippet"),
                width=90,
            ),
            output,
        )
