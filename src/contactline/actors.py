"""Actors: resolve every mention of a party in a document.

Resolution runs in steps, each with its own rule name in ``Mention.rule``:

1. Every known name is matched against the tokens, longest first and without regard to
   the NER label ("Yerevan" tagged PERSON is still the capital of Armenia): state names,
   adjectives and demonyms (``adjective:Azerbaijani->AZE``), capitals and seats standing
   for governments (``capital:Yerevan->ARM``), organisations and their bodies
   (``body:CSTO Secretariat->CSTO``), institutions (``institution:Kremlin->RUS``).
   Ambiguous names take the reading their context cues select (``Washington`` the state).
2. Persons are found and given a party from the text, else from the office-holder
   dictionary (see :mod:`contactline._persons`); a person still without one takes the
   party of the title phrase it is apposed to ("its commander, X", once references
   are resolved: ``person:ner+apposed:...``).
3. Sector words join the party they modify: "The Azerbaijani Defense Ministry" is AZE/MIL
   (``sector:defense ministry->MIL+adjective:Azerbaijani->AZE``), "The authorities of the
   Nagorno-Karabakh Republic" is NKR/GOV; an unattached one ("civilians") keeps its
   sector with no party.
4. References ("he", "the official", "the organization", "the republic's forces") take
   the party of their antecedent (see :mod:`contactline._coref`).

Compound actors need nothing special: "Yerevan and Baku" are two mentions;
:func:`mentions_for` returns the mention of a head and of its conjuncts. The lookup
from a phrase's head to its mention (:func:`mention_for`, :func:`mentions_for`) lives in
:mod:`contactline._mention_lookup` and is re-exported here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from typing import TypeGuard

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from contactline._actor_base import ActorBase, NameEntry, SectorWord, load_actor_base
from contactline._actor_draft import DETERMINERS, Draft, Scan, is_subject, scan_document, to_mention
from contactline._coref import resolve_references
from contactline._mention_lookup import mention_for, mentions_for
from contactline._persons import attribute_persons, find_persons, holder_for_office
from contactline.records import Actor, Mention

__all__ = [
    "ActorBase",
    "group_actors",
    "load_actor_base",
    "mention_for",
    "mentions_for",
    "resolve_mentions",
]

_PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "to",
        "into",
        "from",
        "around",
        "outside",
        "inside",
        "via",
        "toward",
        "towards",
        "across",
        "through",
        "within",
        "throughout",
        "over",
    }
)
#: prepositions after which a state is where events happen, not a party to them
_LOCATION_PREPS = frozenset({"in", "inside", "across", "throughout", "within"})
_POSSESSIVE = frozenset({"'s", "'"})
_MODIFIER_POS = frozenset({"ADJ", "NUM"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
#: references that may carry modifiers after their determiner ("the 27-nation bloc")
_MODIFIABLE = frozenset({"organ", "organization", "court", "states", "sides"})
#: words that count the parties a reference to sides means ("the two sides")
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
#: words that pick one of a group ("one of its commanders")
_PARTITIVES = frozenset({"one", "two", "three", "some", "another"})


def resolve_mentions(doc: Doc, base: ActorBase, *, published: date | None) -> list[Mention]:
    """Resolve every mention of an actor in ``doc`` to a party.

    Args:
        doc: the parsed document (offsets are offsets into ``Document.text``).
        base: the loaded actor base.
        published: the publication date; it picks office holders.

    Returns:
        The mentions in reading order, each with the rule that decided its party.
    """
    scan = scan_document(doc, base)
    persons = find_persons(scan, base)
    consumed = attribute_persons(scan, base, persons, published=published)
    sentences = _sentence_numbers(doc)
    names = _name_drafts(scan)
    composites, absorbed = _sector_drafts(scan, base, names, consumed, published)
    covered = {i for d in [*persons, *composites] for i in range(d.start, d.end)}
    covered.update(i for d in names.values() for i in range(d.start, d.end))
    drafts = [*persons, *composites, *_anaphor_drafts(scan, base, covered)]
    drafts += [d for key, d in names.items() if key not in absorbed]
    state_heads = {d.end - 1 for d in drafts if d.kind == "state"}
    # parties that can be listed together: "the army and the RSF" ("the two sides")
    party_heads = state_heads | {
        d.end - 1
        for d in drafts
        if d.kind == "group" or (d.anaphor and d.anaphor.refers_to == "organ")
    }
    for draft in drafts:
        draft.sentence = sentences[draft.start]
        # "Qatar, Egypt and the United States": a state coordinated with other states
        head = doc[draft.end - 1]
        conjuncts = head.conjuncts
        draft.coordinated = any(t.i in state_heads for t in conjuncts)
        draft.listed = any(t.i in party_heads for t in conjuncts)
        draft.place = draft.kind == "state" and _named_as_location(head)
        draft.main = _main_clause_subject(head)
        if draft.kind != "person":
            draft.subject = is_subject(doc, draft.start, draft.end)
        _speak_for_region(draft, base)
    text = scan.text()
    sizes = {h: 1 + len(doc[h].conjuncts) for h in party_heads}
    speakers = {
        d.start: _speakers(doc[d.end - 1]) | _other_sizes(doc[d.start : d.end], sizes)
        for d in drafts
        if d.anaphor is not None and d.anaphor.refers_to == "sides"
    }
    resolved = resolve_references(base, drafts, speakers)
    _party_from_apposition(scan, resolved)
    return [to_mention(doc, text, d) for d in resolved]


def _party_from_apposition(scan: Scan, drafts: Sequence[Draft]) -> None:
    """Give a person without party the party of the title phrase it is apposed to.

    "Hamas said its commander, Rafa Salama, was killed", "one of its commanders, X"
    (a title that resolved to a party through its reference or its name), "X, a
    commander of the group" (the party of the "of" phrase of an office or body word,
    not of any noun: "X, a resident of Y" is no party's): the person acts for that
    party.
    """
    doc = scan.doc
    titled: dict[int, Draft] = {}
    named: dict[int, Draft] = {}
    for draft in drafts:
        if draft.kind != "person" and draft.party is not None:
            for i in range(draft.start, draft.end):
                named[i] = draft
                if draft.sector is not None:
                    titled[i] = draft
    for draft in drafts:
        if draft.kind != "person" or draft.party is not None:
            continue
        title, owner = _apposed_title(doc[draft.end - 1])
        if title is None:
            continue
        found = titled.get(title.i)
        if found is None and owner is not None and scan.sector_at(title.i) is not None:
            found = named.get(owner.i)
        if found is None or draft.start <= found.start < draft.end:
            continue
        draft.party, draft.country = found.party, found.country
        draft.sector = draft.sector or found.sector
        draft.rule = f"{draft.rule}+apposed:{found.rule}"
    for draft in drafts:  # "Shevchenko" after "one of its commanders, Sergei Shevchenko"
        earlier = draft.antecedent
        if draft.kind == "person" and draft.party is None and _person_with_party(earlier):
            draft.party, draft.country = earlier.party, earlier.country


def _person_with_party(draft: Draft | None) -> TypeGuard[Draft]:
    return draft is not None and draft.kind == "person" and draft.party is not None


def _apposed_title(head: Token) -> tuple[Token | None, Token | None]:
    """Return the title a name is apposed to and the owner in its "of" phrase, if any.

    "its commander, X": (commander, None); "one of its commanders, X": (commanders,
    None); "X, a commander of the group": (commander, group).
    """
    title = head.head if head.dep_ == "appos" else None
    if title is None:
        title = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if title is not None and title.lower_ in _PARTITIVES:
        title = next(_of_objects(title), None)
    if title is None or title.pos_ not in _NOUN_POS:
        return None, None
    return title, next(_of_objects(title), None)


def _of_objects(token: Token) -> Iterator[Token]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            yield from (o for o in child.children if o.dep_ == "pobj")


def _other_sizes(words: Span, sizes: dict[int, int]) -> frozenset[int]:
    """Return the heads of lists of another size than a counted reference says.

    "the two sides" and "both sides" mean a list of two: not "the US, France and
    Russia" named after "Armenia and Azerbaijan". An uncounted reference ("the warring
    parties") takes a list of any size.
    """
    count = next((_COUNTS[w.lower_] for w in words if w.lower_ in _COUNTS), None)
    if count is None:
        return frozenset()
    return frozenset(h for h, size in sizes.items() if size != count)


def _speakers(head: Token) -> frozenset[int]:
    """Return the tokens of the subjects, and their conjuncts, of the verbs above ``head``.

    In "Qatar and Egypt said the two sides had agreed" they are Qatar and Egypt: who
    says what a reference to sides is in is not among the sides.
    """
    found: set[int] = set()
    for verb in head.ancestors:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != head.i:
                found.update(t.i for t in [child, *child.conjuncts])
    return frozenset(found)


def _sentence_numbers(doc: Doc) -> list[int]:
    """Number the sentences of each token (all 0 for a Doc without sentence boundaries)."""
    numbers = [0] * len(doc)
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return numbers
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = number
    return numbers


def _name_drafts(scan: Scan) -> dict[tuple[int, int], Draft]:
    """Turn each name match into a draft (step 1)."""
    drafts: dict[tuple[int, int], Draft] = {}
    for start, end, entry in scan.names.values():
        if (start, end) in drafts:
            continue
        entity = entry.entity
        sector = entry.sector
        if entry.form in {"capital", "seat"} and _is_place(scan.doc, start, end):
            sector = None
        region = entity.kind == "region"
        drafts[(start, end)] = Draft(
            start,
            end,
            "name",
            rule=entry.rule,
            party=None if region else entity.party,
            kind=entity.kind,
            name=entity.name,
            sector=sector,
            role=entry.role,
            country=entity.country,
            code=entity.party,
        )
    return drafts


def _is_place(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a capital is used as a place ("in Yerevan", a dateline) not a government."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return True
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return True
    first = doc[start]
    return (
        bool(first.is_sent_start)
        and first.text.isupper()
        and end < len(doc)
        and doc[end].text == ","
    )


def _named_as_location(head: Token) -> bool:
    """Tell whether a state is named as where something happens ("curfews in Myanmar")."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATION_PREPS


