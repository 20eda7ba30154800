"""Options and output helpers shared by the commands that read the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from contactline.cli._util import Context
from contactline.errors import ContactlineError
from contactline.store import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def opened(ctx: Context) -> Iterator[Store]:
    """Open the store named by --db; any ContactlineError inside becomes a CLI error."""
    try:
        with open_store(ctx.db) as store:
            yield store
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc


def filter_options(func: F) -> F:
    """Add --party, --since, --until and --root."""
    func = click.option("--root", help="CAMEO root code, e.g. 19 (fight).")(func)
    func = click.option(
        "--until", metavar="DATE", help="Only what happened on or before DATE (YYYY[-MM[-DD]])."
    )(func)
    func = click.option(
        "--since", metavar="DATE", help="Only what happened on or after DATE (YYYY[-MM[-DD]])."
    )(func)
    func = click.option("--party", help="Party code (ARM, RUS, CSTO...) as source or target.")(func)
    return func


def page_options(func: F) -> F:
    """Add --limit and --offset."""
    func = click.option(
        "--offset", default=0, show_default=True, type=click.IntRange(0), help="Rows to skip."
    )(func)
    func = click.option("--limit", type=click.IntRange(1, 1000), help="At most this many rows.")(
        func
    )
    return func


def output_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """Add --format with the given choices and -o/--output."""

    def decorate(func: F) -> F:
        func = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True),
            help="Write to this file instead of standard output.",
        )(func)
        func = click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)
        return func

    return decorate


def emit(data: str | bytes, output: str | None) -> None:
    """Write text or bytes to --output or standard output."""
    if isinstance(data, bytes):
        if output:
            Path(output).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    elif output:
        Path(output).write_text(data, encoding="utf-8")
    else:
        click.echo(data, nl=not data.endswith("\n"))


def dumps(data: Any) -> str:
    """Return indented JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, width: int = 60) -> str:
    """Return rows as an aligned plain-text table; long cells are cut to ``width``."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"
