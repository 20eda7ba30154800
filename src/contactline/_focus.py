"""Who a mention stands for in context: regions for their governors, bare organs for their state.

A named region stands for whoever governs it, the CAMEO convention ("struck Gaza": PSE;
"shelled Nagorno-Karabakh" in 2020: NKR), and a named city for its state ("in
Mandalay": MMR, see :mod:`contactline._places`). A bare state organ ("the army", "the
junta") stands for the state its context gives it: the place it is said to be in, an
earlier mention of the same organ of a state, or the country of the insurgents it faces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from contactline._actor_base import Governor, load_divisions, load_governors
from contactline._event_lexicon import EventLexicon
from contactline._gazetteer import Gazetteer, load_gazetteer
from contactline._places import CITY_RULE, city_mentions, city_references
from contactline.records import Mention

__all__ = ["AUTHORITY_RULE", "GOVERNOR_RULE", "as_party", "in_focus"]

AUTHORITY_RULE = "+authority"
"""The rule suffix of a region mention that stands for its de facto authorities."""
COUNTRY_RULE = "+country"
"""The rule suffix of a region mention that stands for the state it belongs to."""
GOVERNOR_RULE = "+governor"
"""The rule suffix of a region mention that stands for the party governing it against
its state: any force there falls on that party, unlike a de facto state's region."""
_STATE_ORGANS = frozenset({"MIL", "GOV"})
"""Sectors of a state whose bare mention ("the army", "the junta") has a state in context."""
_STATE_BODIES = frozenset({"MIL", "GOV", "COP"})
_DOMESTIC_BODIES = frozenset({"GOV", "COP"})
"""Sectors whose people act at home: a police force or junta is of where its sentence is."""
_DISSENT = "OPP"
"""The sector of protesters and an opposition: a state's own people when no one owns them."""
_OWNING_PREPS = frozenset({"of", "from"})
"""Prepositions that give a body an owner of its own ("soldiers from X")."""
_INSIDE = frozenset({"in", "inside", "across", "throughout"})
"""Prepositions after which a state is where the sentence's events happen."""


def as_party(mention: Mention, lexicon: EventLexicon, published: date | None) -> Mention:
    """Let a named region stand for who governs it, the CAMEO convention.

    A de facto state governing the region at the time stands for it ("shelled
    Nagorno-Karabakh" in 2020: NKR), as does a party that governed it against its state
    (``governors.tsv``: "a ceasefire in Tigray" in 2021 is the TPLF's); otherwise its
    country does ("struck Gaza": PSE).
    """
    if mention.party is not None or mention.kind != "region":
        return mention
    authority = lexicon.authority(mention.name, published)
    if authority is not None:
        return replace(mention, party=authority, rule=mention.rule + AUTHORITY_RULE)
    governor = _governor(mention.name, published)
    if governor is not None:
        return replace(mention, party=governor, rule=mention.rule + GOVERNOR_RULE)
    if mention.country:
        return replace(mention, party=mention.country, rule=mention.rule + COUNTRY_RULE)
    return mention


def _governor(region: str | None, when: date | None) -> str | None:
    """Return the party ``governors.tsv`` says governed ``region`` (its name) on ``when``."""
    found = (g.party for g in _governors() if g.region == region and g.governs(when))
    return next(found, None)


@cache
def _governors() -> tuple[Governor, ...]:
    """Load the governors of regions once."""
    return load_governors()


@cache
def _divisions() -> dict[tuple[str, str], str]:
    """Load the regions that are first-level divisions of their states once."""
    return load_divisions()


def _governed_cities(
    cities: Sequence[Mention], gazetteer: Gazetteer, mentions: Sequence[Mention]
) -> list[Mention]:
    """Let a city of a region the text names as governed by a party stand for that party.

    The gazetteer gives a city's first-level division and ``divisions.tsv`` the region
    that division is; a region the document names as governed (see :func:`as_party`:
    "Tigray" in 2021 is the TPLF's) takes its cities ("Fighting resumed in Tigray ...
    shelled Mekelle": TPLF). The governors' windows are too coarse for a city alone, so
    a city of a region the text does not name keeps its state. A de facto state's
    region never passes to its cities ("Donetsk" is the DPR's, Kramatorsk in the
    Donetsk region is not).
    """
    governed = {m.name: m.party for m in mentions if m.kind == "region" and _governed(m)}
    if not governed:
        return list(cities)
    out = []
    for city in cities:
        state = city.country or ""
        region = _divisions().get((state, gazetteer.division_of(city.text, state) or ""))
        governor = governed.get(region) if region is not None else None
        if governor is not None:
            city = replace(city, party=governor, rule=city.rule + GOVERNOR_RULE)
        out.append(city)
    return out


def _governed(mention: Mention) -> bool:
    return mention.rule.endswith(GOVERNOR_RULE)


