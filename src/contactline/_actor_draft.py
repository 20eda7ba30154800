"""Working state of actor resolution: what the dictionaries found where in one document.

A :class:`Draft` is a mention under construction; resolution fills it in stage by stage
and :func:`to_mention` freezes it into a :class:`~contactline.records.Mention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from contactline._actor_base import ActorBase, Anaphor, NameEntry, SectorWord
from contactline._phrase_index import fold
from contactline.records import ActorKind, Mention, Span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
DETERMINERS = frozenset({"the", "this", "that"})
_INSIDE_TITLE = frozenset({"pobj", "prep", "appos", "compound", "poss"})


@dataclass(slots=True)
class Draft:
    """A mention being resolved: tokens ``[start, end)`` and what is known so far.

    ``code`` is the dictionary entry's own code (a region's, where ``party`` stays empty).
    """

    start: int
    end: int
    origin: str
    rule: str
    party: str | None = None
    kind: ActorKind | None = None
    name: str | None = None
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    antecedent: Draft | None = None
    anaphor: Anaphor | None = None
    source: Draft | None = None
    subject: bool = False
    sentence: int = 0
    code: str | None = None
    coordinated: bool = False
    listed: bool = False
    place: bool = False
    main: bool = False
    patron: Draft | None = None


@dataclass(slots=True)
class Scan:
    """The dictionary matches of one document, indexed by token."""

    doc: Doc
    lowered: str = ""
    names: dict[int, tuple[int, int, NameEntry]] = field(default_factory=dict)
    sectors: dict[int, tuple[int, int, SectorWord]] = field(default_factory=dict)
    persons: dict[int, Draft] = field(default_factory=dict)
    #: the token texts and their folded forms, read once (spaCy makes a Token per access)
    words: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    _text: str | None = None

    def text(self) -> str:
        """Return ``doc.text``, built once (spaCy joins the tokens again on every access)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def __post_init__(self) -> None:
        if not self.words and len(self.doc):
            # slices of the text at the token offsets: no Token made per word
            text = self.text()
            self.words = [text[i : i + n] for i, n in self.doc.to_array(["IDX", "LENGTH"]).tolist()]
        if not self.folded:
            self.folded = [fold(w) for w in self.words]

    def name_at(self, i: int) -> tuple[int, int, NameEntry] | None:
        """Return the name match covering token ``i``."""
        return self.names.get(i)

    def sector_at(self, i: int) -> tuple[int, int, SectorWord] | None:
        """Return the sector-word match covering token ``i``."""
        return self.sectors.get(i)

    def drop_name(self, i: int) -> None:
        """Forget the name match covering token ``i`` ("Chad" in "Chad Smith")."""
        match = self.names.get(i)
        if match:
            for j in range(match[0], match[1]):
                self.names.pop(j, None)


def scan_document(doc: Doc, base: ActorBase) -> Scan:
    """Match every known name and sector word of ``doc``, longest first."""
    scan = Scan(doc)
    words, folded = scan.words, scan.folded
    for match in base.names.finditer(words, folded):
        entry = choose_reading(scan, match.start, match.end, match.values, base)
        if entry is not None:
            for i in range(match.start, match.end):
                scan.names[i] = (match.start, match.end, entry)
    for smatch in base.sectors.finditer(words, folded):
        if any(i in scan.names for i in range(smatch.start, smatch.end)):
            continue
        word = smatch.values[0]
        for i in range(smatch.start, smatch.end):
            scan.sectors[i] = (smatch.start, smatch.end, word)
    return scan


def choose_reading(
    scan: Scan, start: int, end: int, entries: tuple[NameEntry, ...], base: ActorBase
) -> NameEntry | None:
    """Pick what an ambiguous name stands for here, by cue words of its readings.

    Returns:
        The entry of the chosen reading, or an entry without party when the chosen
        reading is no actor (Washington the state), or ``None`` when nothing fits.
    """
    doc = scan.doc
    surface = scan.words[start] if end - start == 1 else doc[start:end].text
    readings = base.readings.get(fold(surface))
    if not readings:
        return entries[0]
    sent = doc[start].sent
    sentence = set(scan.folded[sent.start : sent.end])
    if not scan.lowered:
        scan.lowered = scan.text().lower()
    text = scan.lowered
    chosen = readings[0]
    for reading in readings[1:]:
        if reading.cues & sentence or any(cue in text for cue in reading.doc_cues):
            chosen = reading
            break
    for entry in entries:
        if entry.entity.party == chosen.party:
            return entry
    if chosen.party is None:
        return None
    entity = base.entity(chosen.party)
    return NameEntry(entity, "name", surface) if entity else None


def char_span(doc: Doc, start: int, end: int) -> Span:
    """Return the character span of tokens ``[start, end)``."""
    last: Token = doc[end - 1]
    return Span(doc[start].idx, last.idx + len(last.text))


def to_mention(doc: Doc, text: str, draft: Draft) -> Mention:
    """Freeze a draft into a mention; ``text`` is ``doc.text`` (spaCy rebuilds it per call)."""
    span = char_span(doc, draft.start, draft.end)
    antecedent = draft.antecedent
    return Mention(
        span=span,
        text=text[span.start : span.end],
        party=draft.party,
        kind=draft.kind,
        name=draft.name,
        sector=draft.sector,
        role=draft.role,
        country=draft.country,
        antecedent=char_span(doc, antecedent.start, antecedent.end) if antecedent else None,
        rule=draft.rule,
    )


def is_subject(doc: Doc, start: int, end: int) -> bool:
    """Tell whether tokens ``[start, end)`` are the subject of their clause."""
    root = doc[start] if end - start == 1 else doc[start:end].root
    return root.dep_ in SUBJECT_DEPS


def names_subject(scan: Scan, start: int, end: int) -> bool:
    """Tell whether a person's name is the subject or hangs off a title that is.

    "The foreign minister of Armenia Ararat Mirzoyan met ...": Mirzoyan hangs off
    "minister", the subject. The walk up the tree passes only through title words,
    known names and 'of'.
    """
    node = scan.doc[start:end].root
    for _ in range(5):
        if node.dep_ in SUBJECT_DEPS:
            return True
        head = node.head
        if node.dep_ not in _INSIDE_TITLE or head.i == node.i:
            return False
        if not (scan.sector_at(head.i) or scan.name_at(head.i) or head.lower_ == "of"):
            return False
        node = head
    return False
