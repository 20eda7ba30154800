"""Targets an act's own phrases leave unsaid but its clause names.

Each pass gives an act with no target the party a neighbouring phrase names:

- a dispatch goes where its purpose is ("sent observers to monitor the truce in X");
- a protest is against whom its slogans are ("rallied, chanting slogans against X");
- quitting a deal rejects its brokers ("pulled out of the deal brokered by X");
- an act of force falls on whom its participle acts on ("captured the town, forcing X's
  soldiers to flee");
- a visit is to whom it is made to meet ("travelled to Y's capital to hold talks with X");
- attending a meeting meets its host ("attended a summit hosted by X");
- a deal signed or talks held in a foreign state or its capital are with that state
  ("signed a pact in Y's capital");
- yielding one is forced to is yielding to who forces it ("took the town, forcing X's
  troops to flee");
- denying a claim is towards its claimant ("X claimed Y had links to Z, which Z rejected
  as absurd");
- owning up to an act of violence is towards its victims ("a strike on X, which Y called
  a mistake"; "gunmen attacked X; Y claimed responsibility");
- a target guessed for being the sentence's one other party goes when it only describes
  the source ("militants of the X-linked Y killed ...": not X) or stands by in the clause
  the act sets the scene for ("X did not intervene when Y launched its offensive": not X).

Two phrases make an act of their own: a party in whose presence an agreement or talks are
held mediates them ("signed a deal in the presence of X": X->each side, 045), and parties
with whose help force is used cooperate militarily with its user ("shot down the drones
with help from X and Y": X->user and Y->user, 062).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from contactline._act_passes import Act, distinct
from contactline._roles import HELP_NOUNS, Party, RoleReader
from contactline._triggers import Trigger

__all__ = [
    "acknowledged_target",
    "attended_host",
    "background_guess",
    "broker_target",
    "disputed_claim",
    "forced_target",
    "helped_acts",
    "host_state",
    "kin_guess",
    "participle_target",
    "presence_acts",
    "protest_target",
    "purpose_target",
    "visit_host",
]

_DISPATCH_ROOTS = frozenset({"03", "07", "15"})
"""Families of acts that send something somewhere (aid, observers, forces)."""
_PURPOSES = frozenset({"advcl", "acl", "xcomp"})
_BROKERING = frozenset({"broker", "mediate", "sponsor", "negotiate"})
"""Participles that name who brought a deal about ("the deal brokered by X")."""
_FORCE_ROOTS = frozenset({"17", "18", "19"})
_HOSTING = "043"
_ACKNOWLEDGING = "015"
_BREACHING = "196"
_ACCUSING = "112"
_DENYING = "016"
_FORCING = frozenset({"force", "compel", "oblige", "pressure", "push"})
"""Verbs that make their object yield ("forced X to withdraw")."""
_YIELDING_ROOT = "08"
_HOSTED_ROOTS = frozenset({"03", "04", "05", "06"})
"""Families of acts done with a counterpart, who hosts them at home."""
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_HELPING = "062"
_GUESSED_TARGET = " target:sole-other-party"
_BACKGROUND = frozenset({"when", "as", "while"})
"""Subordinators of a clause that sets the scene for another ("X stood by as Y ...")."""
_HELPED_ROOTS = frozenset({"15", "18", "19", "20"})
"""Families of military acts whose helpers cooperate militarily with the actor."""
_SETTLING_ROOTS = frozenset({"03", "04", "05", "06", "08"})
"""Families of acts a third party can witness as mediator (talks, agreements, truces)."""


def purpose_target(act: Act, roles: RoleReader) -> Act:
    """Aim a dispatch with no target at the place its purpose names.

    "X ordered a force deployed to restore order in Y", "X is ready to send observers to
    monitor the truce in Y": what is sent goes to Y.
    """
    if act.targets or not act.sources or act.code[:2] not in _DISPATCH_ROOTS:
        return act
    heads = [act.trigger.token, act.trigger.anchor]
    heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]
    own = {s.code for s in act.sources}
    for clause in (c for h in heads for c in h.children if c.dep_ in _PURPOSES):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            targets = tuple(p for p in roles.place_parties(clause) if p.code not in own)
            if targets:
                return replace(act, targets=targets, rule=act.rule + " target:purpose")
    return act


def protest_target(act: Act, roles: RoleReader) -> Act:
    """Aim a protest with no target at whom its participle is against.

    "Crowds rallied in X, chanting slogans against Y": the rally is against Y.
    """
    if act.targets or act.code[:2] != "14" or act.trigger.license != "verb":
        return act
    verb = act.trigger.token
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"):
        heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        targets = distinct(roles.phrase_parties(heads, "against"), act.sources)
        if targets:
            return replace(act, targets=targets, rule=act.rule + " target:protest-against")
    return act


def broker_target(act: Act, roles: RoleReader) -> Act:
    """Aim a rejection of a deal with no target at the deal's brokers.

    "X pulled out of the deal brokered by Y and Z": quitting it refuses Y's and Z's
    continued involvement (1245 to each).
    """
    if act.targets or not act.sources or act.code[:2] != "12":
        return act
    own = {s.code for s in act.sources}
    for noun in act.trigger.token.subtree:
        if noun.dep_ not in {"dobj", "pobj"} or noun.head.dep_ == "agent":
            continue
        for clause in noun.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in _BROKERING:
                targets = tuple(p for p in roles.agent_by(clause) if p.code not in own)
                if targets:
                    return replace(act, targets=targets, rule=act.rule + " target:broker")
    return act


def participle_target(act: Act, roles: RoleReader) -> Act:
    """Aim an act of force with no target at whom its participle acts on.

    "X captured the town, forcing Y's soldiers to flee": the town was taken from Y.
    """
    if act.targets or not act.sources or act.trigger.license != "verb":
        return act
    if act.code[:2] not in _FORCE_ROOTS:
        return act
    own = {s.code for s in act.sources}
    for clause in act.trigger.token.children:
        if clause.dep_ != "advcl" or clause.tag_ != "VBG":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in clause.children):
            continue  # a clause of its own
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        targets = tuple(p for o in objects for p in roles.group(o) if p.code not in own)
        if targets:
            return replace(act, targets=targets, rule=act.rule + " target:participle")
    return act


def presence_acts(acts: Sequence[Act], roles: RoleReader) -> list[Act]:
    """Return the mediation (045) of whoever an agreement or talks are held in the presence of.

    "X and Y signed a peace deal in the presence of Z": Z mediates between X and Y.
    """
    found: list[Act] = []
    for act in acts:
        if act.code[:2] not in _SETTLING_ROOTS or not act.sources:
            continue
        for presence, witnesses in _witnesses(act, roles):
            parties = distinct((*act.sources, *act.targets), witnesses)
            if not parties:
                continue
            trigger = Trigger(
                token=presence,
                anchor=act.trigger.anchor,
                code="045",
                rule="presence",
                license="verb",
            )
            found.append(
                Act(
                    trigger=trigger,
                    code="045",
                    rule="presence:" + act.rule,
                    sources=witnesses,
                    targets=parties,
                    modality=act.modality,
                    reported_by=act.reported_by,
                    frame=act.frame,
                )
            )
    return found


def helped_acts(acts: Sequence[Act], roles: RoleReader) -> list[Act]:
    """Add the military cooperation (062) of whoever helps an act of force.

    "X shot down the drones with help from Y and Z": Y->X and Z->X, reported as the act
    is (a claim of X's if X says so). A helper is never the target the act took only for
    being the sentence's one other party.
    """
    kept: list[Act] = []
    found: list[Act] = []
    for act in acts:
        nouns = _help_nouns(act) if act.code[:2] in _HELPED_ROOTS and act.sources else []
        helpers = [p for n in nouns for w in ("from", "of") for p in roles.phrase_parties([n], w)]
        # "with US support", "with Turkey's help": the helper owns the help noun
        helpers += [
            p
            for n in nouns
            for c in n.children
            if c.dep_ in {"amod", "compound", "nmod", "poss"}
            for p in [roles.own_party(c) or (roles.party(c) if c.dep_ == "poss" else None)]
            if p is not None
        ]
        guessed = act.rule.endswith(_GUESSED_TARGET)
        if guessed and {t.code for t in act.targets} & {h.code for h in helpers}:
            act = _unguessed(act)
        kept.append(act)
        helpers = list(distinct(helpers, (*act.sources, *act.targets)))
        if not helpers:
            continue
        trigger = Trigger(
            token=nouns[0], anchor=act.trigger.anchor, code=_HELPING, rule="help", license="verb"
        )
        found.append(
            Act(
                trigger=trigger,
                code=_HELPING,
                rule="help:" + act.rule,
                sources=tuple(helpers),
                targets=act.sources,
                modality=act.modality,
                reported_by=act.reported_by,
                frame=act.frame,
            )
        )
    return kept + found


def kin_guess(act: Act) -> Act:
    """Drop a target guessed as the sentence's one other party when it describes the source.

    "Militants of the X-linked Y killed 200 people": X names who Y are, not whom they
    killed; a party whose phrase holds the source (or that the source's phrase holds)
    is no counterpart.
    """
    if not act.rule.endswith(_GUESSED_TARGET) or not act.targets:
        return act
    sources = {s.token.i for s in act.sources}
    for target in act.targets:
        phrase = {w.i for w in target.token.subtree}
        if sources & phrase or any(
            target.token.i in {w.i for w in s.token.subtree} for s in act.sources
        ):
            return _unguessed(act)
    return act


def background_guess(act: Act, roles: RoleReader) -> Act:
    """Drop a guessed target that stands by in the clause an act is the background of.

    "X's peacekeepers did not intervene when Y launched its offensive": the offensive
    is set beside what X did, not aimed at X.
    """
    if not act.rule.endswith(_GUESSED_TARGET) or not act.targets:
        return act
    clause = next((v for v in act.trigger.anchor.ancestors if v.dep_ == "advcl"), None)
    if act.trigger.anchor.dep_ == "advcl":
        clause = act.trigger.anchor
    if clause is None or not any(
        c.dep_ in {"mark", "advmod", "prep"} and c.lower_ in _BACKGROUND for c in clause.children
    ):
        return act
    standing = {p.code for p in roles.subjects(clause.head)}
    if not standing & {t.code for t in act.targets}:
        return act
    return _unguessed(act)


def _unguessed(act: Act) -> Act:
    """Return an act without the target guessed for being the sentence's one other party."""
    return replace(act, targets=(), rule=act.rule.removesuffix(_GUESSED_TARGET))


def _help_nouns(act: Act) -> list[Token]:
    """Return the help nouns of "with (the) help/support of X" on an act's verb, noun or subject."""
    heads = {act.trigger.token.i: act.trigger.token, act.trigger.anchor.i: act.trigger.anchor}
    # "the army, with the help of X, retook the town": the phrase may hang off the subject
    heads |= {c.i: c for h in list(heads.values()) for c in h.children if c.dep_ == "nsubj"}
    return [
        noun
        for head in heads.values()
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in HELP_NOUNS
    ]


def _witnesses(act: Act, roles: RoleReader) -> list[tuple[Token, tuple[Party, ...]]]:
    """Return each "presence" noun of an act's clause with the parties it is of."""
    found = []
    heads = [act.trigger.anchor, act.trigger.token]
    heads += [c for h in heads for c in h.children if c.dep_ == "dobj"]
    preps = {c.i: c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"}
    for prep in preps.values():
        for presence in (o for o in prep.children if o.lemma_.lower() == "presence"):
            of = [c for c in presence.children if c.dep_ == "prep" and c.lower_ == "of"]
            parties = tuple(
                p for o in of for w in o.children if w.dep_ == "pobj" for p in roles.group(w)
            )
            if parties:
                found.append((presence, parties))
    return found


def visit_host(act: Act, acts: Sequence[Act]) -> Act:
    """Make the party a visit is made to meet its host, rather than the city visited.

    "X's envoys travelled to Y's capital to hold talks with Z": X visits Z (042). Only a
    place (a capital or region standing for its state) gives way.
    """
    if act.code != "042" or not act.targets or not all(_place(t) for t in act.targets):
        return act
    verb = act.trigger.token
    purposes = [
        c
        for c in verb.children
        if c.dep_ in _PURPOSES and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    for other in acts:
        token = other.trigger.token
        meeting = other.code[:2] == "04" and other is not act and other.targets
        if meeting and any(p == token or p in token.ancestors for p in purposes):
            return replace(act, targets=other.targets, rule=act.rule + " target:host")
    return act


def _place(party: Party) -> bool:
    """Whether a party was named by a place: a region, or a capital used as a place."""
    mention = party.mention
    return mention.kind == "region" or mention.rule.startswith("capital:")


def attended_host(act: Act, acts: Sequence[Act]) -> Act:
    """Aim attending a meeting with no target at the meeting's host.

    "X hosted a summit attended by Y", "Y attended a summit hosted by X": Y meets X.
    """
    if act.code[:2] != "04" or act.targets or not act.sources or act.code == _HOSTING:
        return act
    verb = act.trigger.token
    meetings = [verb.head] if verb.dep_ == "acl" else []
    meetings += [c for c in verb.children if c.dep_ == "dobj"]
    for other in acts:
        if other.code != _HOSTING or not other.sources:
            continue
        host = other.trigger.token
        if any(host == m.head or (host.dep_ == "acl" and host.head == m) for m in meetings):
            targets = distinct(other.sources, act.sources)
            if targets:
                return replace(act, targets=targets, rule=act.rule + " target:host")
    return act


def breach_target(act: Act, acts: Sequence[Act]) -> Act:
    """Address a breach of a truce (196) to the party that accuses its doer of it.

    A truce is made with a party, not a place: "X resumed strikes on Y's region, ending
    the truce; Z accused X of breaking it" (X->Z). The accuser is the other side of the
    agreement; only one accuser in the sentence decides, and a party target stays.
    """
    if act.code != _BREACHING or len(act.sources) != 1:
        return act
    if any(t.mention.kind != "region" for t in act.targets):
        return act
    doer = act.sources[0].code
    accusers = {
        s.code: s
        for a in acts
        if a.code.startswith(_ACCUSING) and doer in {t.code for t in a.targets}
        for s in a.sources
        if s.code != doer
    }
    if len(accusers) != 1:
        return act
    return replace(act, targets=tuple(accusers.values()), rule=act.rule + " target:accuser")


def acknowledged_target(act: Act, acts: Sequence[Act], roles: RoleReader) -> Act:
    """Address an acknowledgement of responsibility (015) with no target to the victims.

    The act owned up to is the one a relative clause describes ("an Israeli strike on X,
    which Israel called a mistake"), else the sentence's one act of violence that has a
    target ("gunmen opened fire on crowds in X; Y claimed responsibility"). Several
    violent acts with different victims leave it unsaid; with none, the one state the
    sentence places its events in is hit ("gunmen opened fire near X; Y claimed it").
    """
    if act.targets or not act.sources or act.code != _ACKNOWLEDGING:
        return act
    token = act.trigger.token
    violent = [a for a in acts if a is not act and a.code[:2] in _VIOLENT_ROOTS and a.targets]
    described = [a for a in violent if token.dep_ == "relcl" and a.trigger.token.i == token.head.i]
    victims = {t.code: t for a in described or violent for t in a.targets}
    if not violent:
        victims = {p.code: p for p in roles.located(token.sent)}
    own = {s.code for s in act.sources}
    if len(victims) != 1 or own & set(victims):
        return act
    return replace(act, targets=tuple(victims.values()), rule=act.rule + " target:acknowledged")


def disputed_claim(act: Act, roles: RoleReader) -> Act:
    """Address a denial with no target, in a relative clause, to who made the claim it denies.

    "X claimed the gunmen had links to Y, which Y rejected as absurd": the clause hangs
    off a word of what X claimed, so Y denies X's claim (Y->X, 016).
    """
    token = act.trigger.token
    if act.targets or not act.sources or act.code != _DENYING or token.dep_ != "relcl":
        return act
    for ancestor in token.head.ancestors:
        if ancestor.pos_ == "VERB" and roles.lexicon.is_cue("report", ancestor.lemma_.lower()):
            claimants = distinct(roles.subjects(ancestor), act.sources)
            if claimants:
                return replace(act, targets=tuple(claimants), rule=act.rule + " target:claimant")
    return act


def host_state(act: Act, roles: RoleReader) -> Act:
    """Give a cooperative act with no counterpart the state it is done in.

    "X signed a defence pact in Y's capital", "X held talks in Y": the host state is the
    other side. Only for a state or its leader (an organisation's seat is no host), and
    only a state (not a region) named as the place of the act itself.
    """
    if act.targets or len(act.sources) != 1 or act.code[:2] not in _HOSTED_ROOTS:
        return act
    source = act.sources[0]
    if source.mention.kind not in {"state", "person"}:
        return act
    token, anchor = act.trigger.token, act.trigger.anchor
    places = roles.phrase_parties({token.i: token, anchor.i: anchor}.values(), "in")
    hosts = [p for p in places if p.mention.kind == "state" and p.code != source.code]
    if len(hosts) != 1:
        return act
    return replace(act, targets=(hosts[0],), rule=act.rule + " target:host")


def forced_target(act: Act, roles: RoleReader) -> Act:
    """Address a yielding act with no target to whoever forced it.

    "M23 captured the town, forcing Congolese soldiers to flee": the soldiers yield to
    M23, the subject of the forcing verb (or of the verb its participle continues).
    """
    verb = act.trigger.token
    if act.targets or not act.sources or act.code[:2] != _YIELDING_ROOT:
        return act
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _FORCING:
        return act
    forcers = distinct(roles.subjects(verb.head), act.sources)
    if not forcers:
        return act
    return replace(act, targets=tuple(forcers), rule=act.rule + " target:forcer")