def in_focus(
    doc: Doc,
    lexicon: EventLexicon,
    mentions: Sequence[Mention],
) -> list[Mention]:
    """Give a bare state organ ("the army", "the junta") the state it belongs to in context.

    1. The state it is "in" ("the army in Burkina Faso", "the junta in Niamey").
    2. Else the party of the last earlier mention of the same organ of a state ("Israel's
       military ... the army": ISR).
    3. Else, for a police or government body, the one state its sentence places things
       in ("security forces killed 1,000 civilians in Syria": SYR).
    4. Else the country of the armed groups named in its sentence, when they share one
       ("the army bombed RSF bases": SDN; "talks between the military and the MNDAA":
       MMR): a country's own insurgents fight its army.
    5. Else, for soldiers or troops, the state whose army is the subject of their
       sentence ("the army in X denied that soldiers had executed villagers": X).

    An organ is a word of the ``ORGAN`` class with no modifier that could name another
    owner ("Saudi-led coalition forces", "the Defence Ministry" are not bare); any other
    bare body of a state's people ("soldiers", "police", but not the ``PK`` class's
    "peacekeepers") takes rules 1 and 3 only.

    A named city no mention covers joins the mentions as a region of its state, or of
    the party governing a region the text names as governed (see
    :func:`_governed_cities`), and so does "the city" after it (see
    :func:`contactline._places.city_mentions` and
    :func:`~contactline._places.city_references`), so that "the junta ... in Yangon" is
    MMR by rule 3. An organ given its state stands for that state (kind ``state``), so
    that its force on its own people is the state's ("police fired on protesters in
    X": X->X). Mentions are in text order; nothing else changes.
    """
    gazetteer = load_gazetteer()
    cities = city_mentions(doc, gazetteer, mentions)
    cities = _governed_cities(cities, gazetteer, mentions)
    if cities:
        mentions = sorted([*mentions, *cities], key=lambda m: m.span.start)
    references = city_references(doc, mentions)
    if references:
        mentions = sorted([*mentions, *references], key=lambda m: m.span.start)
    organs = lexicon.classes.get("ORGAN", frozenset())
    foreign = lexicon.classes.get("PK", frozenset())
    out: list[Mention] = []
    for index, mention in enumerate(mentions):
        if mention.party is None and mention.kind is None:
            party = _focus(doc, organs, foreign, mentions, index) or _speaking_army(
                doc, mention, foreign, out
            )
            if party is not None:
                mention = replace(
                    mention, party=party, kind="state", rule=mention.rule + "+in-focus"
                )
        out.append(_armed_owner(doc, mention, mentions[:index]))
    return out


def _armed_owner(doc: Doc, mention: Mention, earlier: Sequence[Mention]) -> Mention:
    """Give "its fighters" the one armed group named between it and the state it is bound to.

    A pronoun owner of insurgent people ("its fighters", "their militants") bound to a
    state is the nearer group the sentence names instead: "X said there would be no
    talks with the RSF while its fighters occupy homes" (RSF). With no such group, or
    several, the binding stands ("Wagner attacked, and X said its fighters held": X).
    """
    if mention.antecedent is None or mention.sector != "REB" or mention.kind != "state":
        return mention
    token = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if token is None:
        return mention
    sent = token.sent
    after = max(sent.start_char, mention.antecedent.end)
    groups = {
        m.party: m
        for m in earlier
        if m.kind == "group" and m.party and after <= m.span.start < sent.end_char
    }
    if len(groups) != 1:
        return mention
    group = next(iter(groups.values()))
    return replace(
        mention,
        party=group.party,
        kind="group",
        country=group.country,
        antecedent=group.span,
        rule=mention.rule + "+armed-owner",
    )


def _focus(
    doc: Doc,
    organs: frozenset[str],
    foreign: frozenset[str],
    mentions: Sequence[Mention],
    index: int,
) -> str | None:
    """Return the state a partyless mention of a state's people stands for, if its context says.

    Any state body said to be in a state ("soldiers in Niger", "police in Kinshasa")
    is that state's, unless it is one sent from abroad (``foreign``: "peacekeepers in
    X"); so is any body facing protesters in a state ("soldiers fired on protesters in
    X"); an organ ("the army") also takes its state from earlier mentions or from the
    insurgents it faces.
    """
    mention = mentions[index]
    head = _bare_organ(doc, mention, organs)
    domestic = mention.sector in _DOMESTIC_BODIES or _facing_dissent(doc, mention, mentions)
    if head is None:
        body = _bare_organ(doc, mention, None)
        if body is None or {body.lower_, body.lemma_.lower()} & foreign:
            return None
        return _organ_place(body, mentions) or (
            _located_state(body, mentions) if domestic else None
        )
    return (
        _organ_place(head, mentions)
        or _earlier_organ(mentions[:index], mention.sector)
        or (_located_state(head, mentions) if domestic else None)
        or _insurgents_country(head, mentions)
    )


