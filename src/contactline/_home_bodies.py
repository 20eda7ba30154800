"""Who acts at home with no name of their own: bare state bodies, and marchers' demands.

A court, the police, investigators or the army named with no country ("The Constitutional
Court removed the president from office", "Investigators detained the president", "The
army declared a state of emergency") act for the state they serve. For the acts a state
does only at home (arrests, bans and curfews, states of emergency, repression, judging
its own), that state is the one state its sentence names, by name, by a place of it or
by one of its officials (the person it arrests or removes). A body with a party of its
own, one sent from abroad (the ``PK`` class: "peacekeepers"), or a sentence naming
several states says nothing.

A demand that is the purpose of a march ("thousands marched in X to demand that Y ...")
is the marchers', of the state they march in (see :func:`marchers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from contactline._roles import Party, RoleReader
from contactline._triggers import Trigger
from contactline.actors import mention_for
from contactline.records import Mention

__all__ = ["home_body", "marchers"]

_HOME_CODES = ("116", "172", "173", "175")
"""Acts a state does to its own: judging (116), administrative sanctions such as bans and
states of emergency (172), arrests (173) and repression (175)."""
_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "SPY"})
"""Sectors of a state's own bodies: government, army, police, courts, intelligence."""
_RULE = "+home-body"
_DEMAND = "10"
_PROTEST = "14"


def home_body(trigger: Trigger, roles: RoleReader) -> tuple[Party, ...]:
    """Return the state a bare state body doing a home act stands for, as its source.

    Args:
        trigger: the act's trigger; a code other than a home act's (``_HOME_CODES``) gives none.
        roles: the document's role reader.

    Returns:
        One party (the body, standing for its state), or none when the body is not a
        bare state body or its sentence does not give one state.
    """
    if not trigger.code.startswith(_HOME_CODES):
        return ()
    word = _doer(trigger, roles)
    if word is None:
        return ()
    body = mention_for(roles.doc, word.i, roles.mentions)
    if body is None or body.party is not None or body.sector not in _BODIES:
        return ()
    if {word.lower_, word.lemma_.lower()} & roles.lexicon.classes.get("PK", frozenset()):
        return ()  # peacekeepers serve no state they are in
    state = _sentence_state(word.sent, roles.mentions)
    if state is None:
        return ()
    mention = replace(body, party=state, kind="state", rule=body.rule + _RULE)
    return (Party(token=word, mention=mention),)


def _doer(trigger: Trigger, roles: RoleReader) -> Token | None:
    """Return the word for who does the act: the verb's subject or passive agent."""
    verb = trigger.token if trigger.license == "verb" else trigger.anchor
    if trigger.license not in {"verb", "perform"}:
        return None
    word = roles.subject_word(verb)
    if word is not None:
        return word
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _sentence_state(sent: SpacySpan, mentions: Sequence[Mention]) -> str | None:
    """Return the one state a sentence names (by name, a place or an official), if only it."""
    found: set[str | None] = set()
    for mention in mentions:
        if mention.party and sent.start_char <= mention.span.start < sent.end_char:
            found.add(_state_of(mention))
    return found.pop() if len(found) == 1 else None


def _state_of(mention: Mention) -> str | None:
    """Return the state a mention names (a state, a place of it, one of its officials)."""
    if mention.kind == "state" or (mention.kind == "person" and mention.country == mention.party):
        return mention.party
    if mention.kind == "region":
        return mention.country or mention.party
    return None


def marchers(trigger: Trigger, targets: Sequence[Party], roles: RoleReader) -> tuple[Party, ...]:
    """Return who makes a demand that is the purpose of a protest: the protesters' state.

    "Thousands marched in X to demand that Y end its offensive": the demand is the
    marchers', of the place they march in, made of Y. Only a demand made of someone
    else (a target other than the marchers' state) is read so.
    """
    verb = trigger.token
    if trigger.license != "verb" or not trigger.code.startswith(_DEMAND):
        return ()
    purpose = verb.dep_ in {"advcl", "xcomp"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )
    march = verb.head
    patterns = roles.lexicon.verbs.get(march.lemma_.lower(), ())
    if not purpose or not patterns or not all(p.code.startswith(_PROTEST) for p in patterns):
        return ()
    placed = roles.place_parties(march) or roles.located(verb.sent)
    own = {p.code for p in placed}
    if len(own) != 1 or not any(t.code not in own for t in targets):
        return ()
    return tuple(placed[:1])
