"""Who is speaking, and to whom: subjects of reporting cues resolved to actors.

A cue's speaker is found in the parse (its subject, the agent of a passive, the subject
of the verb it depends on) and resolved through the actor stage's mentions. Pronouns
and descriptions the actor stage leaves unresolved ("he", "the official") fall back on
the most recent speaker of the same kind, which is how wire copy uses them; "the
statement said" falls back on the most recent body that spoke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from contactline._attribution import span_text
from contactline.actors import mention_for
from contactline.records import Mention, Span, Speaker

_CLIMB_DEPS = frozenset({"conj", "xcomp", "pcomp", "prep", "advcl", "ccomp"})
_RELATIVE = frozenset({"who", "which", "that"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "his", "her"})
_GROUP_PRONOUNS = frozenset({"it", "they", "its", "their"})
_GENERIC_NOUNS = frozenset({"official", "source"})
#: "the (joint) statement said": the text stands for whoever issued it, the last body heard
_DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration"})
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl"})


def find_subject(verb: Token) -> Token | None:
    """Return the head of the noun phrase that speaks through ``verb``.

    1. the verb's own subject (the leftmost, if the parser found two);
    2. the agent of a passive ("was announced by X");
    3. the subject of the verb it depends on ("went on to say", "was quoted as saying",
       "criticised X and said");
    4. for a relative pronoun subject, the noun the clause describes ("Peskov, who said");
    5. the root noun, when the parser made the verb a clause hanging off it.
    """
    root = verb.sent.root if verb.tag_ == "VBG" and verb.dep_ == "advcl" else None
    if root is not None and root.i != verb.i:
        # "The Kremlin said ..., adding that ...": the participle speaks for the main subject
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None and not any(c.dep_ == "nsubj" for c in verb.children):
            return subject
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "The UN chief called on ...": a misparse that makes the subject the root noun
        return verb.head
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        if not subjects and token.i != verb.i:
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                return token.head
            return subject
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            return _adjacent_subject(verb) if token.i == verb.i else None
        first = verb
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if token.i == verb.i and first.i != verb.i and first.dep_ in ("ccomp", "parataxis"):
            # "X said the bridge was hit and added that ...", "It said two were killed and
            # 10 wounded and accused ...": the parser joined the second cue to the reported
            # clause; it still speaks for X
            token = first.head
            continue
        token = token.head
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A name right before a subjectless verb, misparsed into a phrase before it.

    "On the eve of the CSTO Secretary General Stanislav Zas called on ...": the parser
    hangs the name off "of"; it is still who called. A comma may close the name's
    apposition ('"...," a spokesperson for the group, Li Kyarwen, told Reuters').
    """
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and (doc[i].dep_ in ("advmod", "aux", "neg") or doc[i].text == ","):
        i -= 1  # '..., a spokesperson for the group, Li Kyarwen, told': past the comma
    if i < 0 or verb.dep_ != "ROOT" or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    name = doc[i]
    if name.pos_ == "PROPN" and name.dep_ in ("pobj", "npadvmod", "appos", "dobj"):
        return name
    return None


def phrase_span(head: Token) -> Span:
    """Return the span of the noun phrase headed by ``head``, without relative clauses."""
    start = head.left_edge.i
    end = head.i
    for child in head.rights:
        if child.dep_ in _CUT_DEPS:
            break
        end = child.right_edge.i
    doc = head.doc
    while end > start and doc[end].is_punct:
        end -= 1
    return Span(doc[start].idx, doc[end].idx + len(doc[end]))


def find_addressee(verb: Token, *, object_is_addressee: bool) -> str | None:
    """Return who was spoken to: "told reporters", "said to journalists"."""
    for child in verb.rights:
        if object_is_addressee and child.dep_ in ("dobj", "dative") and child.pos_ != "PRON":
            return span_text(child.doc, phrase_span(child))
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ or obj.pos_ in ("NOUN", "PROPN")):
                return span_text(child.doc, phrase_span(obj))
    return None


@dataclass(slots=True)
class SpeakerHistory:
    """The speakers met so far in a document, for "he" and "the official".

    Each speaker is kept with the words that described it, so that a description
    ("the minister") only refers back to a speaker it fits ("Defence Minister X").
    """

    people: list[tuple[Speaker, str]] = field(default_factory=list)
    bodies: list[tuple[Speaker, str]] = field(default_factory=list)

    def remember(self, speaker: Speaker, words: str, *, person: bool) -> None:
        """Record a resolved speaker and the words that named or described it."""
        if speaker.party is None and speaker.name is None:
            return
        described = " ".join(filter(None, (words, speaker.name, speaker.role))).lower()
        (self.people if person else self.bodies).append((speaker, described))

    def last_of_party(self, party: str) -> Speaker | None:
        """Return the most recent person who spoke for ``party``."""
        return next((sp for sp, _ in reversed(self.people) if sp.party == party), None)

    def last(
        self, *, person: bool, noun: str | None = None, with_party: bool = False
    ) -> Speaker | None:
        """Return the most recent speaker of the kind asked for that ``noun`` fits."""
        pool = self.people if person else self.bodies
        for speaker, described in reversed(pool):
            if with_party and speaker.party is None:
                continue
            if noun is None or noun in _GENERIC_NOUNS or noun in described:
                return speaker
        return None


