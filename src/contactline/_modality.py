"""Whether an act was done, intended, threatened, refused, demanded, negated or supposed.

The mood of an act is read from the words that govern its verb: "stands ready to send"
(intent), "threatens to strike" (threat), "see no reason to send", "refused to withdraw"
(refusal), "the time has come to end", "must withdraw" (demand), "did not attack"
(negation), "would", "if" and questions (hypothetical). An intended, threatened, refused
or demanded act changes code through ``derive.tsv`` (``send peacekeepers`` 074 under
intent becomes 0334, under refusal 1224).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from contactline._event_lexicon import EventLexicon

Mood = Literal["plain", "intent", "threat", "refuse", "demand", "negated", "hypothetical"]

_CLIMB = frozenset({"xcomp", "relcl", "acl", "advcl", "pcomp", "acomp", "prep", "conj"})
_NEEDS_NO = frozenset({"reason", "intention", "plan"})
_FUTURE = frozenset({"will", "would", "shall", "wo"})
_NEEDS_COMPLEMENT = frozenset({"have", "need", "time"})
_SUPPOSING_DETS = frozenset({"a", "an", "any"})
"""Determiners of an act supposed rather than told ("a/any attack on X would ...")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MoodReading:
    """The mood of an act and the word that set it (``None`` for a plain act)."""

    mood: Mood
    cue: Token | None = None


def read_mood(anchor: Token, lexicon: EventLexicon) -> MoodReading:
    """Read the mood of the act whose clause verb (or event noun) is ``anchor``.

    1. The auxiliaries, negation and subordinator of the anchor itself.
    2. Climbing infinitive and relative clauses, the first governing cue word:
       intent, threat, refusal or obligation; a negated intent is a refusal.
    3. A question is hypothetical.

    What someone fears will happen ("feared that X would shell Y", "fears that X will
    attack") is hypothetical, whatever its own auxiliaries say, and so is an act supposed
    as the cause of a consequence (``_supposed_cause``).
    """
    fear = _fear_over(anchor, lexicon)
    if fear is not None:
        return MoodReading(mood="hypothetical", cue=fear)
    supposed = _supposed_cause(anchor, lexicon)
    if supposed is not None:
        return MoodReading(mood="hypothetical", cue=supposed)
    own = _own_mood(anchor, lexicon)
    if own is not None and own.mood != "negated":
        return own
    current = anchor
    for _ in range(4):
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            break
        head = current.head
        if current.dep_ == "conj":
            # a conjunct shares its first conjunct's governor, not the conjunct's mood
            current = head
            continue
        governed = _governing_mood(head, current, lexicon)
        if governed is not None:
            return governed
        if head.pos_ == "ADP":
            break
        current = head
    if own is not None:
        return own
    if anchor.dep_ in {"acl", "relcl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children
    ):
        return MoodReading(mood="intent", cue=next(c for c in anchor.children if c.lower_ == "to"))
    sent = anchor.sent
    if _asks(sent):
        return MoodReading(mood="hypothetical", cue=sent[-1])
    return MoodReading(mood="plain")


def _fear_over(anchor: Token, lexicon: EventLexicon) -> Token | None:
    """Return the fear word whose that-clause the act is ("feared X would strike"), if any.

    The clause may hang off a verb of fearing or a noun ("amid fears that X would ...").
    """
    if anchor.dep_ not in {"ccomp", "acl"} or anchor.head.i == anchor.i:
        return None
    head = anchor.head
    return head if lexicon.is_cue("fear", head.lemma_.lower()) else None


def _supposed_cause(anchor: Token, lexicon: EventLexicon) -> Token | None:
    """Return the hedge of a consequence whose supposed cause an event noun is, if any.

    "A Russian attack on X would trigger the alliance's defence clause", "any strike on Y
    could start a war": an indefinite act that is the subject of a hedged clause is
    supposed, not done. A hedge of the past ("the strike could have killed hundreds")
    tells of a real act.
    """
    if anchor.pos_ != "NOUN" or anchor.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _SUPPOSING_DETS for c in anchor.children):
        return None
    auxiliaries = [c for c in anchor.head.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lemma_.lower() == "have" for c in auxiliaries):
        return None
    return next((c for c in auxiliaries if lexicon.is_cue("hedge", c.lower_)), None)


