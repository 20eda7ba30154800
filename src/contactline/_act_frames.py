"""Attribute a coded act to the reporting frame around it.

A frame (``_frames``) makes an act someone's words: "X said Y struck ..." is X's claim
that Y struck, not a fact. Inside a frame:

- the frame may name the parties the act's own clause leaves open: the accused of an
  accusation, the speaker behind "it", the speaker as the target of force it reports;
- a denial negates the act;
- anything else the speaker does not do by saying it is claimed, not asserted;
- a warning, or force the speaker says it may use, threatens (``warns``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from contactline._act_parties import PLACE_TARGET_ROOTS
from contactline._act_passes import Act, distinct
from contactline._event_lexicon import EventLexicon
from contactline._frames import Frame
from contactline._modality import MoodReading
from contactline._roles import Party, RoleReader, is_pronoun
from contactline._triggers import Trigger
from contactline.records import Modality

_VIOLENT_ROOTS = frozenset({"17", "18", "19", "20"})
_SHIELDING = "184"
"""Using people or places as human shields: done among the user's own, never to the speaker."""
_VERBAL_PREFIXES = ("01", "02", "03", "10", "11", "12", "13", "051", "052", "053", "055", "056")
"""Codes of acts done by saying them (a statement, appeal, praise, accusation, threat)."""


def in_frame(act: Act, frame: Frame, mood: MoodReading, roles: RoleReader) -> Act:
    """Attribute an act to the frame around it.

    1. The frame supplies the parties the act's own clause leaves open (``_framed_parties``).
    2. A denial negates the act.
    3. A comment of a party other than the speaker stays that party's own.
    4. Else the act is the speaker's claim, unless the speaker does it by saying it
       (``_framed_modality``).
    """
    sources, targets = _framed_parties(act, frame, roles)
    reporter = frame.reporter
    if frame.kind == "deny":
        return replace(
            act,
            sources=sources,
            targets=targets,
            modality="negated",
            reported_by=reporter,
            frame=frame,
            rule=act.rule + f" deny:{frame.verb.lower_}",
        )
    own = reporter in {s.code for s in sources}
    if act.code[:2] == "01" and sources and not own:
        # "X said Y struck ..., a charge Y denied": Y's denial or comment is Y's own
        return act
    return replace(
        act,
        sources=sources,
        targets=targets,
        modality=_framed_modality(act, frame, mood, sources),
        reported_by=reporter,
        frame=frame,
        rule=act.rule + f" {frame.kind}:{frame.verb.lower_}",
    )


def warns(
    frame: Frame | None,
    mood: MoodReading,
    sources: Sequence[Party],
    code: str,
    lexicon: EventLexicon,
) -> bool:
    """Return whether the speaker's words threaten the speaker's own act.

    "X warned Y that it would strike" (a warning); "X said it could use force if ..." (force
    the speaker may use is a threat whatever the verb of saying).
    """
    if frame is None or frame.kind != "report":
        return False
    if mood.mood not in {"intent", "plain", "hypothetical"}:
        return False
    warning = lexicon.is_cue("threat", frame.verb.lemma_.lower())
    conditional_force = mood.mood == "hypothetical" and code[:2] in {"18", "19", "20"}
    if not warning and not conditional_force:
        return False
    reporter = frame.reporter
    return not sources or reporter in {s.code for s in sources}


