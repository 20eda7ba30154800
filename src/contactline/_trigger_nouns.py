"""Event nouns: match a noun against the lexicon and read how the sentence makes it an event.

A noun codes an event only where the sentence makes it one (:func:`noun_license`): as
the subject of an occurrence verb, the object of a performing verb, with its agent
named, or (meetings) as the scene of a verb. :class:`Trigger` is the match, verb or noun.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from contactline._event_lexicon import EventLexicon, NounPattern

License = Literal["verb", "occur", "perform", "charge", "agent"]

_FORCE_ROOTS = frozenset({"18", "19", "20"})
"""Force a party is not interested in ("not interested in war") is no act refused."""
_PERPETRATING = frozenset({"commit", "perpetrate"})
"""Performing verbs whose object is a misdeed done, never a charge made ("committed crimes")."""
_FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll"})
_BREACH = "196"
"""The code of a breach of a truce, whose bare noun takes the truce its sentence names."""
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_SETTING_PREPS = frozenset({"after", "at", "during", "in"})
_TRIP_NOUNS = frozenset({"visit", "trip", "tour"})  # set the scene after "on" too
_SHARES = frozenset({"part", "role", "involvement", "participation", "complicity", "hand"})
"""Nouns of a share in an act: "taking part in", "a role in", "involvement in"."""
_WARS = frozenset({"war", "conflict", "crisis", "hostility", "hostilities", "fighting"})
"""Nouns of a war as a whole, in which a share is a side taken, not an act done."""
_CHARGE_PREPS = frozenset({"of", "for", "on", "against", "to", "into", "with", "about", "over"})
REQUEST_NOUNS = frozenset(
    {"call", "demand", "request", "appeal", "proposal", "offer", "plea", "ultimatum"}
)
"""Nouns whose "for" object or clause is an act asked for ("calls for a ceasefire")."""
_HARM_VERBS = frozenset({"kill", "wound", "injure", "die", "destroy", "damage", "hit"})
_MEASURE_NOUNS = (
    frozenset({"state", "act", "series", "wave", "round", "number", "kind"})
    | frozenset({"day", "week", "month", "year", "hour", "night", "dozen", "hundred", "thousand"})
    | frozenset({"barrage", "spate", "string"})
)
"""Nouns that measure an event noun: "a state of emergency", "two weeks of exercises"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    """A matched trigger.

    ``token`` is the verb or noun; ``anchor`` is the verb whose clause carries the event
    (the verb itself, or the verb an event noun is the subject or object of); ``particle``
    is the preposition the pattern required, if any.
    """

    token: Token
    anchor: Token
    code: str
    rule: str
    license: License
    particle: Token | None = None
    objects: frozenset[str] = frozenset()


def noun_trigger(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """Return the most specific noun pattern ``token`` matches where it is licensed."""
    pattern = next((p for p in _noun_patterns(token, lexicon) if _has_modifier(token, p)), None)
    if pattern is None:
        return None
    licensed = noun_license(token, lexicon, pattern.code[:2])
    if licensed is None:
        return None
    license, anchor = licensed
    if _ruled_out(token):
        # "there will be no talks with X": the meeting is refused
        code = lexicon.derived("refuse", pattern.code)
        return Trigger(
            token=token, anchor=anchor, code=code, rule=f"{pattern.rule} refuse:no", license=license
        )
    return Trigger(
        token=token, anchor=anchor, code=pattern.code, rule=pattern.rule, license=license
    )


def _ruled_out(token: Token) -> bool:
    """Whether a meeting is said never to come: "there will be no negotiations with X".

    The noun takes "no" and is what a "there" will or would be; "there were no talks"
    only describes.
    """
    verb = token.head
    return (
        token.dep_ == "attr"
        and verb.lemma_ == "be"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
        and any(c.dep_ == "expl" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in verb.children)
    )


def coordinated_triggers(trigger: Trigger, lexicon: EventLexicon) -> list[Trigger]:
    """Return the further acts a noun names through coordinated modifiers.

    "military and economic cooperation" is military cooperation (062) and economic
    cooperation (061): each conjunct of a modifier that another pattern of the noun names
    adds that pattern's act, licensed as the noun is.
    """
    token = trigger.token
    patterns = _noun_patterns(token, lexicon)
    codes = {trigger.code}
    found: list[Trigger] = []
    for child in token.children:
        conjuncts = [c for c in child.children if c.dep_ == "conj"]
        if child.dep_ not in {"amod", "compound"} or not conjuncts:
            continue
        for word in (child, *conjuncts):
            words = {word.lemma_.lower(), word.lower_}
            pattern = next((p for p in patterns if words & p.modifiers), None)
            if pattern is not None and pattern.code not in codes:
                codes.add(pattern.code)
                found.append(replace(trigger, code=pattern.code, rule=pattern.rule))
    return found


def _noun_patterns(token: Token, lexicon: EventLexicon) -> Sequence[NounPattern]:
    """Return the noun patterns of a token's lemma, else of its word as written."""
    return lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_) or ()