def _asks(sent: SpacySpan) -> bool:
    """Return whether a sentence ends in a question mark (trailing blank tokens aside)."""
    for i in range(sent.end - 1, sent.start - 1, -1):
        text = sent.doc[i].text.rstrip()
        if text:
            return text.endswith("?")
    return False


def _own_mood(token: Token, lexicon: EventLexicon) -> MoodReading | None:
    negated: Token | None = None
    negation = next((c for c in token.children if c.dep_ == "neg"), None)
    for clause in (c for c in token.children if c.dep_ == "advcl"):
        mark = next((m for m in clause.children if m.dep_ == "mark"), None)
        if mark is not None and lexicon.is_cue("condition", mark.lower_):
            return MoodReading(mood="hypothetical", cue=mark)  # "if the talks fail, X will ..."
    for child in token.children:
        word = child.lower_
        if child.dep_ in {"aux", "auxpass"}:
            if negation is not None and word in _FUTURE:
                return MoodReading(mood="refuse", cue=child)
            if lexicon.is_cue("hedge", word):
                return MoodReading(mood="hypothetical", cue=child)
            if lexicon.is_cue("deontic", word) and word not in _NEEDS_COMPLEMENT:
                return MoodReading(mood="demand", cue=child)
            if lexicon.is_cue("intent", word):
                return MoodReading(mood="intent", cue=child)
        elif child.dep_ == "mark" and lexicon.is_cue("condition", word):
            return MoodReading(mood="hypothetical", cue=child)
        elif (
            child.dep_ == "neg"
            or (child.dep_ == "det" and word == "no")
            or child.dep_ == "advmod"
            and word == "never"
            or child.dep_ == "preconj"
            and word == "neither"
        ):
            negated = child
    if negated is None and token.dep_ == "conj":
        # "neither confirmed nor denied": the second verb is negated by "neither ... nor"
        negated = next(
            (c for c in token.head.children if c.dep_ == "preconj" and c.lower_ == "neither"),
            None,
        )
    if token.dep_ == "advcl":
        for child in token.head.children:
            if child.dep_ == "mark" and lexicon.is_cue("condition", child.lower_):
                return MoodReading(mood="hypothetical", cue=child)
    if negated is not None:
        return MoodReading(mood="negated", cue=negated)
    return None


def _is_negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    if token.pos_ == "ADJ" and token.dep_ in {"acomp", "amod"} and token.head.i != token.i:
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def _denied(noun: Token, lexicon: EventLexicon) -> bool:
    """Whether an intent noun is what a verb of denying denies: "X denied plans to invade"."""
    return (
        noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and lexicon.is_cue("deny", noun.head.lemma_.lower())
    )


def _governing_mood(head: Token, child: Token, lexicon: EventLexicon) -> MoodReading | None:
    lemma = head.lemma_.lower()
    if lemma in _NEEDS_NO:
        if _is_negated(head) or _denied(head, lexicon):
            return MoodReading(mood="refuse", cue=head)
        if lexicon.is_cue("intent", lemma):
            return MoodReading(mood="intent", cue=head)
        return None
    if lexicon.is_cue("refuse", lemma) and head.pos_ == "VERB":
        return MoodReading(mood="refuse", cue=head)
    if lexicon.is_cue("threat", lemma):
        return MoodReading(mood="threat", cue=head)
    if lexicon.is_cue("intent", lemma) and head.pos_ != "AUX":
        negated = _is_negated(head)
        return MoodReading(mood="refuse" if negated else "intent", cue=head)
    if lexicon.is_cue("deontic", lemma) and child.dep_ in {"xcomp", "relcl", "acl"}:
        return MoodReading(mood="demand", cue=head)
    for sibling in head.children:
        deontic = lexicon.is_cue("deontic", sibling.lemma_.lower())
        if sibling.dep_ == "nsubj" and deontic and sibling.pos_ == "NOUN":
            return MoodReading(mood="demand", cue=sibling)
    return None
