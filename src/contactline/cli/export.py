"""``contactline export``: events for analysts' tools, as GDELT-like CSV, Parquet or GeoJSON."""

from __future__ import annotations

import click

from contactline import exports
from contactline.cli import main
from contactline.cli._store_options import dumps, emit, filter_options, opened, output_option
from contactline.cli._util import Context


@main.command()
@filter_options
@output_option("csv", "parquet", "geojson", default="csv")
@click.pass_obj
def export(
    ctx: Context,
    party: str | None,
    since: str | None,
    until: str | None,
    root: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Export every stored event, one row each, with its timeline entry's counts and place.

    Columns follow GDELT's names (SQLDATE, Actor1Code, EventCode, QuadClass,
    GoldsteinScale, NumArticles, NumSources, ActionGeo_Lat...). GeoJSON holds the events
    whose location the offline gazetteer places.

    Example:

        contactline export --format geojson -o events.geojson
    """
    with opened(ctx) as store:
        events = store.events(party=party, since=since, until=until, root=root)
        entries = store.timeline()
    gazetteer = exports.load_gazetteer()
    rows = exports.gdelt_rows(events, entries, gazetteer)
    if fmt == "parquet":
        emit(exports.to_parquet(rows, exports.GDELT_COLUMNS), output)
    elif fmt == "geojson":
        emit(dumps(exports.geojson(rows)), output)
    else:
        emit(exports.to_csv(rows, exports.GDELT_COLUMNS), output)