def _has_modifier(token: Token, pattern: NounPattern) -> bool:
    if not pattern.modifiers:
        return True
    words: list[Token] = []
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS:
            words.append(child)
            words.extend(c for c in child.children if c.dep_ == "conj" or c.dep_ in _MODIFIER_DEPS)
        elif child.dep_ == "prep" and child.lower_ in {"of", "into", "on"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words.append(obj)
                    words.extend(
                        c for c in obj.children if c.dep_ in _MODIFIER_DEPS or c.dep_ == "conj"
                    )
    if any(w.lemma_.lower() in pattern.modifiers or w.lower_ in pattern.modifiers for w in words):
        return True
    return pattern.code == _BREACH and _bare_breach(token, pattern, words)


def _bare_breach(token: Token, pattern: NounPattern, words: list[Token]) -> bool:
    """Whether a bare breach ("repeated violations") breaks the truce its sentence names.

    "Hours after the truce began, X accused Y of repeated violations": the violations are
    of that truce. A breach with a modifier of its own ("violations of human rights",
    "border violations") names what it breaks.
    """
    if any(w.dep_ != "amod" for w in words):
        return False
    return any(
        w.lemma_.lower() in pattern.modifiers for w in token.sent if w.pos_ in {"NOUN", "PROPN"}
    )


def _share_charged(noun: Token, prep: Token, lexicon: EventLexicon) -> Token | None:
    """Return the verb charging or denying a share in an act: "of involvement in the attack".

    "X accused Y of taking part in the attack", "of a role in the attack", "denied any
    involvement in the attack": the act is charged (or denied) as the verb's own charge.
    A share in a war ("involvement in the conflict") is taking a side, no act charged.
    """
    wars = lexicon.classes.get("HOSTILITY", frozenset()) | _WARS
    if noun.lemma_.lower() in wars:
        return None
    share = prep.head
    if share.pos_ == "VERB":  # "taking part in" with "in" hung off the verb
        share = next(
            (c for c in share.children if c.dep_ == "dobj" and c.lemma_.lower() in _SHARES),
            share,
        )
    if prep.lower_ != "in" or share.lemma_.lower() not in _SHARES:
        return None
    governor = share.head
    if share.dep_ == "dobj" and governor.pos_ == "VERB" and governor.dep_ == "pcomp":
        governor = governor.head.head  # "of taking part in", "of playing a role in"
    elif share.dep_ == "pobj" and governor.lower_ in _CHARGE_PREPS:
        governor = governor.head  # "of involvement in"
    if _misattached_charge(governor, lexicon):
        governor = governor.head
    lemma = governor.lemma_.lower()
    if governor.pos_ == "VERB" and (
        lexicon.is_cue("accuse", lemma) or lexicon.is_cue("deny", lemma)
    ):
        return governor
    return None


def _misattached_charge(noun: Token, lexicon: EventLexicon) -> bool:
    """Return whether a prepositional phrase hangs off the accused instead of the accusing verb."""
    return (
        noun.dep_ == "dobj"
        and noun.head.pos_ == "VERB"
        and (noun.pos_ in {"PROPN", "PRON"} or lexicon.is_cue("accuse", noun.head.lemma_.lower()))
    )


def noun_license(
    token: Token, lexicon: EventLexicon, pattern_root: str = ""
) -> tuple[License, Token] | None:
    """Return how the sentence makes an event noun an event, and the verb that carries it.

    1. The noun (or the noun it is "of": "a state of emergency") is the subject of an
       occurrence verb: "fighting broke out", "negotiations have been underway".
    2. It is the object of a performing verb, or the "of"/"for"/"on" object of one:
       "declared martial law and general mobilization", "accused X of attacks",
       "called for a ceasefire".
    3. It names its agent: "X's invasion of Y", "attacks by X", or (force) the parties
       it is between: "after clashes between X and Y"; or (force) it is what a party
       repels, someone else's act: "X repelled a Y assault on the town"; or it is what a
       verb of provoking brings about, with a named agent: "prompting an Arnorian rebuke".

    4. It is what a party says it does not want: "X is not interested in talks" (a
       refusal; see :func:`spurned`). A noun that is only feared ("afraid of reprisals by X") is none.
    """
    head = _phrase_head(token)
    verb = head.head
    lemma = verb.lemma_.lower()
    if _feared(head, lexicon):
        return None
    occurs = lexicon.is_cue("occur", lemma) or any(
        c.dep_ == "acomp" and lexicon.is_cue("occur", c.lemma_.lower()) for c in verb.children
    )
    if head.dep_ in {"nsubj", "nsubjpass"} and occurs:
        return "occur", verb
    committed = pattern_root == "11" and lemma in _PERPETRATING
    if head.dep_ in {"dobj", "attr", "oprd"} and lexicon.is_cue("perform", lemma) and not committed:
        # "committed war crimes" is the crime, no accusation by whoever committed it
        return "perform", verb
    if pattern_root == "04" and _ruled_out(token):
        # the refusal is the speaker's: "X said there would be no talks"
        said = verb.dep_ in {"ccomp", "parataxis"} and lexicon.is_cue(
            "report", verb.head.lemma_.lower()
        )
        return "perform", verb.head if said else verb
    if head.dep_ == "pobj" and verb.lower_ == "in" and verb.head.lemma_.lower() in _HARM_VERBS:
        return "charge", verb.head  # "killed in an Israeli air strike"
    requested = verb.lower_ == "for" and verb.head.lemma_.lower() in REQUEST_NOUNS
    if head.dep_ == "pobj" and requested and verb.head.head.pos_ == "VERB":
        return "charge", verb.head.head
    if (
        head.dep_ == "compound"
        and verb.lemma_.lower() in REQUEST_NOUNS
        and verb.dep_ == "dobj"
        and verb.head.pos_ == "VERB"
    ):
        return "charge", verb.head  # "accepted a ceasefire proposal"
    if head.dep_ == "pobj" and (charged := _share_charged(head, verb, lexicon)) is not None:
        return "charge", charged  # "accused X of taking part in the attack"
    if (
        head.dep_ in {"pobj", "pcomp"}
        and verb.dep_ in {"prep", "prt"}
        and verb.lower_ in _CHARGE_PREPS
    ):
        governor = verb.head
        if _misattached_charge(governor, lexicon):
            governor = governor.head  # "accused X of Y" with "of" misattached to X
        if governor.pos_ == "VERB" and lexicon.is_cue("perform", governor.lemma_.lower()):
            return "charge", governor
    if (
        pattern_root == "04"
        and (scene := setting(token)) is not None
        and not lexicon.is_cue("report", scene.lemma_.lower())
    ):
        # "agreed at a meeting in Prague", "after ten hours of talks": they met
        return "charge", scene
    refusal = spurned(token, lexicon) if pattern_root not in _FORCE_ROOTS else None
    if refusal is not None and refusal.head.pos_ in {"AUX", "VERB"}:
        return "charge", refusal.head  # "X was not interested in a truce": X refuses it
    if head.dep_ == "dobj" and lexicon.is_cue("provoke", lemma) and _named_agent(token):
        return "agent", verb  # "prompting an Arnorian rebuke": Arnor's, in answer
    if pattern_root == "11":
        return None  # an accusation noun is an event only as the charge of an accusation
    if head.dep_ == "dobj" and pattern_root in _FORCE_ROOTS and lexicon.is_cue("intercept", lemma):
        return "agent", verb  # "X repelled a Y assault on the town": Y's act, against X
    # "drone attacks on X that it blamed on Y", the clause also hung off X
    placed = [o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for word in (token, *placed):
        for child in word.children:
            if child.dep_ == "relcl" and _judges_its_noun(child, lexicon):
                return "charge", child
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return "agent", _verb_of(token)
        if child.dep_ == "prep" and child.lower_ == "by":
            return "agent", _verb_of(token)
        if child.dep_ == "prep" and child.lower_ == "between" and pattern_root in {"18", "19"}:
            return "agent", _verb_of(token)  # "after clashes between X and Y": they fought
    return None


def spurned(token: Token, lexicon: EventLexicon) -> Token | None:
    """Return the negated word of wanting an event noun is the object of.

    "X was not interested in a truce": the adjective (a ``refuse`` cue, negated) whose
    "in" or "for" phrase names the act refused.
    """
    head = _phrase_head(token)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in {"for", "in"}:
        return None
    word = prep.head
    if word.pos_ != "ADJ" or not lexicon.is_cue("refuse", word.lemma_.lower()):
        return None
    return word if _negated(word) else None


def purpose_object(verb: Token, lexicon: EventLexicon) -> Token | None:
    """Return the object of the verb a to-infinitive states the purpose of, if it has one.

    "agreed to a truce to exchange prisoners", "signed an agreement to end the war": the
    verb the infinitive hangs on has an object of its own, named before the infinitive;
    the infinitive says what that object is for, no second act of the subject. An
    infinitive whose own object is an event ("a truce to allow the release of hostages")
    lets that event happen: it is an act of its own.
    """
    if verb.dep_ not in {"xcomp", "advcl"} or not infinitive(verb):
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.nouns for c in verb.children):
        return None
    for child in verb.head.children:
        if child.i > verb.i:
            continue
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def infinitive(token: Token) -> bool:
    """Whether a verb is a to-infinitive ("to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def undergone(trigger: Trigger) -> bool:
    """Whether a verb's subject suffers the act its "under" phrase names.

    "X came under fire from Y", "the town remained under attack": the subject is the
    target, the "from" or "by" phrase the source. A verb with an object of its own puts
    that object under something ("put X under house arrest") and keeps its roles.
    """
    verb = trigger.token
    return (
        trigger.license == "verb"
        and trigger.particle is not None
        and trigger.particle.lower_ == "under"
        and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
    )


def _named_agent(noun: Token) -> bool:
    """Whether an event noun names who does it ("an Arnorian rebuke", "protests from X")."""
    return any(
        c.dep_ == "amod" and c.ent_type_ == "NORP" or c.dep_ == "prep" and c.lower_ == "from"
        for c in noun.children
    )


def _negated(word: Token) -> bool:
    """Whether a predicate adjective or its copula is negated ("was not interested")."""
    return any(c.dep_ == "neg" for t in (word, word.head) for c in t.children)


def _feared(head: Token, lexicon: EventLexicon) -> bool:
    """Whether an event noun is only feared: "afraid of reprisals by X", "feared attacks".

    The noun is the object of a fear word, or of its "of", "about" or "over" phrase.
    """
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ in {"of", "about", "over"}:
        governor = governor.head
    elif head.dep_ != "dobj":
        return False
    return lexicon.is_cue("fear", governor.lemma_.lower())


def _judges_its_noun(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a relative clause blames or condemns the noun it describes ("that X blamed on Y")."""
    lemma = verb.lemma_.lower()
    judging = lexicon.is_cue("judge", lemma) or lexicon.is_cue("accuse", lemma)
    return judging and any(
        c.dep_ == "dobj" and c.lower_ in {"that", "which"} for c in verb.children
    )


def setting(token: Token) -> Token | None:
    """Return the verb a meeting noun sets the scene of ("agreed at talks in X"), if any.

    A trip sets it after "on" too, even where the parser hangs the phrase off the
    subject: "the minister, on a visit to X, said ...".
    """
    head = _phrase_head(token)
    prep = head.head
    if head.dep_ != "pobj":
        return None
    if prep.lower_ in _SETTING_PREPS:
        return prep.head if prep.head.pos_ == "VERB" else None
    if prep.lower_ != "on" or token.lemma_.lower() not in _TRIP_NOUNS:
        return None
    governor = prep.head
    if governor.dep_ in {"nsubj", "nsubjpass"}:
        governor = governor.head
    return governor if governor.pos_ == "VERB" else None


def _phrase_head(token: Token) -> Token:
    """Climb conjunctions and "of" phrases to the noun phrase that fills a verb's slot."""
    current = token
    for _ in range(4):
        if current.dep_ == "conj" and current.head.pos_ in {"NOUN", "PROPN"}:
            current = current.head
        elif (
            current.dep_ == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.pos_ == "NOUN"
            and current.head.head.lemma_.lower() in _MEASURE_NOUNS
        ):
            current = current.head.head
        else:
            break
    return current


def _verb_of(token: Token) -> Token:
    current = token
    while current.head.i != current.i and current.pos_ not in {"VERB", "AUX"}:
        current = current.head
    return current
