"""Pair the triggers of a sentence so that nothing is coded twice.

An appeal, demand or refusal takes the act it asks for ("called on X to cease fire"); an
event noun done by a coded verb ("declared martial law") is coded once; acts that are
only named (the clause a party declines to comment on, what a vetoed text calls for, what
a yielding act undoes) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from contactline._event_lexicon import EventLexicon
from contactline._trigger_nouns import REQUEST_NOUNS, Trigger, infinitive, setting

__all__ = [
    "APPEAL_ROOTS",
    "RELATIVE_OBJECTS",
    "relative_in_phrase",
    "select_triggers",
]

APPEAL_ROOTS = {"02": "appeal", "10": "demand", "12": "refuse"}
"""Families whose verb asks for, demands or refuses another act; the kind names derive.tsv's table."""
_MOOD_ROOTS = frozenset({"03", "12", "13"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_HARMING_ROOTS = frozenset({"17", "18", "19", "20"})
"""Families of acts that harm or kill: force of another family can be their means."""
_FIGHTING_FOR = "062"
_MILITARY_AID = "072"
RELATIVE_OBJECTS = frozenset({"which", "that", "whom"})
"""Relative pronouns that stand for the noun a clause describes."""


def relative_in_phrase(verb: Token) -> bool:
    """Whether a relative clause's pronoun is the object of a preposition ("under which")."""
    return any(
        o.lower_ in RELATIVE_OBJECTS
        for c in verb.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj"
    )


def _signs(verb: Trigger, noun: Trigger) -> bool:
    """Return whether a verb signs a truce: "signed a ceasefire" is the signing and the truce.

    Only the thing signed counts: "signed a statement on a ceasefire" is the statement.
    """
    signed = noun.token.head.i == verb.token.i and noun.token.dep_ == "dobj"
    return verb.code == "057" and noun.code[:2] == "08" and signed


def select_triggers(
    triggers: list[Trigger], lexicon: EventLexicon
) -> list[tuple[Trigger, Trigger | None]]:
    """Pair each appeal or demand with the act it asks for, and drop the act itself.

    An event noun done by a coded verb ("declared martial law", "provided military aid")
    keeps the noun's code unless the verb asks, offers or refuses it ("called for a
    ceasefire"), in which case the verb's code stands for both.
    """
    by_anchor: dict[int, list[Trigger]] = {}
    for trigger in triggers:
        if trigger.license in {"perform", "charge"} or (
            trigger.license == "agent" and trigger.token.head.i == trigger.anchor.i
        ):
            by_anchor.setdefault(trigger.anchor.i, []).append(trigger)
    dropped: set[int] = set()
    stand_in: dict[int, Trigger] = {}
    means: dict[int, list[Trigger]] = {}
    # "the attack killed ten people": the killing is the attack, coded once ("a campaign
    # killed ten people" names no act of its own: the killing stands)
    verbs = [t for t in triggers if t.license == "verb"]
    noun_tokens = {t.token.i for t in triggers if t.license != "verb"}
    dropped.update(
        t.token.i
        for t in verbs
        if t.code[:2] in _FORCE_ROOTS and _done_by_event(t, lexicon, noun_tokens)
    )
    # "an offensive would threaten the treaty" endangers it, no party's threat ("the attack
    # will not go unanswered", with no object, is its victim's)
    dropped.update(
        t.token.i
        for t in verbs
        if t.code[:2] == "13"
        and any(c.dep_ == "dobj" for c in t.token.children)
        and _done_by_event(t, lexicon, None)
    )
    # "declined to say whether it had struck X": the clause left unsaid is no act
    dropped.update(
        o.token.i
        for t in verbs
        if t.code == "011"
        for o in triggers
        if o.token.i != t.token.i and _commented_on(o.token, t.token)
    )
    # "attempted to kill X", "applied to join": a clause that is the pattern's own object
    # is what the verb names, coded once
    by_token = {t.token.i: t for t in verbs}
    # "helped broker a truce": bare help is the act it helps with, coded once
    dropped.update(
        t.token.i
        for t in verbs
        if t.code[:2] == "07"
        and not t.objects
        and t.particle is None
        and any(o.token.dep_ == "xcomp" and o.token.head.i == t.token.i for o in verbs)
    )
    dropped.update(
        t.token.i
        for t in verbs
        if t.token.dep_ == "xcomp"
        and t.token.head.i in by_token
        and t.token.lemma_.lower() in by_token[t.token.head.i].objects
    )
    # "blocked the road to protest the handover", "summoned the envoy to protest": the
    # protest is the act done for it, coded once; "gathered to protest" is the protest
    dropped.update(
        t.token.i
        for t in verbs
        if t.code[:2] == "14"
        and t.token.dep_ in {"advcl", "xcomp"}
        and infinitive(t.token)
        and t.token.head.i in by_token
        and t.token.head.i != t.token.i
    )
    # "warned X against holding drills": the act warned against is not done
    dropped.update(
        o.token.i
        for t in verbs
        if t.code[:2] == "13" and t.particle is not None and t.particle.lower_ == "against"
        for o in triggers
        if o.token in t.particle.subtree
    )
    # "lifted the sanctions it had imposed": what is undone was done before, as background
    dropped.update(t.token.i for t in verbs if _undone(t.token, by_token))
    # "vetoed a resolution calling for a truce": the call is the rejected text's, not an act
    dropped.update(
        t.token.i
        for t in verbs
        if t.token.dep_ == "acl"
        and t.token.head.dep_ == "dobj"
        and t.token.head.lemma_.lower() in lexicon.classes.get("DECREE", frozenset())
        and by_token.get(t.token.head.head.i, t).code[:2] == "12"
    )
    # "an agreement to end the war": the clause is what the agreement is about.
    dropped.update(
        t.token.i
        for t in verbs
        if t.token.dep_ == "acl" and t.token.head.i in noun_tokens and infinitive(t.token)
    )
    recoded = _sent_to_fight(verbs, by_token, lexicon)
    dropped.update(t.anchor.i for t in recoded.values())
    for trigger in verbs:
        if trigger.code[:2] == "11":  # "accused X of war crimes": the charge is the accusation
            dropped.update(
                n.token.i for n in by_anchor.get(trigger.token.i, []) if n.code[:2] == "11"
            )
            continue
        for noun in by_anchor.get(trigger.token.i, []):
            if noun.code[:2] == trigger.code[:2]:
                dropped.add(trigger.token.i)
                stand_in[trigger.token.i] = noun
            elif not (
                trigger.code[:2] in APPEAL_ROOTS or _signs(trigger, noun) or _scene(noun, verbs)
            ):
                dropped.add(noun.token.i)
                if _means(trigger, noun):
                    # the means is done by the verb's parties: "killed X in an air strike"
                    means.setdefault(trigger.token.i, []).append(
                        replace(
                            trigger,
                            code=noun.code,
                            rule=f"{noun.rule} means:{trigger.token.lower_}",
                        )
                    )
    embedded: dict[int, list[Trigger]] = {}
    for trigger in verbs:
        if trigger.code[:2] in _MOOD_ROOTS and not trigger.particle:
            inner = _embedded_verb(trigger, triggers)
            if inner is not None and inner.token.dep_ == "xcomp":
                dropped.add(trigger.token.i)
        if trigger.code[:2] == "08":
            # "stopped targeting each other": the stopped act is no act of its own; the
            # purpose of a truce ("agreed to a truce to allow the release") is
            dropped.update(
                t.token.i
                for t in verbs
                if t.token.head.i == trigger.token.i
                and t.token.dep_ in {"xcomp", "dobj"}
                and not infinitive(t.token)
            )
        if trigger.code[:2] not in APPEAL_ROOTS:
            continue
        first = _embedded_verb(trigger, triggers)
        inners: list[Trigger] = []
        if first is not None:
            for verb in (first, *_conjoined(first, triggers)):
                dropped.update(n.token.i for n in by_anchor.get(verb.token.i, []))
                inners.append(stand_in.get(verb.token.i, verb))
        else:
            nouns = by_anchor.get(trigger.token.i, [])
            inners = [n for n in nouns if n.code[:2] != trigger.code[:2] and not _scene(n, verbs)][
                :1
            ]
        for inner in inners:
            dropped.update({inner.token.i, inner.anchor.i} - {trigger.token.i})
        if inners:
            embedded[trigger.token.i] = inners
    return [
        (recoded.get(t.token.i, t), inner)
        for t in triggers
        if t.token.i not in dropped
        for inner in embedded.get(t.token.i, [None])
    ] + [(m, None) for i, found in means.items() if i not in dropped for m in found]


def _sent_to_fight(
    verbs: Iterable[Trigger], by_token: dict[int, Trigger], lexicon: EventLexicon
) -> dict[int, Trigger]:
    """Recode fighting for a party that a dispatch of troops is for as military aid to it.

    "X sent troops to fight for Y" is X's military aid to Y (072), coded once: the
    dispatch is dropped and the fighting, which names Y, carries the aid. The returned
    triggers are keyed by the fighting verb; each one's ``anchor`` is the dispatch.
    """
    fighters = lexicon.classes.get("MIL", frozenset()) | lexicon.classes.get("ARMED", frozenset())
    recoded: dict[int, Trigger] = {}
    for fight in verbs:
        sender = by_token.get(fight.token.head.i)
        if (
            fight.code != _FIGHTING_FOR
            or fight.particle is None
            or fight.particle.lower_ != "for"
            or fight.token.dep_ not in {"advcl", "xcomp"}
            or not infinitive(fight.token)
            or sender is None
            or sender.token.i == fight.token.i
            or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in fighters for c in sender.token.children
            )
        ):
            continue
        recoded[fight.token.i] = replace(
            fight,
            code=_MILITARY_AID,
            anchor=sender.token,
            rule=f"{fight.rule} sent:{sender.token.lower_}",
        )
    return recoded


def _means(verb: Trigger, noun: Trigger) -> bool:
    """Whether force a verb's "in" phrase names is an act of its own beside the verb's.

    "X killed the leader of Y in an air strike" is an assassination (18) done by an air
    strike (19): two acts of the same parties, the strike coded on the verb. Force of the
    verb's own family ("killed soldiers in a strike") is one act, coded once by the noun.
    """
    phrase = noun.token.head
    return (
        noun.license == "charge"
        and noun.code[:2] in _FORCE_ROOTS
        and verb.code[:2] in _HARMING_ROOTS
        and noun.token.dep_ == "pobj"
        and phrase.lower_ == "in"
        and phrase.head.i == verb.token.i
    )


def _undone(verb: Token, by_token: dict[int, Trigger]) -> bool:
    """Whether a relative clause describes what a yielding act (08) undoes."""
    noun = verb.head
    gap = all(c.lower_ in RELATIVE_OBJECTS for c in verb.children if c.dep_ == "dobj")
    if verb.dep_ != "relcl" or relative_in_phrase(verb) or not gap:
        return False  # "the areas it occupied"; "a truce under which troops withdraw" acts
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "most of the sanctions it had imposed"
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    undoing = by_token.get(governor.i)
    return noun.dep_ in {"dobj", "pobj"} and undoing is not None and undoing.code[:2] == "08"


def _scene(noun: Trigger, verbs: Iterable[Trigger]) -> bool:
    """Whether a meeting noun is where its verb happened: "agreed in a phone call to ...".

    Talks that a coded verb describes ("after talks mediated by X") are that verb's act.
    """
    return (
        noun.license == "charge"
        and noun.code[:2] == "04"
        and setting(noun.token) is not None
        and not any(v.token.head.i == noun.token.i for v in verbs)
    )


def _done_by_event(trigger: Trigger, lexicon: EventLexicon, coded: set[int] | None) -> bool:
    """Return whether a verb's subject is an event noun ("the strike that killed ...").

    With ``coded``, only a noun among those token indices counts: a noun the sentence does
    not code as an act ("a campaign killed ...") leaves the verb as the act.
    """
    token = trigger.token
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ == "relcl" and not subjects:
        subjects = [token.head]
    if any(s.lower_ in {"that", "which"} for s in subjects) and token.dep_ == "relcl":
        subjects = [token.head]
    return any(
        s.lemma_.lower() in lexicon.nouns and (coded is None or s.i in coded) for s in subjects
    )


def _commented_on(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in the clause ``verb`` declines to say: "to say whether ..."."""
    sayers = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        c.i > verb.i and c.dep_ == "ccomp" and token in c.subtree
        for sayer in sayers
        for c in sayer.children
    )


def _conjoined(trigger: Trigger, triggers: Iterable[Trigger]) -> list[Trigger]:
    """Return the verb triggers conjoined to ``trigger`` ("to stop the fighting and return")."""
    return [
        t
        for t in triggers
        if t.license == "verb" and t.token.dep_ == "conj" and t.token.head.i == trigger.token.i
    ]


def _embedded_verb(trigger: Trigger, triggers: Iterable[Trigger]) -> Trigger | None:
    """Return the act a verb asks for: its clause, or the clause of its request noun.

    "called on X to cease fire", "rejected calls by X to withdraw its troops".
    """
    requests = [
        c for c in trigger.token.children if c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS
    ]
    for other in triggers:
        if other.license != "verb":
            continue
        if other.token.head.i == trigger.token.i and other.token.dep_ in {
            "xcomp",
            "advcl",
            "ccomp",
        }:
            return other
        if any(
            other.token.head.i == r.i and other.token.dep_ in {"acl", "relcl", "advcl"}
            for r in requests
        ):
            return other
    return None
