"""Whose territory force lands on when it strikes a foreign state's place in another state.

A state's force on what another state holds inside a third state falls on both: the
owner of the place and the state whose territory is struck ("Iran fired missiles at a
US air base in Qatar": Iran->US and Iran->Qatar), the CAMEO convention for force across
a border. Only a state firing on another state's place counts: an armed group's ground
is its own country's ("strikes on Houthi targets in Yemen" hit the Houthis), a state
firing inside its own borders acts at home, and an embassy or consulate is its state's
ground alone ("struck the X consulate in Damascus": X).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from contactline._roles import Party, RoleReader

__all__ = ["with_hosts"]

_FORCE_ROOTS = frozenset({"18", "19", "20"})
_OWNING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
"""Dependencies of a modifier that names a place's owner ("a US air base")."""
_STATE = "state"
_DIPLOMATIC = frozenset({"embassy", "consulate", "mission", "chancery", "legation"})
"""Places that are their owner's ground wherever they stand."""


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
        host = _host(place, roles) if place is not None else None
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


def _host(place: Token, roles: RoleReader) -> Party | None:
    """Return the state a place is said to be "in" ("a US air base in Qatar": Qatar)."""
    for prep in place.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for obj in prep.children:
            host = roles.own_party(obj) if obj.dep_ == "pobj" else None
            if host is not None and host.mention.kind == _STATE:
                return host
    return None
