"""What a sentence's frames say of its other acts: denials, claims of responsibility, blame.

Passes over the acts of one sentence, after their parties are read:

- a denial that answers a charge negates the act charged (``denied_charges``), and a
  rebutted claim is also its makers' word and charge (``rebutted_claims``);
- a party saying it did the force the sentence tells it did owns up to it (015:
  ``owned_acts``);
- "Y was to blame" is the speaker's charge against Y (``to_blame``);
- a claim or denial of responsibility for a deed claims or negates the deed
  (``owned_deeds``);
- a truce offered if another party does the same is one towards it, hypothetical
  (``matched_acts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from contactline._act_passes import Act, distinct
from contactline._event_lexicon import EventLexicon, NounPattern
from contactline._frame_acts import coded_act, denies_an_act
from contactline._frames import HOSTILE_ROOTS
from contactline._roles import RoleReader
from contactline.records import Modality

_DENIAL = "016"
_BLAME = "112"
_OWNED = "015"
_FORCE_ROOTS = frozenset({"18", "19", "20"})
"""Acts of force a party can own up to."""
_OWNING: dict[str, Modality] = {"015": "claimed", "016": "negated"}
"""Claims and denials of responsibility, and what each makes of the deed they name."""
_OWNED_WORDS = frozenset({"responsibility", "credit", "involvement", "role"})
"""Nouns of owning a deed ("claimed responsibility for", "denied any role in")."""
_MATCHED_ROOTS = frozenset({"03", "08"})
"""Acts a party offers to match: yielding (a truce) and intents of it."""
_LIKEWISE = frozenset({"same", "likewise", "so"})
"""Words of a condition that another party does the same ("if Y did the same")."""


def denied_charges(acts: Sequence[Act], lexicon: EventLexicon) -> list[Act]:
    """Add the denial of each charge a denier answers: the charged act, negated by it.

    "X accused Y of shelling Z; Y denied it", "..., Y denied any involvement": the
    shelling is X's claim and, by Y's word, did not happen (negated, reported by Y). The
    denial must answer with no act of its own ("denied shelling Z" negates its own
    clause), come after the charge, and the denier must be among the charged act's doers
    ("Y and Z denied it" negates the act of Y only where Y did it). A denial told in a
    relative clause of the charge ("..., a charge Y denied") only describes the charge:
    the denial (016) is coded, the charge stands as told.
    """
    denials = [
        a
        for a in acts
        if a.code == _DENIAL
        and a.sources
        and a.frame is None
        and a.trigger.token.dep_ != "relcl"
        and lexicon.is_cue("deny", a.trigger.token.lemma_.lower())
        and not denies_an_act(a.trigger.token)
    ]
    added: list[Act] = []
    for denial in denials:
        deniers = {s.code for s in denial.sources}
        for act in acts:
            if (
                act.modality != "claimed"
                or not act.targets
                or act.reported_by is None
                or act.reported_by in deniers
                or act.frame is None
                or act.frame.kind not in {"accuse", "report"}
                or act.trigger.token.i > denial.trigger.token.i
            ):
                continue
            denier = next((s.code for s in act.sources if s.code in deniers), None)
            if denier is not None:
                added.append(
                    replace(act, modality="negated", reported_by=denier, rule=act.rule + " denied")
                )
    return [*acts, *added]


def owned_acts(acts: Sequence[Act]) -> list[Act]:
    """Code a party's word that it did the force the sentence tells it did as owning it (015).

    "A Y drone struck X, and the group said it had targeted the city": the strike is
    told as fact; Y's saying it struck is its claim of responsibility (015) towards the
    same target, no second strike by its own account. The speaker must be the doer of
    its clause's act of force, and the act it owns one of force by the same party told
    before it as fact. Said in a participle of that very act ("X fired missiles at Y,
    saying it was retaliating"), the words only give the doer's reason: no event.
    """
    told = [
        a
        for a in acts
        if a.modality == "asserted" and a.frame is None and a.code[:2] in _FORCE_ROOTS
    ]
    out: list[Act] = []
    for act in acts:
        owners = _owners(act, told)
        if any(_gives_reason(act, o) for o in owners):
            continue
        targets = {t.code for t in act.targets}
        owner = next((o for o in owners if targets <= {t.code for t in o.targets}), None)
        if owner is None:
            out.append(act)
            continue
        out.append(
            replace(
                act,
                code=_OWNED,
                rule=f"{act.rule} owned",
                modality="asserted",
                reported_by=None,
                targets=act.targets or owner.targets,
            )
        )
    return out


def _gives_reason(act: Act, owner: Act) -> bool:
    """Whether the words are a participle of the owned act's verb ("fired, saying ...")."""
    verb = act.frame.verb if act.frame is not None else None
    return (
        verb is not None
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.i == owner.trigger.anchor.i
    )


def _owners(act: Act, told: Sequence[Act]) -> list[Act]:
    """Return the acts told as fact before ``act``, its doer's own claim, by the same doer.

    An act told as fact is outside the words: not an act the same verb of saying frames
    ("X intercepted the drones, X said"), whatever its own modality.
    """
    if (
        act.modality != "claimed"
        or act.frame is None
        or act.frame.kind != "report"
        or act.code[:2] not in _FORCE_ROOTS
        or act.reported_by is None
        or {s.code for s in act.sources} != {act.reported_by}
    ):
        return []
    verb = act.frame.verb
    return [
        t
        for t in told
        if t.trigger.token.i < verb.i
        and verb not in t.trigger.anchor.ancestors
        and {s.code for s in t.sources} == {act.reported_by}
    ]


def to_blame(acts: Sequence[Act], lexicon: EventLexicon) -> list[Act]:
    """Turn "Y was to blame" from Y's blaming into the speaker's blaming of Y.

    "X said Y was to blame for the massacre": X accuses Y (112); Y blames no one. Told by
    no one ("Y was to blame"), it is no event.
    """
    out: list[Act] = []
    for act in acts:
        if not _blameworthy(act.trigger.token, lexicon):
            out.append(act)
            continue
        frame = act.frame
        speakers = frame.speakers if frame is not None and frame.kind == "report" else ()
        blamed = distinct(act.sources, speakers)
        if speakers and blamed:
            out.append(
                replace(
                    act,
                    sources=speakers,
                    targets=blamed,
                    modality="asserted",
                    reported_by=None,
                    rule=f"{act.rule} to-blame",
                )
            )
    return out


def _blameworthy(verb: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb of accusing is the predicate "to blame" of "be" ("Y was to blame")."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and lexicon.is_cue("accuse", verb.lemma_.lower())
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def owned_deeds(acts: Sequence[Act], roles: RoleReader, lexicon: EventLexicon) -> list[Act]:
    """Add the deed a party claims or denies responsibility for, as its word.

    "X claimed responsibility for the attack on Y": the attack is X's, by X's claim
    (claimed, reported by X), beside the claim itself (015); "X denied responsibility
    for the strike on Y": the strike is X's, negated by X, beside the denial (016). The
    deed is the event noun of the "for" phrase, aimed at the party it lands on ("on Y",
    "in Y") or else the claim's own target; aimed at no one named, it is not coded. A
    claim not made ("has not claimed responsibility") owns nothing.
    """
    added: list[Act] = []
    for act in acts:
        modality = _OWNING.get(act.code)
        verb = act.trigger.token
        if modality is None or act.modality != "asserted" or not act.sources:
            continue
        for deed in _responsibility_for(verb):
            pattern = _deed_pattern(deed, lexicon)
            targets = roles.prep_objects(deed) or roles.place_parties(deed) or act.targets
            if pattern is None or not distinct(targets, act.sources):
                continue
            added.append(
                coded_act(
                    token=deed,
                    anchor=verb,
                    code=pattern.code,
                    rule=f"{pattern.rule} owned:{verb.lemma_}",
                    license="agent",
                    sources=act.sources,
                    targets=distinct(targets, act.sources),
                    modality=modality,
                    reported_by=act.sources[0].code,
                )
            )
    return [*acts, *added]


def _responsibility_for(verb: Token) -> list[Token]:
    """Return the nouns of "responsibility for N", "role in N" a verb takes."""
    owned = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _OWNED_WORDS]
    return [
        o
        for head in (verb, *owned)
        if owned
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in {"for", "in"}
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN"
    ]


def _deed_pattern(noun: Token, lexicon: EventLexicon) -> NounPattern | None:
    """Return the most specific pattern of an event noun of force its modifiers allow."""
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
    return next(
        (
            p
            for p in lexicon.nouns.get(noun.lemma_.lower(), ())
            if p.code[:2] in _FORCE_ROOTS and (not p.modifiers or p.modifiers & words)
        ),
        None,
    )


def rebutted_claims(acts: Sequence[Act]) -> list[Act]:
    """Add what a rebutted claim says, as its makers' word, and their charge.

    "X denied claims by Y that its troops had shelled Z": the shelling is negated by X,
    and claimed by Y; Y's claim that X used force against another accuses X (112).
    """
    added: list[Act] = []
    for act in acts:
        frame = act.frame
        if frame is None or frame.kind != "deny" or not frame.claimants or frame.claim is None:
            continue
        if act.modality != "negated" or not act.sources:
            continue
        maker = frame.claimants[0]
        added.append(
            replace(act, modality="claimed", reported_by=maker.code, rule=f"{act.rule} claimed")
        )
        doers = distinct(act.sources, frame.claimants)
        if act.code[:2] in HOSTILE_ROOTS and doers:
            added.append(
                coded_act(
                    token=frame.claim,
                    anchor=frame.verb,
                    code=_BLAME,
                    rule=f"frame:claim:{frame.claim.lemma_}",
                    license="agent",
                    sources=frame.claimants,
                    targets=doers,
                    modality="asserted",
                )
            )
    return [*acts, *added]


def matched_acts(acts: Sequence[Act], roles: RoleReader) -> list[Act]:
    """Add the truce a party offers on the condition that another does the same.

    "X would accept a ceasefire if Y did the same": X's truce towards Y, hypothetical,
    beside X's act towards whoever it answers. Only yielding acts and intents (08, 03)
    are matched so; the condition's subject must be a party the act does not already
    aim at.
    """
    added: list[Act] = []
    for act in acts:
        if act.code[:2] not in _MATCHED_ROOTS or not act.sources:
            continue
        for clause in act.trigger.anchor.children:
            if not _likewise(clause):
                continue
            aimed = {p.code for p in (*act.sources, *act.targets)}
            others = tuple(p for p in roles.subjects(clause) if p.code not in aimed)
            if others:
                added.append(
                    replace(
                        act,
                        targets=others,
                        modality="hypothetical",
                        reported_by=None,
                        rule=f"{act.rule} matched:{clause.lower_}",
                    )
                )
    return [*acts, *added]


def _likewise(clause: Token) -> bool:
    """Whether a clause is a condition that another party does the same ("if Y did so")."""
    if clause.dep_ != "advcl" or clause.lemma_ != "do":
        return False
    conditional = any(c.dep_ == "mark" and c.lower_ in {"if", "provided"} for c in clause.children)
    return conditional and any(c.lower_ in _LIKEWISE for c in clause.children)
