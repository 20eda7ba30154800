"""Shared fixtures: one real spaCy pipeline for the session, a hand-built Doc helper, a temp DB."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from _paths import DATA, SEEDS, SHARED  # noqa: F401  (re-exported for tests)
from contactline.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline, loaded once."""
    return load_nlp()


@pytest.fixture
def make_doc(nlp: Language):
    """Build a Doc by hand for rule tests that must not drift with the model."""

    def make(words, heads=None, deps=None, ents=None, pos=None, spaces=None):
        """words, heads (absolute indices), deps, pos and ents as (start, end, label) tokens."""
        doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, spaces=spaces)
        if ents:
            doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
        return doc

    return make


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    """A path for a fresh SQLite file."""
    return tmp_path / "contactline.db"


class Metrics:
    """Quality figures that tests measure; printed at the end of the run."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []

    def record(self, name: str, value: float, detail: str = "") -> None:
        """Keep ``name: value`` (a rate in [0, 1] or a count) for the closing summary."""
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        self.rows.append((name, f"{shown}  {detail}".rstrip()))


_METRICS = Metrics()


@pytest.fixture(scope="session")
def metrics() -> Metrics:
    """Record a measured quality figure so that the run's summary prints it."""
    return _METRICS


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # type: ignore[no-untyped-def]
    """Print the quality figures the tests measured."""
    if not _METRICS.rows:
        return
    terminalreporter.section("measured quality")
    width = max(len(name) for name, _ in _METRICS.rows)
    for name, value in _METRICS.rows:
        terminalreporter.write_line(f"{name:<{width}}  {value}")
