"""Decide, pair by pair, whether two stored events are one happening or contest each other.

These are the pairwise rules of fusion (:mod:`contactline.fuse` groups their links into
timeline entries): :func:`same_happening` weighs CAMEO root, party compatibility, date
precision, place and wording, and says why; :func:`contest` finds opposing claims and
denials. Both read only :class:`EventView`, what fusion keeps of a stored event.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from contactline._wording import places_agree as _places_agree
from contactline._wording import places_named, wording_similarity

EventKey = tuple[str, str]
SHORT_DAYS = 4
"""A window of a few days: a stated day, or a day up to the publication date."""
NARROW_DAYS = 31
"""A window up to a month long counts as a stated date; a wider one only bounds it."""
STRONG = 0.7
"""Links scoring at least this join timeline entries; weaker ones only attach an event."""
VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
"""Roots whose source and target are often swapped between the two sides' accounts."""
NO_COMMENT = frozenset({"011"})
"""CAMEO's "decline comment": "did not comment" is worded with a negation but denies nothing."""
DENIALS = frozenset({"016", "120"})
"""CAMEO codes that deny by themselves: deny responsibility, reject (an accusation)."""
_NEGATORS = frozenset(
    [
        "no",
        "not",
        "never",
        "nothing",
        "deny",
        "denies",
        "denied",
        "denial",
        "reject",
        "rejects",
        "rejected",
        "refute",
        "refutes",
        "refuted",
        "dismiss",
        "dismisses",
        "dismissed",
        "false",
        "baseless",
        "unfounded",
    ]
)
"""Words that make a statement a denial (a closed grammatical set, not a dictionary)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventView:
    """What fusion needs to know about a stored event."""

    document_id: str
    event_id: str
    cameo: str
    quad_class: int | None
    source: str | None
    target: str | None
    date_start: str | None
    date_end: str | None
    location: str | None
    modality: str
    reported_by: str | None
    evidence: str

    @property
    def key(self) -> EventKey:
        """The event's key across the store: (document id, event id)."""
        return (self.document_id, self.event_id)

    @property
    def root(self) -> str:
        """The CAMEO root: the first two digits of the code."""
        return self.cameo[:2]


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A decision that two events describe the same happening, and why."""

    score: float
    reason: str


def day_bounds(start: str | None, end: str | None = None) -> tuple[date, date] | None:
    """Return the first and last day an ISO date window of any precision covers.

    Args:
        start: ``2020-09-28``, ``1988-02``, ``1992``, ``1992/1994`` or ``2020-11-09TNI``.
        end: the end of an interval, or ``None``.

    Returns:
        ``(first day, last day)``, or ``None`` when ``start`` is not a date.
    """
    if not start:
        return None
    if "/" in start and end is None:
        start, end = start.split("/", 1)
    first, last = _first_day(start), _last_day(end or start)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def _parts(value: str) -> list[int] | None:
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        return None
    return [int(group) for group in match.groups() if group is not None]


def _first_day(value: str) -> date | None:
    parts = _parts(value)
    if not parts:
        return None
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _last_day(value: str) -> date | None:
    parts = _parts(value)
    if not parts:
        return None
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    try:
        day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
        return date(year, month, day)
    except ValueError:
        return None


def parties_compatible(a: EventView, b: EventView) -> bool:
    """Say whether the two events' parties could be the same happening's.

    A missing party is compatible with any. For violent roots the source and target
    form an unordered pair (each side blames the other): the parties one event names
    must all be among the other's;
    otherwise a known source must equal a known source, and the same for targets.
    """
    if a.root in VIOLENT_ROOTS and b.root in VIOLENT_ROOTS:
        pa, pb = {a.source, a.target} - {None}, {b.source, b.target} - {None}
        return pa <= pb or pb <= pa
    if a.source and b.source and a.source != b.source:
        return False
    return not (a.target and b.target and a.target != b.target)


def _opposite_sides(a: EventView, b: EventView) -> bool:
    """Say whether each event's source is the other's target (A hit B; B hit A)."""
    known = a.source and b.source and a.source != b.source
    return bool(known and a.source == b.target and b.source == a.target)


def stated(event: EventView) -> bool:
    """Say whether the event's date is one the text states, not a window it only bounds.

    A stated date has no end (``2020-09-27``, ``1988-02``); a window from an earlier
    date to the publication date only bounds the event, even when both are one day
    (every undated sentence of a same-day report gets that window).
    """
    return event.date_end is None and day_bounds(event.date_start) is not None


def places_of(event: EventView) -> frozenset[frozenset[str]]:
    """Return the places an event names (:func:`contactline._wording.places_named`)."""
    return places_named(event.location, event.evidence)


def places_agree(a: EventView, b: EventView) -> bool | None:
    """Say whether two events are in one place: ``None`` when either names none.

    They agree when a place of one has all its words in a place of the other
    ("Kharkiv" and "the northeastern Ukrainian city of Kharkiv"); a country does not
    conflict with the places inside it.
    """
    return _places_agree(places_of(a), places_of(b))


def same_happening(a: EventView, b: EventView) -> Link | None:
    """Decide whether two events describe the same happening.

    Rules, in order:
    1. Both need a date, the windows must overlap, and a denial (negated) is never the
       same happening as an assertion of it (that is a contested claim instead).
    2. The parties must be compatible (:func:`parties_compatible`) and known places
       must agree (:func:`places_agree`) unless the wording is very similar.
    3. Acts of each side against the other are two happenings unless one is a claim
       (each side blames the other for the same fighting) or the wording is similar.
    4. Same CAMEO root and the same stated date (:func:`stated`) up to a month long,
       or stated dates of unlike precision ("February 2022", "February 24, 2022") with
       similar wording: a strong link. Otherwise windows of unlike precision do not
       count, so that "fighting in September" does not chain every September clash.
    5. Same root and windows of a few days, or a wider window with similar wording
       (or the same place): a weak link, strong only when the wording is near identical,
       and weaker when the sides are swapped (so that a bounded report attaches to the
       account of the same act rather than to the other side's act).
    6. Different roots, in different reports: the same stated date at the same precision
       and similar wording, a weak link. (Within one report, differently coded events
       are different acts, even in one sentence: "declared martial law and mobilisation".)

    Returns:
        The link with its score (strong from :data:`STRONG` up) and reason, or ``None``.
    """
    pair = _pair_evidence(a, b)
    if pair is None:
        return None
    if a.root == b.root:
        return _stated_link(pair) or _bounded_link(pair)
    return _cross_root_link(pair)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Pair:
    """Two events that rules 1 to 3 of :func:`same_happening` leave possible, and what they share."""

    a: EventView
    b: EventView
    windows: tuple[tuple[date, date], tuple[date, date]]
    sim: float
    same_place: bool | None

    def within(self, days: int) -> bool:
        """Say whether both date windows are shorter than ``days``."""
        return all((w[1] - w[0]).days < days for w in self.windows)

    def stated(self) -> bool:
        """Say whether both dates are stated (:func:`stated`)."""
        return stated(self.a) and stated(self.b)

    def reasons(self) -> tuple[str, str, str]:
        """Return the reason's clauses on the dates, the parties and the wording."""
        a, b = self.a, self.b
        dates = f"dates {_show(a)} and {_show(b)} overlap"
        parties = f"parties {_dyad(a)} and {_dyad(b)} compatible"
        words = f"wording similarity {self.sim:.2f}" + ("; same place" if self.same_place else "")
        return dates, parties, words


def _pair_evidence(a: EventView, b: EventView) -> _Pair | None:
    """Apply rules 1 to 3 of :func:`same_happening` and gather what the pair shares.

    Args:
        a: one event.
        b: another event.

    Returns:
        The pair with its date windows, wording similarity and place agreement, or
        ``None`` when dates, negation, parties, places or sides rule it out.
    """
    wa, wb = day_bounds(a.date_start, a.date_end), day_bounds(b.date_start, b.date_end)
    if a.key == b.key or wa is None or wb is None:
        return None
    if wa[0] > wb[1] or wb[0] > wa[1] or (a.modality == "negated") != (b.modality == "negated"):
        return None
    if not parties_compatible(a, b):
        return None
    sim = wording_similarity(a.evidence, b.evidence)
    same_place = places_agree(a, b)
    if same_place is False and sim < 0.5:
        return None
    if _opposite_sides(a, b) and "claimed" not in (a.modality, b.modality) and sim < 0.3:
        return None
    return _Pair(a=a, b=b, windows=(wa, wb), sim=sim, same_place=same_place)


def _stated_link(pair: _Pair) -> Link | None:
    """Apply rule 4 of :func:`same_happening` to a pair of the same root: a strong link.

    Args:
        pair: two events of one CAMEO root.

    Returns:
        The strong link when both dates are stated, up to a month long, and the same
        (or of unlike precision, with similar wording); else ``None``.
    """
    narrow = pair.within(NARROW_DAYS)
    precise = narrow and pair.windows[0] == pair.windows[1] and pair.stated()
    nested = narrow and pair.stated() and pair.sim >= 0.35
    if not (precise or nested):
        return None
    dates, parties, words = pair.reasons()
    return Link(
        score=round(STRONG + 0.3 * pair.sim, 3),
        reason=f"same CAMEO root {pair.a.root}; stated {dates}; {parties}; {words}",
    )


def _bounded_link(pair: _Pair) -> Link | None:
    """Apply rule 5 of :func:`same_happening` to a pair of the same root: a weak link.

    Args:
        pair: two events of one CAMEO root that :func:`_stated_link` does not link.

    Returns:
        The link, scored by wording and lowered when the sides are swapped, when the
        windows are a few days long or the wording or place agrees; else ``None``.
    """
    sim, same_place = pair.sim, pair.same_place
    placed = bool(same_place) and sim >= 0.2
    short = pair.within(SHORT_DAYS)
    if not (sim >= 0.35 or placed or (short and (same_place or sim >= 0.2))):
        return None
    swapped = _opposite_sides(pair.a, pair.b)
    dates, parties, words = pair.reasons()
    return Link(
        score=round(0.4 + 0.45 * sim - (0.1 if swapped else 0.0), 3),
        reason=(
            f"same CAMEO root {pair.a.root}; {dates} (bounded window); {parties}"
            + ("; sides swapped" if swapped else "")
            + f"; {words}"
        ),
    )


def _cross_root_link(pair: _Pair) -> Link | None:
    """Apply rule 6 of :func:`same_happening` to a pair of different roots: a weak link.

    Args:
        pair: two events of different CAMEO roots.

    Returns:
        The link when they are in different reports, with the same stated date at the
        same precision and similar wording; else ``None``.
    """
    a, b = pair.a, pair.b
    narrow = pair.within(NARROW_DAYS)
    same_stated = narrow and pair.windows[0] == pair.windows[1] and a.date_start == b.date_start
    if a.document_id == b.document_id or not same_stated or pair.sim < 0.25:
        return None
    _, parties, words = pair.reasons()
    return Link(
        score=round(0.3 + 0.3 * pair.sim, 3),
        reason=(
            f"CAMEO roots {a.root} and {b.root}; same stated date {a.date_start}; "
            f"{parties}; {words}"
        ),
    )


def contest(a: EventView, b: EventView) -> tuple[str, str] | None:
    """Decide whether two events are claims that contradict each other.

    * ``opposing``: both are claims (``modality == "claimed"``) of the same root with
      overlapping dates (or, in one document, a missing date), made by different parties
      who blame different parties (two sides saying the same act happened corroborate,
      not contest), one of them about the other's reporter (the two sides of one
      dispute, not claims from two conflicts), in one document or dated to the month.
    * ``denial``: one denies the other (:func:`_denies`), and the party that denies
      (the denying event's source or reporter) is the one the claim is about;
      their dates overlap (when both are dated), and they are in the same document,
      or their dates are stated to the month or finer, or their roots are the same.

    Returns:
        ``(kind, reason)`` or ``None``.
    """
    if a.key == b.key:
        return None
    wa, wb = day_bounds(a.date_start, a.date_end), day_bounds(b.date_start, b.date_end)
    undated = wa is None or wb is None
    overlap = (undated and a.document_id == b.document_id) or not (
        undated or wa[0] > wb[1] or wb[0] > wa[1]  # type: ignore[index]
    )
    both_claims = a.modality == b.modality == "claimed" and a.root == b.root and overlap
    reporters = a.reported_by and b.reported_by and a.reported_by != b.reported_by
    blame_differs = _differ(a.source, b.source) or _differ(a.target, b.target)
    answers = a.reported_by in (b.source, b.target) or b.reported_by in (a.source, a.target)
    if both_claims and reporters and blame_differs and answers and _near(a, b):
        return (
            "opposing",
            f"claims of CAMEO root {a.root} by {a.reported_by} and by {b.reported_by}",
        )
    for denial, claim in ((a, b), (b, a)):
        if not _denies(denial, claim):
            continue
        deniers = {denial.source, denial.reported_by} - {None}
        accused = _accused(claim)
        dated = wa is not None and wb is not None and overlap
        narrow = dated and all((w[1] - w[0]).days < NARROW_DAYS for w in (wa, wb))  # type: ignore[index]
        same_report = denial.document_id == claim.document_id and overlap
        near = same_report or (dated and (denial.root == claim.root or narrow))
        if deniers & accused and near:
            who = min(p for p in deniers & accused if p)
            said = f" (claimed by {claim.reported_by})" if claim.reported_by else ""
            return ("denial", f"{who} denies an act ascribed to it{said}")
    return None


ACCUSATIONS = frozenset({"111", "112"})
"""CAMEO codes that are claims about their target: criticise or denounce, accuse."""


def _accused(claim: EventView) -> set[str]:
    """Return the party a claim is about: an accusation's target, else the act's source."""
    if claim.cameo in ACCUSATIONS:
        return {claim.target} - {None, claim.source}  # type: ignore[return-value]
    return {claim.source} - {None, claim.reported_by}  # type: ignore[return-value]


def _near(a: EventView, b: EventView) -> bool:
    """Say whether two events are in one document or both dated to a month or finer."""
    if a.document_id == b.document_id:
        return True
    windows = [day_bounds(e.date_start, e.date_end) for e in (a, b)]
    return all(w is not None and (w[1] - w[0]).days < NARROW_DAYS for w in windows)


def _differ(x: str | None, y: str | None) -> bool:
    return bool(x and y and x != y)


def _denies(denial: EventView, claim: EventView) -> bool:
    """Say whether ``denial`` can deny ``claim``, leaving aside who and when.

    A negated act denies a claimed act, or an asserted act of its own root or an
    accusation ("did not strike civilians" does not deny "did not comment"); a denial
    of responsibility or a rejection (CAMEO 016, 120), or a public statement (root 01)
    worded with a negation, denies a claim. An accusation ("Kyiv accused Moscow of waging a campaign
    of terror", CAMEO 112) is a claim about the accused, whatever its modality.
    """
    if claim.modality == "negated" or claim.cameo in DENIALS:
        return False  # a denial is not itself the claim denied
    if denial.modality == "negated":
        return claim.modality == "claimed" or (
            claim.modality == "asserted"
            and (claim.root == denial.root or claim.cameo in ACCUSATIONS)
        )
    if claim.modality != "claimed" and claim.cameo not in ACCUSATIONS:
        return False
    if denial.cameo in DENIALS:
        return True
    words = set(re.findall(r"[a-z']+", denial.evidence.lower().replace("\u2019", "'")))
    negated = bool(_NEGATORS & words or any(w.endswith("n't") for w in words))
    return denial.root == "01" and denial.cameo not in NO_COMMENT and negated


def _show(event: EventView) -> str:
    return (
        event.date_start + (f"/{event.date_end}" if event.date_end else "")
        if event.date_start
        else "?"
    )


def _dyad(event: EventView) -> str:
    return f"{event.source or '?'}->{event.target or '?'}"
