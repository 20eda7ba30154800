"""Where an act happened: the place named in its clause, and the state a named city is in.

A place is a named place entity after a locative preposition ("in Kherson", "near the
Lachin corridor"), or a place noun with a name of its own ("the contact line", "the Kursk
region"); an unnamed noun ("in the village") names no place.

A city the actor base does not know ("Mandalay", "the town of Kidal") is no actor, but
it puts its sentence in a state: :func:`city_mentions` makes it a region mention of the
state the offline gazetteer places it in, as a named region stands for its state.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import numpy
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline._event_lexicon import EventLexicon
from contactline._gazetteer import Gazetteer
from contactline.records import Mention, Span

__all__ = [
    "CITY_RULE",
    "PLACE_ENTS",
    "PLACE_PREPS",
    "PlaceNamer",
    "city_mention",
    "city_mentions",
    "city_references",
    "mislabelled_cities",
    "named_places",
]

CITY_RULE = "city:"
"""The rule prefix of a mention of a city the gazetteer places in a state."""
_CITY_ENTS = frozenset({"GPE", "LOC"})
"""Entity labels that may name a city: not a facility, person or organisation."""
_MISLABELLED = frozenset({"ORG", "PERSON", "FAC"})
"""Entity labels a city's name is sometimes given ("El Fasher" ORG, "Goma" PERSON)."""
_CITY_PREPS = frozenset({"in", "near", "around", "outside", "into", "inside", "toward", "towards"})
"""Prepositions that make a name a place ("fighting in Goma", "camps around El Fasher")."""
_TOWN_WORDS = frozenset({"city", "town", "village", "capital"})
"""Nouns that say the name they describe is a town's ("Goma, the largest city")."""
_TOWN_PARTS = _TOWN_WORDS | {"centre", "center", "outskirt", "outskirts", "suburb"}
"""Nouns whose "of" object is a town ("the town of Avdiivka", "the centre of Goma")."""
_CITY_NOUNS = frozenset({"city", "town"})
"""Nouns that refer back to the last city named ("the city's mayor")."""
_CITY_REACH = 0
"""How many sentences back "the city" looks for the city it means: none, for a city named
in passing before ("told reporters in New York") is seldom the one a story is about."""

