"""``contactline timeline``: the fused timeline, one entry per happening citing every report."""

from __future__ import annotations

import click

from contactline import exports
from contactline.cli import main
from contactline.cli._store_options import (
    dumps,
    emit,
    filter_options,
    opened,
    output_option,
    page_options,
    table,
)
from contactline.cli._util import Context
from contactline.fuse import TimelineEntry

_TABLE_COLUMNS = (
    "date_start",
    "date_end",
    "cameo",
    "source",
    "target",
    "status",
    "claimed_by",
    "corroboration",
    "n_documents",
    "contested",
    "summary",
)
"""The columns of ``--format table``."""


@main.command()
@filter_options
@click.option("--contested", is_flag=True, help="Only entries with contradicting claims.")
@click.option(
    "--min-documents",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Only entries cited by at least this many documents.",
)
@page_options
@output_option("table", "json", "csv", "parquet")
@click.pass_obj
def timeline(
    ctx: Context,
    party: str | None,
    since: str | None,
    until: str | None,
    root: str | None,
    contested: bool,
    min_documents: int,
    limit: int | None,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """Print the fused timeline: one entry per happening, citing every document that reports it.

    Example:

        contactline timeline --party ARM --since 2020-09 --root 19 --format json > tl.json
    """
    with opened(ctx) as store:
        entries = store.timeline(
            party=party,
            since=since,
            until=until,
            root=root,
            contested=contested,
            min_documents=min_documents,
            limit=limit,
            offset=offset,
        )
    _write(entries, fmt, output)


def _write(entries: list[TimelineEntry], fmt: str, output: str | None) -> None:
    """Write timeline entries in one format.

    Args:
        entries: the entries, in timeline order.
        fmt: ``json``, ``csv``, ``parquet`` or ``table``.
        output: the file to write, or ``None`` for standard output.
    """
    if fmt == "json":
        emit(dumps([exports.entry_json(e) for e in entries]), output)
    elif fmt == "csv":
        emit(exports.to_csv(exports.timeline_rows(entries), exports.TIMELINE_COLUMNS), output)
    elif fmt == "parquet":
        rows = exports.timeline_rows(entries, joined=False)
        emit(exports.to_parquet(rows, exports.TIMELINE_COLUMNS), output)
    else:
        emit(table(exports.timeline_rows(entries), _TABLE_COLUMNS), output)
