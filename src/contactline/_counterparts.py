"""Targets from the other side: whom a demand, truce, revenge or cut link is towards.

These passes give an act whose own clause names no target the party the rest of its
sentence (or, for revenge, the text before) pairs it with:

- a demand or rebuff made by one side of a joint act is made of its partner ("X and Y
  finalised a treaty, but Y set conditions": Y->X);
- a truce one side declares is towards the party that answers it in the same sentence
  ("X declared a truce, and Y said it would respect it": X->Y);
- revenge for a death is against whoever the text says killed the dead ("X killed Y's
  leader. Z vowed to avenge his death": Z->X);
- cutting a road or bridge is done to the party at its other end ("X blew up the roads
  that connected it to Y": X->Y).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from contactline._act_passes import Act, distinct
from contactline._roles import RoleReader

__all__ = ["avenged_target", "link_target", "partner_target", "truce_counterpart"]

_PARTNERED_ROOTS = frozenset({"10", "11", "12", "13", "16"})
"""Families of a demand or rebuff one side of a joint act makes of the other."""
_TRUCE_PREFIXES = ("0871", "0872", "0873", "0874")
"""Declared truces and withdrawals: done towards the side that answers them."""
_LINKING = frozenset({"connect", "link", "join"})
"""Verbs of what ties places together ("the road linking X to Y")."""
_LINK_STRUCK_ROOTS = frozenset({"14", "17", "18", "19"})
_AVENGING_ROOTS = frozenset({"13", "17", "18", "19"})
_DEATHS = frozenset({"death", "killing", "assassination", "murder", "execution"})
"""Nouns of a death one avenges ("vowed to avenge his death")."""
_KILLING_ROOTS = frozenset({"18", "19", "20"})
_ASSAULT = "18"
"""The family of killing a person ("killed X's leader", "assassinated X")."""
_PERSONAL = frozenset({"his", "her"})
_ANSWERS = frozenset(
    {"respect", "accept", "reject", "welcome", "observe", "honour", "honor", "violate", "break"}
)
"""Verbs of answering a truce: who respects or rejects it is the other side."""


def partner_target(act: Act, acts: Sequence[Act]) -> Act:
    """Aim a demand or rebuff with no target at the source's partner in a joint act.

    "X and Y said they had finalised a peace treaty, but Y set conditions": Y's
    conditions are set to X, with whom the sentence has Y act jointly. Only a partner
    that is the one other source of the sentence's joint acts.
    """
    if act.targets or len(act.sources) != 1 or act.code[:2] not in _PARTNERED_ROOTS:
        return act
    own = act.sources[0].code
    partners = {
        p.code: p
        for other in acts
        if other is not act and len(other.sources) == 2 and not other.targets
        if own in {s.code for s in other.sources}
        for p in other.sources
        if p.code != own
    }
    if len(partners) != 1:
        return act
    return replace(act, targets=tuple(partners.values()), rule=act.rule + " target:partner")


def truce_counterpart(act: Act, roles: RoleReader) -> Act:
    """Aim a declared truce with no target at the party that answers it in its sentence.

    "X declared a truce, and Y said it would respect it": X->Y. The answering verb's
    object must be the truce itself ("it", or the truce's own noun).
    """
    if act.targets or len(act.sources) != 1 or not act.code.startswith(_TRUCE_PREFIXES):
        return act
    truce = act.trigger.token
    answerers = [
        p
        for verb in truce.sent
        if verb.i > truce.i and verb.lemma_.lower() in _ANSWERS and _answers(verb, truce)
        for p in roles.subjects(verb)
    ]
    found = distinct(answerers, act.sources)
    if len({p.code for p in found}) != 1:
        return act
    return replace(act, targets=found[:1], rule=act.rule + " target:answerer")


def _answers(verb: Token, truce: Token) -> bool:
    """Whether a verb's object is the truce: "it" or the truce's own noun."""
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and (c.lower_ == "it" or c.lemma_ == truce.lemma_)
        for c in verb.children
    )


def avenged_target(act: Act, earlier: Sequence[Act], roles: RoleReader) -> Act:
    """Aim revenge with no target at whoever killed the party whose death it avenges.

    "X killed Y's leader in Z. W vowed to avenge his death": the death is Y's (the
    leader's), the last act of force on Y is X's, so W threatens X. The dead's own party
    read as the target ("avenge the killing of Y") gives way to the killer; with no killer
    told, to the party the avenger's own force in the sentence is aimed at, else to no one.
    """
    if not act.sources or act.code[:2] not in _AVENGING_ROOTS:
        return act
    heads = [act.trigger.token, act.trigger.anchor]
    deaths = [c for h in heads for c in h.children if c.dep_ == "dobj"]
    deaths += [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    victims = {
        v.code
        for d in deaths
        if d.lemma_.lower() in _DEATHS
        for c in d.children
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
        for w in ([c] if c.dep_ == "poss" else [o for o in c.children if o.dep_ == "pobj"])
        for v in [roles.party(w)]
        if v is not None
    }
    if act.targets and not {t.code for t in act.targets} <= victims:
        return act
    # "his death" with "his" unresolved: the last killing of a person the text tells
    someone = any(
        d.lemma_.lower() in _DEATHS and c.dep_ == "poss" and c.lower_ in _PERSONAL
        for d in deaths
        for c in d.children
    )
    for other in reversed(earlier):
        named = victims & {t.code for t in other.targets}
        if other.code[:2] in _KILLING_ROOTS and (
            named or (someone and not victims and other.code[:2] == _ASSAULT)
        ):
            killers = distinct(other.sources, act.sources)
            if killers:
                return replace(act, targets=killers, rule=act.rule + " target:avenged")
            break
    if not act.targets or not victims:
        return act
    # no killer told: revenge is never on the dead's own side, but on whom the avenger's
    # own force in the sentence is aimed ("fired missiles at Y, saying it was avenging ...")
    own = {s.code for s in act.sources}
    aimed = [
        t
        for other in earlier
        if other is not act
        and other.code[:2] in _KILLING_ROOTS
        and own & {s.code for s in other.sources}
        and other.trigger.token.sent == act.trigger.token.sent
        for t in other.targets
        if t.code not in victims
    ]
    return replace(act, targets=distinct(aimed, act.sources), rule=act.rule + " target:not-avenged")


def link_target(act: Act, roles: RoleReader) -> Act:
    """Aim force on a link between places at the other party it links the source to.

    "X blew up the roads that connected it to Y": cutting a tie to a party is done to
    that party (each one other than the source). The place a link is said to serve
    comes first: "X blocked the road linking Z to Y" cuts Z off (X->Z).
    """
    if act.targets or not act.sources or act.code[:2] not in _LINK_STRUCK_ROOTS:
        return act
    heads = {act.trigger.token.i: act.trigger.token, act.trigger.anchor.i: act.trigger.anchor}
    struck = [c for h in heads.values() for c in h.children if c.dep_ in {"dobj", "nsubjpass"}]
    links = [
        w
        for o in struck
        for w in o.subtree
        if w.dep_ in {"acl", "relcl"} and w.lemma_.lower() in _LINKING
    ]
    for link in links:
        served = [p for c in link.children if c.dep_ == "dobj" for p in roles.group(c)]
        ends = roles.phrase_parties([link], "to") + roles.phrase_parties([link], "with")
        linked = distinct(served, act.sources) or distinct(ends, act.sources)
        if linked:
            return replace(act, targets=linked, rule=act.rule + " target:linked")
    return act
