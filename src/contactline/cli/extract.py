"""``contactline extract``: print what is extracted from articles, without a database."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import click

from contactline.cli import main
from contactline.cli._util import (
    Context,
    metadata_options,
    published_date,
    report_failures,
    with_metadata,
)
from contactline.dedup import DuplicateTracker
from contactline.errors import ContactlineError
from contactline.ingest import read_paths
from contactline.records import Failure, Result
from contactline.serialize import to_contract


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract object per line; json: a list; table: a summary.",
)
@metadata_options
@click.pass_obj
def extract(
    ctx: Context,
    paths: tuple[str, ...],
    fmt: str,
    published: Any,
    source: str | None,
    title: str | None,
) -> None:
    """Extract events, statements, times and casualties from articles and print them.

    PATHS are text, HTML or JSON Lines files, directories, or - for standard input.
    Nothing is stored. Exit status 1 when some inputs failed (the rest are printed).

    Example:

        contactline extract articles/*.txt --format jsonl > out.jsonl
    """
    from contactline.pipeline import Pipeline  # loads spaCy: only when the command runs

    try:
        pipeline = Pipeline.load(model=ctx.model)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    given = {"published": published_date(published), "source": source, "title": title}
    failures: list[Failure] = []
    collected: list[dict[str, Any]] = []
    tracker = DuplicateTracker()
    for item in pipeline.extract_many(with_metadata(read_paths(paths), given)):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        item = _mark_duplicate(item, tracker)
        obj = to_contract(item)
        if fmt == "jsonl":
            click.echo(json.dumps(obj, ensure_ascii=False))
        elif fmt == "json":
            collected.append(obj)
        else:
            click.echo(_table_row(obj))
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=1))
    report_failures(failures)
    if failures:
        raise SystemExit(1)


def _mark_duplicate(result: Result, tracker: DuplicateTracker) -> Result:
    found = tracker.check(result.document.id, result.document.text)
    if found is None:
        return result
    other, similarity = found
    kind = "exact copy" if similarity == 1.0 else f"near-duplicate ({similarity:.2f})"
    click.echo(f"{result.document.origin}: {kind} of document {other[:12]}", err=True)
    return replace(result, duplicate_of=other)


def _table_row(obj: dict[str, Any]) -> str:
    doc = obj["document"]
    return (
        f"{doc['origin']}\t{doc['published'] or '-'}\t{doc['source'] or '-'}\t"
        f"{len(obj['actors'])} actors\t{len(obj['events'])} events\t"
        f"{len(obj['statements'])} statements\t{len(obj['times'])} times\t"
        f"{len(obj['casualties'])} casualties\t{doc['title'] or ''}"
    )
