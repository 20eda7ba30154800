"""The parties of one trigger: who acts and on whom, read off its own clause.

A verb's parties are its subject (or passive agent) and its objects, then, failing an
object, the place its force lands in, the border a show of force faces, the agent of
what it acts on, or the parties a mediation is between. An event noun's parties are its
own modifiers and phrases ("Israel's strikes on Gaza", "talks between X and Y"), else
the subject of the verb that performs it ("X launched an offensive").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from contactline._act_passes import distinct
from contactline._event_lexicon import EventLexicon
from contactline._home_bodies import home_body, marchers
from contactline._phrases import with_hosts
from contactline._roles import Party, RoleReader
from contactline._triggers import APPEAL_ROOTS, REQUEST_NOUNS, Trigger

_NOUN_TARGET_PREPS = frozenset(
    {"on", "against", "at", "into", "with", "to", "of", "over", "from", "for"}
)
_MOVING_ROOTS = frozenset({"03", "05", "06", "07", "15"})
PLACE_TARGET_ROOTS = frozenset({"07", "09", "15", "17", "18", "19", "20"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_FACING_PREPS = frozenset({"along", "near", "on", "at", "to"})
"""Prepositions of the border a show of force faces ("troops on alert along the border")."""
_SELF_MOVING_ROOTS = frozenset({"06", "07", "15", "16"})
_ACCEPTING = frozenset({"accept", "welcome", "endorse", "embrace"})
"""Verbs that take up a proposal: the act proposed becomes an intent."""
_LAWSUIT = "115"
_JUDGING = frozenset({"09", "11", "12"})
"""Families of acts that judge another act (investigate, criticise, accuse, reject)."""
_ASCRIBING = frozenset({"blame", "attribute", "pin", "ascribe"})
"""Verbs that lay an act at someone's door ("the attack, which X blamed on Y")."""
_GIVING_ROOTS = frozenset({"06", "07", "08"})
"""Families that hand something over (cooperate, aid, yield): the recipient is the target."""
_SIGNING = frozenset({"sign", "conclude", "ink", "seal"})
"""Verbs that make an agreement with a partner the text may name only by a visit."""
_VISITS = frozenset({"visit", "trip", "tour"})
_LOCATIVE_PREPS = frozenset({"at", "in"})
"""Where a cooperative act (01-09) happens is no party to it: "signed at the White House"."""


def act_parties(
    trigger: Trigger, roles: RoleReader, lexicon: EventLexicon
) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """Read the source and target parties of a trigger.

    A bare state body doing what a state does at home ("the court removed X from
    office") stands for the state its sentence names (see ``_home_bodies``).
    """
    if trigger.license == "verb":
        sources, targets = _verb_parties(trigger, roles, lexicon)
    else:
        sources, targets = _noun_trigger_parties(trigger, roles, lexicon)
    if not sources:
        sources = home_body(trigger, roles)
    if not sources:
        sources = marchers(trigger, targets, roles)
    return sources, targets


def _verb_parties(
    trigger: Trigger, roles: RoleReader, lexicon: EventLexicon
) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """Read a verb's parties: subject or agent, then what the verb is done to."""
    token = trigger.token
    sources: Sequence[Party] = (
        roles.subjects(token) or roles.agent_by(token) or _each_side(token, roles)
    )
    if trigger.code.startswith(_LAWSUIT):
        sued = _sued(token, trigger.objects, roles, lexicon)
        return tuple(sources), distinct(sued, sources)
    authors = judged_actors(token, roles, lexicon) if trigger.code[:2] in _JUDGING else None
    if authors is not None and (authors or trigger.code[:2] != "09"):
        # an inquiry into an act by no one named may still name where: read on
        return tuple(sources), distinct(authors, sources)
    first = (
        [trigger.particle]
        if trigger.particle is not None and trigger.particle.dep_ != "prt"
        else []
    )
    places = _LOCATIVE_PREPS if trigger.code[:2] < "10" else frozenset()
    if token.lemma_.lower() in _ASCRIBING:
        # "the killing, which X blames on Y": Y is blamed, not what is blamed on Y
        first = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "to"}]
        blamed = distinct(
            [p for c in first for o in c.children if o.dep_ == "pobj" for p in roles.group(o)],
            sources,
        )
        if blamed:
            return tuple(sources), blamed
    targets = _done_to(trigger, first, places, sources, roles)
    patient = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if not sources and patient is not None and trigger.code[:2] in _SELF_MOVING_ROOTS:
        sources, targets = roles.group(patient), roles.prep_objects(token, first)
    if not targets:
        targets = _verb_fallback_targets(trigger, sources, roles)
    return tuple(sources), with_hosts(trigger.code, sources, targets, roles)


