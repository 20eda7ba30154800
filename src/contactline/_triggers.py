"""Find event triggers: verbs and event nouns matched against the lexicon.

A verb matches a pattern on its lemma, the particle or preposition hanging off it and the
lemma of one of its objects. An event noun matches on its lemma and modifiers, and codes an
event only where the sentence makes it one (see ``_trigger_nouns.noun_license``). Then
:func:`select_triggers` pairs the triggers of a sentence: an appeal with the act it asks
for, an event noun with the verb that performs it, so that nothing is coded twice.
Last come readings of a trigger's own words: the weapon that refines a use of force
(:func:`by_weapon`), and triggers that name, retort or describe rather than report an act.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from contactline._event_lexicon import (
    CLAUSE_OBJECT,
    PARTY_OBJECT,
    EventLexicon,
    VerbPattern,
)
from contactline._trigger_nouns import (
    REQUEST_NOUNS,
    Trigger,
    coordinated_triggers,
    infinitive,
    noun_trigger,
)
from contactline._trigger_pairs import (
    APPEAL_ROOTS,
    RELATIVE_OBJECTS,
    relative_in_phrase,
    select_triggers,
)

__all__ = [
    "APPEAL_ROOTS",
    "REQUEST_NOUNS",
    "Trigger",
    "by_weapon",
    "definite",
    "describes",
    "find_triggers",
    "held_place",
    "names",
    "retorts",
    "select_triggers",
    "verb_trigger",
]

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "attr", "oprd", "acomp", "ccomp"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative", "advmod", "npadvmod"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_MISPARSED_DEPS = frozenset({"amod", "compound"})
_ARTICLES = frozenset({"the", "a", "an"})
_ASKING_ROOTS = frozenset({*APPEAL_ROOTS, "03", "13"})
"""Families of verbs that ask for, promise or threaten another act."""
_OBJECT_PREPS = frozenset({"of", "as", "between"})
"""Prepositions of a verb the parser may hang off its object ("hosted talks between X and Y")."""
_RESPONSIBILITY = "015"
"""Claiming responsibility: a noun names the act claimed, a clause is a report of it."""
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def find_triggers(sent: object, lexicon: EventLexicon) -> Iterator[Trigger]:
    """Yield the triggers of a sentence in text order."""
    verbs: dict[int, Trigger] = {}
    for token in sent:  # type: ignore[attr-defined]
        pos = token.pos_
        if _in_name(token):
            continue
        if pos == "VERB" and token.dep_ in _NOMINAL_DEPS and token.tag_ != "VBN":
            # "fighting broke out" is a noun; "denied hitting buildings" still a verb
            trigger = noun_trigger(token, lexicon)
            if trigger is None and token.dep_ not in {"nsubj", "nsubjpass"}:
                trigger = verb_trigger(token, lexicon)
        elif pos == "VERB":
            trigger = verb_trigger(token, lexicon) or _done_again(token, verbs)
            if trigger is None and token.tag_ in {"VBG", "VBN"}:
                trigger = noun_trigger(token, lexicon)
        elif pos == "AUX" and token.dep_ not in {"aux", "auxpass"}:
            trigger = verb_trigger(token, lexicon)  # a copula: "was worried that"
        elif pos in {"NOUN", "PROPN"}:
            trigger = noun_trigger(token, lexicon)
            if trigger is None and pos == "NOUN" and token.dep_ == "ROOT":
                trigger = verb_trigger(token, lexicon)
        else:
            continue
        if trigger is not None:
            yield trigger
            if trigger.license == "verb":
                verbs[token.i] = trigger
            else:
                yield from coordinated_triggers(trigger, lexicon)


def _done_again(token: Token, verbs: dict[int, Trigger]) -> Trigger | None:
    """Return the act a conjoined "do so" does again: "had not retaliated but would do so".

    "Do so" stands for the verb it is conjoined to, which the text does not repeat: the
    copy reads its parties from that verb and its mood from "do so" ("would": intended,
    threatened). After a verb that asks for, promises or threatens an act, "did so" is
    that act, which the asking verb's clause alone cannot say: no copy.
    """
    if token.lemma_.lower() != "do" or token.dep_ != "conj":
        return None
    after = token.doc[token.i + 1 : token.i + 2]
    if not (len(after) == 1 and after[0].lower_ == "so" and after[0].dep_ == "advmod"):
        return None
    done = verbs.get(token.head.i)
    if done is None or done.code[:2] in _ASKING_ROOTS:
        return None
    return replace(done, anchor=token, rule=f"{done.rule} do-so")


def _in_name(token: Token) -> bool:
    """Whether a capitalised verb belongs to a name: "the Group to Support Islam and Muslims".

    Names of movements and committees ("Committee to Protect Journalists") put a verb
    after "to"; capitalised there, after a capitalised word inside the sentence, it is
    a word of the name, no act.
    """
    if token.pos_ != "VERB" or not token.is_title:
        return False
    before = token.doc[token.i - 2 : token.i]
    return (
        len(before) == 2
        and before[1].lower_ == "to"
        and before[0].is_title
        and before[0].i > before[0].sent.start
    )


def verb_trigger(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """Return the most specific verb pattern ``token`` matches, if any."""
    patterns = lexicon.verbs.get(token.lemma_.lower())
    if not patterns:
        return None
    for pattern in patterns:
        particle = _particle(token, pattern) if pattern.particle else None
        if pattern.particle and particle is None:
            continue
        if pattern.objects and not _has_object(
            token, particle, pattern, clauses=pattern.code != _RESPONSIBILITY
        ):
            continue
        return Trigger(
            token=token,
            anchor=token,
            code=pattern.code,
            rule=pattern.rule,
            license="verb",
            particle=particle,
            objects=pattern.objects,
        )
    return None


def _particle(token: Token, pattern: VerbPattern) -> Token | None:
    first = frozenset(pattern.particle[0].split("|"))
    rest = tuple(w for w in pattern.particle[1:] if w not in _ARTICLES)
    children = sorted(token.children, key=lambda c: (c.i < token.i, c.i))
    # "accused X of Y", "used hospitals as cover", "hosted talks between X and Y" with the
    # preposition hung off the object
    children += [
        p for c in children if c.dep_ == "dobj" for p in c.children if p.lower_ in _OBJECT_PREPS
    ]
    if rest:
        children += [
            t for c in children if c.dep_ == "prep" for o in c.children for t in o.children
        ]
    for child in children:
        if child.dep_ in _PARTICLE_DEPS and child.lower_ in first:
            if not rest:
                return child
            following = [t.lower_ for t in child.doc[child.i + 1 : child.i + 2 * len(rest) + 2]]
            words = [w for w in following if w not in _ARTICLES][: len(rest)]
            if tuple(words) == rest:
                return child
    return None


def _has_object(
    token: Token, particle: Token | None, pattern: VerbPattern, *, clauses: bool = True
) -> bool:
    """Whether one of the verb's objects is one the pattern names.

    Without ``clauses``, a that-clause is no object: "X claimed the attack" claims
    responsibility, "X claimed its forces had struck Y" reports the strike.
    """
    if particle is not None:
        candidates = [c for c in particle.subtree if c.dep_ in {"pobj", "pcomp"}]
        # "rejected the claim as absurd": the adjective the particle takes
        candidates += [c for c in particle.children if c.pos_ == "ADJ"]
        candidates += [particle.head] if particle.dep_ == "prt" else []
        candidates += [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    else:
        candidates = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
        # "allowed aid to reach X": the subject of the to-infinitive the verb lets happen
        candidates += [
            s
            for c in token.children
            if c.dep_ == "ccomp" and infinitive(c)
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    if token.dep_ in _MISPARSED_DEPS or (token.dep_ == "acl" and token.tag_ == "VBN"):
        # a reduced relative acts on the noun it describes: "missiles launched by X"
        candidates.append(token.head)
    if CLAUSE_OBJECT in pattern.objects and _infinitive_clause(token):
        return True
    if not clauses:
        candidates = [c for c in candidates if c.dep_ != "ccomp"]
    if (
        token.dep_ == "relcl"
        and all(c.lower_ in RELATIVE_OBJECTS for c in token.children if c.dep_ == "dobj")
        and not relative_in_phrase(token)
    ):
        # an object relative clause acts on the noun it describes: "a charge X denied"
        candidates.append(token.head)
    for candidate in candidates:
        related = [c for c in candidate.children if c.dep_ in {"conj", "amod", "compound", "appos"}]
        related += [
            o
            for c in candidate.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
        ]
        for word in (candidate, *related):
            # "military+aid": the object with that modifier ("suspended military aid",
            # "destroyed dozens of combat vehicles")
            modifiers = [c for c in word.children if c.dep_ in {"amod", "compound"}]
            if any(
                f"{m.lemma_.lower()}+{word.lemma_.lower()}" in pattern.objects for m in modifiers
            ):
                return True
        for word in (candidate, *related):
            if word.lemma_.lower() in pattern.objects or word.lower_ in pattern.objects:
                return True
            if word.pos_ == "PROPN" and PARTY_OBJECT in pattern.objects:
                return True
        if "hundreds" in pattern.objects and _in_hundreds(candidate):
            return True  # "killed at least 200 people" is "killed hundreds"
    return False


def _in_hundreds(noun: Token) -> bool:
    """Whether a noun counts a hundred or more: "at least 200 people", "1,000 civilians"."""
    counts = [c.text.replace(",", "") for c in noun.children if c.dep_ == "nummod"]
    return any(n.isdigit() and int(n) >= 100 for n in counts)


def _infinitive_clause(verb: Token) -> bool:
    """Whether ``verb`` governs a to-infinitive clause ("ordered X to withdraw")."""
    return any(c.dep_ in {"xcomp", "ccomp"} and infinitive(c) for c in verb.children)


def by_weapon(
    trigger: Trigger, code: str, lexicon: EventLexicon, subject_word: Token | None
) -> str:
    """Refine a use of force by who or what does it.

    Force from the air is 195 ("bombers struck", "hit it with missiles"); violence by
    protesters is a violent protest, 145 ("protesters attacked the embassy"); peacekeepers
    deploying provide peacekeeping, 074 ("peacekeepers began deploying").
    """
    subject = subject_word if trigger.license == "verb" else None
    subjects = [subject] if subject is not None else []
    peacekeepers = lexicon.classes.get("PK", frozenset())
    if code[:2] == "15" and any(s.lemma_.lower() in peacekeepers for s in subjects):
        return "074"
    if code[:2] in {"18", "19"} and trigger.license == "verb":
        protesters = lexicon.classes.get("PROTESTER", frozenset())
        if any(
            c.dep_ == "nsubj" and c.lemma_.lower() in protesters for c in trigger.token.children
        ):
            return "145"
    if code == "190" and trigger.token.lemma_.lower() == "kill" and _many(trigger.token):
        return "202"
    if code != "190" or trigger.license != "verb":
        return code
    # the weapon decides the kind of force: from the air 195, heavy 194, small arms 193
    weapons = _instruments(trigger.token)
    for name, refined in (("AERIAL", "195"), ("HEAVY", "194"), ("SMALLARMS", "193")):
        words = lexicon.classes.get(name, frozenset())
        if any(w.lemma_.lower() in words or w.lower_ in words for w in weapons):
            return refined
    return code


def _instruments(verb: Token) -> list[Token]:
    """Return the words that say what force was used: subject, agent, "with"/"by" objects."""
    heads: list[Token] = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        heads.append(verb.head)  # "a missile fired by X": the missile
    for child in verb.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"with", "by"}:
            heads += [o for o in child.children if o.dep_ == "pobj"]
    return heads + [m for h in heads for m in h.children if m.dep_ in {"compound", "amod", "nmod"}]


def _many(verb: Token) -> bool:
    """Return whether a verb's object counts a hundred or more ("killed more than 800 people")."""
    return any(_in_hundreds(c) for c in verb.children if c.dep_ == "dobj")


