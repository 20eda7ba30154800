"""``contactline timex-eval``: value accuracy of the time stage over an expression set."""

from __future__ import annotations

from pathlib import Path

import click

from contactline.cli import main
from contactline.cli._util import Context
from contactline.errors import ContactlineError


@main.command("timex-eval")
@click.argument("cases", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--model", default=None, help="Installed spaCy pipeline (default: the global --model)."
)
@click.option(
    "-v", "--verbose", is_flag=True, help="List every case whose value is wrong or missing."
)
@click.option(
    "--min-accuracy",
    type=float,
    default=None,
    help="Exit with status 1 when the accuracy is below this (0-1).",
)
@click.pass_obj
def timex_eval(
    ctx: Context, cases: Path, model: str | None, verbose: bool, min_accuracy: float | None
) -> None:
    """Tag every sentence of CASES (JSON Lines) and print the share of right values.

    Each line gives a sentence, its publication date (or null), the expression and its
    expected TIMEX3 value; tests/data/timex_set.jsonl is the project's set.

    Example:

        contactline timex-eval tests/data/timex_set.jsonl -v --min-accuracy 0.95
    """
    from contactline.nlp import load_nlp  # loads spaCy: only when the command runs
    from contactline.timex import check_expression, load_expression_set, load_time_grammar

    try:
        loaded = load_expression_set(cases)
        nlp = load_nlp(model or ctx.model)
        grammar = load_time_grammar()
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    right = 0
    for case, doc in zip(loaded, nlp.pipe(c.sentence for c in loaded)):
        ok, found = check_expression(doc, case, grammar)
        right += ok
        if verbose and not ok:
            got = "not tagged" if found is None else f"got {found.value!r} from {found.text!r}"
            click.echo(f"miss: {case.text!r} want {case.value!r}, {got} | {case.sentence}")
    accuracy = right / len(loaded) if loaded else 0.0
    click.echo(f"value accuracy {accuracy:.3f} ({right}/{len(loaded)})")
    if min_accuracy is not None and accuracy < min_accuracy:
        raise SystemExit(1)
