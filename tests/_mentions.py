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
