"""``contactline ingest``: extract articles and store them, one transaction per document."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import click
from tqdm import tqdm

from contactline.cli import main
from contactline.cli._util import (
    Context,
    metadata_options,
    published_date,
    report_failures,
    with_metadata,
)
from contactline.errors import ContactlineError
from contactline.ingest import read_paths
from contactline.records import Failure


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--batch-size",
    default=16,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Documents per spaCy batch.",
)
@metadata_options
@click.pass_obj
def ingest(
    ctx: Context,
    paths: tuple[str, ...],
    batch_size: int,
    published: Any,
    source: str | None,
    title: str | None,
) -> None:
    """Extract articles and store them in the database (--db).

    PATHS are text, HTML or JSON Lines files, directories, or - for standard input.
    Each document is stored in one transaction: an interrupted run leaves every stored
    document whole, and running it again stores the rest. A document already stored
    is not stored twice; copies and near-copies are linked and reported. Exit status 1
    when some inputs failed (they are listed at the end; the rest are stored).

    Example:

        contactline --db conflict.db ingest articles/ feeds/today.jsonl
    """
    from contactline.pipeline import Pipeline  # loads spaCy: only when the command runs
    from contactline.store import open_store

    try:
        store = open_store(ctx.db)
        pipeline = Pipeline.load(model=ctx.model)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    given = {"published": published_date(published), "source": source, "title": title}
    failures: list[Failure] = []
    counts: Counter[str] = Counter()
    items = pipeline.extract_many(with_metadata(read_paths(paths), given), batch_size=batch_size)
    progress = tqdm(items, unit="doc", desc="ingest", disable=None, file=sys.stderr)
    with store, progress as bar:
        for item in bar:
            if isinstance(item, Failure):
                failures.append(item)
                continue
            try:
                outcome = store.save(item)
            except ContactlineError as exc:
                failures.append(
                    Failure(origin=item.document.origin, stage="store", message=str(exc))
                )
                continue
            counts[outcome.status] += 1
            if outcome.status in ("duplicate", "near-duplicate") and outcome.linked_id:
                click.echo(
                    f"{outcome.origin}: {outcome.status} of document {outcome.linked_id[:12]}"
                    f" (similarity {outcome.similarity:.2f})",
                    err=True,
                )
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing stored"
    click.echo(f"{summary}; {len(failures)} failed. Store: {ctx.db}", err=True)
    report_failures(failures)
    if failures:
        raise SystemExit(1)
