"""Fuse events that different reports give of the same happening into one timeline.

Outlets retell the same happening: one entry per happening cites every report of it,
with a corroboration count of distinct outlets, and claims that contradict each other
are linked side by side.

The algorithm, run inside the store's transaction each time a document is saved:

1. Pair each new event with the stored events whose date windows overlap its own (and
   with the other events of its document); :func:`same_happening` decides each pair on
   CAMEO root, party compatibility, date precision, place and wording, and returns the
   reason, which is stored with the link (``event_links``) for ``explain``.
2. Pair them the same way with :func:`contest`: opposing claims and denials are stored
   in ``claim_links``.
3. The timeline entries are built by :func:`group` from the link graph: strong links
   (the same stated date, or near-identical wording) join entries; a weak link (a
   window the text only bounds) attaches an event that has no strong link to its best
   partner's entry, and never bridges two entries. Only the part of the graph that
   touches the new document is regrouped; each entry is built by :func:`build_entry`
   from its members in a canonical order, so the timeline does not depend on the
   order in which documents arrive.

The pairwise rules of steps 1 and 2 live in :mod:`contactline._fuse_rules`; this
module re-exports them, so ``contactline.fuse`` stays the one place to import from.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from contactline._fuse_rules import (
    ACCUSATIONS,
    DENIALS,
    NARROW_DAYS,
    NO_COMMENT,
    SHORT_DAYS,
    STRONG,
    VIOLENT_ROOTS,
    EventKey,
    EventView,
    Link,
    contest,
    day_bounds,
    parties_compatible,
    places_agree,
    places_of,
    same_happening,
    stated,
)
from contactline._wording import wording_similarity

__all__ = [
    "ACCUSATIONS",
    "DENIALS",
    "NARROW_DAYS",
    "NO_COMMENT",
    "ON_TIMELINE",
    "SHORT_DAYS",
    "STRONG",
    "VIOLENT_ROOTS",
    "EventKey",
    "EventView",
    "Link",
    "TimelineEntry",
    "build_entry",
    "claimants",
    "components",
    "conflict",
    "contest",
    "day_bounds",
    "entry_status",
    "group",
    "parties_compatible",
    "places_agree",
    "places_of",
    "same_happening",
    "stated",
]


ON_TIMELINE = frozenset({"asserted", "claimed", "intended"})
"""Modalities of the events that make timeline entries: a denied or hypothetical act
is no happening (it stays an event, and a denial is linked to what it denies)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One happening, citing every document and event that reports it."""

    id: str
    date_start: str | None
    date_end: str | None
    cameo: str
    source: str | None
    target: str | None
    summary: str
    documents: tuple[str, ...]
    events: tuple[str, ...]
    corroboration: int
    contested: bool
    status: str = "reported"
    claimed_by: tuple[str, ...] = ()


def entry_status(members: Sequence[tuple[str, str | None]]) -> str:
    """Say how an entry is known: ``reported`` when some report states it as fact,
    ``claimed`` when every report attributes it to a party, ``intended`` when only
    readiness or plans are reported.

    Args:
        members: the ``(modality, reported_by)`` of each event in the entry.
    """
    modalities = {modality for modality, _ in members}
    if not modalities or "asserted" in modalities:
        return "reported"
    if modalities <= {"intended"}:
        return "intended"
    return "claimed"


def claimants(members: Sequence[tuple[str, str | None]]) -> tuple[str, ...]:
    """Return the parties that claim an entry's events, sorted (empty when reported as fact)."""
    if entry_status(members) == "reported":
        return ()
    return tuple(sorted({party for modality, party in members if modality == "claimed" and party}))