def _speaking_army(
    doc: Doc, mention: Mention, foreign: frozenset[str], earlier: Sequence[Mention]
) -> str | None:
    """Return the state whose army is its sentence's subject, for bare soldiers after it.

    "The army in X denied a report that soldiers had executed villagers": the soldiers
    are that army's. Only the subject of the sentence's main verb counts, only one state's
    army in the sentence, and only a body with no owner of its own ("soldiers", not
    "soldiers from Y", nor "peacekeepers").
    """
    if mention.sector != "MIL":
        return None
    body = _bare_organ(doc, mention, None)
    if body is None or {body.lower_, body.lemma_.lower()} & foreign:
        return None
    if any(c.dep_ == "prep" and c.lower_ in _OWNING_PREPS for c in body.children):
        return None
    sent = body.sent
    armies = {
        m.party: m
        for m in earlier
        if sent.start_char <= m.span.start < sent.end_char
        and m.sector == "MIL"
        and m.kind == "state"
        and m.party
    }
    if len(armies) != 1:
        return None
    army = next(iter(armies.values()))
    span = doc.char_span(army.span.start, army.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj" or span.root.head != sent.root:
        return None
    return army.party


def _facing_dissent(doc: Doc, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Whether a body's sentence names protesters or an opposition of no named country.

    Soldiers facing their country's dissent act at home like its police ("soldiers fired
    on protesters in X": X's soldiers).
    """
    sent = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if sent is None:
        return False
    start, end = sent.sent.start_char, sent.sent.end_char
    return any(
        m.sector == _DISSENT and m.party is None and start <= m.span.start < end for m in mentions
    )


def _located_state(head: Token, mentions: Sequence[Mention]) -> str | None:
    """Return the one state its clause says things happen in ("... in Syria"), if one.

    A place inside what the body says ("the ministry said troops took a town in X") is
    where the reported act happened, not where the speaker is.
    """
    sent = head.sent
    found = set()
    for mention in mentions:
        if not _is_state(mention):
            continue
        if not sent.start_char <= mention.span.start < sent.end_char:
            continue
        span = head.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        root = span.root if span is not None else None
        if root is None or root.dep_ != "pobj" or root.head.lower_ not in _INSIDE:
            continue
        if not _reported_apart(head, root):
            found.add(_state(mention))
    return found.pop() if len(found) == 1 else None


def _organ_place(head: Token, mentions: Sequence[Mention]) -> str | None:
    """Return the state an organ is said to be in ("the junta in Niamey": NER)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            start, end = obj.idx, obj.idx + len(obj)
            for mention in mentions:
                inside = mention.span.start <= start and end <= mention.span.end
                if inside and _is_state(mention):
                    return _state(mention)
    return None


def _is_state(mention: Mention) -> bool:
    """Whether a mention names a state, by name or by a city of it ("in Mandalay").

    A region is not enough: forces "in the West Bank" or "in Gaza" may well be another
    state's.
    """
    placed = mention.kind == "state" or mention.rule.startswith(CITY_RULE)
    return placed and mention.party is not None


def _state(mention: Mention) -> str | None:
    """Return the state a place mention is in: a governed city's is its country's."""
    return mention.country if _governed(mention) else mention.party


def _earlier_organ(earlier: Sequence[Mention], sector: str | None) -> str | None:
    for mention in reversed(earlier):
        if mention.sector == sector and mention.kind == "state" and mention.party:
            return mention.party
    return None


def _bare_organ(doc: Doc, mention: Mention, organs: frozenset[str] | None) -> Token | None:
    """Return the head of a mention that is a bare state organ ("the army"), else ``None``.

    With ``organs`` ``None``, any bare body of a state's people counts ("soldiers").
    """
    if mention.sector not in (_STATE_ORGANS if organs is not None else _STATE_BODIES):
        return None
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return None
    words = {span.root.lower_, span.root.lemma_.lower()}
    if organs is not None and not words & organs:
        return None
    for child in span.root.children:
        own_name = organs is None and child.dep_ == "compound" and child.i >= span.start
        if own_name:
            continue  # "security forces"
        if child.dep_ in {"compound", "poss", "nmod"} or (
            child.dep_ == "amod" and child.pos_ != "ADJ"
        ):
            return None
    return span.root


def _insurgents_country(head: Token, mentions: Sequence[Mention]) -> str | None:
    sent = head.sent
    countries = {
        m.country
        for m in mentions
        if sent.start_char <= m.span.start < sent.end_char
        and m.kind == "group"
        and m.sector == "REB"
    }
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


def _reported_apart(head: Token, place: Token) -> bool:
    """Whether ``place`` lies in a clause the verb of ``head`` reports, not in its own."""
    verb = head.head
    return any(
        a.dep_ in {"ccomp", "parataxis"} and a.head == verb for a in place.ancestors
    ) and head.dep_ in {"nsubj", "nsubjpass"}
