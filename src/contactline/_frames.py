"""Reporting frames: who claims an act, so that a claim is never stored as a fact.

Three shapes put an act inside someone's words:

    X stated that Y fired at ...        report   (the clause under a verb of saying)
    X accused Y of air attacks ...      accuse   (the "of" object of a verb of accusing)
    According to X, Y is taking part .. according
    X denied that Y ...                 deny     (the act is negated)

The frame itself is an event when CAMEO codes it: 010 for a statement, 112 for an
accusation (a statement that another party used force is an accusation), 016 for a
denial. See :func:`frame_code`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from contactline._event_lexicon import EventLexicon
from contactline._roles import Party, RoleReader, is_pronoun

FrameKind = Literal["report", "accuse", "deny", "according", "alleged", "aside"]

_CONTENT = frozenset({"ccomp", "parataxis"})
_CLIMB = frozenset(
    {
        "xcomp",
        "acomp",
        "advcl",
        "conj",
        "relcl",
        "acl",
        "prep",
        "pobj",
        "pcomp",
        "dobj",
        "nsubj",
        "nsubjpass",
        "attr",
        "ccomp",
        "parataxis",
        "oprd",
        "appos",
        "agent",
    }
)
_CLAIM_NOUNS = frozenset(
    {"report", "claim", "allegation", "accusation", "suggestion", "charge", "statement"}
)
_HEARSAY = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
_ASIDE_MARKS = frozenset({"while", "whereas", "whilst"})
"""Subordinators of a clause that sets a scene beside what is said ("said ... while Y ...")."""
_DENIAL = "016"
HOSTILE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
"""Roots of acts that, said of another party, make a statement an accusation."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A reporting frame around an act.

    ``aside`` is a report that mentions the act only as its background: the speaker's
    claim all the same, but no charge against its doer (``_aside``). ``verb`` is the verb
    of saying, accusing or denying (for "according to X", the word "according");
    ``speakers`` are the parties whose claim it is; ``accused`` the parties an accusation
    names ("accused Y of ..."); ``claim`` the claim noun a denial rebuts and
    ``claimants`` the parties it names as making it ("denied Y's claims that ...").
    """

    kind: FrameKind
    verb: Token
    speakers: tuple[Party, ...]
    accused: tuple[Party, ...] = ()
    claim: Token | None = None
    claimants: tuple[Party, ...] = ()

    @property
    def reporter(self) -> str | None:
        """Return the party code of the first speaker, or ``None``."""
        return self.speakers[0].code if self.speakers else None


def find_frame(anchor: Token, roles: RoleReader, lexicon: EventLexicon) -> Frame | None:
    """Return the reporting frame the act anchored at ``anchor`` is inside, if any.

    Climbs from the act's verb towards the root, at most eight steps. At each word:

    1. a clause that carries "according to X" or "allegedly" closes the frame;
    2. a word that is no clause or phrase of its head ends the climb with no frame;
    3. the head closes the frame when it denies, says, claims or accuses the word
       (``_frame_at``); else the climb goes on from the head.

    What someone fears ("X said it feared that Y would strike") is nobody's claim: the
    climb ends there with no frame. A report reached through a "while" clause, or over
    fighting "between" two sides, mentions the act as background (``_aside``). A verb
    of saying across a semicolon from the act frames nothing (``_apart``), and a remark
    of the subject's own tacked on with a comma is in no frame (``_own_remark``).
    """
    if _own_remark(anchor, lexicon):
        return None
    current = anchor
    background = _mutual_noun(anchor)
    for _ in range(8):
        according = _according(current, roles, lexicon)
        if according is not None:
            return according
        hearsay = next((c for c in current.children if c.lower_ in _HEARSAY), None)
        if hearsay is not None:
            return Frame(kind="alleged", verb=hearsay, speakers=())
        head = current.head
        if head.i == current.i or current.dep_ not in _CLIMB:
            return None
        if current.dep_ in {"ccomp", "acl"} and lexicon.is_cue("fear", head.lemma_.lower()):
            return None  # "X said it feared Y would strike": feared, nobody's claim
        background = background or _scene_clause(current)
        frame = _frame_at(current, head, roles, lexicon)
        if frame is not None and frame.kind in {"report", "deny"} and _apart(frame.verb, anchor):
            # "X said A; Y denied B" with A misparsed under "denied": B's verb frames
            # nothing across the semicolon, X's may still frame A further up
            frame = None
        if frame is not None:
            frame = _outer_speakers(frame, roles, lexicon)
            return _aside(frame) if background else frame
        current = head
    return None


def _own_remark(anchor: Token, lexicon: EventLexicon) -> bool:
    """Whether an act is its subject's own remark tacked on with a comma ("..., blaming Y").

    "X denied attacking the convoy, blaming Y": the parser joins "blaming" to what X
    denies, but a participle of saying or accusing set off by a comma and no "and" is
    X's own word, said outside what it denies or reports.
    """
    head = anchor.head
    if anchor.dep_ != "conj" or anchor.tag_ != "VBG" or head.i >= anchor.i:
        return False
    lemma = anchor.lemma_.lower()
    if not (lexicon.is_cue("report", lemma) or lexicon.is_cue("accuse", lemma)):
        return False
    between = anchor.doc[head.i + 1 : anchor.i]
    joined = any(t.dep_ == "cc" and t.head.i == head.i for t in between)
    return not joined and anchor.i > 0 and anchor.doc[anchor.i - 1].text == ","


def _outer_speakers(frame: Frame, roles: RoleReader, lexicon: EventLexicon) -> Frame:
    """Give a report with no known speaker the speakers of the report it is told in.

    "A UN report said they had found evidence that X ...": "they" are the report's
    authors; the act is the UN's claim.
    """
    if frame.kind != "report" or frame.speakers:
        return frame
    outer = find_frame(frame.verb, roles, lexicon)
    if outer is None or outer.kind not in {"report", "according"} or not outer.speakers:
        return frame
    return replace(frame, speakers=outer.speakers)


def _aside(frame: Frame) -> Frame:
    """Return a report as one that mentions its act as background.

    "X said it would attend talks while Y shelled Z", "X said the war between Y and Z had
    displaced millions": the act is X's claim, but X tells it as the scene of its words,
    not as a charge; CAMEO codes no accusation (112) of it.
    """
    if frame.kind != "report":
        return frame
    return Frame(kind="aside", verb=frame.verb, speakers=frame.speakers)


def _scene_clause(word: Token) -> bool:
    """Whether a word heads a "while" or "whereas" clause of its head."""
    return word.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS for c in word.children
    )


def _mutual_noun(word: Token) -> bool:
    """Whether an event noun names fighting between two sides ("the war between X and Y")."""
    return word.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in word.children
    )


def _frame_at(
    current: Token, head: Token, roles: RoleReader, lexicon: EventLexicon
) -> Frame | None:
    """Return the frame ``head`` closes over ``current``, its dependent on the climb.

    Args:
        current: the word reached so far (the act's verb, or a word governing it).
        head: the head of ``current``.
        roles: the reader of the document's parties.
        lexicon: the event lexicon with the cues of saying, denying and accusing.

    Returns:
        The first frame a denial, a report, a claim noun or an accusation makes of
        ``current``, in that order; ``None`` when ``head`` frames nothing there.
    """
    for read in (_denial, _report, _claim, _accusation):
        frame = read(current, head, roles, lexicon)
        if frame is not None:
            return frame
    return None


def _denial(current: Token, head: Token, roles: RoleReader, lexicon: EventLexicon) -> Frame | None:
    """Return the frame of a verb of denying over what it denies.

    It denies a clause it frames ("denied that Y ..."), a gerund ("denied hitting"), a
    claim noun ("rejected the claims") or an intent ("denied plans to invade").
    """
    if head.pos_ != "VERB" or not lexicon.is_cue("deny", head.lemma_.lower()):
        return None
    denied = (
        (current.dep_ in _CONTENT and _frames_clause(head, current))
        or (current.dep_ in {"xcomp", "dobj", "pcomp"} and current.tag_ == "VBG")
        or (current.dep_ == "dobj" and current.lemma_.lower() in _CLAIM_NOUNS)
        or (current.dep_ == "dobj" and _intent_noun(current, lexicon))
    )
    if not denied:
        return None
    if not_said(head):
        # "X neither confirmed nor denied that Y ...": nobody's word either way
        return Frame(kind="alleged", verb=head, speakers=())
    return Frame(kind="deny", verb=head, speakers=tuple(roles.subjects(head)))


def not_said(verb: Token) -> bool:
    """Whether a verb of saying or denying is itself negated ("did not deny", "neither ... nor")."""
    if any(
        c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in verb.children
    ):
        return True
    return verb.dep_ == "conj" and any(
        c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.head.children
    )


def _intent_noun(word: Token, lexicon: EventLexicon) -> bool:
    """Whether a noun names an intent whose infinitive is the act ("plans to invade")."""
    return word.pos_ == "NOUN" and lexicon.is_cue("intent", word.lemma_.lower())


def _report(current: Token, head: Token, roles: RoleReader, lexicon: EventLexicon) -> Frame | None:
    """Return the frame of a verb of saying or accusing over the clause it frames.

    "X stated that Y fired at ...", "X accused Y of ..., saying that ...", and a perfect
    infinitive it takes: "X claimed to have captured the town".
    """
    told = current.dep_ in _CONTENT and _frames_clause(head, current)
    if head.pos_ != "VERB" or not (told or _perfect_infinitive(current)):
        return None
    lemma = head.lemma_.lower()
    if lexicon.is_cue("report", lemma) or lexicon.is_cue("accuse", lemma):
        return Frame(kind="report", verb=head, speakers=_speakers(head, roles))
    return None


def _speakers(verb: Token, roles: RoleReader) -> tuple[Party, ...]:
    """Return who says what a verb of saying says: its subject, or a report's authors.

    "A report by UN experts said ...": the experts' body, named in the "by" phrase of
    the claim noun that is the subject; "a spokesman for X said ...": X.
    """
    speakers = roles.subjects(verb)
    if speakers:
        return tuple(speakers)
    subject = roles.subject_word(verb)
    if subject is None:
        return ()
    if subject.lemma_.lower() in _CLAIM_NOUNS:
        return tuple(roles.agent_by(subject))
    # "a spokesman for X said ...": X speaks through its spokesman
    return tuple(roles.phrase_parties([subject], "for"))


def _perfect_infinitive(word: Token) -> bool:
    """Whether a verb is the perfect infinitive of its head ("claimed to have captured")."""
    auxiliaries = {c.lower_ for c in word.children if c.dep_ == "aux"}
    return word.dep_ == "xcomp" and {"to", "have"} <= auxiliaries


def _claim(current: Token, head: Token, roles: RoleReader, lexicon: EventLexicon) -> Frame | None:
    """Return the frame of a claim noun over the clause it names ("reports that X ...").

    A claim is alleged, unless a verb of denying has it as its object ("X denied reports
    that it had sent ..."): then X denies the act, and the frame keeps who made the claim.
    """
    if current.dep_ not in {"acl", "ccomp"} or head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() not in _CLAIM_NOUNS:
        return None
    sayer = head.head.head if head.dep_ == "pobj" else None
    if (
        sayer is not None
        and sayer.pos_ == "VERB"
        and lexicon.is_cue("report", sayer.lemma_.lower())
    ):
        # "X said in a statement that Y ...": what the statement says, X says
        return Frame(kind="report", verb=sayer, speakers=_speakers(sayer, roles))
    denier = head.head
    if head.dep_ == "dobj" and _rebuts(denier, head, lexicon) and not not_said(denier):
        speakers = tuple(roles.subjects(denier))
        own = {p.code for p in speakers}
        claimants = tuple(p for p in _claimants(head, roles) if p.code not in own)
        return Frame(kind="deny", verb=denier, speakers=speakers, claim=head, claimants=claimants)
    return Frame(kind="alleged", verb=head, speakers=())


def _claimants(claim: Token, roles: RoleReader) -> list[Party]:
    """Return who makes a claim: "claims by Y", "Y's claims", "Russian claims"."""
    by = roles.agent_by(claim)
    if by:
        return by
    owners = (roles.own_party(c) for c in claim.children if c.dep_ in {"poss", "amod", "compound"})
    return [p for p in owners if p is not None]


def _rebuts(verb: Token, claim: Token, lexicon: EventLexicon) -> bool:
    """Whether a verb denies the claim noun it takes ("rejected accusations that ...").

    A verb of denying does; so does a verb whose denial line (016) names that noun.
    """
    lemma = verb.lemma_.lower()
    if lexicon.is_cue("deny", lemma):
        return True
    noun = claim.lemma_.lower()
    return any(
        p.code == _DENIAL and (noun in p.objects or claim.lower_ in p.objects)
        for p in lexicon.verbs.get(lemma, ())
    )


def _accusation(
    current: Token, head: Token, roles: RoleReader, lexicon: EventLexicon
) -> Frame | None:
    """Return the frame of a verb of accusing over what it accuses a party of.

    "accused Y of air attacks" (its "of" or "for" phrase, also when the parser attached
    "of" to Y), "Hamas blamed an Israeli air strike" (its object: the strike is Hamas's
    claim; "blamed the strike on Y": Y's strike, by its claim).
    """
    lemma = head.lemma_.lower()
    of_phrase = current.dep_ == "prep" and current.lower_ in {"of", "for"}
    if of_phrase and lexicon.is_cue("accuse", lemma):
        accused = _accused(head, roles)
        return Frame(
            kind="accuse",
            verb=head,
            speakers=tuple(roles.subjects(head)),
            accused=tuple(accused),
        )
    misattached = head.dep_ == "dobj" and head.head.pos_ == "VERB"
    if of_phrase and misattached and lexicon.is_cue("accuse", head.head.lemma_.lower()):
        # "accused X of Y" with "of" attached to X
        return Frame(
            kind="accuse",
            verb=head.head,
            speakers=tuple(roles.subjects(head.head)),
            accused=tuple(roles.group(head)),
        )
    if current.dep_ == "dobj" and head.pos_ == "VERB" and lexicon.is_cue("accuse", lemma):
        return Frame(
            kind="accuse",
            verb=head,
            speakers=tuple(roles.subjects(head)),
            accused=tuple(_blamed_on(head, current, roles)),
        )
    return None


def _blamed_on(verb: Token, blamed: Token, roles: RoleReader) -> list[Party]:
    """Return whom an act is blamed on: "blamed the strike (on X) on Y" (Y).

    The last "on" phrase of the verb or of the act it blames names the accused, even
    when the parser hangs it on the act: "blame N on X" blames X; a first "on" phrase
    before it is where the act landed ("blamed the strike on Kyiv on Y").
    """
    phrases = [
        c for c in (*verb.children, *blamed.children) if c.dep_ == "prep" and c.lower_ == "on"
    ]
    if not phrases:
        return []
    last = max(phrases, key=lambda c: c.i)
    return [p for o in last.children if o.dep_ == "pobj" for p in roles.group(o)]


def _accused(verb: Token, roles: RoleReader) -> list[Party]:
    """Return whom a verb of accusing accuses ("accused Y of ...", "Y is accused of ...").

    An unresolved pronoun ("X struck Y, accusing it of ...") stands for the party the
    verb it continues acted on.
    """
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    found = [p for c in objects for p in roles.group(c)]
    head = verb.head
    if found or not any(is_pronoun(c) for c in objects) or head.pos_ != "VERB" or head == verb:
        return found
    if verb.dep_ not in {"advcl", "conj"}:
        return []
    actors = {p.code for p in roles.subjects(head)}
    objects = [c for c in head.children if c.dep_ == "dobj"]
    done_to = roles.objects(head) + [p for o in objects for p in roles.prep_objects(o)]
    return [p for p in done_to if p.code not in actors]


def _frames_clause(verb: Token, clause: Token) -> bool:
    """Return whether ``clause`` is what ``verb`` says, not a clause beside it.

    A verb that already has what it says as its object ("Kyiv denied it", "rejected the
    claims") frames nothing there; an addressee ("warned NATO that ...") does not count.
    (Nor does a verb across a semicolon from the act: ``_apart``.)
    """
    said = {"it", "this", "that", "them"} | _CLAIM_NOUNS
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in said for c in verb.children)


def _apart(verb: Token, anchor: Token) -> bool:
    """Whether a semicolon stands between a verb of saying and the act it would frame."""
    low, high = sorted((verb.i, anchor.i))
    return any(t.text == ";" for t in verb.doc[low:high])


def _according(token: Token, roles: RoleReader, lexicon: EventLexicon) -> Frame | None:
    for child in token.children:
        if child.lower_ != "according":
            continue
        phrase = " ".join(t.lower_ for t in child.doc[child.i : child.i + 2])
        if lexicon.is_cue("according", phrase):
            objects = [o for t in child.subtree if t.dep_ == "pobj" for o in [t]]
            speakers = [p for o in objects[:1] for p in roles.group(o)]
            return Frame(kind="according", verb=child, speakers=tuple(speakers))
    return None


def frame_code(frame: Frame, content: Sequence[tuple[str, tuple[str, ...], bool]]) -> str | None:
    """Return the CAMEO code of the frame itself, or ``None`` when it is no event of its own.

    Args:
        frame: the frame.
        content: (code, source parties, whether the speaker comes first) of each act
            coded inside it, after mood.

    Returns:
        ``"016"`` for a denial; ``"112"`` when the speaker comes first and the content
        has a hostile act of another party ("X stated that Y fired at ..."; a trailing
        "..., X said" attributes a report and accuses no one); ``"010"`` when the words
        are outside the clause ("This was announced by X"); else ``None``.
    """
    if frame.kind in {"according", "alleged", "accuse"} or not frame.speakers:
        return None
    if frame.kind == "deny":
        return "016"
    speakers = {s.code for s in frame.speakers}
    for code, sources, leads in content:
        if leads and code[:2] in HOSTILE_ROOTS and any(s not in speakers for s in sources):
            return "112"
    if content or not _content_elsewhere(frame.verb):
        return None
    return "010"


def _content_elsewhere(verb: Token) -> bool:
    """Return whether a verb of saying points at words outside its clause.

    "This was announced by X", "X said this", or a quotation with no clause of its own
    under the verb: the statement is an event of its own. Where the clause is right
    there and codes no event, the saying is not coded (CAMEO 010 would be noise).
    """
    for child in verb.children:
        if child.dep_ in {"nsubjpass", "dobj"} and child.lower_ in {"this", "that", "it"}:
            return True
        if child.dep_ in _CONTENT:
            return False
    return _quotes_words(verb.sent)


_QUOTED_WORDS = 3
"""The fewest words a quotation spans: a word or two in quotation marks is a term the
reporter quotes ('86 drones were "lost"'), not the words of a speaker."""


def _quotes_words(sent: SpacySpan) -> bool:
    """Whether a sentence holds a quotation: quotation marks around a stretch of words.

    A quotation left open at the sentence's end (it goes on in the next) counts.
    """
    marks = [t.i for t in sent if t.is_quote]
    if len(marks) % 2:
        return True
    return any(
        sum(1 for t in sent.doc[a + 1 : b] if not t.is_punct) >= _QUOTED_WORDS
        for a, b in zip(marks[::2], marks[1::2], strict=True)
    )
