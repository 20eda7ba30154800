"""The structure of a noun phrase, the city it may name, and the state hosting a place.

Helpers of :class:`contactline._roles.RoleReader` that read a phrase's shape: its members
("X, Y and Z"), what a quantity counts ("dozens of villages"), the noun a relative
pronoun stands for, the other owners of a noun ("the leaders of X and Y"), and whether a
mention names where something happened.

:func:`struck_city` reads a name the NER took for an organisation, facility or group as
the city it is when the text strikes or takes it ("shelled Kharkiv", "attacked El
Fasher", "took control of Kidal") and the offline gazetteer places a large city of that
name in one state: the city stands for its state, as a named region does.

:func:`with_hosts` adds whose territory force lands on when it strikes a foreign state's
place in another state: the owner of the place and the state whose territory is struck
("Iran fired missiles at a US air base in Qatar": Iran->US and Iran->Qatar), the CAMEO
convention for force across a border. Only a state firing on another state's place
counts: an armed group's ground is its own country's ("strikes on Houthi targets in
Yemen" hit the Houthis), a state firing inside its own borders acts at home, and an
embassy or consulate is its state's ground alone ("struck the X consulate in Damascus":
X).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from contactline._gazetteer import Gazetteer
from contactline._places import city_mention
from contactline._subjects import topic_noun
from contactline.records import Mention

if TYPE_CHECKING:
    from contactline._roles import Party, RoleReader

__all__ = [
    "PRONOUNS",
    "antecedent",
    "counted",
    "is_location",
    "is_pronoun",
    "members",
    "owner_conjuncts",
    "struck_city",
    "with_hosts",
]

PRONOUNS = frozenset(
    {"i", "we", "they", "he", "she", "it", "its", "their", "his", "her", "our", "my"}
)
_QUANTITIES = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "score",
        "scores",
        "million",
        "millions",
    }
)
_LOCATION_PREPS = frozenset({"in", "at", "near", "off", "inside", "around", "within", "throughout"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_OWNING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
"""Dependencies of a modifier that names a place's owner ("a US air base")."""
_STATE = "state"
_DIPLOMATIC = frozenset({"embassy", "consulate", "mission", "chancery", "legation"})
"""Places that are their owner's ground wherever they stand."""


_NAME_POS = frozenset({"ADJ", "PROPN"})
"""Parts of speech of a name or its adjective ("Qatar", "Qatari")."""


