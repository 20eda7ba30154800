"""The mention -> party table: hundreds of short sentences with the party each mention must get.

The table (tests/data/actor_cases.tsv) was written for the project; its accuracy is
printed and must stay at or above the floor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from contactline.actors import ActorBase, load_actor_base, resolve_mentions
from contactline.records import Mention

CASES = Path(__file__).parent / "data" / "actor_cases.tsv"
DEFAULT_PUBLISHED = date(2023, 6, 1)
FLOOR = 0.95


@dataclass(frozen=True)
class Case:
    line: int
    sentence: str
    mention: str
    party: str | None
    sector: str | None
    published: date


def read_cases() -> list[Case]:
    cases = []
    for number, raw in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        sentence, mention, party, sector, published = raw.split("\t")
        cases.append(
            Case(
                number,
                sentence,
                mention,
                None if party == "-" else party,
                None if sector == "-" else sector,
                DEFAULT_PUBLISHED if published == "-" else date.fromisoformat(published),
            )
        )
    return cases


def located(case: Case) -> tuple[int, int]:
    """Return the character span of the last whole-word occurrence of the case's mention."""
    found = list(re.finditer(rf"(?<!\w){re.escape(case.mention)}(?!\w)", case.sentence))
    assert found, f"line {case.line}: {case.mention!r} not in the sentence"
    return found[-1].span()


def covering(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """Return the most informative mention that overlaps the span."""
    overlapping = [m for m in mentions if m.span.start < end and start < m.span.end]
    if not overlapping:
        return None
    return max(overlapping, key=lambda m: (m.party is not None, m.span.end - m.span.start))


def judge(case: Case, mentions: list[Mention]) -> str | None:
    """Return why the case failed, or None when it passed."""
    start, end = located(case)
    mention = covering(mentions, start, end)
    party = mention.party if mention else None
    if party != case.party:
        rule = mention.rule if mention else "no mention"
        return f"line {case.line}: {case.mention!r} -> {party} ({rule}), expected {case.party}"
    if case.sector and (mention is None or mention.sector != case.sector):
        got = mention.sector if mention else None
        return f"line {case.line}: {case.mention!r} sector {got}, expected {case.sector}"
    return None


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actor_base()


def test_actors_cases_table_is_large_and_broad() -> None:
    cases = read_cases()
    assert len(cases) >= 300
    states = {c.party for c in cases if c.party and len(c.party) == 3 and c.party.isupper()}
    assert len(states) >= 60


def test_actors_cases_accuracy(nlp: Language, base: ActorBase, metrics) -> None:  # type: ignore[no-untyped-def]
    cases = read_cases()
    failures = []
    for case, doc in zip(cases, nlp.pipe(c.sentence for c in cases), strict=True):
        problem = judge(case, resolve_mentions(doc, base, published=case.published))
        if problem:
            failures.append(problem)
    accuracy = 1 - len(failures) / len(cases)
    metrics.record(
        "actor cases accuracy",
        accuracy,
        f"{len(cases) - len(failures)}/{len(cases)}; " + "; ".join(failures),
    )
    assert accuracy >= FLOOR, failures
