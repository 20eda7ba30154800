"""Rule-based within-document coreference for actor mentions.

One pass in reading order keeps, for each kind of antecedent, what was last in focus:
the last state ("the republic", "the country"), the last organisation ("the
organization", "the Organization", "the alliance"), the last news agency ("the agency"),
the last armed group ("the group"), the last state named in a coordination ("the
three countries": "Qatar, Egypt and the United States"), the last party that was the
subject of a clause ("its forces", "their military"), the last party that was the
subject of a main clause ("it"/"they" as a subject within the next sentence: "the group
said its forces ... and it accused the army") and the persons mentioned so far. A pronoun ("he",
"his") takes the last person who was the subject of a clause, else the last person; a
description ("the official") takes the last person; a title ("the minister") the last
person whose role has that word. A bare state organ ("the junta", "the army") takes
the state in focus from an earlier sentence, else the state of the first armed group or
region of its own sentence ("talks between the military and the MNDAA"), and stays a
bare sector word when there is none; "the court" takes the last court named. Any other
reference with no antecedent in reach is dropped: no guess is better than a wrong party.

A person introduced by a title that names no party acts for the person the title serves
("X, national security adviser to Prime Minister Abiy Ahmed"), else ("Army spokesman
Nabil Abdallah", "regional Gov. Oleh Syniehubov") for the party last in focus with that title's
sector within a few sentences ("Sudan's army" for an army spokesman), else for the
state last in focus; later mentions of the same person follow the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from contactline._actor_base import ActorBase
from contactline._actor_draft import Draft
from contactline._phrase_index import fold

_PERSON_REACH = 6
_TITLE_REACH = 10
_PARTY_REACH = 1
_CONTEXT_REACH = 3


@dataclass(slots=True)
class _Focus:
    """What each kind of reference would point to at the current position."""

    base: ActorBase
    last: dict[str, Draft] = field(default_factory=dict)
    loci: dict[int, Draft] = field(default_factory=dict)
    persons: list[Draft] = field(default_factory=list)
    sectors: dict[str, Draft] = field(default_factory=dict)
    lists: list[Draft] = field(default_factory=list)
    speakers: Mapping[int, frozenset[int]] = field(default_factory=dict)

    def update(self, draft: Draft) -> None:
        """Record ``draft`` as the latest antecedent of its kind."""
        if draft.subject and draft.party is not None and draft.anaphor is None:
            self.last["party"] = draft
            if draft.main:
                self.last["subject"] = draft
        if draft.party is not None and draft.sector and not draft.rule.startswith("adjective:"):
            self.sectors[draft.sector] = draft
        if draft.kind == "person":
            if draft.name is not None:
                self.persons.append(draft)
            entity = self.base.entity(draft.party)
            if entity is not None and entity.kind == "organization" and entity.sector != "MED":
                self.last["organization"] = draft
            return
        if _locus_of(draft) is not None:
            self.last["locus"] = draft
        if draft.party is None:
            return
        if draft.kind == "organization" and draft.sector == "JUD":
            self.last["court"] = draft
        if draft.kind == "organization":
            self.last["agency" if draft.sector == "MED" else "organization"] = draft
        elif draft.kind in {"state", "group"} and not draft.rule.startswith("adjective:"):
            # "Russian-made drones" does not put Russia in focus; "Russia" and
            # "the Russian military" do.
            self.last[draft.kind] = draft
            if draft.listed:
                # "Israel and Hamas" ... "the two sides"
                self.lists.append(draft)
            if draft.kind == "state" and draft.coordinated:
                # "Qatar, Egypt and the United States" ... "the three countries"
                self.last["states"] = draft

    def find(self, draft: Draft) -> Draft | None:
        """Return the antecedent of the reference ``draft``, or ``None``."""
        assert draft.anaphor is not None
        target = draft.anaphor.refers_to
        if target == "person":
            return self._person(draft)
        if target == "title":
            return self._titled(draft)
        if target == "organ":
            return self._organ(draft)
        if target == "sides":
            return self._sides(draft)
        if target in {"party", "subject"}:
            last = self.last.get(target)
            near = last is not None and draft.sentence - last.sentence <= _PARTY_REACH
            return last if near else None
        return self.last.get(target)

    def context(self, draft: Draft) -> Draft | None:
        """Return the party a person with a bare title acts for, or ``None``."""
        candidates = []
        if draft.sector is not None:
            candidates.append(self.sectors.get(draft.sector))
        candidates.append(self.last.get("state"))
        for found in candidates:
            if found is not None and draft.sentence - found.sentence <= _CONTEXT_REACH:
                return found
        return None

    def _sides(self, draft: Draft) -> Draft | None:
        """Return the last party listed with others before "the two sides", not by its speakers.

        "Qatar and Egypt said the two sides had agreed" speaks of someone else's sides:
        the parties that say what the reference is in are never the sides it means
        ("Israel and Hamas fought. Qatar and Egypt said the two sides ...": Hamas, whose
        list :func:`contactline.actors.mentions_for` expands to Israel and Hamas); nor is
        a list of another size than a counted reference says (see ``speakers`` of
        :func:`resolve_references`).
        """
        speakers = self.speakers.get(draft.start, frozenset())
        for listed in reversed(self.lists):
            if listed.end - 1 not in speakers:
                return listed
        return None

    def _organ(self, draft: Draft) -> Draft | None:
        """Return what a bare state organ ("the junta", "the army") belongs to.

        The state in focus from an earlier sentence comes first ("Myanmar's military
        ... The junta"); within the sentence an armed group or a region, even one named
        later, places the organ ("the military and the MNDAA", "the government declared
        a ceasefire in Tigray") before a state named earlier in it ("China said it
        brokered talks between the military and the MNDAA"); a state named only later
        in the sentence never does ("the army refused US-led talks").
        """
        state = self.last.get("state")
        if state is not None and draft.sentence - state.sentence > _CONTEXT_REACH:
            state = None
        here = self.loci.get(draft.sentence)
        if state is not None and (state.sentence < draft.sentence or here is None):
            return state
        if here is not None:
            return here
        locus = self.last.get("locus")
        if locus is not None and draft.sentence - locus.sentence <= _CONTEXT_REACH:
            return locus
        return None

    def _person(self, draft: Draft) -> Draft | None:
        near = [p for p in self.persons if draft.sentence - p.sentence <= _PERSON_REACH]
        if draft.anaphor is not None and draft.anaphor.needs_det:
            return near[-1] if near else None
        subjects = [p for p in near if p.subject]
        if subjects:
            return subjects[-1]
        return near[-1] if near else None

    def _titled(self, draft: Draft) -> Draft | None:
        assert draft.anaphor is not None
        word = draft.anaphor.word
        titled = [
            p
            for p in self.persons
            if draft.sentence - p.sentence <= _TITLE_REACH
            and p.role
            and word in fold(p.role).replace("-", " ").split() + [fold(p.role)]
        ]
        subjects = [p for p in titled if p.subject]
        chosen = subjects or titled
        return chosen[-1] if chosen else None


def _locus_of(draft: Draft) -> str | None:
    """Return the state an armed group, a region or a location places events in.

    "the RSF": SDN; "in Tigray": ETH; "in Myanmar": MMR.
    """
    if draft.anaphor is not None:
        return None
    if draft.kind in {"group", "region"}:
        return draft.country
    return draft.party if draft.kind == "state" and draft.place else None


def _copy_organ(base: ActorBase, draft: Draft, target: Draft, word: str) -> bool:
    """Give a bare state organ the state of its antecedent; ``False`` when it has none."""
    code = target.party if target.kind == "state" else _locus_of(target)
    state = base.entity(code)
    if state is None or state.kind != "state":
        return False
    draft.party, draft.kind, draft.name, draft.country = state.party, "state", state.name, None
    draft.antecedent = target
    draft.rule = f"coref:{word}->{state.party}"
    return True


def _copy_body(base: ActorBase, draft: Draft, target: Draft, word: str) -> bool:
    """Fill "the junta" or "the court" from its antecedent; ``False`` when it gives no party."""
    if draft.anaphor is not None and draft.anaphor.refers_to == "organ":
        return _copy_organ(base, draft, target, word)
    _copy_from(base, draft, target, word)
    return draft.party is not None


def _copy_from(base: ActorBase, draft: Draft, target: Draft, word: str) -> None:
    """Fill a reference from its antecedent; a person's organisation for "the organization"."""
    draft.party = target.party
    draft.kind = target.kind
    draft.name = target.name
    draft.country = target.country
    draft.sector = draft.sector or target.sector
    entity = base.entity(target.party)
    if (
        target.kind == "person"
        and draft.anaphor is not None
        and draft.anaphor.refers_to not in {"person", "title"}
    ):
        if entity is not None:
            draft.kind, draft.name, draft.country, draft.sector = (
                entity.kind,
                entity.name,
                entity.country,
                entity.sector,
            )
    elif target.kind == "person":
        draft.role = target.role
        draft.sector = target.sector
    draft.antecedent = target
    draft.rule = f"coref:{word}->{target.name or target.party}"


def resolve_references(
    base: ActorBase,
    drafts: Sequence[Draft],
    speakers: Mapping[int, frozenset[int]] | None = None,
) -> list[Draft]:
    """Resolve references in reading order and drop those without antecedent.

    Args:
        base: the actor base (to tell organisations from states for persons' parties).
        drafts: every draft of the document, in any order.
        speakers: for a reference to sides (by its first token), the tokens no list it
            means ends at: the parties that say what it is in ("Qatar and Egypt said the
            two sides ..."), and for a counted one ("the two sides") the heads of lists
            of another size.

    Returns:
        The drafts in reading order, references filled in from their antecedents.
    """
    focus = _Focus(base, speakers=speakers or {})
    for draft in sorted(drafts, key=lambda d: -d.start):
        if _locus_of(draft) is not None:
            focus.loci[draft.sentence] = draft  # the first group or region of each sentence
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: (d.start, -d.end)):
        if draft.anaphor is not None and draft.anaphor.refers_to in {"organ", "court"}:
            target = focus.find(draft)
            if target is None or not _copy_body(base, draft, target, draft.anaphor.word):
                # nothing in focus: a bare sector word, as if it were no reference
                draft.rule = f"sector:{draft.anaphor.word}->{draft.sector}"
                draft.start, draft.anaphor = draft.end - 1, None
        elif draft.anaphor is not None:
            target = focus.find(draft)
            if target is None:
                continue
            _copy_from(base, draft, target, draft.anaphor.word)
        elif draft.kind == "person" and draft.party is None:
            _person_from_context(draft, focus)
        elif draft.source is not None and draft.source.anaphor is not None:
            source, anaphor = draft.source, draft.source.anaphor
            target = focus.find(source)
            if anaphor.refers_to == "organ":  # "the army's air force"
                if target is not None and _copy_organ(base, source, target, anaphor.word):
                    _fill_from_source(base, draft, source)
                focus.update(draft)
                kept.append(draft)
                continue
            if target is None or target.party is None:
                continue
            _copy_from(base, source, target, anaphor.word)
            _fill_from_source(base, draft, source)
        focus.update(draft)
        kept.append(draft)
    return kept


def _person_from_context(draft: Draft, focus: _Focus) -> None:
    """Give a person whom only a bare title or an earlier mention introduced a party."""
    earlier = draft.antecedent
    if earlier is not None and earlier.kind == "person" and earlier.party is not None:
        draft.party, draft.country = earlier.party, earlier.country
        draft.role, draft.sector = draft.role or earlier.role, draft.sector or earlier.sector
        return
    if not draft.rule.startswith("title-only:"):
        return
    patron = draft.patron
    if patron is not None and patron.party is not None:
        draft.party, draft.country = patron.party, patron.country
        draft.rule = f"patron:{draft.role}->{patron.name or patron.party}"
        return
    found = focus.context(draft)
    if found is None:
        return
    draft.party = found.party
    draft.country = found.country or (found.party if found.kind == "state" else None)
    draft.rule = f"context:{draft.role}->{found.party}"


def _fill_from_source(base: ActorBase, draft: Draft, source: Draft) -> None:
    """Give a composite ("the republic's forces", "its troops") the party its reference resolved to."""
    entity = base.entity(source.party)
    draft.party = source.party
    draft.kind = entity.kind if entity is not None else source.kind
    draft.name = entity.name if entity is not None else source.name
    draft.country = entity.country if entity is not None else source.country
    draft.antecedent = source.antecedent
    draft.rule = f"{draft.rule}+{source.rule}"