def components(
    keys: Iterable[EventKey], links: Iterable[tuple[EventKey, EventKey]]
) -> list[list[EventKey]]:
    """Return the connected components of the link graph, each sorted, in sorted order."""
    parent: dict[EventKey, EventKey] = {key: key for key in keys}

    def find(key: EventKey) -> EventKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in links:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[EventKey, list[EventKey]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return sorted(sorted(group) for group in groups.values())


def conflict(a: EventView, b: EventView) -> str | None:
    """Say why two events can never be one happening, whatever links them.

    Grouping checks this between every two members an entry would hold, so that an
    event that names little (no place, one party) cannot bridge two happenings it is
    each compatible with: the Kharkiv strike and the drones downed over Belgorod.
    Parties conflict when both events name them fully (for violent roots, both
    sides) or name different actors neither of which acts on the other (Russia
    striking, the RSF shelling); otherwise two partial accounts of one happening may
    each name one side (the RSF shelling; a strike on Sudan).

    Returns:
        ``"places"``, ``"dates"`` or ``"parties"``, or ``None`` when they may be one.
    """
    if places_agree(a, b) is False and wording_similarity(a.evidence, b.evidence) < 0.5:
        return "places"
    wa, wb = day_bounds(a.date_start, a.date_end), day_bounds(b.date_start, b.date_end)
    if wa and wb and (wa[0] > wb[1] or wb[0] > wa[1]):
        return "dates"
    fully = _complete(a) and _complete(b)
    if a.root == b.root and not parties_compatible(a, b) and (fully or _other_actors(a, b)):
        return "parties"
    return None


def _other_actors(a: EventView, b: EventView) -> bool:
    """Say whether the two events name different actors, neither acting on the other."""
    known = a.source and b.source and a.source != b.source
    return bool(known and a.source != b.target and b.source != a.target)


def _complete(event: EventView) -> bool:
    """Say whether the event names both parties, or (not violent) its source."""
    if event.root in VIOLENT_ROOTS:
        return bool(event.source and event.target)
    return bool(event.source)


def group(
    views: Mapping[EventKey, EventView], links: Iterable[tuple[EventKey, EventKey, float]]
) -> list[list[EventKey]]:
    """Group events into timeline entries: strong links join, weak links attach.

    Strong links (score from :data:`STRONG` up), best first, join their events'
    entries unless two of the joined events :func:`conflict`. An event with no strong
    link then joins the entry of its best weakly linked partner (highest score, then
    least key) among the anchored ones, those with a strong link or a stated date
    (:func:`stated`), again unless it conflicts with a member. So an event whose window
    spans several happenings cannot chain them into one entry, nor can two such events
    chain each other. The result depends only on the events and links, not their order.

    Args:
        views: the events to group, by key.
        links: ``(event, other event, score)`` between them.

    Returns:
        The entries, each sorted, in sorted order.
    """
    entries = _Entries(views)
    join = entries.join
    known = sorted((-score, a, b) for a, b, score in links if a in views and b in views)
    for negative, a, b in known:
        if -negative >= STRONG:
            join(a, b)
    joined = {key for negative, a, b in known if -negative >= STRONG for key in (a, b)}
    anchored = joined | {key for key, view in views.items() if stated(view)}
    best: dict[EventKey, EventKey] = {}
    for negative, a, b in known:
        for one, other in ((a, b), (b, a)):
            if -negative < STRONG and one not in joined and one not in best and other in anchored:
                best[one] = other
    for one, other in sorted(best.items()):
        join(one, other)
    return sorted(sorted(group) for group in entries.members.values())


class _Entries:
    """Entries under construction: joins that refuse to hold two conflicting events.

    Only the members that name a place or a source can conflict on those, and
    dates conflict when the latest start passes the earliest end, so a join checks
    few pairs; a refused join is not checked again until either entry grows.
    """

    def __init__(self, views: Mapping[EventKey, EventView]) -> None:
        self.views = views
        self.members: dict[EventKey, list[EventKey]] = {key: [key] for key in views}
        self.root: dict[EventKey, EventKey] = {key: key for key in views}
        self.bounds = {key: day_bounds(v.date_start, v.date_end) for key, v in views.items()}
        self.span = {key: w for key, w in self.bounds.items() if w is not None}
        self.telling: dict[EventKey, list[EventKey]] = {
            key: [key] for key, v in views.items() if places_of(v) or v.source
        }
        self.refused: dict[tuple[EventKey, EventKey], tuple[int, int]] = {}

    def join(self, a: EventKey, b: EventKey) -> None:
        """Put ``a``'s and ``b``'s entries together unless they conflict."""
        ra, rb = self.root[a], self.root[b]
        sizes = (len(self.members[ra]), len(self.members[rb]))
        if ra == rb or self.refused.get((ra, rb)) == sizes:
            return
        if self._conflict(ra, rb):
            self.refused[(ra, rb)] = sizes
            return
        keep, gone = min(ra, rb), max(ra, rb)
        self.members[keep] += self.members.pop(gone)
        self.telling[keep] = self.telling.get(keep, []) + self.telling.pop(gone, [])
        if gone in self.span:
            w, v = self.span.pop(gone), self.span.get(keep)
            self.span[keep] = (max(w[0], v[0]), min(w[1], v[1])) if v else w
        for key in self.members[keep]:
            self.root[key] = keep

    def _conflict(self, ra: EventKey, rb: EventKey) -> bool:
        wa, wb = self.span.get(ra), self.span.get(rb)
        if wa and wb and max(wa[0], wb[0]) > min(wa[1], wb[1]):
            return True
        return any(
            conflict(self.views[x], self.views[y]) is not None
            for x in self.telling.get(ra, ())
            for y in self.telling.get(rb, ())
        )


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def build_entry(
    members: Sequence[EventView],
    *,
    origins: dict[str, str],
    outlets: dict[str, str],
    contested: bool,
) -> TimelineEntry:
    """Build the timeline entry of one component; the result depends only on the set.

    Args:
        members: the events of the component.
        origins: document id to its origin.
        outlets: document id to the outlet it counts as (its source, or for a
            near-duplicate the first document of its group).
        contested: whether a member is part of a contested claim.

    Returns:
        The entry: the narrowest member window as its date, the most reported root and
        code, and the parties and evidence of the best member: best dated (a stated
        date before a window of the same width), of that root, naming most parties;
        a party it leaves out is the most reported one, never the other side itself.
    """
    ordered = sorted(members, key=lambda e: e.key)
    root = _most_common(e.root for e in ordered) or ordered[0].root
    cameo = _most_common(e.cameo for e in ordered if e.root == root) or root

    def precision(e: EventView) -> tuple[int, int, int, int, date, int, str, str]:
        w = day_bounds(e.date_start, e.date_end)
        width = (w[1] - w[0]).days if w else 10**6
        asserted = 0 if e.modality == "asserted" else 1
        return (
            width,
            int(not stated(e)),
            int(e.root != root),
            -len({e.source, e.target} - {None}),
            w[0] if w else date.max,
            asserted,
            e.document_id,
            e.event_id,
        )

    best = min(ordered, key=precision)
    source = best.source or _most_common(e.source for e in ordered)
    target = best.target if best.target != source else None
    target = target or _most_common(e.target for e in ordered if e.target != source)
    ids = tuple(f"{e.document_id}/{e.event_id}" for e in ordered)
    docs = sorted({e.document_id for e in ordered}, key=lambda d: (origins.get(d, d), d))
    return TimelineEntry(
        id=hashlib.sha1("|".join(ids).encode()).hexdigest()[:16],
        date_start=best.date_start,
        date_end=best.date_end,
        cameo=cameo,
        source=source,
        target=target,
        summary=best.evidence.strip(),
        documents=tuple(origins.get(d, d) for d in docs),
        events=ids,
        corroboration=len({outlets.get(d, d) for d in docs}),
        contested=contested,
    )