def _done_to(
    trigger: Trigger,
    first: Sequence[Token],
    places: frozenset[str],
    sources: Sequence[Party],
    roles: RoleReader,
) -> Sequence[Party]:
    """Return the parties a verb is done to: its objects, then prepositional objects."""
    token = trigger.token
    if trigger.code[:2] in _GIVING_ROOTS:
        recipients = distinct(_recipients(token, roles), sources)
        if recipients:
            return recipients
    moved = trigger.objects if trigger.code[:2] in _MOVING_ROOTS else frozenset()
    targets: Sequence[Party] = distinct(
        roles.objects(token, first, skip=moved, places=places), sources
    )
    if not targets:
        targets = distinct(roles.prep_objects(token, first, places=places), sources)
    if not targets and moved:
        targets = distinct(_thing_partners(token, moved, roles), sources)
    if not targets:
        for child in token.children:
            if child.dep_ == "dobj" and not targets:
                # the pattern's own noun may name its party with "in": "froze its
                # participation in X", "suspended its membership in X"
                own = trigger.code[:2] == "16" and child.lemma_.lower() in trigger.objects
                inner = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "in"]
                targets = roles.prep_objects(child, inner if own else (), places=places)
    return targets


def _thing_partners(verb: Token, moved: frozenset[str], roles: RoleReader) -> list[Party]:
    """Return the partner named in the phrase of what a verb signs or sends.

    "signed a memorandum of understanding with X", "concluded a pact of friendship with
    X", "agreed on the text of a treaty with X": the parser hangs "with X" on the thing
    (or on its "of" phrase), not on the verb. An agreement made on a visit is made with
    the host: "on a visit to X, signed a trade deal".
    """
    things = [
        c
        for c in (
            *verb.children,
            *(o for p in verb.children if p.dep_ == "prep" for o in p.children),
        )
        if c.dep_ in {"dobj", "pobj"} and c.lemma_.lower() in moved
    ]
    heads = [
        *things,
        *(
            o
            for t in things
            for p in t.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ),
    ]
    return roles.phrase_parties(heads, "with") or (
        _hosts(verb, roles) if things and verb.lemma_.lower() in _SIGNING else []
    )


