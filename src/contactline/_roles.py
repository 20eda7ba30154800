"""Who did it and to whom: sources, targets and places read off the dependency parse.

Parties come from the actor mentions (``contactline.actors.mention_for``); this module
decides which noun phrases to ask about: subjects and passive agents for the source,
objects and prepositional objects for the target, the members of "X and Y", the owner
behind a relational noun ("on the side of X", "for the sake of X's security"). A place
noun is a party only through its own words ("Armenian towns", "villages in Gaza"), never
through what lies beside it ("fired at settlements", "the border between X and Y"); a
named region stands for its country, the CAMEO convention ("struck Gaza": PSE).
Who performs a verb is read in ``_subjects``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline._event_lexicon import EventLexicon
from contactline._focus import as_party, in_focus
from contactline._gazetteer import load_gazetteer
from contactline._phrases import (
    antecedent,
    counted,
    is_location,
    is_pronoun,
    members,
    owner_conjuncts,
    struck_city,
)
from contactline._places import PlaceNamer
from contactline._subjects import PASSIVE_SUBJECTS, SUBJECTS, performers, topic_owner
from contactline.actors import mention_for
from contactline.records import Mention

__all__ = [
    "HELP_NOUNS",
    "OBJECTS",
    "TARGET_PREPS",
    "Party",
    "RoleReader",
    "is_pronoun",
]

_MISPARSED_OBJECT = "npadvmod"
OBJECTS = frozenset({"dobj", "dative", "iobj"})
TARGET_PREPS = (
    "between",
    "against",
    "on",
    "at",
    "to",
    "with",
    "toward",
    "towards",
    "into",
    "for",
    "from",
    "over",
    "upon",
    "of",
)
_TARGET_PLACE_PREPS = frozenset(
    {"in", "at", "on", "into", "inside", "across", "toward", "towards", "around"}
)
"""Prepositions whose place is where force lands ("struck sites in X"), unlike "near X"."""
_NEAR_PLACE_PREPS = frozenset({"near", "off", "outside"})
"""Prepositions of a place an act happens close to ("off the coast of X", "near X")."""
_RELATIVES = frozenset({"which", "who", "whom", "that"})
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing"})
"""Nouns of the help "with (the) help from X" says X gave: X helps, no target of the act."""
_TIES = frozenset(
    {
        "link",
        "tie",
        "belong",
        "affiliate",
        "own",
        "operate",
        "bind",
        "head",
        "connect",
        "lead",
        "hold",
        "detain",
    }
)
"""Participles that tie a thing to a party ("ships linked to X", "rebels led by X",
"hostages held by X")."""
_SHELTERING = frozenset({"shelter", "house", "host", "accommodate"})
"""Verbs of a place that holds people ("a school sheltering displaced X")."""
_HELD = frozenset({"hold", "control", "occupy", "run", "administer", "govern"})
"""Participles that make a place its holder's ("areas held by X", "X-controlled towns")."""
_SIDES = frozenset({"side", "party", "country", "nation", "neighbour", "neighbor", "rival"})
"""Nouns that, counted as "both" or "two", stand for the pair named before them."""
_ANY = frozenset({"either", "any", "each", "all"})
"""Determiners of a side that stands for every side of the conflict it is of."""
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_SHARED_PLACES = frozenset({"border", "borders", "frontier", "boundary"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    """A party-bearing noun phrase: the token that heads it and its mention."""

    token: Token
    mention: Mention

    @property
    def code(self) -> str:
        """Return the party code (``ARM``)."""
        return self.mention.party or ""


class RoleReader:
    """Reads parties off the parse of one document."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        lexicon: EventLexicon,
        *,
        published: date | None = None,
    ) -> None:
        self.doc = doc
        self.mentions = in_focus(
            doc,
            lexicon,
            sorted((as_party(m, lexicon, published) for m in mentions), key=lambda m: m.span.start),
        )
        self.lexicon = lexicon
        self._cache: dict[int, Party | None] = {}
        self._own: dict[int, Mention | None] = {}
        self._places = PlaceNamer(doc, lexicon)
        self._gazetteer = load_gazetteer()

    def party(self, token: Token) -> Party | None:
        """Return the party a noun phrase stands for, looking through relational nouns.

        A place noun ("settlements", "the border between X and Y") is never a party.
        """
        if token.lower_ in _RELATIVES:
            token = antecedent(token)  # "the UAE, which it accuses of ...": the UAE
        if token.i in self._cache:
            return self._cache[token.i]
        found: Party | None = None
        lemma = token.lemma_.lower()
        quantity_of = counted(token)
        if quantity_of is not None:
            found = self.party(quantity_of)  # "dozens of villages in X": the villages
        elif self.lexicon.is_cue("relational", lemma):
            found = self._owner(token)
        elif self.lexicon.is_cue("place", lemma):
            found = self._place_owner(token)
        elif token.pos_ == "PROPN" and (held := self._holder(token)) is not None:
            found = held  # "Russian-occupied Crimea": whoever holds a place, not whose it is
        else:
            mention = mention_for(self.doc, token.i, self.mentions)
            if mention is not None and mention.party:
                found = Party(token=token, mention=mention)
            elif token.pos_ == "NOUN":
                owner = topic_owner(token)  # "the commission on trade of X": X
                found = self._linked_owner(token) or (self.party(owner) if owner else None)
            elif token.pos_ == "PROPN" and (city := struck_city(token, self._gazetteer)):
                found = Party(token=token, mention=city)  # "shelled Kharkiv" (FAC)
        self._cache[token.i] = found
        return found

    def _linked_owner(self, token: Token) -> Party | None:
        """Return whom a thing is tied to: "ships linked to X", "a school sheltering X"."""
        for child in token.children:
            if child.dep_ == "acl" and child.tag_ == "VBG" and child.lemma_.lower() in _SHELTERING:
                # "a school sheltering displaced X": whom it shelters
                sheltered = [c for c in child.children if c.dep_ == "dobj"]
                return next((p for o in sheltered for p in [self.party(o)] if p), None)
            if child.dep_ != "acl" or child.lemma_.lower() not in _TIES:
                continue
            if any(c.dep_ == "dobj" for c in child.children):
                continue  # "a road linking X to Y" ties X, not itself, to Y
            for prep in child.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "by", "with"}:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.party(obj)
        return None

    def sole_other_party(
        self, sent: SpacySpan, exclude: set[str | None], *, places: bool = True
    ) -> Party | None:
        """Return the one party named in ``sent`` besides ``exclude``, or ``None`` if not exactly one.

        With ``places`` false, a named region is no candidate (it is where, not whom).
        """
        found: dict[str, Party] = {}
        for mention in self.mentions:
            if mention.span.end <= sent.start_char or mention.span.start >= sent.end_char:
                continue
            if is_location(self.doc, mention) or (not places and mention.kind == "region"):
                continue
            if mention.party and mention.party not in exclude and mention.party not in found:
                span = self.doc.char_span(
                    mention.span.start, mention.span.end, alignment_mode="expand"
                )
                if span is not None:
                    found[mention.party] = Party(token=span.root, mention=mention)
        return next(iter(found.values())) if len(found) == 1 else None

    def located(self, sent: SpacySpan) -> list[Party]:
        """Return the one party a sentence places its events in ("... in Kinshasa"), if one."""
        found: dict[str, Party] = {}
        for mention in self.mentions:
            inside = sent.start_char <= mention.span.start < sent.end_char
            if inside and mention.party and is_location(self.doc, mention):
                span = self.doc.char_span(
                    mention.span.start, mention.span.end, alignment_mode="expand"
                )
                if span is not None:
                    found.setdefault(mention.party, Party(token=span.root, mention=mention))
        return list(found.values()) if len(found) == 1 else []

    def own_party(self, token: Token) -> Party | None:
        """Return the party of a token's own mention only (no look into its subtree)."""
        if token.i not in self._own:
            self._own[token.i] = self._own_mention(token.idx, token.idx + len(token))
        mention = self._own[token.i]
        return None if mention is None else Party(token=token, mention=mention)

    def _own_mention(self, start: int, end: int) -> Mention | None:
        for mention in self.mentions:  # in text order: none after the token's start holds it
            if mention.span.start > start:
                break
            if mention.party and end <= mention.span.end:
                return mention
        return None

    def _place_owner(self, token: Token) -> Party | None:
        """Return the party a place belongs to by its own words ("Armenian towns", "the city of X").

        A border belongs to both sides and so to neither.
        """
        if token.lemma_.lower() in _SHARED_PLACES:
            return None
        own = self.own_party(token) or self._holder(token) or self._linked_owner(token)
        if own is not None:
            return own
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod"}:
                own = self.own_party(child)
                if own is not None:
                    return own
            elif child.dep_ == "poss":
                return self.party(child)
            elif child.dep_ == "prep" and child.lower_ in {"of", "in"}:
                # "the city of X", "villages in X"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.party(obj)
        return None

    def _holder(self, token: Token) -> Party | None:
        """Return who holds a place: "areas held by X", "X-controlled towns".

        Force on a place another holds falls on its holder, whoever's country it is in.
        """
        for child in token.children:
            if child.lemma_.lower() not in _HELD or child.tag_ != "VBN":
                continue
            if child.dep_ == "acl":
                for agent in child.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                return self.party(obj)
            elif child.dep_ == "amod":
                for word in child.children:
                    if word.dep_ in {"npadvmod", "compound", "nmod"}:
                        return self.own_party(word) or self.party(word)
        return None

    def _owner(self, token: Token) -> Party | None:
        for child in token.children:
            if child.dep_ == "poss":
                return self.party(child)
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.party(obj)
        return None

    def group(self, token: Token) -> list[Party]:
        """Return the distinct parties of a noun phrase and its conjuncts and appositions.

        A common-noun apposition describes the parties before it ("X and Y, the
        co-chairs of Z"): it adds no party of its own. A relative pronoun stands for all
        of its antecedent ("X and Y, which have fought since May": X and Y).
        """
        if token.lower_ in _RELATIVES:
            token = antecedent(token)
        if token.lemma_.lower() in _SIDES and (pair := self._both_sides(token)):
            return pair  # "both countries", "the warring parties": the pair, not the last named
        parties: list[Party] = []
        for member in members(token):
            if parties and member.dep_ == "appos" and member.pos_ == "NOUN":
                continue
            found = [self.party(member)]
            if found[0] is not None:
                place = self.lexicon.is_cue("place", member.lemma_.lower())
                found += [
                    self.own_party(o) or self.party(o) for o in owner_conjuncts(member, place=place)
                ]
            for party in found:
                if party is not None and all(p.code != party.code for p in parties):
                    parties.append(party)
        return parties or self._both_sides(token)

    def _both_sides(self, token: Token) -> list[Party]:
        """Return the pair "both sides" or "the two countries" stands for in its sentence.

        "Either side" or "any party" of a conflict "between X and Y" is X and Y.

        The last "X and Y" named before it ("X and Y agreed to a truce, and both sides
        said ..."), unless X and Y are who says what it is in ("X and Y said the two
        sides had agreed": someone else's sides); failing one, the last pair of the
        sentence before.
        """
        if token.lemma_.lower() not in _SIDES:
            return []
        if any(c.lower_ in _ANY for c in token.children):
            # "either side in the war between X and Y", "any party to the conflict ...";
            # the parser may hang "in the war" on the verb: "sent arms to either side in ..."
            preps = [p for p in token.children if p.dep_ == "prep"]
            if token.dep_ in {"pobj", "dative"} and token.head.head.i != token.head.i:
                preps += [p for p in token.head.head.children if p.dep_ == "prep" and p.i > token.i]
            return self.phrase_parties([o for p in preps for o in p.children], "between")
        if not any(c.lower_ in {"both", "two", "warring"} for c in token.children):
            return []
        speakers = _reporting_heads(token)
        pair = self._last_pair(token.doc[token.sent.start : token.i], speakers)
        if not pair and token.sent.start > 0:
            # "The war between X and Y broke out in 2023. Z accused both sides of ..."
            before = token.doc[token.sent.start - 1].sent
            pair = self._last_pair(before, set())
        return pair or self._pair_referred_to(token)

    def _pair_referred_to(self, token: Token) -> list[Party]:
        """Return the list further back whose member the "both sides" mention points at."""
        mention = mention_for(self.doc, token.i, self.mentions)
        if mention is None or (span := mention.antecedent) is None:
            return []
        named = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if named is None or named.root.sent.start >= token.sent.start:
            return []
        head = named.root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        pair = self.group(head)
        return pair if len(pair) >= 2 else []

    def _last_pair(self, words: SpacySpan, speakers: set[int]) -> list[Party]:
        """Return the last "X and Y" pair of parties among ``words``, not said by ``speakers``."""
        pair: list[Party] = []
        for word in words:
            if not any(c.dep_ == "conj" for c in word.children) or word.dep_ == "conj":
                continue
            if word.pos_ not in _NOMINAL:
                continue  # "agreed ..., and urged": coordinated clauses, no pair
            if word.dep_ in SUBJECTS and word.head.i in speakers:
                continue
            found = self.group(word)
            if len(found) == 2:
                pair = found
        return pair

    def subjects(self, verb: Token) -> list[Party]:
        """Return the parties that perform ``verb``: its subject, passive agent or controller.

        See :func:`contactline._subjects.performers` for the readings tried in turn.
        """
        return performers(self, verb)

    def subject_word(self, verb: Token) -> Token | None:
        """Return the word that is the subject of ``verb``, or of the verb controlling it.

        Only control is followed (infinitives, conjuncts): the subject of a clause beside
        the verb ("until an agreement was reached") is not its subject.
        """
        current = verb
        for _ in range(4):
            for child in current.children:
                if child.dep_ in SUBJECTS:
                    return child
            controlled = current.dep_ in {"xcomp", "conj"} or (
                current.dep_ in {"acl", "relcl", "advcl"}
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
            )
            if current.head.i == current.i or not controlled:
                return None
            current = current.head
            if current.pos_ in {"NOUN", "PROPN", "ADJ"}:
                current = current.head
        return None

    def objects(
        self,
        verb: Token,
        first: Sequence[Token] = (),
        *,
        skip: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
    ) -> list[Party]:
        """Return the parties ``verb`` is done to: objects, then prepositional objects.

        ``first`` lists prepositions to try before the others (the pattern's own, as the
        "on" of "call on X"). An object whose lemma is in ``skip`` is what the act moves
        or names ("sent troops to X", "signed an agreement with X"), not its target.
        """
        for child in verb.children:
            misparsed = (
                child.dep_ == _MISPARSED_OBJECT and child.pos_ == "PROPN" and child.i > verb.i
            )
            if (
                child.lemma_.lower() in skip
                and child.pos_ != "PROPN"
                and not self._named_group(child)
            ):
                continue
            if child.dep_ in OBJECTS or child.dep_ in PASSIVE_SUBJECTS or misparsed:
                found = self.group(child)
                if found:
                    return found
        if verb.dep_ in {"amod", "compound"} and verb.head.dep_ == "ROOT":
            return self.prep_objects(verb.head, first, places=places)
        found = self.prep_objects(verb, first, places=places)
        for child in verb.children:
            if not found and child.dep_ == "acomp":
                # a predicate adjective names what it is about: "was worried about X"
                about = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "about"]
                found = self.prep_objects(child, about, places=places) or [
                    p for a in about for o in a.children for p in self._between(o)
                ]
                for clause in (c for c in child.children if c.dep_ == "ccomp"):
                    # or the parties of the clause it is worried that: "... that X could attack"
                    found = found or self.subjects(clause) or self._between(clause)
        return found

    def _named_group(self, token: Token) -> bool:
        """Whether a noun is an armed group by name ("M23 rebels"): a party, not a thing moved."""
        party = self.party(token)
        return party is not None and party.mention.kind == "group"

    def _between(self, clause: Token) -> list[Party]:
        """Return the parties a noun, or a clause's subject, is between.

        "the escalation between X and Y (could spiral)", "(worried about) the fighting
        between X and Y".
        """
        subject = next((c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)
        if clause.pos_ in {"NOUN", "PROPN"}:
            subject = clause
        if subject is None:
            return []
        return self.phrase_parties([subject], "between")

    def phrase_parties(self, heads: Iterable[Token], word: str) -> list[Party]:
        """Return the parties of the ``word`` phrases hanging off ``heads``, in order.

        ``phrase_parties([talks], "between")`` reads "talks between X and Y" as X and Y.
        """
        return [
            p
            for head in heads
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == word
            for o in prep.children
            if o.dep_ == "pobj"
            for p in self.group(o)
        ]

    def prep_objects(
        self, head: Token, first: Sequence[Token] = (), *, places: frozenset[str] = frozenset()
    ) -> list[Party]:
        """Return the parties of the first prepositional phrase of ``head`` that has any.

        Prepositions in ``places`` only say where the act happened ("signed at the White
        House"), unless the pattern names them.
        """
        preps = [
            c
            for c in head.children
            if c.dep_ in {"prep", "dative"} and (c.lower_ not in places or c in first)
        ]
        order = list(first) + sorted(
            (p for p in preps if p.lower_ in TARGET_PREPS and p not in first),
            key=lambda p: TARGET_PREPS.index(p.lower_),
        )
        for prep in order:
            for obj in prep.children:
                helper = prep.lower_ == "with" and obj.lemma_.lower() in HELP_NOUNS
                if obj.dep_ in {"pobj", "pcomp"} and not helper:
                    found = self.group(obj)
                    if found:
                        return found
        return []

    def agent_by(self, head: Token) -> list[Party]:
        """Return the parties of a "by X" phrase hanging off ``head`` (or its object)."""
        for token in (head, *[c for c in head.children if c.dep_ == "dobj"]):
            for child in token.children:
                if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
                    return [p for o in child.children if o.dep_ == "pobj" for p in self.group(o)]
        return []

    def place_parties(self, head: Token, *, nearby: bool = False) -> list[Party]:
        """Return the parties named as the place of an act ("fired at Kyiv", "struck sites in X").

        With ``nearby``, a place the act is only near is one too ("a ship hit off X"). What
        is struck is the object, or the subject of a passive ("posts in X were shelled").
        """
        preps = _TARGET_PLACE_PREPS | _NEAR_PLACE_PREPS if nearby else _TARGET_PLACE_PREPS
        objects = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
        # "abducted dozens of schoolgirls in X": the place of what is counted
        objects += [c for o in objects for c in [counted(o)] if c is not None]
        for child in (*head.children, *(c for o in objects for c in o.children)):
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self.group(obj)
                        if found:
                            return found
        return []

    def place(self, head: Token) -> str | None:
        """Return the place named in ``head``'s clause ("in the region", "at the contact line")."""
        return self._places.place(head)


def _reporting_heads(token: Token) -> set[int]:
    """Return the words above ``token`` that may report the clause it is in.

    A clause coordinated with another ("X and Y agreed to a truce, and Z urged both
    sides ...") is not reported by it: the head of a conjunct is no speaker of it.
    """
    heads: set[int] = set()
    current = token
    while current.head.i != current.i:
        if current.dep_ != "conj":
            heads.add(current.head.i)
        current = current.head
    return heads
