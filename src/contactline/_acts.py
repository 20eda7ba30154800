"""Code the acts of a sentence: triggers paired with what they ask for, parties, mood, frame.

An act is a coded trigger before it becomes dyadic events (``contactline.events``):

1. the triggers of the sentence are found and paired (``select``): an appeal or demand
   with the act it asks for, an event noun with the verb that performs it;
2. each trigger's parties are read off grammatical roles (``_act_parties``, ``_roles``);
3. its mood (``_modality``) may change its code ("stands ready to send a mission": 0334);
4. its frame (``_frames``, ``_act_frames``) makes it a claim of the speaker, and the
   frame an act of its own where CAMEO codes it (010, 112, 016: ``_frame_acts``);
5. the sentence's acts are then read together (``_act_passes``) for targets their own
   clause leaves unsaid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from contactline._act_frames import in_frame, warns
from contactline._act_parties import (
    PLACE_TARGET_ROOTS,
    accepted,
    act_parties,
    landing_parties,
    noun_parties,
)
from contactline._act_passes import (
    Act,
    answer_target,
    blamed_source,
    distinct,
    fallback_target,
    inherit_target,
    intercepted,
    outer_conjunct,
    provoked_target,
    response_target,
    taken_from,
)
from contactline._event_lexicon import CLAUSE_OBJECT, EventLexicon
from contactline._frame_acts import frame_acts
from contactline._frames import Frame, find_frame
from contactline._modality import MoodReading, read_mood
from contactline._roles import Party, RoleReader
from contactline._target_passes import (
    acknowledged_target,
    attended_host,
    breach_target,
    broker_target,
    disputed_claim,
    forced_target,
    host_state,
    participle_target,
    presence_acts,
    protest_target,
    purpose_target,
    visit_host,
)
from contactline._trigger_nouns import purpose_object, spurned, undergone
from contactline._triggers import (
    APPEAL_ROOTS,
    Trigger,
    by_weapon,
    definite,
    describes,
    find_triggers,
    held_place,
    names,
    retorts,
    select_triggers,
)
from contactline.records import Modality

_VERBAL_MOODS = {"intent": "intended", "threat": "intended", "refuse": "asserted"}
_TRUCE = "0871"
_TIME_MARKS = frozenset({"after", "before", "since", "until", "as"})
_ASKING_KINDS = {
    "call": "appeal",
    "appeal": "appeal",
    "plea": "appeal",
    "request": "appeal",
    "demand": "demand",
    "ultimatum": "demand",
}
"""Request nouns a refusal can rebuff, and the kind of act each makes of its maker."""
_UNDERTAKINGS = frozenset({"agree", "pledge", "promise", "vow", "undertake", "commit"})
"""Verbs whose "that" clause with "would" is undertaken ("agreed that X would withdraw")."""
_GERUND_MARKS = frozenset({"after", "before", "since", "by"})
_PASSIVE = frozenset({"auxpass", "nsubjpass"})


def code_sentence(sent: SpacySpan, roles: RoleReader, lexicon: EventLexicon) -> list[Act]:
    """Code every act of one sentence, frames included."""
    triggers = select_triggers(list(find_triggers(sent, lexicon)), lexicon)
    acts: list[Act] = []
    frames: dict[int, tuple[Frame, list[Act]]] = {}
    for trigger, embedded in triggers:
        act = _code_act(trigger, embedded, roles, lexicon)
        if act is None:
            continue
        if act.frame is not None and act.frame.kind in {"report", "deny"} and not _partyless(act):
            frames.setdefault(act.frame.verb.i, (act.frame, []))[1].append(act)
        acts.append(act)
    acts.extend(_rebuffed_requests(triggers, roles, lexicon))
    verbs = [t for t in sent if t.pos_ == "VERB"]
    reports = [t for t in verbs if lexicon.is_cue("report", t.lemma_.lower())]
    speakers = {p.code for t in reports for p in roles.subjects(t)}
    # a party named inside the speaker's phrase is its base, no bystander ("a UK-based group")
    speakers |= {
        p.code
        for t in reports
        for c in t.children
        if c.dep_ == "nsubj"
        for w in c.subtree
        for p in [roles.own_party(w)]
        if p is not None
    }
    # whoever reports an act of the sentence ("according to X") is its source of news
    speakers |= {a.reported_by for a in acts if a.reported_by}
    blamed = blamed_source(acts, roles)  # a deed no one named did is news only if blamed
    acts = intercepted([a for a in blamed if not _partyless(a)], lexicon)
    for index, act in sorted(enumerate(acts), key=lambda pair: pair[1].trigger.token.i):
        acts[index] = inherit_target(act, acts, roles)  # in text order: chains pass it on
    acts = [response_target(act, acts, roles) for act in acts]
    acts = [_answered(provoked_target(act, acts), roles, lexicon) for act in acts]
    acts = [protest_target(purpose_target(act, roles), roles) for act in acts]
    acts = [participle_target(broker_target(act, roles), roles) for act in acts]
    acts = [host_state(disputed_claim(forced_target(act, roles), roles), roles) for act in acts]
    acts = [fallback_target(act, acts, sent, roles, speakers) for act in acts]
    acts.extend(frame_acts(verbs, frames, roles, lexicon))
    acts.extend(presence_acts(acts, roles))
    acts = [attended_host(visit_host(act, acts), acts) for act in acts]
    acts = taken_from(acts)
    acts = [acknowledged_target(answer_target(act, acts), acts, roles) for act in acts]
    return [breach_target(act, acts) for act in acts]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Draft:
    """A trigger being coded: the code, rule and parties read so far, its mood and frame."""

    trigger: Trigger
    code: str
    rule: str
    sources: tuple[Party, ...]
    targets: tuple[Party, ...]
    mood: MoodReading
    frame: Frame | None
    modality: Modality = "asserted"


def _code_act(
    trigger: Trigger, embedded: Trigger | None, roles: RoleReader, lexicon: EventLexicon
) -> Act | None:
    """Code one trigger: parties, then mood, then frame.

    1. An appeal verb that only names something is no act; an order whose clause names
       the act ordered and nobody it is asked of is that act; an infinitive stating the
       purpose of the object of its verb, aimed at no party, is none.
    2. The parties come from grammatical roles; an appeal asks for the act it embeds
       (``_ask_for``); an accepted proposal is an intent (``_accept``).
    3. A conjunct misparsed into a reported clause is the speaker's (``_continue_outer``).
    4. The mood and the frame may make the act a retort, an intent or a threat
       (``_retort``, ``_framed_mood``), a speaker's demand (``_spoken_demand``), and
       change its code and modality (``_mood_code``).
    5. The act is refined by its weapon and put in its frame (``_to_act``), and kept
       only if it is news of its own (``_as_news``).
    """
    if names(trigger):
        return None
    thing = purpose_object(trigger.token, lexicon) if trigger.license == "verb" else None
    if thing is not None and not roles.group(thing) and not roles.objects(trigger.token):
        return None  # "agreed to a truce to exchange prisoners": the truce's purpose
    sources, targets = act_parties(trigger, roles, lexicon)
    if not sources and (doer := _gerund_doer(trigger.token)) is not None:
        # "fired missiles a day after warning X": the subject of the clause warned X
        sources = tuple(roles.subjects(doer))
    if not targets and trigger.license == "verb" and describes(trigger.token):
        # "Arnor-backed rebels": the rebels are backed
        targets = distinct(roles.group(trigger.token.head), sources)
    if not sources and _passive(trigger) and read_mood(trigger.anchor, lexicon).mood == "plain":
        # "talks were held between X and Y", "talks between X and Y were held": X and Y
        # held them, together ("a deal could be signed between X and Y" only speculates)
        between = roles.phrase_parties(_passive_heads(trigger.token), "between")
        if len({p.code for p in between}) > 1:
            sources, targets = tuple(between), distinct(targets, between)
    if undergone(trigger):
        # "X came under fire from Y": Y fired at X
        sources, targets = targets or tuple(roles.agent_by(trigger.token)), sources
    if embedded is not None and not targets and CLAUSE_OBJECT in trigger.objects:
        # "ordered its troops to attack X" is no demand on anyone: the act ordered is done
        return _code_act(embedded, None, roles, lexicon)
    draft = _Draft(
        trigger=trigger,
        code=trigger.code,
        rule=trigger.rule,
        sources=sources,
        targets=targets,
        mood=_spurned(trigger, lexicon) or read_mood(trigger.anchor, lexicon),
        frame=find_frame(trigger.token, roles, lexicon),
    )
    if embedded is not None:
        draft = _ask_for(draft, embedded, roles, lexicon)
    draft = _continue_outer(_accept(draft, lexicon), roles, lexicon)
    draft = _framed_mood(_retort(draft, roles, lexicon), roles, lexicon)
    demand = _spoken_demand(draft, lexicon)
    if demand is not None:
        return demand
    return _as_news(_to_act(_mood_code(draft, lexicon), roles, lexicon))


def _rebuffed_requests(
    triggers: Sequence[tuple[Trigger, Trigger | None]], roles: RoleReader, lexicon: EventLexicon
) -> list[Act]:
    """Code the requests a refusal rebuffs as acts of those who made them.

    "X rejected calls by Y to withdraw its troops": Y appealed to X for the withdrawal
    (0256 for a truce's withdrawal), beside X's refusal; a demand or ultimatum is a
    demand (10). The request must name who made it in a "by" phrase, and the one who
    refuses it is the one it was addressed to.
    """
    found: list[Act] = []
    for trigger, embedded in triggers:
        if embedded is None or trigger.license != "verb" or trigger.code[:2] != "12":
            continue
        for noun in trigger.token.children:
            lemma = noun.lemma_.lower()
            if noun.dep_ != "dobj" or lemma not in _ASKING_KINDS:
                continue
            askers = roles.agent_by(noun)
            if not askers:
                continue
            kind = _ASKING_KINDS[lemma]
            code = lexicon.derived(kind, embedded.code)
            rule = f"noun:{lemma} {kind}:{embedded.rule} rebuffed:{trigger.token.lower_}"
            request = Trigger(
                token=noun, anchor=trigger.token, code=code, rule=rule, license="agent"
            )
            act = Act(
                trigger=request,
                code=code,
                rule=rule,
                sources=tuple(askers),
                targets=distinct(roles.subjects(trigger.token), askers),
                modality="asserted",
            )
            frame = find_frame(trigger.token, roles, lexicon)
            if frame is not None:
                act = in_frame(act, frame, MoodReading(mood="plain"), roles)
            found.append(act)
    return found


def _answered(act: Act, roles: RoleReader, lexicon: EventLexicon) -> Act:
    """Aim an act that a verb of provoking names at whoever provoked it.

    "X condemned the raid, prompting a Y rebuke", "X's vote drew protests from Y": Y
    answers X.
    """
    token = act.trigger.token
    verb = token.head
    if act.targets or token.dep_ != "dobj" or not lexicon.is_cue("provoke", verb.lemma_.lower()):
        return act
    targets = distinct(roles.subjects(verb), act.sources)
    return replace(act, targets=targets, rule=act.rule + " target:provoker") if targets else act


def _partyless(act: Act) -> bool:
    """Whether an act names no party and is told as done: "the dam was blown up"."""
    return not act.sources and not act.targets and act.trigger.license != "occur"


def _passive(trigger: Trigger) -> bool:
    """Whether a verb trigger is passive with no agent: "talks were held between X and Y"."""
    verb = trigger.token
    return (
        trigger.license == "verb"
        and any(c.dep_ in _PASSIVE for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _spurned(trigger: Trigger, lexicon: EventLexicon) -> MoodReading | None:
    """Read "X is not interested in a truce" as a refusal of the truce."""
    word = spurned(trigger.token, lexicon) if trigger.license == "charge" else None
    return MoodReading(mood="refuse", cue=word) if word is not None else None


def _passive_heads(verb: Token) -> list[Token]:
    """Return a passive verb and its passive subject, where a "between" phrase may hang."""
    return [verb, *(c for c in verb.children if c.dep_ == "nsubjpass")]


def _gerund_doer(verb: Token) -> Token | None:
    """Return the verb whose subject does a gerund of time: "a day after warning X".

    "X fired missiles a day after warning Y", "X struck before withdrawing": the gerund
    after "after", "before", "since" or "by" is the act of the clause's own subject. A
    passive clause's subject suffers its act, and is not read as the gerund's doer.
    """
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ not in _GERUND_MARKS:
        return None
    governor = prep.head
    if governor.dep_ == "npadvmod" and governor.pos_ == "NOUN":
        governor = governor.head  # "a day after warning"
    if governor.pos_ != "VERB" or any(c.dep_ in _PASSIVE for c in governor.children):
        return None
    return governor


def _ask_for(draft: _Draft, embedded: Trigger, roles: RoleReader, lexicon: EventLexicon) -> _Draft:
    """Code an appeal or demand by the act it asks for ("called on X to withdraw").

    The appeal takes the code its kind derives from the act asked for, where that keeps
    its own root or it has no more specific code of its own; naming no target, it is
    addressed to the parties of the act asked for.
    """
    code = draft.code
    kind = APPEAL_ROOTS[code[:2]]
    if code in {"020", "100", "120"} or lexicon.derived(kind, embedded.code)[:3] == code[:3]:
        code = lexicon.derived(kind, embedded.code)
    targets = draft.targets
    if not targets:
        inner_sources, inner_targets = act_parties(embedded, roles, lexicon)
        targets = distinct(inner_sources, draft.sources) or distinct(inner_targets, draft.sources)
    return replace(draft, code=code, rule=draft.rule + f" {kind}:{embedded.rule}", targets=targets)


def _accept(draft: _Draft, lexicon: EventLexicon) -> _Draft:
    """Code an accepted proposal as an intent to do what it proposes.

    Accepting a proposal for a truce is an intent to make one ("accepted a ceasefire
    proposal": 0356 to the proposer).
    """
    if not accepted(draft.trigger):
        return draft
    return replace(
        draft,
        code=lexicon.derived("intent", draft.code),
        rule=draft.rule + f" accepted:{draft.trigger.anchor.lower_}",
    )


def _continue_outer(draft: _Draft, roles: RoleReader, lexicon: EventLexicon) -> _Draft:
    """Give a conjunct misparsed into a reported clause to the verb of saying it continues.

    "X said Y had armed the rebels and cut ties with Y": X cut them, and says so; the
    act is no longer inside the frame.
    """
    matrix = outer_conjunct(draft.trigger, draft.sources, roles, lexicon)
    if matrix is None:
        return draft
    targets = tuple(draft.sources) or tuple(draft.targets)
    sources = tuple(roles.subjects(matrix))
    targets = distinct(targets, sources)
    if not targets and draft.code[:2] in PLACE_TARGET_ROOTS:
        targets = distinct(landing_parties(draft.trigger, roles), sources)
    return replace(
        draft, sources=sources, targets=targets, frame=None, rule=draft.rule + " conjunct:outer"
    )


def _retort(draft: _Draft, roles: RoleReader, lexicon: EventLexicon) -> _Draft:
    """Read an act that "will not go unanswered" as done, and its speaker as threatening.

    "the attack will not go unanswered": the attack is no less real, and whoever says
    so threatens its authors.
    """
    if not retorts(draft.trigger.anchor, lexicon):
        return draft
    draft = replace(draft, mood=MoodReading(mood="plain"))
    trigger, frame = draft.trigger, draft.frame
    if trigger.license != "verb" or frame is None or not frame.speakers:
        return draft
    subject = roles.subject_word(trigger.token)
    sources = frame.speakers
    agents = roles.subjects(trigger.token)
    if subject is not None:
        agents = agents or roles.agent_by(subject) or noun_parties(subject, roles)[0]
    return replace(draft, sources=sources, targets=distinct(agents, sources))


def _framed_mood(draft: _Draft, roles: RoleReader, lexicon: EventLexicon) -> _Draft:
    """Read the mood of an act inside someone's words.

    "X said it would send ..." is an intent, not a hypothesis. A warning, or force the
    speaker says it may use (``warns``), is a threat to the verb of saying's object:
    "X warned that a regional force would use force": X threatens; "X warned that
    fighting could erupt" threatens no one.
    """
    mood, frame = draft.mood, draft.frame
    would = mood.mood == "hypothetical" and mood.cue is not None and mood.cue.lower_ == "would"
    if would and (frame is not None or _agreed_terms(draft.trigger.anchor, lexicon)):
        mood = MoodReading(mood="intent", cue=mood.cue)
    if frame is None or not warns(frame, mood, draft.sources, draft.code, lexicon):
        return replace(draft, mood=mood)
    sources = draft.sources
    if draft.trigger.license != "occur":
        sources = sources or frame.speakers
    elif not sources:
        return replace(draft, mood=mood)  # "war may break out" threatens no one
    return replace(
        draft,
        mood=MoodReading(mood="threat", cue=frame.verb),
        sources=sources,
        targets=draft.targets or tuple(roles.objects(frame.verb)),
    )


def _agreed_terms(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a clause says what an agreement or undertaking binds its parties to do.

    "a truce under which troops would withdraw", "agreed that their troops would
    patrol the border": the withdrawal or the patrol is agreed, an intent.
    """
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _UNDERTAKINGS:
        return True
    agreements = lexicon.classes.get("AGREEMENT", frozenset())
    return (
        verb.dep_ == "relcl"
        and verb.head.lemma_.lower() in agreements
        and any(
            o.lower_ in {"which", "that"}
            for c in verb.children
            if c.dep_ == "prep"
            for o in c.children
            if o.dep_ == "pobj"
        )
    )


def _spoken_demand(draft: _Draft, lexicon: EventLexicon) -> Act | None:
    """Return the demand a speaker makes of the act's doer, or ``None`` if it is none.

    "X said Y must withdraw": X demands of Y that it withdraw, in X's own words.
    """
    frame = draft.frame
    if draft.mood.mood != "demand" or frame is None or not frame.speakers:
        return None
    if frame.kind == "according":
        return None
    cue = draft.mood.cue
    sources = frame.speakers
    return Act(
        trigger=draft.trigger,
        code=lexicon.derived("demand", draft.code),
        rule=draft.rule + f" demand:{cue.lower_ if cue else ''}",
        sources=sources,
        targets=distinct(draft.sources or draft.targets, sources),
        modality="asserted",
        reported_by=frame.reporter,
        frame=frame,
    )


def _mood_code(draft: _Draft, lexicon: EventLexicon) -> _Draft:
    """Code an act's mood into its code and modality.

    An intent, threat or refusal has codes of its own (``_verbal_mood``); a demand no
    speaker makes, a negation without a code of its own, and a hypothesis change the
    modality; a negation with a code of its own ("did not agree": 12) changes the code.
    What a speaker says it will do on a condition, or pledges to do on one, is an
    intent, hypothetical.
    """
    mood, code = draft.mood, draft.code
    if mood.mood in _VERBAL_MOODS:
        return _verbal_mood(draft, lexicon)
    anchor = draft.trigger.anchor
    if mood.mood == "hypothetical" and (
        (draft.frame is not None and _promised(anchor)) or _pledged(anchor, lexicon)
    ):
        # "X said it would halt strikes if Y did", "pledged to help Y if it were attacked":
        # a conditional intent (035, 033), hypothetical
        cue = anchor.head if _pledged(anchor, lexicon) else mood.cue
        intended = _verbal_mood(replace(draft, mood=MoodReading(mood="intent", cue=cue)), lexicon)
        if intended.code[:2] == "13":
            return intended  # a threat on a condition is made all the same
        return replace(intended, modality="hypothetical")
    if mood.mood == "demand":
        return replace(draft, modality="hypothetical")
    if mood.mood == "negated" and lexicon.derived("negated", code) != code:
        return replace(draft, code=lexicon.derived("negated", code), rule=draft.rule + " negated")
    if mood.mood in {"negated", "hypothetical"}:
        return replace(draft, modality=mood.mood)
    return draft


def _promised(verb: Token) -> bool:
    """Whether a verb speaks of what its subject will do ("would halt", "will respond")."""
    return any(
        c.dep_ == "aux" and c.lower_ in {"will", "would"} for c in verb.children
    ) and not any(c.dep_ == "neg" for c in verb.children)


def _pledged(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb is the to-infinitive of an intent word ("pledged to help")."""
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and lexicon.is_cue("intent", verb.head.lemma_.lower())
    )


def _verbal_mood(draft: _Draft, lexicon: EventLexicon) -> _Draft:
    """Code an intent, threat or refusal by the act intended, threatened or refused.

    A threat is the statement itself: asserted. A refusal answers whoever asked, not
    the place of the refused act. Refusing to use force is no CAMEO rejection: the act
    is negated.
    """
    mood = draft.mood
    if _truce_agreed(draft):
        # "X and Y agreed to stop targeting each other": a truce agreed is the truce (0871)
        return replace(draft, code=_TRUCE, rule=draft.rule + " agreed:truce")
    refused_force = mood.mood == "refuse" and lexicon.derived("refuse", draft.code) == draft.code
    code = lexicon.derived(mood.mood, draft.code)
    targets = draft.targets
    if code[:2] == "13":
        refused_force = False
    if code[:2] == "12":
        targets = tuple(t for t in targets if t.mention.kind != "region")
    modality: Modality = (
        "negated" if refused_force else "asserted" if code[:2] == "13" else _VERBAL_MOODS[mood.mood]  # type: ignore[assignment]
    )
    return replace(
        draft,
        code=code,
        targets=targets,
        modality=modality,
        rule=draft.rule + f" {mood.mood}:{mood.cue.lower_ if mood.cue else ''}",
    )


def _truce_agreed(draft: _Draft) -> bool:
    """Whether parties agree to stop attacking one another: "agreed to stop targeting each other".

    An agreed truce is CAMEO's 0871 itself; one side's undertaking to stop ("agreed to
    stop strikes on X") stays an intent (0356).
    """
    cue = draft.mood.cue
    if draft.mood.mood != "intent" or cue is None or cue.lemma_.lower() != "agree":
        return False
    if not draft.code.startswith("087"):
        return False
    words = [t.lower_ for t in draft.trigger.token.subtree]
    return any((a, b) in {("each", "other"), ("one", "another")} for a, b in pairwise(words))


def _to_act(draft: _Draft, roles: RoleReader, lexicon: EventLexicon) -> Act:
    """Make the act of a draft: refined by weapon, with protesters' place, in its frame."""
    trigger = draft.trigger
    code = by_weapon(trigger, draft.code, lexicon, roles.subject_word(trigger.token))
    sources = draft.sources
    if code[:2] == "14" and not sources and trigger.license == "verb":
        # protesters are of the place they protest in ("protesters in Kinshasa")
        placed = roles.place_parties(trigger.token) or roles.located(trigger.token.sent)
        sources = tuple(p for p in placed if p.code not in {t.code for t in draft.targets})
    act = Act(
        trigger=trigger,
        code=code,
        rule=draft.rule,
        sources=sources,
        targets=draft.targets,
        modality=draft.modality,
    )
    if draft.frame is not None:
        act = in_frame(act, draft.frame, draft.mood, roles)
    return act


def _as_news(act: Act) -> Act | None:
    """Return an act as news of its own, or ``None`` when it only sets another act's scene.

    "since the truce took effect" only dates another act; "the areas it occupied" only
    says which areas (``held_place``); an act with no party is no event, nor is a
    happening with no party that only may happen or that "the" refers back to. A statement
    of intent (03) is intended; the targets are never the sources.
    """
    trigger = act.trigger
    backdrop = (
        trigger.license == "occur"
        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in trigger.anchor.children)
    ) or held_place(trigger)
    partyless = not act.sources and not act.targets
    told = trigger.license != "occur" or act.modality == "hypothetical" or definite(trigger)
    if backdrop or (partyless and told and not _passive(trigger)):
        # nobody acts, only something may happen ("war may break out"), or "the attack"
        # with no party retells one told before
        return None
    if act.code[:2] == "03" and act.modality == "asserted":
        act = replace(act, modality="intended")
    return replace(act, targets=distinct(act.targets, act.sources), bare=trigger.license == "occur")
