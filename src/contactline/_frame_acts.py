"""Frames as acts of their own.

A verb of saying, accusing or denying is an event of its own where CAMEO codes it (010,
112, 016: ``frame_acts``). A report accuses (112) where what it says charges another
party: its hostile act, the harm a party is said to be responsible for, or the
provocation the speaker's own force answered. What a sentence's frames say of its
other acts is read in ``_claim_passes``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from contactline._act_passes import Act, distinct
from contactline._event_lexicon import EventLexicon
from contactline._frames import HOSTILE_ROOTS, Frame, frame_code, not_said
from contactline._roles import Party, RoleReader
from contactline._trigger_nouns import License
from contactline._triggers import Trigger
from contactline.records import Modality

_MILITARY_INQUIRY = "093"
_BLAME = "112"
_FORCE_ROOTS = frozenset({"18", "19", "20"})
"""Acts of force: what an investigation can find a party used, and what a speaker may say
answered another party's misdeed."""
_HARM_NOUNS = frozenset({"blast", "explosion", "death", "deaths", "damage", "destruction"})
"""What a party is said to be responsible for, besides the event nouns of hostile acts."""


def frame_acts(
    verbs: Sequence[Token],
    frames: dict[int, tuple[Frame, list[Act]]],
    roles: RoleReader,
    lexicon: EventLexicon,
) -> list[Act]:
    """Code the frames of a sentence as events of their own where CAMEO codes them.

    A verb of saying with no coded content is a statement (010) when its speaker is known;
    a denial of an act no trigger coded ("X denied forcing residents to leave") is still
    a denial (016). Saying so in a relative clause only attributes the act ("a drone that
    X said had violated its airspace"): no accusation of its own. ``verbs`` are the
    sentence's verbs in text order.
    """
    for token in verbs:
        if token.i in frames:
            continue
        lemma = token.lemma_.lower()
        if lexicon.is_cue("report", lemma) and _says_something(token):
            speakers = tuple(roles.subjects(token) or roles.agent_by(token))
            frames[token.i] = (Frame(kind="report", verb=token, speakers=speakers), [])
        elif lexicon.is_cue("deny", lemma) and denies_an_act(token) and not not_said(token):
            speakers = tuple(roles.subjects(token))
            frames[token.i] = (Frame(kind="deny", verb=token, speakers=speakers), [])
    acts: list[Act] = []
    for frame, content in frames.values():
        facts = [
            (a.code, tuple(s.code for s in a.sources), frame.verb.i < a.trigger.anchor.i)
            for a in content
            if not _described(a, content, frame)
        ]
        code = frame_code(frame, facts)
        charge = None if code is not None else _charge(frame, content, roles, lexicon)
        if charge is not None:
            code = charge[0]
        if code is None or (code == _BLAME and frame.verb.dep_ == "relcl"):
            # "a drone that X said had violated its airspace" attributes, not accuses
            continue
        targets: tuple[Party, ...] = ()
        if charge is not None:
            targets = charge[1]
        elif code == _BLAME:
            hostile = [a for a in content if a.code[:2] in HOSTILE_ROOTS]
            targets = tuple(s for a in hostile for s in a.sources if s.code != frame.reporter)
            if _investigation_finds(frame.verb, lexicon) and any(
                a.code[:2] in _FORCE_ROOTS for a in hostile
            ):
                code = _MILITARY_INQUIRY  # "an inquiry found that X had killed ..."
        acts.append(
            coded_act(
                token=frame.verb,
                anchor=frame.verb,
                code=code,
                rule=f"frame:{frame.kind}:{frame.verb.lemma_}",
                license="verb",
                sources=frame.speakers,
                targets=distinct(targets, frame.speakers),
                modality="asserted",
            )
        )
    return acts


def coded_act(
    *,
    token: Token,
    anchor: Token,
    code: str,
    rule: str,
    license: License,
    sources: tuple[Party, ...],
    targets: tuple[Party, ...],
    modality: Modality,
    reported_by: str | None = None,
) -> Act:
    """Return an act on a trigger of its own, with the trigger's code and rule.

    For acts no lexicon pattern matched but a frame or another act implies: the frame's
    verb, the claim a denial rebuts, the deed a party owns.
    """
    trigger = Trigger(token=token, anchor=anchor, code=code, rule=rule, license=license)
    return Act(
        trigger=trigger,
        code=code,
        rule=rule,
        sources=sources,
        targets=targets,
        modality=modality,
        reported_by=reported_by,
    )


def _charge(
    frame: Frame, content: Sequence[Act], roles: RoleReader, lexicon: EventLexicon
) -> tuple[str, tuple[Party, ...]] | None:
    """Return the accusation a report makes without telling another party's act, if one.

    "X said a Y rocket was responsible" (``_held_responsible``); "X said its forces had
    responded to a provocation by Y" or "... repelled Y's aggression" (``_answered_charge``):
    force the speaker says it used against a misdeed names that misdeed's party's act,
    and saying so accuses it, with the misdeed's own code (112, 1123).
    """
    if frame.kind != "report":
        return None
    if not content:
        blamed = _held_responsible(frame, roles, lexicon)
        return (_BLAME, blamed) if blamed else None
    return _answered_charge(frame, content, roles, lexicon)


