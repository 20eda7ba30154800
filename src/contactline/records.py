"""The records that flow through the pipeline.

Every record is a frozen dataclass. Unknown values are ``None``, never ``""``;
collections are tuples. Every extracted record carries ``span`` (character offsets
into ``Document.text``) and ``rule`` (the rule, pattern or dictionary entry that
produced it) so that output can be explained.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Modality = Literal["asserted", "claimed", "intended", "negated", "hypothetical"]
ActorKind = Literal["state", "organization", "person", "group", "region"]
CasualtyKind = Literal["killed", "wounded", "killed_or_wounded", "missing", "captured"]


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_of(self, text: str) -> str:
        """Return the slice of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True, kw_only=True)
class DateWindow:
    """When something happened, at the precision the text gives.

    ``start`` and ``end`` are ISO 8601 strings of any precision (``2020-09-28``,
    ``1988-02``, ``1992``); ``end`` is ``None`` for a single date. ``basis`` says how
    the window was reached (``"'On the eve' relative to publication"``).
    """

    start: str | None
    end: str | None = None
    basis: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """A document as a reader produced it, before metadata is read from the text.

    Caller-given metadata (JSONL fields, CLI flags) wins over what is read from the text.
    """

    origin: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    external_id: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A normalised document with its metadata.

    ``text`` is the normalised full text; all offsets in every record point into it.
    ``body`` lists the regions that are analysed (header lines such as navigation,
    the headline and a leading ``date`` line are outside it, and so is a paragraph
    repeated earlier in the same document).
    """

    id: str
    origin: str
    text: str
    body: tuple[Span, ...]
    title: str | None = None
    published: date | None = None
    published_basis: str | None = None
    source: str | None = None
    dateline: str | None = None
    language: str = "en"
    notes: tuple[str, ...] = ()

    @property
    def analysis_text(self) -> str:
        """Return ``text`` with everything outside ``body`` blanked, offsets unchanged.

        Newlines are kept so that paragraph breaks survive.
        """
        chars = [c if c == "\n" else " " for c in self.text]
        for span in self.body:
            chars[span.start : span.end] = self.text[span.start : span.end]
        return "".join(chars)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One mention of an actor in the text, resolved to a party where possible.

    ``party`` is an ISO 3166-1 alpha-3 code for states, an acronym for organisations
    (``CSTO``), or a short code for other entities (``NKR``). ``sector`` is a CAMEO agent
    code (``GOV``, ``MIL``, ``COP``, ``REB``, ``CVL``, ...). ``name`` is the canonical
    name (a person's full name, a state's short name). ``antecedent`` is the span of the
    mention this one refers back to (pronouns, "the organization").
    """

    span: Span
    text: str
    party: str | None
    kind: ActorKind | None
    name: str | None = None
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    antecedent: Span | None = None
    rule: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """An actor of the document with all its mentions."""

    party: str | None
    name: str
    kind: ActorKind | None
    country: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    """A time expression with its TIMEX3-style value.

    ``value`` is ``2020-09-28``, ``1988-02``, ``1992/1994``, ``2020-11-09TNI``, ``P3D``...
    ``mod`` is a TIMEX3 modifier (``ON_OR_AFTER`` for "since 1992", ``APPROX``...). ``anchored``
    is false when the value could not be resolved for want of a publication date.
    """

    text: str
    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    span: Span
    rule: str
    mod: str | None = None
    anchored: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Participant:
    """The source or target of an event."""

    party: str | None
    text: str
    span: Span | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did what to whom, coded in CAMEO and PLOVER."""

    id: str
    cameo: str
    plover: str | None
    quad_class: int | None
    goldstein: float | None
    source: Participant | None
    target: Participant | None
    date: DateWindow | None
    location: str | None
    modality: Modality
    reported_by: str | None
    evidence: str
    span: Span
    trigger: Span
    rule: str
    statement: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who made a statement."""

    name: str | None
    party: str | None
    role: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """Who said what, to whom and when: a quote or reported speech."""

    id: str
    speaker: Speaker
    cue: str
    content: str
    direct: bool
    date: DateWindow | None
    span: Span
    content_span: Span
    rule: str
    addressee: str | None = None
    events: tuple[str, ...] = ()
    insertions: tuple[Span, ...] = ()
    """Editorial insertions kept inside ``content``: "(in Karabakh – Ed.)", "[to the republic]"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Casualty:
    """A reported count of people killed, wounded, missing or captured."""

    kind: CasualtyKind
    group: str | None
    count: int | None
    low: int | None
    high: int | None
    reported_by: str | None
    location: str | None
    date: DateWindow | None
    evidence: str
    span: Span
    rule: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A document that could not be processed, and why."""

    origin: str
    stage: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """Everything extracted from one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    duplicate_of: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
