"""Whom insurgents' force falls on when the text names only what it hits at home.

A country's own insurgents fight their country's state (the CAMEO convention codes the
state as the target): what they attack or seize at home, with no owner named, is the
state's. Three kinds of thing say so:

- what a state organ holds ("attacked army posts", "an offensive against military posts",
  "seized government positions");
- a place no one else is said to hold ("seized the town of X", "took control of X");
- civilians of no named country ("denied attacking civilians").

Ground they withdraw from, or refuse to leave, at home is the state's too ("would not
withdraw from the territory it holds").

Only groups whose insurgency is their own (the sector of their name, or "rebels",
"insurgents", "militants" said of them; "its forces" are the group's; any word for the
people of a group the actor base records as rebels: "RSF fighters") count: foreign
fighters ("Wagner fighters", a military company in the actor base) fight abroad.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from spacy.tokens import Token

from contactline._act_passes import Act
from contactline._actor_base import load_entities
from contactline._roles import Party, RoleReader
from contactline.actors import mention_for
from contactline.records import Mention, Span

__all__ = ["home_target"]

_STRUCK_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_PLACE_ROOTS = frozenset({"18", "19"})
"""Families whose force on a bare place or on civilians falls on the insurgents' state."""
_YIELDING = ("087", "1246")
"""Codes of withdrawing (de-escalation) and of refusing to: "from" ground at home."""
_STRUCK_PREPS = frozenset({"against", "on", "at", "upon"})
"""Prepositions of what force is used against ("an offensive against army posts")."""
_CONTROL = "control"
"""The noun of "took control of X": X is what is seized."""
_INSURGENT_WORDS = frozenset(
    {
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "militant",
        "militants",
        "guerrilla",
        "guerrillas",
    }
)
_OWN_NAME = "name:"
"""The rule prefix of a mention read from a group's own name, with the group's own sector."""
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_CIVILIANS = "CVL"
_REBELS = "REB"
_GUESSED = " target:sole-other-party"
"""The rule suffix of a target taken only for being the sentence's one other party: what
the act is done to at home says more ("captured the town near the X border": not X)."""


def home_target(act: Act, roles: RoleReader) -> Act:
    """Aim insurgents' force with no target at their own state when it falls at home.

    A target guessed for being the sentence's one other party gives way to it.
    """
    guessed = act.rule.endswith(_GUESSED)
    yielding = act.code.startswith(_YIELDING)
    struck = act.code[:2] in _STRUCK_ROOTS or yielding
    if (act.targets and not guessed) or not act.sources or not struck:
        return act
    homes = {_insurgent_home(_named(s.mention, roles)) for s in act.sources}
    if len(homes) != 1 or None in homes:
        return act
    organs = roles.lexicon.classes.get("ORGAN", frozenset())
    for word in _struck_words(act, yielding=yielding):
        if roles.party(word) is not None:
            continue
        if _organ_held(word, organs):
            return _aimed_home(act, word, "organ")
        if (act.code[:2] in _PLACE_ROOTS or yielding) and _home_ground(word, roles):
            return _aimed_home(act, word, "ground")
    return act


def _named(mention: Mention, roles: RoleReader) -> Mention:
    """Return the mention a pronoun-owned one ("its forces") stands for, else itself."""
    if mention.antecedent is None:
        return mention
    for other in roles.mentions:
        if other.span == mention.antecedent and other.party == mention.party:
            return _named(other, roles) if other is not mention else mention
    return mention


def _insurgent_home(mention: Mention) -> str | None:
    """Return the country of an insurgent group fighting at home, else ``None``."""
    if mention.kind != "group" or mention.sector != "REB" or mention.country == mention.party:
        return None
    words = {w.lower() for w in mention.text.split()}
    own = mention.rule.startswith(_OWN_NAME) or bool(words & _INSURGENT_WORDS)
    return mention.country if own or mention.party in _rebel_groups() else None


@cache
def _rebel_groups() -> frozenset[str]:
    """Return the armed groups the actor base records as rebels (RSF, not Wagner)."""
    with as_file(files("contactline") / "data" / "actors" / "entities.tsv") as path:
        entries = load_entities(Path(path))
    return frozenset(
        e.entity.party for e in entries if e.entity.kind == "group" and e.entity.sector == _REBELS
    )


def _organ_held(word: Token, organs: frozenset[str]) -> bool:
    """Whether a thing is a state organ's: "army posts", "military command headquarters"."""
    return any(
        w.lemma_.lower() in organs and w.dep_ in {"amod", "compound"}
        for w in word.subtree
        if w.i < word.i
    )


def _home_ground(word: Token, roles: RoleReader) -> bool:
    """Whether a thing is a place or civilians no one is said to own ("the town of X").

    Whatever one takes control of is ground ("took control of X").
    """
    if word.head.dep_ == "prep" and word.head.head.lower_ == _CONTROL:
        return word.ent_type_ != "PERSON"
    lemma = word.lemma_.lower()
    places = roles.lexicon.classes.get("PLACE", frozenset())
    if lemma in places or roles.lexicon.is_cue("place", lemma) or word.ent_type_ in _PLACE_ENTITIES:
        return True
    mention = mention_for(roles.doc, word.i, roles.mentions)
    return mention is not None and mention.party is None and mention.sector == _CIVILIANS


def _aimed_home(act: Act, word: Token, reason: str) -> Act:
    """Return the act aimed at its sources' country, the target standing at ``word``."""
    mention = act.sources[0].mention
    home = replace(
        mention,
        span=Span(word.idx, word.idx + len(word)),
        text=word.text,
        party=mention.country,
        kind="state",
        sector=None,
        name=None,
        antecedent=None,
        rule=f"{mention.rule}+home-{reason}",
    )
    rule = act.rule.removesuffix(_GUESSED)
    return replace(
        act, targets=(Party(token=word, mention=home),), rule=f"{rule} target:home-{reason}"
    )


def _struck_words(act: Act, *, yielding: bool = False) -> list[Token]:
    """Return the heads of what an act's verb or noun is done to.

    Its object or passive subject, the object of its "against"/"on" phrase (with
    ``yielding``, "from": what a withdrawal leaves), what "control of X" names, and
    their appositions.
    """
    preps = _STRUCK_PREPS | {"from"} if yielding else _STRUCK_PREPS
    heads = {act.trigger.token.i: act.trigger.token, act.trigger.anchor.i: act.trigger.anchor}
    words = [c for h in heads.values() for c in h.children if c.dep_ in {"dobj", "nsubjpass"}]
    words += [
        o
        for h in (*heads.values(), *words)
        for prep in h.children
        if prep.dep_ == "prep"
        and (prep.lower_ in preps or (prep.lower_ == "of" and h.lower_ == _CONTROL))
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    # "attacked X, the last army stronghold": an apposition says what X is
    words += [c for w in words for c in w.children if c.dep_ == "appos"]
    return [w for w in words if w.i != act.trigger.token.i and w.lower_ != _CONTROL]
