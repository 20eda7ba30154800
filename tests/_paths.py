"""Where the tests find their data: the project's own, and the gold annotations beside it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"