def _is_person_head(head: Token, mention: Mention | None, person_nouns: frozenset[str]) -> bool:
    if head.lemma_.lower() in person_nouns:
        return True  # "an Israeli army spokesperson" is a person whatever party it resolves to
    if mention is not None and mention.kind is not None:
        return mention.kind == "person"
    return (
        head.ent_type_ == "PERSON"
        or head.lower_ in _PERSON_PRONOUNS
        or head.lemma_.lower() in person_nouns
    )


def _is_anaphoric(head: Token) -> bool:
    """A pronoun or a definite description without a name: "he", "the official"."""
    if head.pos_ == "PRON":
        return head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS
    determiners = [c.lower_ for c in head.children if c.dep_ == "det"]
    names = [c for c in head.subtree if c.pos_ == "PROPN" or c.ent_type_]
    return head.pos_ == "NOUN" and determiners[:1] in (["the"], ["this"]) and not names


def _name_candidates(head: Token) -> list[Token]:
    """Names standing beside ``head``: appositions and a second subject of the same verb."""
    found = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    # "The UN envoy for Syria, Geir Pedersen, said": the parser hangs the name off "Syria"
    found += [
        t
        for t in head.subtree
        if t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.dep_ == "pobj" and t.i > head.i
    ]
    if head.dep_ == "nsubj":
        found += [
            c
            for c in head.head.children
            if c.dep_ == "nsubj" and c.i != head.i and c.pos_ == "PROPN"
        ]
    return found


def _is_description(head: Token) -> bool:
    """A definite description without a name: "the Russian leader", "the minister"."""
    determiners = [c.lower_ for c in head.children if c.dep_ == "det"]
    named = any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in head.subtree)
    return head.pos_ == "NOUN" and determiners[:1] == ["the"] and not named


def resolve_speaker(
    doc: Doc,
    head: Token,
    mentions: Sequence[Mention],
    person_nouns: frozenset[str],
    history: SpeakerHistory,
) -> Speaker:
    """Resolve the noun phrase headed by ``head`` to a speaker with name, party and role.

    Args:
        doc: the parsed document.
        head: the head token of the speaker's noun phrase.
        mentions: the actor stage's mentions.
        person_nouns: head nouns that describe a person ("official").
        history: earlier speakers; updated with this one.

    Returns:
        The speaker; its name is the noun phrase itself when no actor is known.
    """
    span = phrase_span(head)
    mention = mention_for(doc, head.i, mentions)
    for other in _name_candidates(head):
        # "The head of the IAEA, Rafael Grossi", "junta chief Min Aung Hlaing" parsed as
        # two subjects: the name says who spoke
        named = mention_for(doc, other.i, mentions)
        if (
            named is not None
            and named.kind == "person"
            and (mention is None or mention.kind != "person")
        ):
            mention = named
            other_span = phrase_span(other)
            span = Span(min(span.start, other_span.start), max(span.end, other_span.end))
    text = span_text(doc, span)
    person = _is_person_head(head, mention, person_nouns)
    described = head.lemma_.lower() in person_nouns and _is_description(head)
    if mention is not None and mention.kind != "person" and mention.party and described:
        # "the Russian leader": the person of that party who spoke last
        earlier = history.last_of_party(mention.party)
        if earlier is not None:
            mention = None
            speaker = Speaker(name=earlier.name, party=earlier.party, role=earlier.role, span=span)
            history.remember(speaker, span_text(doc, span), person=True)
            return speaker
    if mention is not None and (mention.party or mention.name):
        speaker = Speaker(
            name=mention.name or text, party=mention.party, role=mention.role, span=span
        )
    else:
        noun = None if head.pos_ == "PRON" else head.lemma_.lower()
        document = noun in _DOCUMENT_NOUNS
        earlier = None
        if document:
            earlier = history.last(person=False, with_party=True) or history.last(
                person=True, with_party=True
            )
        elif _is_anaphoric(head):
            earlier = history.last(person=person, noun=noun)
        if earlier is not None:
            speaker = Speaker(name=earlier.name, party=earlier.party, role=earlier.role, span=span)
        else:
            speaker = Speaker(name=text, party=None, span=span)
    history.remember(speaker, text, person=person)
    return speaker