def held_place(trigger: Trigger) -> bool:
    """Whether an occupation only describes a place another act names.

    "ordered X to withdraw from the areas it occupied": the occupation says which areas;
    it is no news of its own. The place is the clause's gap: a clause with an object or
    relative pronoun of its own ("the areas which it took", "... had entered X") is not.
    """
    verb = trigger.token
    place = verb.head
    return (
        trigger.code[:3] == "192"
        and trigger.license == "verb"
        and verb.dep_ == "relcl"
        and place.dep_ in {"pobj", "dobj"}
        and (place.head.pos_ == "VERB" or place.head.head.pos_ == "VERB")
        and not any(c.dep_ == "dobj" or c.tag_ == "WDT" for c in verb.children)
    )


def names(trigger: Trigger) -> bool:
    """Whether an appeal verb only names something ("what she called attacks on X")."""
    return (
        trigger.code[:2] in APPEAL_ROOTS
        and trigger.license == "verb"
        and any(c.dep_ == "oprd" for c in trigger.token.children)
    )


def retorts(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a negated verb says an act will be answered ("will not go unanswered")."""
    return any(c.dep_ == "neg" for c in verb.children) and any(
        c.dep_ in {"acomp", "oprd", "advmod"} and lexicon.is_cue("retort", c.lower_)
        for c in verb.children
    )


def definite(trigger: Trigger) -> bool:
    """Whether an event noun is a bare definite, retelling: "the attack came days after ...".

    A definite noun that says more of its event ("the conflict in X began in 1988")
    tells it.
    """
    children = list(trigger.token.children)
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children) and all(
        c.dep_ in {"det", "relcl", "punct"} for c in children
    )


def describes(verb: Token) -> bool:
    """Whether a past participle describes the noun it modifies ("X-backed rebels")."""
    return verb.dep_ == "amod" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}