def _main_clause_subject(head: Token) -> bool:
    """Tell whether ``head`` is the subject of a main clause, not of reported content."""
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = head.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _speak_for_region(draft: Draft, base: ActorBase) -> None:
    """Let a region that is the subject of a clause stand for its authorities ("Karabakh said")."""
    if draft.kind != "region" or draft.origin != "name" or not draft.subject:
        return
    entity = base.entity(draft.code)
    speaker = base.entity(entity.acts_as) if entity and entity.acts_as else None
    if speaker is not None:
        draft.party, draft.kind, draft.sector = speaker.party, speaker.kind, speaker.sector
        draft.country = speaker.country
        draft.rule = f"{draft.rule}+acts-as:{speaker.party}"


def _sector_drafts(
    scan: Scan,
    base: ActorBase,
    names: dict[tuple[int, int], Draft],
    consumed: set[int],
    published: date | None,
) -> tuple[list[Draft], set[tuple[int, int]]]:
    """Join sector words to the party they modify (step 3)."""
    doc = scan.doc
    drafts: list[Draft] = []
    absorbed: set[tuple[int, int]] = set()
    seen: set[int] = set()
    for start, end, word in scan.sectors.values():
        if start in seen or any(i in consumed or i in scan.persons for i in range(start, end)):
            continue
        seen.add(start)
        if not _stands_alone(doc, start, end):
            continue
        source = _attached(scan, base, start, end)
        if source is None:
            if _bare_sector(doc, base, start, end, word):
                drafts.append(
                    Draft(
                        start,
                        end,
                        "sector",
                        rule=f"sector:{word.phrase}->{word.sector}",
                        sector=word.sector,
                    )
                )
            continue
        first, last = min(start, source.start), max(end, source.end)
        draft = Draft(
            first,
            last,
            "composite",
            rule=f"sector:{word.phrase}->{word.sector}",
            sector=word.sector,
            role=doc[start:end].text if word.type == "office" else None,
        )
        if source.anaphor is not None:
            draft.source = source
        else:
            # the name and any name between it and the word ("Karabakh Armenian")
            absorbed.update(key for key in names if first <= key[0] and key[1] <= last)
            _join(draft, names[(source.start, source.end)], base, published)
        drafts.append(draft)
    return drafts, absorbed


