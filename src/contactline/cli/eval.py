"""``contactline eval``: run the pipeline over a sentence-level gold set and print its scores."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from contactline.cli import main
from contactline.cli._util import Context
from contactline.errors import ContactlineError
from contactline.evaluate import EventScores, GoldSentence, load_gold, score_events
from contactline.records import Event, Failure, RawDocument

if TYPE_CHECKING:
    from contactline.pipeline import Pipeline


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--model", default=None, help="Installed spaCy pipeline (default: the global --model)."
)
@click.option(
    "-v", "--verbose", is_flag=True, help="List every missed, spurious or mismatched event."
)
@click.pass_obj
def eval_command(ctx: Context, gold: Path, model: str | None, verbose: bool) -> None:
    """Score event extraction against GOLD, a JSON Lines file of coded sentences.

    Each sentence is extracted as a document of its own; events are matched on
    source, target and CAMEO root, then on the full code. See tests/data/events_gold.jsonl
    for the format.

    Example:

        contactline eval tests/data/events_gold.jsonl -v
    """
    try:
        sentences = load_gold(gold)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    from contactline.pipeline import Pipeline  # loads spaCy: only when the command runs

    try:
        pipeline = Pipeline.load(model=model or ctx.model)
    except ContactlineError as exc:
        raise click.ClickException(str(exc)) from exc
    predicted, failures = _extract(pipeline, gold, sentences)
    scores = score_events(sentences, predicted)
    click.echo(format_scores(scores))
    if verbose:
        click.echo(format_misses(scores))
    for failure in failures:
        click.echo(f"{failure.origin}: {failure.message}", err=True)
    if failures:
        raise SystemExit(1)


def _extract(
    pipeline: Pipeline, gold: Path, sentences: Sequence[GoldSentence]
) -> tuple[dict[str, Sequence[Event]], list[Failure]]:
    """Extract each gold sentence as its own document; return events by sentence id."""
    origins = {f"{gold.name}#{s.id}": s.id for s in sentences}
    raws = (
        RawDocument(origin=f"{gold.name}#{s.id}", text=s.text, published=s.published)
        for s in sentences
    )
    predicted: dict[str, Sequence[Event]] = {}
    failures: list[Failure] = []
    for item in pipeline.extract_many(raws):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            predicted[origins[item.document.origin]] = item.events
    return predicted, failures


def format_scores(scores: EventScores) -> str:
    """Render the scores as a plain-text table: totals, modality, then one row per CAMEO root."""
    head = f"{'level':<12}{'gold':>6}{'pred':>6}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}"
    rows = [f"gold sentences: {scores.sentences}", head]
    for label, prf in (("dyad+root", scores.root), ("dyad+code", scores.code)):
        rows.append(
            f"{label:<12}{prf.gold:>6}{prf.predicted:>6}{prf.correct:>9}"
            f"{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
        )
    accuracy = scores.modality_accuracy
    shown = f"{accuracy:.3f}" if accuracy is not None else "-"
    rows.append(f"modality accuracy {shown} on {scores.modality_pairs} dyad+root matches")
    rows.append("")
    rows.append(head.replace("level", "root "))
    for root, prf in scores.by_root.items():
        rows.append(
            f"{root:<12}{prf.gold:>6}{prf.predicted:>6}{prf.correct:>9}"
            f"{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
        )
    return "\n".join(rows)


def format_misses(scores: EventScores) -> str:
    """Render every miss, one line each, grouped by sentence in gold order."""
    lines = []
    for miss in scores.misses:
        if miss.kind == "missed":
            detail = f"gold {miss.gold}"
        elif miss.kind == "spurious":
            detail = f"got {miss.predicted}"
        else:
            detail = f"gold {miss.gold} | got {miss.predicted}"
        lines.append(f"{miss.sentence_id:<14}{miss.kind:<11}{detail}")
    return "\n".join(lines)
