"""Targets from the other side: whom a demand or a truce is towards when its clause is silent.

Two passes over the acts of one sentence give an act with one source and no target the
party the rest of the sentence pairs it with:

- a demand or rebuff made by one side of a joint act is made of its partner ("X and Y
  finalised a treaty, but Y set conditions": Y->X);
- a truce one side declares is towards the party that answers it in the same sentence
  ("X declared a truce, and Y said it would respect it": X->Y).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from contactline._act_passes import Act, distinct
from contactline._roles import RoleReader

__all__ = ["partner_target", "truce_counterpart"]

_PARTNERED_ROOTS = frozenset({"10", "11", "12", "13", "16"})
"""Families of a demand or rebuff one side of a joint act makes of the other."""
_TRUCE_PREFIXES = ("0871", "0872", "0873", "0874")
"""Declared truces and withdrawals: done towards the side that answers them."""
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