def _answered_charge(
    frame: Frame, content: Sequence[Act], roles: RoleReader, lexicon: EventLexicon
) -> tuple[str, tuple[Party, ...]] | None:
    """Return the misdeed the speaker's own force answers and whom it charges, if one."""
    speakers = {s.code for s in frame.speakers}
    for act in content:
        own = bool(act.sources) and {s.code for s in act.sources} <= speakers
        if not own or act.code[:2] not in _FORCE_ROOTS:
            continue
        verb = act.trigger.token
        answered = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
        ]
        for noun in answered:
            code = next(
                (
                    n.code
                    for n in lexicon.nouns.get(noun.lemma_.lower(), ())
                    if n.code.startswith(_BLAME) and not n.modifiers
                ),
                None,
            )
            charged = distinct(_doers(noun, verb, roles) or act.targets, frame.speakers)
            if code is not None and charged:
                return code, charged
    return None


def _doers(noun: Token, verb: Token, roles: RoleReader) -> tuple[Party, ...]:
    """Return the parties a misdeed noun names as its doers ("provocations by Y", "Y's").

    A "by" phrase the parser hangs on the active verb answering the misdeed is the
    noun's ("suppressed provocations by Y").
    """
    active = not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for child in (*noun.children, *(verb.children if active else ())):
        if child.dep_ == "prep" and child.lower_ == "by":
            return tuple(p for o in child.children if o.dep_ == "pobj" for p in roles.group(o))
    owners = (roles.own_party(c) for c in noun.children if c.dep_ in {"poss", "amod", "compound"})
    return tuple(p for p in owners if p is not None)


def _held_responsible(frame: Frame, roles: RoleReader, lexicon: EventLexicon) -> tuple[Party, ...]:
    """Return the parties a speaker says are to blame: "X said a Y rocket was responsible".

    The clause the verb says is "N was responsible (for ...)", "N was to blame", "N was
    behind the attack" or "the blast was caused by N": the parties N names (its own, else
    any named inside it: "a misfired Y rocket") other than the speaker are accused (112).
    Being responsible for something other than harm or a hostile act ("responsible for
    the talks") is a duty, no blame.
    """
    speakers = {s.code for s in frame.speakers}
    for clause in frame.verb.children:
        blamed = _blamed_word(clause, lexicon) if clause.dep_ == "ccomp" else None
        if blamed is None:
            continue
        named = roles.group(blamed) or [
            p for w in blamed.subtree for p in [roles.own_party(w)] if p is not None
        ]
        return tuple(p for p in named if p.code not in speakers)
    return ()


def _blamed_word(clause: Token, lexicon: EventLexicon) -> Token | None:
    """Return the word of a clause that names who is to blame for harm, if it lays blame."""
    if clause.lemma_ == "cause" and _harm(
        next((c for c in clause.children if c.dep_ == "nsubjpass"), None), lexicon
    ):
        # "the blast was caused by a Y rocket"
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent else None
    if clause.lemma_ != "be":
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    for child in clause.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() == "blame":
            return subject
        if child.dep_ == "prep" and child.lower_ == "behind":
            causes = [o for o in child.children if o.dep_ == "pobj"]
            return subject if causes and all(_harm(o, lexicon) for o in causes) else None
        if child.dep_ == "acomp" and child.lower_ == "responsible":
            causes = [o for p in child.children if p.lower_ == "for" for o in p.children]
            return subject if all(_harm(o, lexicon) for o in causes) else None
    return None


def _harm(word: Token | None, lexicon: EventLexicon) -> bool:
    """Whether a noun names harm or a hostile act ("the blast", "the attack")."""
    if word is None:
        return False
    lemma = word.lemma_.lower()
    return lemma in _HARM_NOUNS or any(
        n.code[:2] in HOSTILE_ROOTS for n in lexicon.nouns.get(lemma, ())
    )


def _investigation_finds(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether the subject of a verb of saying is an investigation ("a UN inquiry found ...").

    What an investigation finds of force used is the investigation of that military
    action (093) against whoever used it, not an accusation of its own.
    """
    return any(
        c.dep_ == "nsubj"
        and any(p.code[:2] == "09" for p in lexicon.nouns.get(c.lemma_.lower(), ()))
        for c in verb.children
    )


def _described(act: Act, content: Sequence[Act], frame: Frame) -> bool:
    """Whether an act only describes what the speaker's own act was done to.

    "X said it had shot down missiles launched by Y": the launch says which missiles; the
    claim is X's, and accuses no one.
    """
    if act.trigger.token.dep_ != "acl":
        return False
    speakers = {s.code for s in frame.speakers}
    return any(
        other is not act
        and other.sources
        and {s.code for s in other.sources} <= speakers
        and other.trigger.token in act.trigger.token.ancestors
        for other in content
    )


def denies_an_act(verb: Token) -> bool:
    """Return whether a verb of denying denies an act ("denied attacking", "denied that ...").

    Denying someone something ("denied them access") is a refusal, not a denial.
    """
    for child in verb.children:
        if child.dep_ in {"xcomp", "dobj", "ccomp"} and child.tag_ == "VBG":
            return True
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" for c in child.children):
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "amod" and c.tag_ == "VBG" for c in child.lefts):
            return True  # "denied attacking civilians" parsed as "attacking" civilians
    return False


def _says_something(verb: Token) -> bool:
    """Return whether a verb of saying reports words here (not "announced a mobilization")."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "parataxis"}:
            return True
        if child.dep_ == "nsubjpass" and child.lower_ in {"this", "that", "it"}:
            return True
        if (
            child.dep_ == "dobj"
            and child.pos_ == "NOUN"
            and child.lemma_.lower()
            not in {
                "reporter",
                "journalist",
                "agency",
                "press",
                "parliament",
                "audience",
            }
        ):
            return False
    return any(t.is_quote for t in verb.sent) or verb.dep_ in {"ccomp", "parataxis"}