def _framed_parties(
    act: Act, frame: Frame, roles: RoleReader
) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """Return the sources and targets of an act inside a frame.

    1. An accusation's accused does the act, where the act names no source of its own
       or is a noun ("accused X of genocide in Y": X, landing in Y); stopping the attack
       is never the attacker's ("accused X of an attack with drones that were shot down").
    2. The speaker does it when the act's subject is a pronoun ("X said it / its forces
       struck ...") or "it" right under the verb of saying.
    3. Force a belligerent reports is done to the speaker (``_against_speaker``), unless
       it is said to land in or off another party's land (``_abroad``).
    """
    sources, targets = act.sources, act.targets
    stops = roles.lexicon.is_cue("intercept", act.trigger.token.lemma_.lower())
    if (
        frame.kind == "accuse"
        and frame.accused
        and (act.trigger.license != "verb" or not sources)
        and not stops
    ):
        sources = frame.accused
        targets = distinct(targets, sources)  # "blamed the strike on Y": Y is no target
        if not targets and act.code[:2] in PLACE_TARGET_ROOTS:
            # "accused X of genocide in Y": where the act is said to land
            targets = distinct(roles.place_parties(act.trigger.token), sources)
    if frame.kind == "accuse" and sources and not targets and act.code[:2] in _VIOLENT_ROOTS:
        # "a blast at a hospital in Y; X blamed a Z strike": the harm's place is Y
        targets = distinct(roles.located(act.trigger.token.sent), sources)
    subject = roles.subject_word(act.trigger.anchor)
    own_subject = subject is not None and (
        is_pronoun(subject) or any(c.dep_ == "poss" and is_pronoun(c) for c in subject.children)
    )
    if not sources and frame.speakers and own_subject:
        sources = frame.speakers  # "X said it / its forces struck ...": X
    elif frame.kind == "report" and frame.speakers and _speaker_pronoun(subject, act.trigger):
        # "..., which X said it had intercepted": "it" is X whatever lies nearer
        sources = frame.speakers
    if (
        _against_speaker(act, frame, sources, targets)
        and not _abroad(act, frame, sources, roles)
        and not _charged_with_object(act, frame)
    ):
        targets = frame.speakers
    return sources, targets


def _charged_with_object(act: Act, frame: Frame) -> bool:
    """Whether an armed group's accusation names what the act was done to.

    "The rebels accused the army of shelling residential neighbourhoods": the shelling
    falls on the neighbourhoods, not on the rebels, who hold no land of their own ("its
    positions" would name them). A state accusing names its own ground.
    """
    if frame.kind != "accuse" or any(s.mention.kind != "group" for s in frame.speakers):
        return False
    token = act.trigger.token
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in {"on", "against"}
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return bool(objects)


def _against_speaker(
    act: Act, frame: Frame, sources: Sequence[Party], targets: Sequence[Party]
) -> bool:
    """Return whether the speaker reports force by the other side against itself.

    A belligerent reporting force by another party with no target is its target; an
    international organisation reporting it is an observer, and so is anyone telling it
    as the background of its words ("said ... while Y shelled Z"). Mass violence falls on a
    population, not on whoever reports it; force "between" parties names its own. Human
    shields ("X said Y was using hospitals as cover") are Y's own people, not X.
    """
    hostile = act.code[:2] in _VIOLENT_ROOTS and act.code[:2] != "20" and act.code != _SHIELDING
    belligerent = any(s.mention.kind != "organization" for s in frame.speakers)
    return (
        hostile
        and not targets
        and belligerent
        and any(s.code != frame.reporter for s in sources)
        and frame.kind not in {"according", "aside"}
        and not any(c.dep_ == "prep" and c.lower_ == "between" for c in act.trigger.token.children)
    )


def _abroad(act: Act, frame: Frame, sources: Sequence[Party], roles: RoleReader) -> bool:
    """Whether force a speaker reports is said to happen in or off a third party's land.

    "a missile hit a ship off Y, X said": X reports it, but names where it landed and
    that is neither X's nor the attacker's; X is no target of it.
    """
    own = {s.code for s in (*frame.speakers, *sources)}
    places = roles.place_parties(act.trigger.token, nearby=True)
    return any(p.code not in own for p in places)


def _framed_modality(
    act: Act, frame: Frame, mood: MoodReading, sources: Sequence[Party]
) -> Modality:
    """Return the modality of an act inside a report: claimed, unless done by saying it.

    The speaker's own verbal act is done by saying it ("X said it condemned ...") and
    keeps its modality; an intent of another party than the speaker is only claimed.
    """
    reporter = frame.reporter
    own = reporter in {s.code for s in sources}
    own_verbal = own and (
        mood.mood in {"refuse", "intent", "threat"} or act.code.startswith(_VERBAL_PREFIXES)
    )
    modality = act.modality
    if modality == "asserted" and not own_verbal:
        modality = "claimed"
    if modality == "intended" and sources and reporter not in {s.code for s in sources}:
        modality = "claimed"
    return modality


def _speaker_pronoun(subject: Token | None, trigger: Trigger) -> bool:
    """Whether a verb's own subject is "it" or "they" right under the verb of saying."""
    return (
        trigger.license == "verb"
        and subject is not None
        and subject.lower_ in {"it", "they"}
        and subject.head.i == trigger.token.i
        and trigger.token.dep_ == "ccomp"
    )
