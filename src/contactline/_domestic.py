"""Acts a party does to its own side: the CAMEO convention for domestic events (X->X).

A state acting on its own dissent or citizens, a state's force on its own ground, and
an organisation's official or body addressing another body of the same organisation are
coded with the source as its own target. ``events`` asks these questions of an act
whose clause names no other party.
"""

from __future__ import annotations

from spacy.tokens import Token

from contactline._act_passes import Act
from contactline._roles import Party, RoleReader
from contactline.actors import mention_for

__all__ = ["against_own_people", "force_at_home", "own_body", "state_actor"]

_DISSENT = "OPP"
"""The sector of an opposition, protesters and activists: a state acting on them acts at home."""
_AIMED_PREPS = frozenset({"on", "at", "against"})
"""Prepositions of whom an act is aimed at ("opened fire on protesters")."""
_HOSTILE = "11"
"""The first family of hostile acts (disapprove and worse): a state does them to its own."""
_HOME_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
"""Force (coercion, assault, fighting, mass violence) that a state can use on its own ground."""
_SAID = "14"
"""Codes before this one (statements, appeals, consultations, demands, threats) are done
by words: the kind an official addresses to a body of its own organisation."""
_BODY_RULE = "body:"
"""The rule prefix of a mention of an organisation's body ("the Security Council")."""
_ADDRESSED_DEPS = frozenset({"dobj", "dative"})


def against_own_people(act: Act, roles: RoleReader) -> bool:
    """Return whether a state's act is done to its own people.

    "the government accused the opposition of plotting a coup", "the president warned
    protesters", "security forces opened fire on protesters": an opposition, protesters
    or activists of no named country a state acts on are its own, the CAMEO convention
    for domestic dissent (target: the state). So is a person of the state's own country
    ("the junta sentenced X", X one of its citizens) in a hostile act.
    """
    if not all(state_actor(s) for s in act.sources):
        return False
    token = act.trigger.token
    words = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    heads = [act.trigger.particle] if act.trigger.particle is not None else []
    heads += [c for c in token.children if c.dep_ == "prep" and c.lower_ in _AIMED_PREPS]
    words += [c for h in heads for c in h.children if c.dep_ == "pobj"]
    own = {s.code for s in act.sources}
    for word in words:
        mention = mention_for(roles.doc, word.i, roles.mentions)
        if mention is None:
            continue
        if mention.sector == _DISSENT and roles.party(word) is None:
            return True
        person = roles.own_party(word)
        citizen = person is not None and person.mention.kind == "person" and person.code in own
        if citizen and act.code >= _HOSTILE and all(word.i != s.token.i for s in act.sources):
            return True
    return False


def force_at_home(act: Act, roles: RoleReader) -> bool:
    """Return whether one state's force lands on its own ground.

    "the army bombed a village in X's north", "government aircraft struck the rebel-held
    town of T in X": a state's force on places of its own country is done to its own (the
    CAMEO convention for repression and civil war: X->X). Force of two sides named
    together is theirs against each other.
    """
    own = {s.code for s in act.sources}
    if act.code[:2] not in _HOME_FORCE_ROOTS or len(own) != 1:
        return False
    if not all(state_actor(s) for s in act.sources):
        return False
    token, anchor = act.trigger.token, act.trigger.anchor
    places = roles.place_parties(token) or (
        roles.place_parties(anchor) if anchor.i != token.i else []
    )
    return bool(places) and {p.code for p in places} == own


def own_body(act: Act, roles: RoleReader) -> Party | None:
    """Return the body of its own organisation an act of words is addressed to, if one.

    "the Secretary-General urged the Security Council to act": an organisation's
    official or body appealing to, warning or consulting another of its bodies acts
    within the organisation (UN->UN). The body must be the act's object and differ from
    each of its doers.
    """
    if act.code >= _SAID or len(act.sources) != 1:
        return None
    source = act.sources[0]
    for word in _addressed(act.trigger.token):
        mention = mention_for(roles.doc, word.i, roles.mentions)
        if mention is None or not mention.rule.startswith(_BODY_RULE):
            continue
        other = mention.span != source.mention.span and mention.role != source.mention.role
        if mention.party == source.code and other:
            return Party(token=word, mention=mention)
    return None


def _addressed(verb: Token) -> list[Token]:
    """Return the words an act of words is addressed to ("urged X", "appealed to X")."""
    words = [c for c in verb.children if c.dep_ in _ADDRESSED_DEPS]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    return words + [c for p in preps for c in p.children if c.dep_ == "pobj"]


def state_actor(party: Party) -> bool:
    """Return whether a party is a state or one of its officials at home."""
    mention = party.mention
    return mention.kind == "state" or (
        mention.kind == "person" and mention.country == mention.party is not None
    )
