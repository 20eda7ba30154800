"""Hand-made actor mentions for stage tests that must not depend on the actor stage."""

from __future__ import annotations

import re
from collections.abc import Mapping

from contactline.records import Mention, Span


def state_mentions(text: str, names: Mapping[str, str]) -> list[Mention]:
    """Return one state mention per occurrence of each name in ``names`` (name -> party)."""
    found = [
        Mention(
            span=Span(hit.start(), hit.end()),
            text=name,
            party=party,
            kind="state",
            rule="test",
        )
        for name, party in names.items()
        for hit in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    return sorted(found, key=lambda m: m.span.start)


def mention_at(text: str, words: str, *, party: str | None, kind: str | None, **fields) -> Mention:
    """Return a mention of the first occurrence of ``words`` in ``text``.

    ``fields`` are the other Mention fields (``sector``, ``country``, ``antecedent``,
    ``rule``, ...); ``rule`` defaults to ``"test"``.
    """
    start = text.index(words)
    fields.setdefault("rule", "test")
    return Mention(
        span=Span(start, start + len(words)), text=words, party=party, kind=kind, **fields
    )


def in_order(*groups: Mention | list[Mention]) -> list[Mention]:
    """Return the mentions of ``groups`` (single mentions or lists) in reading order."""
    flat = [m for g in groups for m in (g if isinstance(g, list) else [g])]
    return sorted(flat, key=lambda m: m.span.start)
