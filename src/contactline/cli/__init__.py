"""The command line: a click group whose commands live one per module in this package.

This package is the only place that prints or exits.
"""

from __future__ import annotations

import click

from contactline import __version__
from contactline.cli._util import Context
from contactline.nlp import DEFAULT_MODEL


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contactline")
@click.option(
    "--db",
    envvar="CONTACTLINE_DB",
    default="contactline.db",
    show_default=True,
    help="SQLite file or SQLAlchemy URL (postgresql://...) of the store.",
)
@click.option(
    "--model",
    envvar="CONTACTLINE_MODEL",
    default=DEFAULT_MODEL,
    show_default=True,
    help="Installed spaCy pipeline to use.",
)
@click.pass_context
def main(ctx: click.Context, db: str, model: str) -> None:
    """Turn conflict reports into a sourced, dated, queryable picture.

    Example:

        contactline ingest articles/ && contactline timeline --format table
    """
    ctx.obj = Context(db=db, model=model)


def _register() -> None:
    from contactline.cli import commands  # noqa: F401  (each module adds its command)


_register()
