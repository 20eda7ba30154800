"""``contactline actors``: the actors of every stored document, one row per party."""

from __future__ import annotations

from dataclasses import asdict

import click

from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option, page_options, table
from contactline.cli._util import Context


@main.command()
@click.option("--party", help="Only this party.")
@page_options
@output_option("table", "json")
@click.pass_obj
def actors(
    ctx: Context, party: str | None, limit: int | None, offset: int, fmt: str, output: str | None
) -> None:
    """List the actors across documents, the most widely reported first.

    Example:

        contactline actors --format json
    """
    with opened(ctx) as store:
        found = store.actors(party=party, limit=limit, offset=offset)
    rows = [{**asdict(a), "names": list(a.names)} for a in found]
    if fmt == "json":
        emit(dumps(rows), output)
    else:
        emit(
            table(
                [{**r, "names": "; ".join(r["names"])} for r in rows],
                ("party", "name", "kind", "documents", "mentions", "names"),
            ),
            output,
        )
