"""``contactline statements``: who said what, to whom and when, from the store."""

from __future__ import annotations

import json
from typing import Any

import click

from contactline import exports
from contactline._queries import StoredStatement
from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option, page_options, table
from contactline.cli._util import Context

COLUMNS = ("date", "speaker", "party", "cue", "direct", "content", "origin")


@main.command()
@click.option(
    "--speaker", metavar="NAME", help="Only statements whose speaker's name contains NAME."
)
@click.option(
    "--party", metavar="P", help="Only statements by speakers of this party (RUS, CSTO...)."
)
@click.option(
    "--since", metavar="DATE", help="Only statements made on or after DATE (YYYY[-MM[-DD]])."
)
@click.option(
    "--until", metavar="DATE", help="Only statements made on or before DATE (YYYY[-MM[-DD]])."
)
@page_options
@output_option("table", "json", "jsonl")
@click.pass_obj
def statements(
    ctx: Context,
    speaker: str | None,
    party: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    offset: int,
    fmt: str,
    output: str | None,
) -> None:
    """List the statements in the store: quotes and reported speech, by speaker and party.

    Example:

        contactline statements --speaker Peskov --party RUS
    """
    with opened(ctx) as store:
        found = store.statements(
            speaker=speaker, party=party, since=since, until=until, limit=limit, offset=offset
        )
    if fmt == "json":
        emit(dumps([exports.statement_json(s) for s in found]), output)
    elif fmt == "jsonl":
        lines = (json.dumps(exports.statement_json(s), ensure_ascii=False) for s in found)
        emit("".join(f"{line}\n" for line in lines), output)
    else:
        emit(table([_row(s) for s in found], COLUMNS, width=70), output)


def _row(stored: StoredStatement) -> dict[str, Any]:
    statement = stored.statement
    when = statement.date
    date_text = None
    if when is not None and when.start:
        date_text = (
            when.start if not when.end or when.end == when.start else f"{when.start}/{when.end}"
        )
    return {
        "date": date_text,
        "speaker": statement.speaker.name,
        "party": statement.speaker.party,
        "cue": statement.cue,
        "direct": "quote" if statement.direct else "reported",
        "content": statement.content,
        "origin": stored.origin,
    }
