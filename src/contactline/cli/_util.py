"""Helpers shared by the commands: the global context, shared options, error reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

import click

from contactline.errors import InputError
from contactline.records import Failure, RawDocument

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Context:
    """Global options, handed to every command through ``click.Context.obj``."""

    db: str
    model: str


def metadata_options(func: F) -> F:
    """Add the options that give metadata for every document of the call."""
    func = click.option(
        "--published",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Publication date (YYYY-MM-DD) for every document; wins over the text.",
    )(func)
    func = click.option("--source", help="Outlet or agency of every document; wins over the text.")(
        func
    )
    func = click.option("--title", help="Headline of every document; wins over the text.")(func)
    return func


def published_date(value: Any) -> date | None:
    """Turn the ``--published`` option's datetime into a date."""
    return value.date() if value is not None else None


def report_failures(failures: list[Failure]) -> None:
    """List the documents that failed on stderr, one line each."""
    if not failures:
        return
    click.echo(f"{len(failures)} input(s) failed:", err=True)
    for failure in failures:
        click.echo(
            f"  {failure.message}"
            if failure.message.startswith(failure.origin)
            else f"  {failure.origin}: {failure.message}",
            err=True,
        )


def with_metadata(
    items: Iterator[RawDocument | InputError], given: dict[str, Any]
) -> Iterator[RawDocument | InputError]:
    """Apply the metadata given on the command line to every document read."""
    overrides = {k: v for k, v in given.items() if v is not None}
    for item in items:
        yield replace(item, **overrides) if overrides and isinstance(item, RawDocument) else item