def _hosts(verb: Token, roles: RoleReader) -> list[Party]:
    """Return the host of the visit a signing is made on: "on a visit to X" (X)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    visits = [
        o
        for head in (verb, *subjects)
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in {"on", "during"}
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in _VISITS
    ]
    return roles.phrase_parties(visits, "to")


def _recipients(verb: Token, roles: RoleReader) -> list[Party]:
    """Return who receives the people or things a verb hands over, before whose they are.

    "handed over three Israeli hostages to the Red Cross" is done to the Red Cross, not
    to Israel. The parser may hang "to X" on a participle describing what is handed over
    ("hostages held in Gaza to the Red Cross"). An object that is itself a party ("handed
    X over to Y") keeps its place: no recipient is read.
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(roles.own_party(o) is not None for o in objects):
        return []
    heads = [verb, *(c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to":
                found = [p for o in prep.children if o.dep_ == "pobj" for p in roles.group(o)]
                if found:
                    return found
    return []


def _verb_fallback_targets(
    trigger: Trigger, sources: Sequence[Party], roles: RoleReader
) -> Sequence[Party]:
    """Return a verb's target from the rest of its clause when it has no object party."""
    token = trigger.token
    targets: Sequence[Party] = ()
    # "suppress provocations by Armenian units": the agent of the act's object
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        targets = targets or distinct(roles.agent_by(obj), sources)
    if not targets and trigger.code[:2] in APPEAL_ROOTS:
        for clause in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
            targets = targets or distinct(roles.subjects(clause), sources)
    if not targets and sources and trigger.code[:2] == "15":
        targets = distinct(_faced(token, roles), sources)
    if not targets and sources and trigger.code[:2] in PLACE_TARGET_ROOTS:
        targets = distinct(_harmed_by(token, roles), sources)
    if not targets and sources and trigger.code[:2] in PLACE_TARGET_ROOTS:
        # a place is a target only of someone's act: "84 soldiers were killed in X" is none
        targets = distinct(landing_parties(trigger, roles), sources)
    described = not any(c.dep_ == "dobj" for c in token.children)
    if not targets and token.dep_ == "acl" and token.tag_ == "VBN" and described:
        # "the rebels, backed by X": a participle is done to the noun it describes
        targets = distinct(roles.group(token.head), sources)
        if not targets and trigger.code[:2] in _GIVING_ROOTS:
            # "hit X with missiles supplied by Y": what is handed over goes to its user
            user = next((a for a in token.head.ancestors if a.pos_ == "VERB"), None)
            targets = distinct(roles.subjects(user), sources) if user is not None else []
    if not targets and trigger.code == "015":
        targets = distinct(_claimed_victims(token, roles), sources)
    if not targets and trigger.code == "045":
        targets = _mediated(token, roles, sources)
    return targets


def _noun_trigger_parties(
    trigger: Trigger, roles: RoleReader, lexicon: EventLexicon
) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """Read an event noun's parties: its own phrases, then the verb that carries it."""
    token = trigger.token
    sources: Sequence[Party]
    targets: Sequence[Party]
    request = _request_of(token)
    if accepted(trigger) and request is not None:
        # "X accepted a Y(-made) ceasefire proposal": X intends it, towards Y
        sources = roles.subjects(trigger.anchor)
        return tuple(sources), distinct(roles.group(request), sources)
    sources, targets = noun_parties(token, roles)
    judged = lexicon.is_cue("judge", trigger.anchor.lemma_.lower()) and not _sets_scene(
        token, trigger.anchor
    )
    if not sources and trigger.license in {"perform", "charge"} and not judged:
        # who declares martial law imposes it; who condemns an attack did not attack
        sources = roles.subjects(trigger.anchor)
    placed = trigger.code[:2] in PLACE_TARGET_ROOTS and trigger.license != "occur"
    if not targets and sources and placed:
        # where a strike lands is its target; where a war takes place is not
        targets = distinct(roles.place_parties(token), sources)
        if not targets and trigger.license == "perform":
            targets = distinct(roles.place_parties(trigger.anchor), sources)
        if not targets and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            # "expanded its operations in X": the place of the verb that carries the act
            targets = distinct(roles.place_parties(token.head), sources)
    if not targets and sources and trigger.code[:2] == "15":
        targets = distinct(_faced(trigger.anchor, roles), sources)  # "held drills near X"
    if not sources and not targets and trigger.license == "occur":
        between = [c for c in trigger.anchor.children if c.dep_ == "prep" and c.lower_ == "between"]
        sources = [
            p for b in between for o in b.children if o.dep_ == "pobj" for p in roles.group(o)
        ]
    if not targets and trigger.license == "occur" and trigger.anchor.pos_ == "VERB":
        # "an air strike destroyed the consulate": what the event hit
        targets = distinct(roles.objects(trigger.anchor), sources)
        hit = any(c.dep_ == "dobj" for c in trigger.anchor.children)
        if not targets and hit and trigger.code[:2] in PLACE_TARGET_ROOTS:
            # "strikes killed dozens of civilians in X": where what it hit was
            targets = distinct(roles.place_parties(trigger.anchor), sources)
    if not targets:
        targets = _carrier_targets(trigger, sources, roles, lexicon)
    return tuple(sources), with_hosts(trigger.code, sources, targets, roles)


def _carrier_targets(
    trigger: Trigger, sources: Sequence[Party], roles: RoleReader, lexicon: EventLexicon
) -> Sequence[Party]:
    """Return an event noun's target read off the verb that carries it.

    "accept a US proposal for a ceasefire": the proposer is the other side; "X repelled
    an attack by Y": Y attacked X, who repelled it; "launched strikes on X": the verb's
    own phrase.
    """
    token = trigger.token
    requested = _request_of(token)
    proposers: Sequence[Party] = ()
    if requested is not None and requested.lemma_.lower() in REQUEST_NOUNS:
        proposers = distinct(roles.group(requested), sources)
    if proposers:
        return proposers
    carrier = token.head
    repelled = token.dep_ == "dobj" and lexicon.is_cue("intercept", carrier.lemma_.lower())
    if repelled and sources and trigger.code[:2] in _FORCE_ROOTS:
        return distinct(roles.subjects(carrier), sources)
    if trigger.license in {"perform", "charge"} and trigger.anchor.pos_ == "VERB":
        return [p for p in roles.prep_objects(trigger.anchor) if p.token not in token.subtree]
    return ()


def landing_parties(trigger: Trigger, roles: RoleReader) -> list[Party]:
    """Return the parties of the place an act lands in ("struck sites in X", "pressed on
    with its offensive in X")."""
    found = roles.place_parties(trigger.token)
    if not found and trigger.particle is not None:
        held = [o for o in trigger.particle.children if o.dep_ == "pobj"]
        found = [p for o in held for p in roles.place_parties(o)]
    return found


def _harmed_by(verb: Token, roles: RoleReader) -> list[Party]:
    """Return who was harmed by what ``verb`` describes.

    "soldiers were killed by a bomb planted by X": X's bomb fell on the soldiers' side.
    """
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.head.lower_ != "by":
        return []
    harm = noun.head.head
    return [p for c in harm.children if c.dep_ == "nsubjpass" for p in roles.group(c)]


def _faced(verb: Token, roles: RoleReader) -> list[Party]:
    """Return whose border a show of force is made along ("on alert along the X border")."""
    frontier = [verb]
    for _ in range(3):
        frontier = [c for t in frontier for c in t.children if c.dep_ in {"prep", "pobj", "dobj"}]
        for prep in frontier:
            if prep.dep_ == "prep" and prep.lower_ in _FACING_PREPS:
                for obj in prep.children:
                    place = roles.lexicon.is_cue("place", obj.lemma_.lower())
                    if obj.dep_ == "pobj" and (place or prep.lower_ in {"near", "along"}):
                        owners = (
                            roles.own_party(c)
                            for c in obj.children
                            if c.dep_ in {"amod", "compound", "poss"}
                        )
                        found = roles.group(obj) or [p for p in owners if p is not None]
                        found = found or roles.prep_objects(obj)
                        if found:
                            return found
    return []


def _request_of(token: Token) -> Token | None:
    """Return the request noun an event noun is asked for by ("a proposal for a truce")."""
    if token.head.lower_ == "for":
        return token.head.head
    if token.dep_ == "compound" and token.head.lemma_.lower() in REQUEST_NOUNS:
        return token.head  # "a ceasefire proposal"
    return None


def accepted(trigger: Trigger) -> bool:
    """Return whether an event noun is asked for by a request its anchor accepts."""
    request = _request_of(trigger.token)
    return (
        trigger.license == "charge"
        and request is not None
        and request.lemma_.lower() in REQUEST_NOUNS
        and trigger.anchor.lemma_.lower() in _ACCEPTING
    )


def _mediated(token: Token, roles: RoleReader, sources: Sequence[Party]) -> tuple[Party, ...]:
    """Return the parties a mediation is between: the subject of the nearest clause above it.

    "X and Y agreed to a truce after talks mediated by Z, W said": X and Y, not W. Talks
    that name their sides come first: "talks between X and Y were mediated by Z",
    "negotiations between X and Y, mediated by Z, stalled".
    """
    talks = [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "acl":
        talks.append(token.head)
    sides = roles.phrase_parties(talks, "between")
    if distinct(sides, sources):
        return distinct(sides, sources)
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in ancestor.children
        ):
            found = distinct(roles.subjects(ancestor), sources)
            if found:
                return found
    return ()


def noun_parties(noun: Token, roles: RoleReader) -> tuple[list[Party], list[Party]]:
    """Read the parties of an event noun from its own modifiers and phrases."""
    sources: list[Party] = []
    targets: list[Party] = []
    between = False
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and not sources:
            own = roles.own_party(child)
            if own is None and child.dep_ == "poss":
                own = roles.party(child)
            if own is not None:
                sources = [own]
        elif child.dep_ == "prep":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            group = [p for o in objects for p in roles.group(o)]
            word = child.lower_
            if word == "by" and group or word == "between" and group and not sources:
                sources = group
                between = word == "between"
            elif word in _NOUN_TARGET_PREPS and group and not targets:
                targets = group
    if between:
        # "the conflict between X and Y over Z": X and Y act on each other; Z is the issue
        targets = []
        # "the war between X, led by A, and Y": the parser may hang Y off the noun itself
        known = {p.code for p in sources}
        for side in (c for c in noun.children if c.dep_ == "conj"):
            sources += [p for p in roles.group(side) if p.code not in known]
    return sources, targets


def judged_actors(verb: Token, roles: RoleReader, lexicon: EventLexicon) -> list[Party] | None:
    """Return whose act a verb of judging judges, or ``None`` if it judges no act.

    The target of a criticism of (or inquiry into) an act is the act's author, not its
    victim: "condemned the shelling of X by Y" (Y), "condemned what it called Y's attack
    on X" (Y), "condemned the seizure as an act of Y's terrorism" (Y); no one when the
    author is the judge itself ("reviewing its own strike in X"). An act named without
    its author ("condemned the attack on X") judges no one the sentence names here.
    """
    if not lexicon.is_cue("judge", verb.lemma_.lower()):
        return None
    judged, naming = _judged_noun(verb)
    if judged is None or judged.lemma_.lower() not in lexicon.nouns:
        return None
    authors = noun_parties(judged, roles)[0]
    if not authors and naming is not None:
        authors = roles.agent_by(naming)  # "what she called attacks by Y"
    authors = authors or _ascribed(judged, roles, lexicon)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        authors = authors or [p for o in prep.children if o.dep_ == "pobj" for p in roles.group(o)]
    return authors


def _ascribed(act: Token, roles: RoleReader, lexicon: EventLexicon) -> list[Party]:
    """Return the authors a relative clause gives a judged act.

    "condemned the attack, which it blamed on Y" (Y), "the incursion that X attributed to
    Y" (Y), "the strike, which Y carried out" (Y).
    """
    for clause in (c for c in act.children if c.dep_ in {"relcl", "acl"}):
        lemma = clause.lemma_.lower()
        if lemma in _ASCRIBING:
            preps = [c for c in clause.children if c.dep_ == "prep" and c.lower_ in {"on", "to"}]
            found = [
                p
                for prep in preps
                for o in prep.children
                if o.dep_ == "pobj"
                for p in roles.group(o)
            ]
            if found:
                return found
        elif lexicon.is_cue("perform", lemma):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in {"which", "that", "who"}:
                return roles.group(subject)
    return []


def _judged_noun(verb: Token) -> tuple[Token | None, Token | None]:
    """Return the noun a verb of judging has for object, and the verb naming it if any.

    "condemned the attack" (attack); "condemned what she called attacks" (attacks, called).
    """
    for child in verb.children:
        if child.dep_ == "dobj":
            return child, None
        if child.dep_ == "ccomp" and any(
            c.dep_ == "dobj" and c.tag_ == "WP" for c in child.children
        ):
            named = next((c for c in child.children if c.dep_ == "oprd"), None)
            return named, child
    return None, None


def _each_side(verb: Token, roles: RoleReader) -> list[Party]:
    """Return the sides "each side" stands for: those the clause above is between.

    "Fighting broke out between X and Y, with each side blaming the other": X and Y.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.lower_ == "each" for c in subject.children):
        return []
    clause = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if clause is None:
        return []
    nouns = [clause, *(c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"})]
    return roles.phrase_parties(nouns, "between")


def _claimed_victims(verb: Token, roles: RoleReader) -> list[Party]:
    """Return whom the act one claims responsibility for was done to.

    "X claimed responsibility for the strike on Y" (Y), "... for the strike that killed a
    Y official" (Y).
    """
    claimed = [
        o
        for d in verb.children
        if d.dep_ == "dobj"
        for p in d.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for act in claimed:
        victims = noun_parties(act, roles)[1]
        clauses = [c for c in act.children if c.dep_ in {"relcl", "acl"}]
        victims = victims or [p for c in clauses for p in roles.objects(c)]
        if victims:
            return victims
    return []


def _sued(
    verb: Token, filed: frozenset[str], roles: RoleReader, lexicon: EventLexicon
) -> list[Party]:
    """Return whom a lawsuit is brought against; the court it is brought at is no party.

    "X sued Y" (Y), "X filed a case against Y at the court" (Y), "X filed a case at the
    court accusing Y of ..." (Y). ``filed`` are the words for what is filed ("case").
    """
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() not in filed and roles.group(obj):
            return roles.group(obj)
    for token in verb.subtree:
        if token.dep_ == "prep" and token.lower_ == "against":
            found = [p for o in token.children if o.dep_ == "pobj" for p in roles.group(o)]
            if found:
                return found
    for clause in verb.subtree:
        if clause.dep_ in {"advcl", "acl"} and lexicon.is_cue("accuse", clause.lemma_.lower()):
            return [p for o in clause.children if o.dep_ == "dobj" for p in roles.group(o)]
    return []


def _sets_scene(noun: Token, verb: Token) -> bool:
    """Whether an event noun only says when or where ``verb`` was done ("on a visit to X")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head == verb
        and prep.lower_ in {"on", "during", "at", "after", "before", "in"}
    )