PLACE_PREPS = frozenset({"in", "at", "near", "on", "along", "across", "into", "inside", "around"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_LINES = frozenset({"line", "frontline", "front", "border"})


class PlaceNamer:
    """Names the places of one document's acts."""

    def __init__(self, doc: Doc, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self._ents: dict[int, list[SpacySpan]] = {}
        self._starts: list[int] = []

    def place(self, head: Token) -> str | None:
        """Return the place named in ``head``'s clause ("in the region", "at the contact line")."""
        for token in _descendants(head, depth=3):
            if token.dep_ == "prep" and token.lower_ in PLACE_PREPS:
                for obj in token.children:
                    if obj.dep_ == "pobj":
                        name = self._place_name(obj)
                        if name:
                            return name
        for ent in self._sentence_ents(head):
            if (
                ent.label_ in PLACE_ENTS
                and ent.start > 0
                and self.doc[ent.start - 1].lower_ == "in"
            ):
                return ent.text
        return None

    def _sentence_ents(self, token: Token) -> list[SpacySpan]:
        """Return the entities of ``token``'s sentence (indexed once per document)."""
        if not self._ents:
            self._starts = [sent.start for sent in self.doc.sents]
            for ent in self.doc.ents:
                self._ents.setdefault(self._sentence_start(ent.start), []).append(ent)
            self._ents[-1] = []  # indexed
        return self._ents.get(self._sentence_start(token.i), [])

    def _sentence_start(self, i: int) -> int:
        return self._starts[bisect_right(self._starts, i) - 1]

    def _place_name(self, obj: Token) -> str | None:
        if obj.ent_type_ in PLACE_ENTS:
            ent = next((e for e in self._sentence_ents(obj) if e.start <= obj.i < e.end), None)
            if ent is not None:
                return ent.text
        lemma = obj.lemma_.lower()
        if not self.lexicon.is_cue("place", lemma):
            return None
        words = [c for c in obj.lefts if c.dep_ in {"compound", "amod"}] + [obj]
        start, end = words[0].i, obj.i + 1
        named = lemma in _LINES or any(w.pos_ == "PROPN" for w in words)
        for child in obj.children:
            placed = any(o.ent_type_ in PLACE_ENTS or o.lemma_ == "contact" for o in child.children)
            if child.dep_ == "prep" and child.lower_ == "of" and placed:
                end, named = child.right_edge.i + 1, True
        if named:
            return self.doc[start:end].text
        return None


def mislabelled_cities(doc: Doc, gazetteer: Gazetteer) -> dict[int, str]:
    """Return the large cities the NER took for something else, by first character, with states.

    A name labelled ORG, PERSON or FAC is a city where the text uses it as a place (a
    place preposition governs it, "fled into Goma", "camps around El Fasher", or it
    names a town, "the town of El Fasher", "the centre of Goma") and the gazetteer
    places a large city of that name in one state (see :meth:`Gazetteer.state_of` with
    no state named). A person who shares a city's name is not so used ("Jackson said",
    "talks with Jackson").
    """
    found: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ not in _MISLABELLED:
            continue
        root = _first_conjunct(ent.root)
        after_preposition = root.dep_ == "pobj" and root.head.lower_ in _CITY_PREPS
        if not after_preposition and not _town_named(root):
            continue
        state = gazetteer.state_of(ent.text)
        if state is not None:
            found[ent.start_char] = state
    return found


def named_places(doc: Doc, gazetteer: Gazetteer) -> frozenset[int]:
    """Return the first characters of PERSON names the text uses as names of places.

    A large city the text uses as a place (:func:`mislabelled_cities`), and any name
    the text says is a town's, known to the gazetteer or not: "the Armenian towns of
    Jermuk, Goris and Vardenis", "Goma, the largest city in eastern Congo".
    """
    cities = mislabelled_cities(doc, gazetteer)
    found = set(cities)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start_char in found:
            continue
        root = _first_conjunct(ent.root)
        town = any(c.dep_ == "appos" and c.lemma_.lower() in _TOWN_WORDS for c in root.children)
        if town or _town_named(root):
            found.add(ent.start_char)
    return frozenset(found)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _town_named(root: Token) -> bool:
    """Whether a name is the "of" object of a word for a town or part of one ("the town of X")."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return noun.i < root.i and noun.lemma_.lower() in _TOWN_PARTS


def city_mentions(doc: Doc, gazetteer: Gazetteer, mentions: Sequence[Mention]) -> list[Mention]:
    """Return a region mention for each named city that no mention covers, in its state.

    A GPE or LOC entity the gazetteer knows as a city ("in Yangon and Mandalay", "the
    town of Kidal", "a village in Sagaing region") stands for the state it lies in, the
    way a named region does ("struck Gaza": PSE). An ambiguous name takes the namesake in
    a state the document names; a small town or a name shared by cities of similar size
    elsewhere gives nothing (see :meth:`Gazetteer.state_of`). A large city the NER
    labelled otherwise counts too when the text uses it as a place (see
    :func:`mislabelled_cities`).
    """
    taken = [(m.span.start, m.span.end) for m in mentions]
    named = {code for m in mentions for code in (m.party, m.country) if code}
    mislabelled = mislabelled_cities(doc, gazetteer)
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in _CITY_ENTS and not (
            ent.label_ in _MISLABELLED and ent.start_char in mislabelled
        ):
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        state = mislabelled.get(ent.start_char) or gazetteer.state_of(ent.text, named)
        if state is None:
            continue
        found.append(city_mention(ent, state))
    return found


def city_mention(name: SpacySpan, state: str, *, rule_suffix: str = "") -> Mention:
    """Return the region mention of a named city the gazetteer places in ``state``."""
    return Mention(
        span=Span(name.start_char, name.end_char),
        text=name.text,
        party=state,
        kind="region",
        name=name.text,
        country=state,
        rule=f"{CITY_RULE}{name.text}->{state}{rule_suffix}",
    )


def city_references(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """Return a region mention for each "the city" or "the town" that refers back to a city.

    A bare "the city" (no name, modifier or "of" phrase of its own) means the last city
    named before it in its sentence: a city the gazetteer placed, or a capital
    ("struck Tel Aviv ... said it had targeted the city": ISR; "drones struck a Moscow
    district, the city's mayor said": RUS). ``mentions`` are in text order.
    """
    cities = [m for m in mentions if m.party and _names_a_city(m)]
    if not cities:
        return []
    # find the nouns by their hashes: building a Token for every word costs more
    wanted = [doc.vocab.strings[word] for word in _CITY_NOUNS]
    indices = [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), wanted))]
    if not indices:
        return []
    starts = [sent.start for sent in doc.sents]
    found: list[Mention] = []
    for index in indices:
        token = doc[index]
        if not _bare_reference(token):
            continue
        here = bisect_right(starts, token.i) - 1
        reach = doc[starts[max(0, here - _CITY_REACH)]].idx
        before = [m for m in cities if reach <= m.span.start < token.idx]
        if not before:
            continue
        city = before[-1]
        start = token.idx if token.i == 0 else doc[token.i - 1].idx
        found.append(
            Mention(
                span=Span(start, token.idx + len(token)),
                text=doc.text[start : token.idx + len(token)],
                party=city.party,
                kind="region",
                name=city.name or city.text,
                country=city.party,
                antecedent=city.span,
                rule=f"{CITY_RULE}the {token.lower_}->{city.text}->{city.party}",
            )
        )
    return found


def _names_a_city(mention: Mention) -> bool:
    return mention.rule.startswith((CITY_RULE, "capital:"))


def _bare_reference(token: Token) -> bool:
    """Whether ``token`` is "the city" with nothing of its own: no name, modifier or owner."""
    children = list(token.children)
    determiners = [c for c in children if c.dep_ == "det"]
    if len(determiners) != 1 or determiners[0].lower_ != "the":
        return False
    if determiners[0].i != token.i - 1:
        return False
    return not any(
        c.dep_ in {"amod", "compound", "nmod", "appos", "poss", "acl", "relcl"}
        or (c.dep_ == "prep" and c.lower_ == "of")
        for c in children
    )


def _descendants(head: Token, *, depth: int) -> Iterator[Token]:
    frontier = [head]
    for _ in range(depth):
        nxt: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.dep_ not in {"ccomp", "relcl", "advcl", "parataxis"}:
                    yield child
                    nxt.append(child)
        frontier = nxt
