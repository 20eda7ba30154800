"""Score extracted events against a sentence-level gold set.

The gold set is JSON Lines, one sentence or short passage per line::

    {"id": "kbk-001", "text": "...", "published": "2020-09-29",
     "events": [{"source": "ARM", "target": "AZE", "cameo": "112",
                 "modality": "asserted", "reported_by": null}],
     "note": "why it is coded so"}

``load_gold`` reads and checks it; ``score_events`` compares gold events with the events
a system produced for each sentence. Both are pure: the CLI (``contactline eval``) runs
the pipeline and prints.

Matching works on **dyads**: an event is its (source party, target party, CAMEO code),
parties upper-cased and ``None`` when absent. A sentence with "X called on Yerevan and
Baku" has one gold event per pair, and so must the system output. Two levels are scored:

1. *dyad+root*: source, target and the root (first two digits) agree;
2. *dyad+code*: source, target and the full code agree.

Each is precision, recall and F1 over multisets of keys, summed over sentences. Modality
accuracy is measured on the pairs matched at the dyad+root level.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, get_args

from contactline.errors import InputError
from contactline.records import Event, Modality

MODALITIES: frozenset[str] = frozenset(get_args(Modality))
_CODE = re.compile(r"\d{2,4}")

Key = tuple[str | None, str | None, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """One expected event: who did what to whom, how it is asserted, and who says so."""

    source: str | None
    target: str | None
    cameo: str
    modality: Modality = "asserted"
    reported_by: str | None = None

    @property
    def root(self) -> str:
        """Return the CAMEO root (first two digits)."""
        return self.cameo[:2]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldSentence:
    """One gold sentence (or two-sentence passage) with every event it expresses."""

    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PRF:
    """Precision, recall and F1 from counts."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Return correct / predicted (0.0 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Return correct / gold (1.0 when there is nothing to find)."""
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Miss:
    """One disagreement, for a verbose report.

    ``kind`` is ``missed`` (gold event with no dyad+root match), ``spurious`` (predicted
    event with none), ``wrong_code`` (root matched, full code differs) or ``modality``
    (matched, modality differs). ``gold`` and ``predicted`` are ``source->target cameo
    modality`` strings.
    """

    sentence_id: str
    kind: str
    gold: str | None
    predicted: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventScores:
    """The scores of a run over a gold set."""

    root: PRF
    code: PRF
    modality_correct: int
    modality_pairs: int
    by_root: Mapping[str, PRF]
    sentences: int
    misses: tuple[Miss, ...]

    @property
    def modality_accuracy(self) -> float | None:
        """Return the share of dyad+root matches whose modality agrees (``None``: no match)."""
        return self.modality_correct / self.modality_pairs if self.modality_pairs else None


