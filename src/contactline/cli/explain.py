"""``contactline explain``: show why each record of a document is what it is."""

from __future__ import annotations

from pathlib import Path

import click

from contactline.cli import main
from contactline.cli._util import Context
from contactline.errors import ContactlineError
from contactline.explain import explain_result
from contactline.ingest import read_paths
from contactline.records import Result


@main.command()
@click.argument("doc")
@click.option(
    "--merge",
    nargs=2,
    metavar="EVENT EVENT",
    help="Say why two stored events (DOC-ID/EVENT-ID) share a timeline entry.",
)
@click.pass_obj
def explain(ctx: Context, doc: str, merge: tuple[str, str] | None) -> None:
    """Show, for each mention, time, statement, event and casualty, the rule that decided it.

    DOC is an article file (extracted on the fly) or a stored document's id, id prefix or
    origin.

    Example:

        contactline explain examples/002_cb2353d6230e5346.txt
        contactline --db my.db explain 3f2a --merge 3f2a.../e1 9b1c.../e4
    """
    try:
        for line in _explain_merge(ctx, merge) if merge else explain_result(_result(ctx, doc)):
            click.echo(line)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc


def _result(ctx: Context, doc: str) -> Result:
    if Path(doc).is_file() or doc == "-":
        from contactline.pipeline import Pipeline

        item = next(read_paths([doc]))
        if isinstance(item, ContactlineError):
            raise item
        return Pipeline.load(model=ctx.model).extract(item)
    from contactline.store import open_store

    with open_store(ctx.db) as store:
        return store.document(doc).result


def _explain_merge(ctx: Context, merge: tuple[str, str]) -> list[str]:
    from contactline.store import open_store

    with open_store(ctx.db) as store:
        steps = store.explain(*merge)
    if not steps:
        return [f"{merge[0]} and {merge[1]} are not in the same timeline entry."]
    return [f"{s.first} ~ {s.second}  score {s.score:.2f}: {s.reason}" for s in steps]