def _bare_sector(doc: Doc, base: ActorBase, start: int, end: int, word: SectorWord) -> bool:
    """Tell whether a sector word without a party is still a mention ("civilians").

    Titles ("the president") are references, not bare mentions, and an indefinite
    phrase ("a mission") names no one in particular.
    """
    if word.type != "body" or word.sector is None or _is_reference(doc, base, start, end):
        return False
    first = doc[start]
    determiner = next((c for c in doc[end - 1].children if c.dep_ == "det"), None)
    return not (
        determiner is not None and determiner.lower_ in {"a", "an"}
    ) and first.lower_ not in {"a", "an"}


def _join(draft: Draft, name: Draft, base: ActorBase, published: date | None) -> None:
    """Give a composite the party of its name, or the person holding the office named."""
    entity = base.entity(name.code)
    speaker = base.entity(entity.acts_as) if entity and entity.acts_as else None
    target = speaker or entity
    draft.rule = f"{draft.rule}+{name.rule}"
    if target is not None and target.kind == "region" and speaker is None:
        # A body of a region that no entity speaks for belongs to the region's state:
        # "the Gaza Health Ministry" (PSE), "the Darfur authorities" (SDN).
        target = base.entity(target.country) if target.country else None
    if target is None:
        draft.kind, draft.name, draft.country = name.kind, name.name, name.country
        return
    draft.party, draft.kind, draft.name, draft.country = (
        target.party,
        target.kind,
        target.name,
        target.country,
    )
    if draft.sector is None:
        draft.sector = target.sector or name.sector
    if draft.role and target.kind == "state":
        holder = holder_for_office(base, target.party, draft.role, published)
        if holder is not None:
            draft.kind, draft.name, draft.country = "person", holder.name, holder.country
            draft.rule = f"{draft.rule}+{holder.rule}"


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Tell whether a sector word heads a noun phrase ("the Armenian military", not "military actions")."""
    head = doc[end - 1]
    if head.pos_ not in _NOUN_POS:
        return False
    return not (
        head.dep_ in {"amod", "compound"} and head.head.i >= end and head.head.pos_ in _NOUN_POS
    )


def _attached(scan: Scan, base: ActorBase, start: int, end: int) -> Draft | None:
    """Find the name a sector word belongs to: before it or in an 'of' phrase after it."""
    doc = scan.doc
    k = start - 1
    hops = 0
    while (
        k >= 0
        and hops < 3
        and (scan.folded[k] in _POSSESSIVE or (doc[k].pos_ in _MODIFIER_POS and doc[k].is_lower))
    ):
        k -= 1
        hops += 1
    if k >= 0:
        match = scan.name_at(k)
        if match is not None:
            match = _governed_community(scan, base, match)
            return Draft(match[0], match[1], "name", rule=match[2].rule, code=match[2].entity.party)
        anaphor = _reference_at(doc, base, k) or _organ_modifier(doc, base, k, end)
        if anaphor is not None:
            return anaphor
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        k = end + 1
        while k < len(doc) and doc[k].lower_ == "the":
            k += 1
        match = scan.name_at(k) if k < len(doc) else None
        if match is not None:
            return Draft(match[0], match[1], "name", rule=match[2].rule, code=match[2].entity.party)
    return None


def _governed_community(
    scan: Scan, base: ActorBase, match: tuple[int, int, NameEntry]
) -> tuple[int, int, NameEntry]:
    """Prefer a region with its own authorities to the people named after it.

    In "the Karabakh Armenian authorities" the adjective names the community and the
    region the polity: the body is the region's (NKR), as "the Karabakh authorities" is.
    Only a state adjective right after a region some entity speaks for gives way.
    """
    before = scan.name_at(match[0] - 1) if match[0] > 0 else None
    if before is None or match[2].form != "adjective" or match[2].entity.kind != "state":
        return match
    region = before[2].entity
    if region.kind != "region" or base.entity(region.acts_as) is None:
        return match
    return before


def _reference_at(doc: Doc, base: ActorBase, i: int) -> Draft | None:
    """Return a reference draft if token ``i`` is "the republic", "the organization", "he"..."""
    token = doc[i]
    anaphor = base.anaphors.get(token.lower_)
    if anaphor is None:
        return None
    if not anaphor.needs_det:
        if token.pos_ != "PRON":
            return None
        if anaphor.refers_to == "subject" and (
            token.dep_ not in {"nsubj", "nsubjpass"} or token.head.lemma_ == "be"
        ):
            return None  # "it" as an object or in "it is clear that" refers to no party
        return Draft(i, i + 1, "anaphor", rule="", anaphor=anaphor)
    det = i - 1
    if det > 0 and doc[det].pos_ == "NUM":  # "the three countries", "the two sides"
        det -= 1
    if anaphor.refers_to in _MODIFIABLE:
        # "the federal army", "the military government", "the 27-nation bloc"
        while det > token.left_edge.i and (
            doc[det].is_lower or doc[det].like_num or doc[det].is_punct
        ):
            det -= 1
    determiners = DETERMINERS | (
        {"both", "all"} if anaphor.refers_to in {"states", "sides"} else set()
    )
    if det < 0 or doc[det].lower_ not in determiners or token.pos_ not in _NOUN_POS:
        return None
    if token.dep_ in {"compound", "amod"} and token.head.i > i:
        return None
    if i + 1 < len(doc) and (doc[i + 1].lower_ == "of" or doc[i + 1].pos_ == "PROPN"):
        return None
    return Draft(det, i + 1, "anaphor", rule="", anaphor=anaphor)


def _organ_modifier(doc: Doc, base: ActorBase, i: int, end: int) -> Draft | None:
    """Return a reference draft for a state organ modifying a sector word ("government troops")."""
    token = doc[i]
    anaphor = base.anaphors.get(token.lower_)
    if anaphor is None or anaphor.refers_to != "organ" or token.pos_ != "NOUN":
        return None
    if token.dep_ not in {"compound", "nmod"} or token.head.i != end - 1:
        return None
    return Draft(i, i + 1, "anaphor", rule="", anaphor=anaphor)


def _is_reference(doc: Doc, base: ActorBase, start: int, end: int) -> bool:
    return end - start == 1 and _reference_at(doc, base, start) is not None


def _anaphor_drafts(scan: Scan, base: ActorBase, covered: set[int]) -> list[Draft]:
    """Find references not already part of another mention (step 4)."""
    drafts: list[Draft] = []
    doc = scan.doc
    anaphors = {get_string_id(word) for word in base.anaphors}
    for i, lower in enumerate(doc.to_array("LOWER").tolist()):
        if lower not in anaphors or i in covered:
            continue  # decided from the array, without a Token
        token = doc[i]
        if token.lower_ not in base.anaphors:
            continue
        draft = _reference_at(scan.doc, base, token.i)
        if draft is None or draft.anaphor is None or draft.anaphor.refers_to == "party":
            continue
        if not any(i in covered for i in range(draft.start, draft.end)):
            sector = scan.sector_at(token.i)
            draft.sector = sector[2].sector if sector else None
            drafts.append(draft)
    return drafts


def group_actors(mentions: Sequence[Mention]) -> list[Actor]:
    """Group mentions into the actors of the document, in order of first mention.

    Persons are grouped by name, everything else by party; regions without a party by
    name. Mentions that resolved to nothing (a bare "civilians") form no actor.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        if mention.kind == "person" and mention.name:
            key = ("person", mention.name)
        elif mention.party:
            key = ("party", mention.party)
        elif mention.kind == "region" and mention.name:
            key = ("region", mention.name)
        else:
            continue
        groups.setdefault(key, []).append(mention)
    actors: list[Actor] = []
    for (category, _), members in groups.items():
        names = Counter(m.name for m in members if m.name and m.kind != "person")
        if category == "person":
            name = members[0].name or members[0].text
        else:
            name = names.most_common(1)[0][0] if names else members[0].text
        kinds = Counter(
            m.kind for m in members if m.kind and (category == "person" or m.kind != "person")
        )
        actors.append(
            Actor(
                party=members[0].party if category != "region" else None,
                name=name,
                kind=kinds.most_common(1)[0][0] if kinds else None,
                country=next((m.country for m in members if m.country), None),
                role=next((m.role for m in members if m.role), None)
                if category == "person"
                else None,
                mentions=tuple(members),
            )
        )
    return actors
