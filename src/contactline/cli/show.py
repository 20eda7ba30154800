"""``contactline show``: one stored document with all its records."""

from __future__ import annotations

import click

from contactline.cli import main
from contactline.cli._store_options import dumps, emit, opened, output_option
from contactline.cli._util import Context
from contactline.explain import explain_result
from contactline.serialize import to_contract


@main.command()
@click.argument("doc")
@output_option("json", "text", default="json")
@click.pass_obj
def show(ctx: Context, doc: str, fmt: str, output: str | None) -> None:
    """Print a stored document's records; DOC is its id, an id prefix or its origin.

    Example:

        contactline show 3f2a9c --format text
    """
    with opened(ctx) as store:
        stored = store.document(doc)
    if fmt == "text":
        lines = list(explain_result(stored.result))
        lines.insert(1, f"  origins: {', '.join(stored.origins)}")
        lines += [
            f"linked: {link.kind}-duplicate of {link.other_id[:12]} "
            f"(similarity {link.similarity:.2f})"
            for link in stored.links
        ]
        emit("\n".join(lines) + "\n", output)
        return
    data = to_contract(stored.result)
    data["document"]["origins"] = list(stored.origins)
    data["document"]["links"] = [
        {"document_id": link.other_id, "kind": link.kind, "similarity": link.similarity}
        for link in stored.links
    ]
    emit(dumps(data), output)
