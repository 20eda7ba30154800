"""``contactline stats``: how many rows each table of the store holds."""

from __future__ import annotations

import click

from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option, table
from contactline.cli._util import Context


@main.command()
@output_option("table", "json")
@click.pass_obj
def stats(ctx: Context, fmt: str, output: str | None) -> None:
    """Print the number of stored documents, records, links and timeline entries.

    Example:

        contactline --db conflict.db stats
    """
    with opened(ctx) as store:
        counts = store.stats()
    if fmt == "json":
        emit(dumps(counts), output)
    else:
        emit(
            table([{"table": k, "rows": v} for k, v in sorted(counts.items())], ("table", "rows")),
            output,
        )
