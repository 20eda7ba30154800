"""Who performs a verb: its subject, passive agent or controller, read off the parse.

The source of an act is whoever performs its verb (``RoleReader.subjects``). The parse
does not always hang that party on the verb itself: a passive names it in a "by"
phrase, an infinitive or relative clause takes it from the word that controls it, and
a subject is sometimes attached to a word nearby. :func:`performers` tries each reading
in turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from contactline._roles import Party, RoleReader

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_CONTROL = frozenset({"xcomp", "advcl", "relcl", "acl", "conj"})
_OBJECT_CONTROL = frozenset(
    {"force", "compel", "allow", "permit", "persuade", "pressure", "oblige"}
)
"""Verbs whose object, not subject, does the infinitive ("forced X to withdraw"); an
order to unnamed troops is the act itself ("ordered the troops to attack")."""


def performers(roles: RoleReader, verb: Token) -> list[Party]:
    """Return the parties that perform ``verb``: its subject, passive agent or controller.

    Each reading is tried in turn; the first that decides, decides:

    1. The subject of the verb, or the "by" agent of a passive.
    2. The owner a modifier verb names ("the Saudi-led coalition").
    3. Whoever governs a gerund ("denied hitting", "accused X of shelling").
    4. A subject the parser attached to the conjunct before ("X freed ... and Y released"),
       or the main clause's, for a finite verb conjoined to a demanded act ("X demanded
       that Y explain ... and warned of ...": X warned).
    5. The subject of the verb it is a conjunct, infinitive or relative clause of ("X is
       ready to send", "X met Y and signed").
    6. Failing that, a party named right before the verb (a subject the parser
       attached elsewhere, "On the eve of the X Secretary General Y called on ...").
    """
    readings = (
        _stated_subjects,
        _modifier_subjects,
        _gerund_subjects,
        _conjunct_subjects,
        _mandated_conjunct_subjects,
        _controller_subjects,
    )
    for read in readings:
        found = read(roles, verb)
        if found is not None:
            return found
    return _preceding(roles, verb)


def _stated_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return the parties of the verb's own subject or passive agent.

    A passive with no agent is done by no one it names: ``[]``. ``None`` when the
    verb has no subject, agent or passive subject.
    """
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return _all_subjects(roles, verb) or _relative_speaker(roles, verb, child)
        if child.dep_ == "agent":
            return [p for obj in child.children if obj.dep_ == "pobj" for p in roles.group(obj)]
    if any(child.dep_ in PASSIVE_SUBJECTS for child in verb.children):
        return []
    return None


def _relative_speaker(roles: RoleReader, verb: Token, subject: Token) -> list[Party]:
    """Return whom an unresolved "it" or "they" of a relative clause stands for.

    "X cut ties with Y after attacks that it blamed on Z", "a strike which they called a
    mistake": the pronoun inside the clause is the subject of the clause the noun it
    describes belongs to (X), never that noun.
    """
    if verb.dep_ != "relcl" or subject.lower_ not in {"it", "they"}:
        return []
    outer = verb.head
    for _ in range(6):
        if outer.pos_ in {"VERB", "AUX"} or outer.head.i == outer.i:
            break
        outer = outer.head
    if outer.pos_ not in {"VERB", "AUX"}:
        return []
    described = {t.i for t in verb.head.subtree}
    return [p for p in performers(roles, outer) if p.token.i not in described]


def _modifier_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return the parties of a verb that modifies a noun, or ``None`` if it names none.

    A modifier misparsed under the root takes the root's subject; a participle takes
    the party in its own words ("a Russian-mediated ceasefire", "the Saudi-led coalition").
    """
    if verb.dep_ not in {"amod", "compound"}:
        return None
    if verb.head.dep_ == "ROOT":
        found = [p for c in verb.head.children if c.dep_ in SUBJECTS for p in roles.group(c)]
        if found:
            return found
    if verb.tag_ == "VBN":
        owners = [roles.own_party(c) for c in verb.children if c.i < verb.i]
        if any(owners):
            return [p for p in owners if p is not None]
    return None


def _gerund_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return who does a gerund a verb governs ("denied hitting", "accused of attacking").

    "accused X of shelling" is X's shelling: the governing verb's object controls, else
    its subject. ``None`` for any other verb.
    """
    if verb.tag_ != "VBG" or verb.dep_ not in {"dobj", "pcomp"}:
        return None
    governor = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if governor.dep_ == "dobj" and governor.head.pos_ == "VERB":
        governor = governor.head  # "accused X of shelling" with "of" misattached to X
    if governor.pos_ != "VERB" or governor.i == verb.i:
        return None
    controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
    if verb.dep_ == "pcomp" and controller is not None:
        return roles.group(controller)
    return roles.subjects(governor)


def _conjunct_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return a conjunct's own subject the parser attached to the conjunct before.

    "X freed hostages on Friday and Y released prisoners" with Y misattached: the
    party right before the verb, when it is itself a conjunct; else ``None``.
    """
    if verb.dep_ != "conj" or verb.i == 0 or roles.doc[verb.i - 1].pos_ != "PROPN":
        return None
    preceding = _preceding(roles, verb)
    if preceding and preceding[0].token.dep_ == "conj":
        return preceding
    return None


def _mandated_conjunct_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return the demanding party for a past-tense verb conjoined to what it demanded.

    See :func:`demand_continued`. ``None`` for any other verb.
    """
    demand = demand_continued(verb)
    if demand is None:
        return None
    return roles.subjects(demand) or None


def demand_continued(verb: Token) -> Token | None:
    """Return the demand a finite verb conjoined to the demanded act continues, if any.

    "X demanded that Y explain its conduct and warned of consequences": the parser joins
    "warned" to the bare "explain", but a past tense cannot continue a mandated act; it
    continues the demand.
    """
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBZ"} or head.tag_ != "VB":
        return None
    if head.dep_ != "ccomp" or any(c.dep_ == "aux" for c in head.children):
        return None
    return head.head


def _controller_subjects(roles: RoleReader, verb: Token) -> list[Party] | None:
    """Return the parties of the word that controls a clause of its own, or ``None``.

    A passive participle is done by its "by" agent (one with an object of its own is
    the noun's misparsed finite verb, done by the noun); a relative clause by the noun it
    describes, or by who signs the text that does it ("signed treaties annexing X");
    an adverbial clause by the party before it; an infinitive by its governing verb's
    object ("urged X to ...") or subject. The object of a verb of forcing or allowing
    does the infinitive even when it names no party ("forced the crew to leave": no one).
    """
    head = verb.head
    if head.i == verb.i or verb.dep_ not in _CONTROL:
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        agents = roles.agent_by(verb)
        if not agents and head.pos_ in {"NOUN", "PROPN"} and _finite_misparse(verb):
            return roles.group(head)  # "X killed 200 people" parsed as a participle of X
        return agents
    if verb.dep_ in {"relcl", "acl"} and head.pos_ in {"NOUN", "PROPN"}:
        if not infinitive and _enacted(roles, verb):
            return roles.subjects(head.head)
        if not infinitive:
            return roles.group(head)
        head = head.head
    elif verb.dep_ == "advcl" and not infinitive and verb.tag_ != "VBG":
        return _preceding(roles, verb, fallback=head)
    if head.pos_ == "ADJ":
        head = head.head
    if verb.dep_ == "xcomp":
        controller = next((c for c in head.children if c.dep_ == "dobj"), None)
        if controller is not None and roles.group(controller):
            return roles.group(controller)
        if controller is not None and head.lemma_.lower() in _OBJECT_CONTROL:
            return []  # "forced the fighters to surrender": the fighters, whoever they are
    if head.pos_ in {"VERB", "AUX"}:
        return roles.subjects(head)
    return None


def _finite_misparse(verb: Token) -> bool:
    """Whether a participle modifying a noun is a finite verb the noun performs.

    A participle that describes a noun has no object of its own ("the town shelled by
    X"); one with a direct object and no "by" agent is the noun's own past-tense verb
    ("militants of X killed 200 people", the parser reading "killed" as a participle).
    """
    own = {c.dep_ for c in verb.children}
    return "dobj" in own and "agent" not in own and verb.i > verb.head.i


def _all_subjects(roles: RoleReader, verb: Token) -> list[Party]:
    """Return the parties of every subject of ``verb``.

    "X and Y met" is sometimes parsed with two subjects instead of one coordinated
    one; both are the verb's subjects.
    """
    parties: list[Party] = []
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            parties += [p for p in roles.group(child) if all(p.code != q.code for q in parties)]
    return parties


def _enacted(roles: RoleReader, verb: Token) -> bool:
    """Whether ``verb`` is what a text its governing verb's subject signs does."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ == "dobj"
        and head.head.pos_ == "VERB"
        and head.lemma_.lower() in roles.lexicon.classes.get("DECREE", frozenset())
    )


def _preceding(roles: RoleReader, verb: Token, *, fallback: Token | None = None) -> list[Party]:
    """Return the party named right before ``verb``, a subject the parser attached elsewhere.

    A place ending a phrase of the ``fallback`` verb is no subject ("drones smuggled into
    X destroyed ...", with "destroyed" parsed as a clause of "smuggled"): the fallback
    verb's subject is.
    """
    i = verb.i - 1
    while i >= verb.sent.start and roles.doc[i].pos_ in {"ADV", "AUX", "PART"}:
        i -= 1
    if fallback is not None and i >= verb.sent.start and _in_phrase_of(roles, i, fallback):
        return roles.subjects(fallback)
    if i < verb.sent.start or roles.doc[i].pos_ not in {"PROPN", "NOUN"}:
        return []
    party = roles.own_party(roles.doc[i])
    return [party] if party is not None else []


def _in_phrase_of(roles: RoleReader, i: int, verb: Token) -> bool:
    """Whether token ``i`` is the object of a prepositional phrase of ``verb``."""
    token = roles.doc[i]
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == verb.i


def topic_noun(body: Token) -> Token | None:
    """Return the bare topic noun of a body's "on" or "for" phrase, if it has one.

    In "the commissions on border delimitation of X and Y" the parser hangs the owners
    on the nearest noun; a topic with no determiner of its own takes no owner, so the
    "of" phrase under it names the body's owners.
    """
    for prep in body.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"on", "for"}:
            continue
        for topic in prep.children:
            own = any(c.dep_ in {"det", "poss"} for c in topic.children)
            if topic.dep_ == "pobj" and topic.pos_ == "NOUN" and not own:
                return topic
    return None


def topic_owner(body: Token) -> Token | None:
    """Return the first owner named under a body's bare topic ("the commission on trade of X": X)."""
    topic = topic_noun(body)
    if topic is None:
        return None
    owners = (
        o for p in topic.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
    )
    return next((o for o in owners if o.dep_ == "pobj"), None)