def load_gold(path: Path) -> list[GoldSentence]:
    """Read a gold set in JSON Lines.

    Args:
        path: The ``.jsonl`` file.

    Returns:
        The sentences in file order.

    Raises:
        InputError: The file cannot be read, or a line is not a valid gold record (the
            message names ``file:line`` and the field).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file ({exc.strerror})") from exc
    sentences: list[GoldSentence] = []
    seen: set[str] = set()
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                str(path), f"not JSON ({exc.msg} at column {exc.colno})", line=line_no
            ) from None
        sentence = _parse_sentence(obj, str(path), line_no)
        if sentence.id in seen:
            raise InputError(str(path), f"id {sentence.id!r} is used twice", line=line_no)
        seen.add(sentence.id)
        sentences.append(sentence)
    return sentences


def _parse_sentence(obj: Any, origin: str, line_no: int) -> GoldSentence:
    def fail(problem: str) -> InputError:
        return InputError(origin, problem, line=line_no)

    if not isinstance(obj, dict):
        raise fail("a gold line must be a JSON object")
    ident, text = obj.get("id"), obj.get("text")
    if not isinstance(ident, str) or not ident:
        raise fail("'id' must be a non-empty string")
    if not isinstance(text, str) or not text.strip():
        raise fail(f"{ident}: 'text' must be a non-empty string")
    published = obj.get("published")
    try:
        day = date.fromisoformat(published) if published is not None else None
    except (TypeError, ValueError):
        raise fail(f"{ident}: 'published' must be YYYY-MM-DD or null, got {published!r}") from None
    events = obj.get("events")
    if not isinstance(events, list):
        raise fail(f"{ident}: 'events' must be a list (empty for a sentence with no event)")
    note = obj.get("note")
    if note is not None and not isinstance(note, str):
        raise fail(f"{ident}: 'note' must be a string or null")
    parsed = tuple(_parse_event(e, f"{ident}: event {i + 1}", fail) for i, e in enumerate(events))
    return GoldSentence(
        id=ident, text=text, published=day, events=parsed, note=note or None, line=line_no
    )


def _parse_event(obj: Any, where: str, fail: Any) -> GoldEvent:
    if not isinstance(obj, dict):
        raise fail(f"{where} must be a JSON object")
    cameo, modality = obj.get("cameo"), obj.get("modality", "asserted")
    if not isinstance(cameo, str) or not _CODE.fullmatch(cameo):
        raise fail(
            f"{where}: 'cameo' must be a code string with its leading zero like '0256', "
            f"got {cameo!r}"
        )
    if modality not in MODALITIES:
        raise fail(
            f"{where}: 'modality' must be one of {', '.join(sorted(MODALITIES))}, got {modality!r}"
        )
    parties = {}
    for field in ("source", "target", "reported_by"):
        value = obj.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise fail(f"{where}: '{field}' must be a party code or null, got {value!r}")
        parties[field] = value.strip().upper() if value else None
    if parties["source"] is None and parties["target"] is None:
        raise fail(f"{where}: an event needs a source or a target")
    return GoldEvent(cameo=cameo, modality=modality, **parties)


def score_events(
    gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[Event]]
) -> EventScores:
    """Compare predicted events with the gold events of each sentence.

    Args:
        gold: The gold sentences.
        predicted: The events a system produced, by gold sentence id; a sentence missing
            from the mapping counts as one where nothing was predicted.

    Returns:
        Precision, recall and F1 at the dyad+root and dyad+code levels, modality accuracy
        on the dyad+root matches, the dyad+root scores per CAMEO root, and every miss.
    """
    tally = _Tally()
    for sentence in gold:
        expected = [_gold_view(e) for e in sentence.events]
        got = [_event_view(e) for e in predicted.get(sentence.id, ())]
        tally.add(sentence.id, expected, got)
    return tally.scores(sentences=len(gold))


class _Tally:
    """The counts of :func:`score_events`, summed over the sentences scored so far."""

    def __init__(self) -> None:
        self.totals = {"root": [0, 0, 0], "code": [0, 0, 0]}
        self.per_root: dict[str, list[int]] = {}
        self.modality_ok = self.modality_pairs = 0
        self.misses: list[Miss] = []

    def add(self, sentence_id: str, expected: list[_View], got: list[_View]) -> None:
        """Count one sentence's gold and predicted events.

        Args:
            sentence_id: the gold sentence's id, for its misses.
            expected: its gold events.
            got: the events predicted for it.
        """
        pairs, lost, extra = _pair(expected, got)
        code_hits = sum(
            (Counter(_code_key(v) for v in expected) & Counter(_code_key(v) for v in got)).values()
        )
        for level, correct in (("root", len(pairs)), ("code", code_hits)):
            self.totals[level][0] += correct
            self.totals[level][1] += len(got)
            self.totals[level][2] += len(expected)
        for view in expected:
            self.per_root.setdefault(view.cameo[:2], [0, 0, 0])[2] += 1
        for view in got:
            self.per_root.setdefault(view.cameo[:2], [0, 0, 0])[1] += 1
        for g, p in pairs:
            self.per_root[g.cameo[:2]][0] += 1
            self.modality_pairs += 1
            self.modality_ok += g.modality == p.modality
        self.misses.extend(_misses(sentence_id, pairs, lost, extra))

    def scores(self, *, sentences: int) -> EventScores:
        """Return the scores of the counts so far, over ``sentences`` gold sentences."""
        root, code = self.totals["root"], self.totals["code"]
        return EventScores(
            root=PRF(correct=root[0], predicted=root[1], gold=root[2]),
            code=PRF(correct=code[0], predicted=code[1], gold=code[2]),
            modality_correct=self.modality_ok,
            modality_pairs=self.modality_pairs,
            by_root={
                r: PRF(correct=c[0], predicted=c[1], gold=c[2])
                for r, c in sorted(self.per_root.items())
            },
            sentences=sentences,
            misses=tuple(self.misses),
        )


def _misses(
    sentence_id: str,
    pairs: list[tuple[_View, _View]],
    lost: list[_View],
    extra: list[_View],
) -> list[Miss]:
    """List one sentence's disagreements: per pair a wrong code, then a wrong modality;
    then the gold events missed and the predicted events that are spurious.

    Args:
        sentence_id: the gold sentence's id.
        pairs: the (gold, predicted) events matched at the dyad+root level.
        lost: the gold events left unmatched.
        extra: the predicted events left unmatched.

    Returns:
        The misses, in that order.
    """
    misses: list[Miss] = []
    for g, p in pairs:
        if g.cameo != p.cameo:
            misses.append(
                Miss(sentence_id=sentence_id, kind="wrong_code", gold=str(g), predicted=str(p))
            )
        if g.modality != p.modality:
            misses.append(
                Miss(sentence_id=sentence_id, kind="modality", gold=str(g), predicted=str(p))
            )
    misses.extend(
        Miss(sentence_id=sentence_id, kind="missed", gold=str(g), predicted=None) for g in lost
    )
    misses.extend(
        Miss(sentence_id=sentence_id, kind="spurious", gold=None, predicted=str(p)) for p in extra
    )
    return misses


@dataclass(frozen=True, slots=True)
class _View:
    """The parts of an event that scoring compares."""

    source: str | None
    target: str | None
    cameo: str
    modality: str
    reported_by: str | None

    def __str__(self) -> str:
        said = f" by {self.reported_by}" if self.reported_by else ""
        return f"{self.source}->{self.target} {self.cameo} {self.modality}{said}"


def _party(value: str | None) -> str | None:
    return (value.strip().upper() or None) if value else None


def _gold_view(event: GoldEvent) -> _View:
    return _View(
        _party(event.source), _party(event.target), event.cameo, event.modality, event.reported_by
    )


def _event_view(event: Event) -> _View:
    source = _party(event.source.party) if event.source else None
    target = _party(event.target.party) if event.target else None
    return _View(source, target, str(event.cameo), event.modality, _party(event.reported_by))


def _root_key(view: _View) -> Key:
    return (view.source, view.target, view.cameo[:2])


def _code_key(view: _View) -> Key:
    return (view.source, view.target, view.cameo)


def _pair(
    expected: list[_View], got: list[_View]
) -> tuple[list[tuple[_View, _View]], list[_View], list[_View]]:
    """Pair gold and predicted events that share a dyad and root.

    Within a dyad+root group the closest candidates pair first: same code and modality,
    then same code, then same modality, then any. Returns the pairs, the gold events left
    unmatched and the predicted events left unmatched.
    """
    free = list(got)
    pending = list(expected)
    pairs: list[tuple[_View, _View]] = []
    rounds = (
        lambda g, p: p.cameo == g.cameo and p.modality == g.modality,
        lambda g, p: p.cameo == g.cameo,
        lambda g, p: p.modality == g.modality,
        lambda g, p: True,
    )
    for close_enough in rounds:
        for g in list(pending):
            match = next(
                (p for p in free if _root_key(p) == _root_key(g) and close_enough(g, p)), None
            )
            if match is not None:
                free.remove(match)
                pending.remove(g)
                pairs.append((g, match))
    return pairs, pending, free
