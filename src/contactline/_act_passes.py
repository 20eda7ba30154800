"""The act record and the passes that read a whole sentence's acts together.

An act's own clause may leave its target unsaid; the rest of the sentence often says it:

- a conjoined verb or participle continues on its head's target ("blamed X and vowed
  revenge");
- an act that needs a target takes the sentence's only other party;
- a capture and a withdrawal pair their parties ("X entered after Y withdrew");
- an interception and the fire it stops pair theirs ("X intercepted missiles fired by Y");
- a denial answers the accusation, a criticism the other party acting ("a move X
  condemned");
- a conjunct misparsed into a reported clause continues the verb of saying
  (``outer_conjunct``).

Frames (``_frames``) become acts of their own in ``_frame_acts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from contactline._event_lexicon import EventLexicon
from contactline._frames import Frame
from contactline._roles import Party, RoleReader
from contactline._subjects import demand_continued
from contactline._triggers import Trigger
from contactline.records import Modality

OTHER_PARTY_ROOTS = frozenset({"07", "08", "09", "11", "12", "16", "18", "19", "20"})
"""Families whose act always has a target: failing a readable one, the sentence's only other party."""
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_BLAME = "112"
_BLAMED_ROOTS = frozenset({"18", "19", "20"})
"""Acts of violence a party can be blamed for."""
_UNDONE_ROOTS = frozenset({"17", "19"})
"""Damage a party can be blamed for when no one it was done to is named: "a dam was blown up"."""
_JUDGED_NOUNS = frozenset(
    {"launch", "test", "seizure", "execution", "move", "incursion", "step", "decision"}
)
"""Nouns that name an earlier act when criticised without its actor ("condemned the launch")."""
_MOVES = frozenset({"move", "step", "decision"})
"""Nouns that sum up the clause before them ("..., a move X condemned")."""
_ACTING_ROOTS = frozenset(
    {"03", "04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
)
"""Families of acts done, not said, that a "move" can sum up."""
_ANSWER_PREFIXES = ("016", "11", "12")
"""Codes of acts that answer another act of the sentence (a denial, criticism, rejection)."""
_RESPONSE_MARKS = frozenset({"after", "when", "because", "since", "as"})
"""Subordinators of the act another answers ("X went on alert after Y crossed")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Act:
    """A coded act before it becomes one or more dyadic events."""

    trigger: Trigger
    code: str
    rule: str
    sources: tuple[Party, ...]
    targets: tuple[Party, ...]
    modality: Modality
    reported_by: str | None = None
    frame: Frame | None = None
    bare: bool = False


def distinct(targets: Sequence[Party], sources: Sequence[Party]) -> tuple[Party, ...]:
    """Return the targets that are not also sources."""
    codes = {s.code for s in sources}
    return tuple(t for t in targets if t.code not in codes)


def taken_from(acts: list[Act]) -> list[Act]:
    """Pair a capture with a withdrawal of the same sentence: the one takes what the other left.

    "X entered the town after Y withdrew from it": X->Y 192 and Y->X 0874.
    """
    # a relative clause describes ("the areas it occupied"); it reports no capture here
    news = [a for a in acts if a.sources and a.trigger.token.dep_ != "relcl"]
    takers = [a for a in news if a.code == "192"]
    leavers = [a for a in news if a.code == "0874"]
    if len(takers) != 1 or len(leavers) != 1:
        return acts
    taker, leaver = takers[0], leavers[0]
    if {s.code for s in taker.sources} & {s.code for s in leaver.sources}:
        return acts
    paired = {
        id(taker): replace(taker, targets=taker.targets or leaver.sources),
        id(leaver): replace(leaver, targets=leaver.targets or taker.sources),
    }
    return [paired.get(id(a), a) for a in acts]


def blamed_source(acts: list[Act], roles: RoleReader) -> list[Act]:
    """Give an act of force done by no one named the party the sentence blames, as a claim.

    "Drones struck X, the mayor said, blaming Y", "a strike on X, which Z blamed on Y":
    Y did it by Z's account (claimed, reported by the first blamer). Only one blame in the
    sentence that charges nothing of its own decides ("X accused Y of sabotage" is no
    blame for the blast); an act another party reports stays unattributed, and so do what
    the accusation itself charges and the stopping of an attack ("shot down"). A deed
    with no party at all was done where the sentence places it ("people were killed in a
    blast in Z; X blamed Y": Z), else to the blamer ("the dam was blown up; X blamed Y").
    """
    lexicon = roles.lexicon
    blames = [
        a
        for a in acts
        if a.code.startswith(_BLAME)
        and lexicon.is_cue("accuse", a.trigger.token.lemma_.lower())
        and a.sources
        and a.targets
        and not _charges(a.trigger.token)
    ]
    if len(blames) != 1:
        return acts
    blame = blames[0]
    blamer = blame.sources[0].code
    out = []
    for act in acts:
        told = act.modality == "asserted" or act.modality == "claimed" and act.reported_by == blamer
        charged = act.frame is not None and act.frame.kind == "accuse"
        stops = lexicon.is_cue("intercept", act.trigger.token.lemma_.lower())
        undone = not act.targets and act.trigger.license == "verb"  # "the dam was blown up"
        blamable = act.code[:2] in (_UNDONE_ROOTS if undone else _BLAMED_ROOTS)
        if act.sources or not blamable or not told or charged or stops:
            out.append(act)
            continue
        out.append(
            replace(
                act,
                sources=blame.targets,
                targets=_victims(act, blame, roles) if undone else act.targets,
                modality="claimed",
                reported_by=blamer,
                rule=act.rule + " source:blamed",
            )
        )
    return out


def _victims(act: Act, blame: Act, roles: RoleReader) -> tuple[Party, ...]:
    """Return whom a deed with no party was done to: its sentence's place, else the blamer."""
    placed = distinct(roles.located(act.trigger.token.sent), blame.targets)
    return placed or distinct(blame.sources[:1], blame.targets)


def _charges(verb: Token) -> bool:
    """Whether a verb of accusing names what it charges ("accused X of Y", "blamed X for Y")."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for h in heads for c in h.children)


def intercepted(acts: list[Act], lexicon: EventLexicon) -> list[Act]:
    """Pair an interception with the fire it stops.

    "X intercepted missiles fired by Y", "Y fired a missile, which X intercepted": X's use
    of force is against Y, and Y's fire was aimed at X's side. Targets the acts name
    themselves are kept.
    """
    paired: dict[int, Act] = {}
    for stop in acts:
        if stop.code[:2] != "19" or not lexicon.is_cue(
            "intercept", stop.trigger.token.lemma_.lower()
        ):
            continue
        for fire in acts:
            if fire is stop or fire.code[:2] not in _FORCE_ROOTS or not fire.sources:
                continue
            if not _stops(stop.trigger.token, fire.trigger.token):
                continue
            # a relative clause misattached to the place fired at takes its party as target
            aimed = {t.code for t in stop.targets} <= {t.code for t in fire.targets}
            if aimed and distinct(fire.sources, stop.sources):
                paired[id(stop)] = replace(
                    stop,
                    targets=distinct(fire.sources, stop.sources),
                    rule=stop.rule + " target:intercepted",
                )
            if not fire.targets and distinct(stop.sources, fire.sources):
                paired[id(fire)] = replace(
                    fire,
                    targets=distinct(stop.sources, fire.sources),
                    rule=fire.rule + " target:interceptor",
                )
    return [paired.get(id(a), a) for a in acts]


def _stops(stop: Token, fire: Token) -> bool:
    """Whether the interception verb ``stop`` acts on what the verb ``fire`` fired."""
    if fire.dep_ == "acl":
        # "intercepted [54 of] missiles fired by Y"
        head = fire.head
        while head.dep_ in {"pobj", "prep", "conj", "appos"} and head.head.i != stop.i:
            head = head.head
        return head.head.i == stop.i and head.dep_ in {"dobj", "nsubjpass", "pobj", "prep"}
    # "Y fired a missile, which X (said it had) intercepted"
    clause = next((a for a in (stop, *stop.ancestors) if a.dep_ == "relcl"), None)
    if clause is None:
        return False
    antecedent = clause.head
    if antecedent.dep_ == "pobj" and antecedent.head.head.i == fire.i:
        # "fired a missile at X, which ..." often hangs the clause off the place
        return any(c.dep_ == "dobj" for c in fire.children)
    return antecedent.head.i == fire.i


def response_target(act: Act, acts: Sequence[Act], roles: RoleReader) -> Act:
    """Aim an act that needs a target at the party whose act it answers.

    "X put its units on alert after Y's soldiers crossed the border", "X suspended the
    agreement in response to Y's launch": X acts towards Y.
    """
    if act.targets or not act.sources or act.code[:2] not in OTHER_PARTY_ROOTS | {"13", "15"}:
        return act
    verb = act.trigger.token
    if verb.dep_ in {"amod", "compound"}:
        verb = verb.head  # "X scrambled jets after ..." parsed with the verb as a modifier
    causes = [other.trigger.token for other in acts if other is not act]
    causes += [c for c in verb.children if c.dep_ == "advcl"]
    for cause in causes:
        if not _answers(verb, cause):
            continue
        sources = next((o.sources for o in acts if o.trigger.token.i == cause.i), ())
        targets = distinct(sources or roles.subjects(cause), act.sources)
        if targets:
            return replace(act, targets=targets, rule=act.rule + " target:answered-act")
    return act


def provoked_target(act: Act, acts: Sequence[Act]) -> Act:
    """Aim an act of force with no target at whoever responds to it.

    "X put its units on alert after Y's soldiers crossed the border": Y crossed X's border.
    """
    if act.targets or not act.sources or act.code[:2] not in _FORCE_ROOTS:
        return act
    for other in acts:
        verb = other.trigger.token
        if verb.dep_ in {"amod", "compound"}:
            verb = verb.head
        if other is act or not _answers(verb, act.trigger.token):
            continue
        targets = distinct(other.sources, act.sources)
        if targets:
            return replace(act, targets=targets, rule=act.rule + " target:responder")
    return act


def _answers(verb: Token, cause: Token) -> bool:
    """Whether ``cause`` is what ``verb`` responds to ("after Y crossed", "in response to")."""
    if cause.dep_ == "advcl" and cause.head.i == verb.i:
        return any(c.dep_ == "mark" and c.lower_ in _RESPONSE_MARKS for c in cause.children)
    to = cause.head
    return (
        cause.dep_ == "pobj"
        and to.lower_ == "to"
        and to.head.lower_ == "response"
        and to.head.head.lower_ == "in"
        and to.head.head.head.i == verb.i
    )


def answer_target(act: Act, acts: Sequence[Act]) -> Act:
    """Address a criticism, rejection or denial with no target to what it answers.

    A denial answers the accusation against the denier ("X accused Y of ...; Y denied
    it": Y->X); a criticism or rejection answers the one other party acting in the
    sentence ("X set up a checkpoint, a move Y condemned": Y->X).
    """
    if act.targets or not act.sources or not act.code.startswith(_ANSWER_PREFIXES):
        return act
    own = {s.code for s in act.sources}
    others = [a for a in acts if a is not act]
    if act.code == "016":
        others = [a for a in others if a.code[:2] == "11" and own & {t.code for t in a.targets}]
    else:
        # two parties criticising the same thing do not answer each other
        others = [a for a in others if not a.code.startswith(_ANSWER_PREFIXES)]
    found = {s.code: s for a in others for s in a.sources if s.code not in own}
    if len(found) != 1:
        return act
    return replace(act, targets=tuple(found.values()), rule=act.rule + " target:answered")


def inherit_target(act: Act, acts: Sequence[Act], roles: RoleReader) -> Act:
    """Give an act that needs a target the target of the verb it continues.

    A conjoined verb or a participle of the same subject acts on the same party: "X blamed
    Y and vowed revenge" (Y), "X stormed into Y, killing hundreds and taking hostages" (Y).
    The speaker's own threat continues the verb its saying is conjoined to: "X gave Y a
    week to withdraw and said it could use force" (Y), unless the threat itself continues
    a verb of the words: "X said it had shelled Y and would strike again" (Y). A verb that
    only governs the act passes on its infinitive's target: "X voted to quit Y, accusing it
    of ..." (Y).
    """
    token = act.trigger.token
    if act.targets or not act.sources or act.trigger.license != "verb":
        return act
    if act.code[:2] not in OTHER_PARTY_ROOTS | {"13", "17"}:
        return act
    frame = act.frame
    said = act.code[:2] == "13" and frame is not None and frame.kind == "report"
    if said and frame is not None and not _continues(token):
        token = frame.verb  # "X gave Y a week and said it could use force"
    if not _continues(token):
        return act
    head = demand_continued(token) or token.head
    own = {s.code for s in act.sources}
    targets: Sequence[Party] = next(
        (a.targets for a in acts if _continued(a.trigger.token, head) and a.targets), ()
    )
    if not targets and head.pos_ == "VERB":
        targets = roles.objects(head) or roles.place_parties(head)
    targets = tuple(t for t in targets if t.code not in own)
    if not targets:
        return act
    return replace(act, targets=targets, rule=act.rule + " target:continued")


def _continues(token: Token) -> bool:
    """Whether a verb continues another with no subject of its own (conjunct, participle)."""
    participle = token.dep_ == "advcl" and (token.tag_ == "VBG" or _unmarked(token))
    if token.dep_ != "conj" and not participle:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _continued(trigger: Token, head: Token) -> bool:
    """Whether an act's trigger is the verb ``head`` or the infinitive it governs.

    "X voted to leave Y, accusing the bloc of ...": the participle continues the leaving.
    """
    return trigger.i == head.i or (trigger.dep_ == "xcomp" and trigger.head.i == head.i)


def _unmarked(verb: Token) -> bool:
    """Whether a clause has no subordinator, subject or auxiliary of its own.

    Such a clause continues the verb it hangs off ("drones smuggled into X destroyed
    bombers", with "destroyed" parsed as a clause of "smuggled").
    """
    own = {"mark", "nsubj", "nsubjpass", "aux", "auxpass"}
    return verb.tag_ in {"VBD", "VBZ", "VBP"} and not any(c.dep_ in own for c in verb.children)


def fallback_target(
    act: Act, acts: Sequence[Act], sent: SpacySpan, roles: RoleReader, speakers: set[str]
) -> Act:
    """Give an act that needs a target the sentence's only other party, if there is one.

    Parties that act elsewhere in the sentence (a mediator; beside a yielding act, the
    subject of a coordinate clause) or speak in it are not candidates; nor is a joint
    act of several sources.
    """
    if len(act.sources) != 1 or act.targets or act.code[:2] not in OTHER_PARTY_ROOTS:
        return act
    # a party provoked into answering the act ("prompting a Y rebuke") is its counterpart
    aside = [o for o in acts if o is not act and not o.rule.endswith(" target:provoker")]
    busy = {s.code for other in aside for s in other.sources} | speakers
    if act.frame is not None:
        # whoever made the claim a denial rebuts is no party to the act ("Y's claims")
        busy |= {p.code for p in act.frame.claimants}
    if act.code[:2] == "08":
        # a party yielding beside it is no counterpart ("X left in 2022, and Y withdrew")
        busy |= {p.code for v in _coordinates(act.trigger.anchor) for p in roles.subjects(v)}
    subject = roles.subject_word(act.trigger.anchor)
    if subject is not None:
        # a party named in the description of the source ("X, which mediates between Y
        # and Z, condemned ...") is no counterpart of the act
        described = (roles.own_party(w) for w in subject.subtree if w.i != subject.i)
        busy |= {p.code for p in described if p is not None}
    # a refusal answers whoever asked, never the place of the refused act
    places = act.code[:2] != "12"
    other = roles.sole_other_party(
        sent, {act.sources[0].code, act.reported_by} | busy, places=places
    )
    if other is None:
        return act
    return replace(act, targets=(other,), rule=act.rule + " target:sole-other-party")


def _coordinates(verb: Token) -> list[Token]:
    """Return the verbs of the clauses coordinated with ``verb``'s, each with a subject."""
    first = verb.head if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} else verb
    clauses = [first, *(c for c in first.children if c.dep_ == "conj")]
    return [
        c
        for c in clauses
        if c.i != verb.i and any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)
    ]


def judged_earlier(act: Act, earlier: Sequence[Act], lexicon: EventLexicon) -> Act:
    """Address a criticism of an act named without its actor to the last actor before.

    "North Korea fired a missile. Japan condemned the launch.": Japan->North Korea. The
    act criticised must be a word for an act ("the attack", "the launch") with no owner
    or agent of its own, and the earlier act one of force by someone else: the last one
    named by the same word, else the last one.
    """
    if act.targets or not act.sources or act.code[:2] not in {"11", "12"}:
        return act
    judged = next((c for c in act.trigger.token.children if c.dep_ == "dobj"), None)
    roots = _FORCE_ROOTS
    if judged is None:
        # "X did ..., a move Y rejected" split into two sentences: any act just before
        judged = _move_before(act.trigger.token)
        roots = frozenset() if judged is None else _ACTING_ROOTS
    if judged is None or not _names_an_act(judged, lexicon):
        return act
    own = {s.code for s in act.sources}
    priors = [p for p in reversed(earlier) if p.code[:2] in roots and p.sources]
    # the act named by the same word ("... strikes on X. Y condemned the strikes.") first
    named = [p for p in priors if p.trigger.token.lemma_.lower() == judged.lemma_.lower()]
    for prior in named[:1] or priors[:1]:
        if not own & {s.code for s in prior.sources}:
            return replace(act, targets=prior.sources, rule=act.rule + " target:earlier-act")
    return act


def _move_before(verb: Token) -> Token | None:
    """Return the "move" a judging clause follows across a sentence break, else ``None``.

    "X signed the treaties, a move Y rejected as illegal" is sometimes parsed as two
    sentences, the second starting at its subject: "move" is the last word before it.
    """
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.left_edge.i != verb.sent.start or verb.sent.start == 0:
        return None
    before = verb.doc[verb.sent.start - 1]
    return before if before.lemma_.lower() in _MOVES else None


def _names_an_act(noun: Token, lexicon: EventLexicon) -> bool:
    """Return whether a noun names an act by no one in particular ("the launch").

    A named owner ("the Iranian attack", "its launch", "the attack by X") is someone.
    """
    lemma = noun.lemma_.lower()
    if lemma not in _JUDGED_NOUNS and lemma not in lexicon.nouns:
        return False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return False
        named = child.pos_ in {"PROPN", "PRON"} or child.text[:1].isupper()
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and named:
            return False
    return True


def outer_conjunct(
    trigger: Trigger, sources: Sequence[Party], roles: RoleReader, lexicon: EventLexicon
) -> Token | None:
    """Return the verb of saying a conjunct misparsed into its reported clause continues.

    A conjunct with no subject of its own takes the reported clause's subject; when that
    makes it an act of a party on itself ("said Ukraine had armed the rebels and cut ties
    with Kyiv", "... had committed genocide and imposed sanctions on its leader"), it
    continues the verb of saying instead.
    """
    verb = trigger.anchor
    if trigger.license not in {"verb", "perform"} or verb.dep_ != "conj":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    clause = verb.head
    matrix = clause.head
    if clause.dep_ != "ccomp" or not lexicon.is_cue("report", matrix.lemma_.lower()):
        return None
    if not sources:
        # "X said the terms were unacceptable and pressed on with ...": no party to
        # continue in the clause, so the speaker does
        subject = roles.subject_word(clause)
        return matrix if subject is not None and not roles.group(subject) else None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    done_to = roles.objects(verb) + [p for o in objects for p in roles.prep_objects(o)]
    if not {s.code for s in sources} & {t.code for t in done_to}:
        return None
    return matrix
