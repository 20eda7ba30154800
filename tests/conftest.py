"""Shared fixtures: one real spaCy pipeline for the session, a hand-built Doc helper, a temp DB."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from contactline.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DATA = Path(__file__).parent / "data"


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