def antecedent(relative: Token) -> Token:
    """Return the noun a relative pronoun stands for, else the pronoun itself.

    The pronoun may belong to a clause inside the relative clause: "a jet that X said
    had violated its airspace" (the jet violated it).
    """
    clause = relative.head
    while clause.dep_ in {"ccomp", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else relative


def counted(token: Token) -> Token | None:
    """Return what a quantity counts ("dozens of villages": villages), else ``None``."""
    if token.pos_ != "NUM" and token.lemma_.lower() not in _QUANTITIES:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def members(token: Token) -> Iterator[Token]:
    """Yield a noun phrase's head, its conjuncts and appositions ("X, Y and Z")."""
    stack = [token]
    seen: set[int] = set()
    while stack:
        current = stack.pop(0)
        if current.i in seen:
            continue
        seen.add(current.i)
        yield current
        stack.extend(c for c in current.children if c.dep_ in {"conj", "appos"})


def is_location(doc: Doc, mention: Mention) -> bool:
    """Return whether a mention names where something happened ("talks in Moscow")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATION_PREPS


def owner_conjuncts(token: Token, *, place: bool = False) -> Iterator[Token]:
    """Yield the other owners of a noun: "the leaders of X and Y" (Y), "X and Y delegations" (Y).

    A place noun is also of the states it is "in": "positions in northern X and Y" (Y).
    A pair of names joined by a hyphen is a pair of owners: "an Egyptian-Qatari proposal"
    (Egyptian).
    """
    owning = {"of", "in"} if place else {"of"}
    topic = topic_noun(token)
    for child in [*token.children, *(topic.children if topic is not None else [])]:
        conjuncts = [c for c in child.children if c.dep_ == "conj"]
        if child.dep_ in {"amod", "compound", "nmod", "poss"} and conjuncts:
            yield child
            yield from conjuncts
        elif child.dep_ in {"amod", "compound"} and (paired := _hyphen_pair(child)) is not None:
            yield child
            yield paired
        if child.dep_ == "prep" and child.lower_ in owning:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from (c for c in members(obj) if c.i != obj.i)


def _hyphen_pair(modifier: Token) -> Token | None:
    """Return the name hyphen-joined before a name modifier ("Egyptian-Qatari": Egyptian).

    Only names and adjectives of names pair so; a participle is no owner ("Russian-backed").
    """
    if modifier.pos_ not in _NAME_POS or modifier.tag_ in {"VBN", "VBD"} or modifier.i < 2:
        return None
    doc = modifier.doc
    before, hyphen = doc[modifier.i - 2], doc[modifier.i - 1]
    joined = hyphen.text == "-" and not before.whitespace_ and not hyphen.whitespace_
    if not joined or before.head.i != modifier.i or before.pos_ not in _NAME_POS:
        return None
    return before


def is_pronoun(token: Token) -> bool:
    """Return whether ``token`` is a personal pronoun that needs an antecedent."""
    return token.lower_ in PRONOUNS


def with_hosts(
    code: str, sources: Sequence[Party], targets: Sequence[Party], roles: RoleReader
) -> tuple[Party, ...]:
    """Return ``targets`` plus the host state of each foreign state's place struck.

    Args:
        code: the act's CAMEO code; only force (18-20) has a host.
        sources: the act's sources; all must be states.
        targets: the act's targets as read from its clause.
        roles: the reader of the document's parties.
    """
    if code[:2] not in _FORCE_ROOTS or not sources or not targets:
        return tuple(targets)
    if any(s.mention.kind != _STATE for s in sources):
        return tuple(targets)
    found = list(targets)
    codes = {p.code for p in (*sources, *targets)}
    for target in targets:
        place = _owned_place(target, roles)
        host = _host_of(place, roles) if place is not None else None
        if host is not None and host.code not in codes:
            found.append(host)
            codes.add(host.code)
    return tuple(found)


def _owned_place(target: Party, roles: RoleReader) -> Token | None:
    """Return the place noun a state target owns by a modifier ("a US air base": base)."""
    if target.mention.kind != _STATE:
        return None
    token = target.token
    head = token.head
    if token.dep_ not in _OWNING_DEPS or not roles.lexicon.is_cue("place", head.lemma_.lower()):
        return None
    words = {w.lemma_.lower() for w in head.subtree if w.i <= head.i}
    return None if words & _DIPLOMATIC else head


def _host_of(place: Token, roles: RoleReader) -> Party | None:
    """Return the state a place is said to be "in" ("a US air base in Qatar": Qatar)."""
    for prep in place.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            host = roles.own_party(obj) if obj.dep_ == "pobj" else None
            if host is not None and host.mention.kind == _STATE:
                return host
    return None


_MISLABELLED = frozenset({"ORG", "FAC", "NORP"})
"""Entity labels the NER gives some cities' names ("El Fasher" ORG, "Kharkiv" FAC)."""
_PERSON = "PERSON"
_PLACE_VERBS = frozenset(
    {
        "shell",
        "bomb",
        "bombard",
        "pound",
        "capture",
        "recapture",
        "seize",
        "retake",
        "besiege",
        "encircle",
        "storm",
        "overrun",
        "liberate",
        "enter",
    }
)
"""Verbs done to places, not people: a city's name the NER took for a person's after one
of them is the city ("shelled Ganja", "captured Goma"); after "killed" it is a person."""
_STRUCK_DEPS = frozenset({"dobj", "nsubjpass"})
_CONTROL = "control"
_STRUCK_RULE = "+struck"


def struck_city(token: Token, gazetteer: Gazetteer) -> Mention | None:
    """Return a mention of the city a mislabelled name struck by a verb stands for.

    The name must head what a verb is done to ("shelled Kharkiv", "Kharkiv was shelled")
    or what "control of" names ("took control of Kidal"), and the gazetteer must place a
    large city of that name in one state (see :meth:`Gazetteer.state_of`, no state
    named). A name the NER took for a person's counts only after a verb done to places
    ("captured Goma", never "killed Jackson").
    """
    if not _struck(token):
        return None
    person = token.ent_type_ == _PERSON
    if not (token.ent_type_ in _MISLABELLED or person and _done_to_places(token)):
        return None
    start, end = _entity_bounds(token)
    span = token.doc[start:end]
    state = gazetteer.state_of(span.text)
    if state is None:
        return None
    return city_mention(span, state, rule_suffix=_STRUCK_RULE)


def _struck(token: Token) -> bool:
    """Whether a name is what a verb is done to, or the "of" object of "control"."""
    if token.dep_ in _STRUCK_DEPS:
        return token.head.pos_ == "VERB"
    holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return holder is not None and holder.lower_ == _CONTROL


def _done_to_places(token: Token) -> bool:
    """Whether the verb a name is the object of is one done to places ("shelled X")."""
    verb = token.head.head.head if token.dep_ == "pobj" else token.head
    return verb.lemma_.lower() in _PLACE_VERBS


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Return the token range of the entity ``token`` belongs to."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
