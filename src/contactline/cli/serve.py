"""``contactline serve``: the HTTP API over the store."""

from __future__ import annotations

import os

import click

from contactline.cli import main
from contactline.cli._util import Context
from contactline.errors import ContactlineError


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option(
    "--token",
    envvar="CONTACTLINE_API_TOKEN",
    help="Token that allows POST /documents (env CONTACTLINE_API_TOKEN); without it ingest is off.",
)
@click.option(
    "--cors",
    "cors",
    multiple=True,
    metavar="ORIGIN",
    help="Allow this origin through CORS (repeatable); CORS is off by default.",
)
@click.pass_obj
def serve(ctx: Context, host: str, port: int, token: str | None, cors: tuple[str, ...]) -> None:
    """Serve the store over HTTP: documents, events, timeline, actors, statements, claims, search.

    The OpenAPI spec is at /openapi.json and the interactive docs at /docs.

    Example:

        CONTACTLINE_API_TOKEN=secret contactline --db conflict.db serve --port 8000
    """
    import uvicorn

    from contactline.api import create_app
    from contactline.store import open_store

    try:
        store = open_store(ctx.db)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    app = create_app(store, token=token or None, model=ctx.model, cors_origins=cors)
    click.echo(
        f"contactline API on http://{host}:{port} (store {ctx.db}; ingest "
        f"{'on' if token else 'off'})",
        err=True,
    )
    uvicorn.run(
        app, host=host, port=port, log_level=os.environ.get("CONTACTLINE_LOG_LEVEL", "warning")
    )
