"""Code who did what to whom in CAMEO and PLOVER, keeping claims apart from facts.

    extract_events(doc, mentions, statements, times, lexicon, cameo, published=...)

One pass over the tokens finds the triggers (verbs and event nouns in the lexicon,
``data/events/``). For each trigger:

1. its parties come from grammatical roles (``_roles``): subject or passive agent as the
   source, object or prepositional object as the target, one dyad per pair of "X and Y";
2. its mood (``_modality``): intended, threatened, refused, demanded, negated or
   hypothetical, which may change the code ("stands ready to send a mission": 0334);
3. its frame (``_frames``): inside "X said that ...", "X accused Y of ..." or "according
   to X", the act is ``claimed`` and ``reported_by`` X, and the frame is an event of its
   own when CAMEO codes it (010, 112, 016: ``_frame_acts``); a denial of a charge, a
   rebutted claim, a claim of responsibility or a doer's own word on its force then
   add or recast acts of the sentence (``_claim_passes``);
4. the rest of its sentence (``_target_passes``, ``_home_targets``, ``_counterparts``):
   helpers, the home state of insurgents' force, the far end of a cut link, the partner
   of a joint act or the party answering a truce, where its own clause names no target;
   cooperation a comma clause only tells of the sentence's subject is background;
5. its dyads: one per pair of "X and Y"; a meeting, call or joint act "with" a partner
   is done by both sides; a truce with no named enemy is no event.

Every event carries its code, PLOVER type, QuadClass and Goldstein value from the CAMEO
table, the place named in its clause, the evidence sentence, offsets and the pattern
that fired. No trigger, no event: nothing is coded by default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from itertools import combinations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline._act_passes import Act, judged_earlier
from contactline._acts import code_sentence
from contactline._claim_passes import (
    denied_charges,
    matched_acts,
    owned_acts,
    owned_deeds,
    rebutted_claims,
    to_blame,
)
from contactline._counterparts import (
    avenged_target,
    link_target,
    partner_target,
    truce_counterpart,
)
from contactline._domestic import against_own_people, force_at_home, own_body, state_actor
from contactline._event_lexicon import EventLexicon, load_event_lexicon
from contactline._focus import AUTHORITY_RULE
from contactline._home_targets import home_target
from contactline._roles import Party, RoleReader
from contactline._target_passes import background_guess, helped_acts, kin_guess
from contactline.cameo import CameoTable
from contactline.records import (
    DateWindow,
    Event,
    Mention,
    Participant,
    Span,
    Statement,
    TimeExpr,
)
from contactline.timex import date_at

__all__ = ["EventLexicon", "extract_events", "load_event_lexicon"]

_DOMESTIC_PREFIXES = ("14", "172", "173", "175", "081", "083")
"""Protests, administrative sanctions (curfew, martial law, bans), arrests and repression,
and easing sanctions or acceding to reform, are domestic when the text names no one else:
they concern the source's own side."""
_MASS_VIOLENCE = ("20",)
"""Mass violence always has victims: failing named ones, an armed group's own population."""
_ARMED_SECTORS = frozenset({"MIL", "COP", "SPY"})
"""A state's armed forces, police and security services: their mass violence placed nowhere
is at home."""
_REPORTED = frozenset({"claimed", "negated"})
_FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
_CROWD_PREFIXES = ("14",)
"""Protests: their actor is a crowd the text need not name ("protests against X")."""
_TRADED = frozenset({"exchange", "trade", "swap"})
"""Verbs of giving one another the same thing: what two sides trade, each does to the other."""
_WARS = frozenset({"war", "wars", "battle", "battles", "conflict", "skirmish", "skirmishes"})
"""Objects of a fighting verb that name the fighting itself ("fought a war"), no opponent."""
_JOINT_PREFIXES = ("03", "040", "041", "044", "046", "05", "06", "08", "19")
_CONFLICTUAL = "10"
"""Codes from here on (demands, disapproval, force) are conflictual; those before are
cooperative, the kind a clause describing a party tells as its standing role."""
_AIMED_PREFIXES = ("0871", "057")
"""A truce is always with an enemy and an agreement with a partner: with none named, the
text tells no dyad ("X declared a unilateral ceasefire", "X signed a decree")."""
_MEETING_PREFIXES = ("040", "041", "044")
"""Consultations (a call, a meeting): held by both sides, whoever the text names first."""
_THIRD_PLACE_MEETING = "044"
"""A meeting at a third location: held by both sides when neither is its host."""
_JOINT_WORDS = frozenset({"joint", "jointly", "mutual", "together"})
"""Words that make an act one that its doers and partners do together."""


def extract_events(
    doc: Doc,
    mentions: Sequence[Mention],
    statements: Sequence[Statement],
    times: Sequence[TimeExpr],
    lexicon: EventLexicon,
    cameo: CameoTable,
    *,
    published: date | None,
) -> list[Event]:
    """Code the events of a parsed document.

    Args:
        doc: the spaCy parse of ``Document.analysis_text``.
        mentions: the resolved actor mentions of the document.
        statements: the statements of the document (an event coded from a statement's
            content records that statement's id).
        times: the time expressions of the document.
        lexicon: the loaded trigger lexicon.
        cameo: the CAMEO reference table.
        published: the publication date, for dating.

    Returns:
        The events in text order; an event reported twice in the document (same code
        family, parties, modality and date) is kept once.
    """
    roles = RoleReader(doc, mentions, lexicon, published=published)
    events: list[Event] = []
    seen: dict[tuple[object, ...], set[tuple[int, str]]] = {}
    earlier: list[Act] = []
    for sent in doc.sents:
        with_target: set[tuple[object, ...]] = set()
        acts = [judged_earlier(a, earlier, lexicon) for a in code_sentence(sent, roles, lexicon)]
        acts = denied_charges(rebutted_claims(_sentence_passes(acts, roles)), lexicon)
        acts = owned_acts(acts)
        acts = matched_acts(owned_deeds(to_blame(acts, lexicon), roles, lexicon), roles)
        so_far = [*earlier, *acts]  # built once per sentence, not once per act
        acts = [avenged_target(a, so_far, roles) for a in acts]
        earlier.extend(acts)
        told = _evidence(sent) if acts else ("", Span(0, 0))
        for act in acts:
            for event in _to_events(act, told, sent, roles, statements, times, cameo, published):
                key = _key(event)
                # A duplicate that only lacks the target adds nothing to one beside it.
                if _repeats(event, seen.get(key), sent.start_char) or (
                    event.target is None and key[:2] + key[3:] in with_target
                ):
                    continue
                seen.setdefault(key, set()).add((event.trigger.start, event.cameo))
                if event.target is not None:
                    with_target.add(key[:2] + key[3:])
                events.append(replace(event, id=f"e{len(events) + 1}"))
    return events


def _sentence_passes(acts: list[Act], roles: RoleReader) -> list[Act]:
    """Give a sentence's acts what the rest of the sentence says about their parties.

    A cooperative act told only to describe the clause's subject goes; helpers of force
    cooperate with its user (062); a target guessed for being the one other party goes
    when it describes the source or stands by in the clause the act sets the scene for;
    insurgents' force at home falls on their state; cutting a link falls on the party it
    links to; a demand after a joint act is made of the partner, and a declared truce is
    towards whoever answers it.
    """
    acts = [a for a in acts if a.code >= _CONFLICTUAL or not _described_subject(a.trigger.anchor)]
    acts = [
        link_target(home_target(background_guess(kin_guess(a), roles), roles), roles)
        for a in helped_acts(acts, roles)
    ]
    return [truce_counterpart(partner_target(a, acts), roles) for a in acts]


def _described_subject(anchor: Token) -> bool:
    """Whether an act only describes the subject of its sentence's clause.

    "X, which has been holding talks with Y, called for restraint", "X, which mediates
    between Y and Z, condemned ...": a clause set off by commas that tells what the
    subject does or has done is background to the news, not news of its own. (Only
    cooperation is dropped so: fighting told in passing, "X and Y, which have fought
    since 2014, ...", stays an event.)
    """
    clause = next((a for a in (anchor, *anchor.ancestors) if a.dep_ == "relcl"), None)
    if clause is None or clause.head.dep_ not in {"nsubj", "nsubjpass", "ROOT"}:
        return False
    start = clause.left_edge.i
    if start == 0 or anchor.doc[start - 1].text != ",":
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in clause.children
    )


_LISTED_ROOTS = frozenset({"04", "08", "10", "11", "12", "13", "16", "17"})
"""Families whose distinct acts a sentence lists one after another ("suspended the treaty
and expelled the advisers", "travelled to X to hold talks", "declared a truce to let aid
in"); other families' verbs mostly
tell one act over again."""
_GENERIC_FORCE = "190"
"""Force of no particular kind: after another act of force it retells that act ("fired
missiles at X, killing 14"); a particular kind after any act of force is an act of its own
("launched an offensive and seized the city": 190 and 192)."""


def _repeats(event: Event, earlier: set[tuple[int, str]] | None, sentence: int) -> bool:
    """Return whether an event repeats a report already kept under the same key.

    One verb asking for two acts ("called on X to stop the fighting and return to
    talks": 0256 and 026) makes two events, and so do two verbs of one sentence coding
    two listed acts ("downgraded ties with X and suspended trade": 161 and 163); the
    same family reported again elsewhere in the document is one.
    """
    if not earlier:
        return False
    same_trigger = {code for start, code in earlier if start == event.trigger.start}
    if same_trigger:
        return event.cameo in same_trigger
    here = {code for start, code in earlier if start >= sentence}
    listed = event.cameo[:2] in _LISTED_ROOTS or (
        event.cameo[:2] == _GENERIC_FORCE[:2] and event.cameo != _GENERIC_FORCE
    )
    return not here or not listed or event.cameo in here


def _key(event: Event) -> tuple[object, ...]:
    """Return what makes two events the same report: family, dyad, modality, source, date."""
    return (
        event.cameo[:2],
        event.source.party if event.source else None,
        event.target.party if event.target else None,
        event.modality,
        event.reported_by,
        event.date.start if event.date else None,
    )


def _to_events(
    act: Act,
    told: tuple[str, Span],
    sent: SpacySpan,
    roles: RoleReader,
    statements: Sequence[Statement],
    times: Sequence[TimeExpr],
    cameo: CameoTable,
    published: date | None,
) -> list[Event]:
    """Turn an act into one event per dyad; ``told`` is its sentence's evidence and span."""
    entry = cameo.get(act.code)
    if entry is None:
        return []
    token = act.trigger.token
    evidence, span = told
    when = _date(sent.doc, act, times, published)
    place = roles.place(token) or (
        roles.place(act.trigger.anchor) if act.trigger.anchor.i != token.i else None
    )
    statement = next(
        (s.id for s in statements if s.content_span.start <= token.idx < s.content_span.end), None
    )
    events = []
    for source, pair_target in _dyads(act, lambda: roles.located(sent), roles):
        target = _region_side(act.code, source, pair_target)
        events.append(
            Event(
                id="",
                cameo=act.code,
                plover=entry.plover,
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                source=_participant(source),
                target=_participant(target),
                date=when,
                location=place,
                modality=act.modality,
                # whose claim or denial it is; an asserted or intended act is nobody's claim
                reported_by=act.reported_by if act.modality in _REPORTED else None,
                evidence=evidence,
                span=span,
                trigger=Span(token.idx, token.idx + len(token)),
                rule=act.rule,
                statement=statement,
            )
        )
    return events


def _region_side(code: str, source: Party | None, target: Party | None) -> Party | None:
    """Return whom force against a region governed de facto falls on.

    The region's own state fighting it fights its de facto authorities (Azerbaijan
    shelling Karabakh in 2020: NKR); any other party's force falls on the state the
    region belongs to (Russia taking a village in the Donetsk region: UKR). Acts of
    other kinds (visits, aid, peacekeepers) deal with the authorities.
    """
    if target is None or not target.mention.rule.endswith(AUTHORITY_RULE):
        return target
    country = target.mention.country
    if code[:2] not in _FORCE_ROOTS or country is None:
        return target
    if source is not None and source.code == country:
        return target
    return replace(target, mention=replace(target.mention, party=country))


def _dyads(
    act: Act, located: Callable[[], list[Party]], roles: RoleReader
) -> list[tuple[Party | None, Party | None]]:
    """Return the (source, target) pairs of an act; a curfew or martial law targets its own.

    ``located`` gives the party the sentence places its events in, if one.
    """
    if act.sources and not act.targets:
        # each source is its own target (a state acting on its own people or ground:
        # those two readings hold only when every source is a state actor)
        if (
            act.code.startswith(_DOMESTIC_PREFIXES)
            or against_own_people(act, roles)
            or force_at_home(act, roles)
        ):
            return [(s, s) for s in act.sources]
        body = own_body(act, roles)
        if body is not None:
            return [(act.sources[0], body)]
    if act.code.startswith(_MASS_VIOLENCE) and act.sources and not act.targets:
        places = located()
        home = {p.code for p in places}
        own_word = not _charged_by_a_state(act)
        return [(s, _home(s, home, own_word) or _placed(s, places)) for s in act.sources]
    return _pairs(act, roles)


def _home(party: Party, located: set[str], own_word: bool) -> Party | None:
    """Return the population mass violence falls on when none is named.

    An insurgent group's is its country's ("M23 rebels killed 131 civilians": M23->COD); a
    state's is its own when the sentence places the killing at home ("security forces
    killed 1,000 civilians in Syria": SYR->SYR); its armed forces' is their own when the
    sentence places it nowhere and no other state charges it (``own_word``: "the army
    denied using chemical weapons", "a rights group said soldiers executed villagers").
    Else it stays unsaid ("X said Y's troops committed genocide").
    """
    mention = party.mention
    if mention.kind != "group" and party.code in located:
        return party
    if not located and own_word and state_actor(party) and mention.sector in _ARMED_SECTORS:
        return party
    insurgents = mention.kind == "group" and mention.sector == "REB"
    if insurgents and located - {party.code}:
        return None  # placed elsewhere: see _placed
    if not insurgents or mention.country is None or mention.country == mention.party:
        return None  # a foreign force ("Wagner mercenaries") kills abroad as well
    home = replace(mention, party=mention.country, kind="state", rule=mention.rule + "+home")
    return replace(party, mention=home)


def _charged_by_a_state(act: Act) -> bool:
    """Whether a state other than the act's doers reports it ("X said Y's troops did ...").

    A belligerent's charge of mass violence placed nowhere tells no victims of its own;
    an observer's report (a rights group, the UN) tells of violence at the doers' home.
    """
    doers = {s.code for s in act.sources}
    speakers = act.frame.speakers if act.frame is not None else ()
    return any(state_actor(p) and p.code not in doers for p in speakers)


def _placed(party: Party, located: list[Party]) -> Party | None:
    """Return the state an insurgent group's mass violence happens in, if the sentence says.

    "JNIM killed 200 people in Burkina Faso": the population of the place it names.
    """
    mention = party.mention
    if mention.kind != "group" or mention.sector != "REB" or len(located) != 1:
        return None
    return located[0] if located[0].code != party.code else None


def _pairs(act: Act, roles: RoleReader) -> list[tuple[Party | None, Party | None]]:
    """Return one (source, target) pair per dyad, the CAMEO convention for "X and Y".

    "X and Y signed an agreement" (no target) is a joint act: X->Y and Y->X, for the
    families that are done together (consult, cooperate, agree, yield, fight); "X and Y
    recognised Z" without a readable target is X and Y each. An act done to someone by
    no named actor is none (the convention: no actor, no event), and so is a truce with
    no named enemy or an agreement signed with no named partner."""
    if act.sources and act.targets:
        pairs = [(s, t) for s in act.sources for t in act.targets if s.code != t.code]
        return pairs + (_partnered(act, pairs) or _met_abroad(act, pairs, roles))
    joint = act.code.startswith(_JOINT_PREFIXES) and _mutual(act)
    if len(act.sources) > 1 and (joint or _reciprocal(act.trigger.token)):
        pairs = list(combinations(act.sources, 2))
        return [pair for a, b in pairs for pair in ((a, b), (b, a))]
    if act.sources:
        if act.code.startswith(_AIMED_PREFIXES):
            return []  # a truce with no enemy or an agreement with no partner named
        return [(s, None) for s in act.sources]
    if act.targets and act.code.startswith(_CROWD_PREFIXES):
        return [(None, t) for t in act.targets]
    # An act with a victim but no named actor ("a bridge in X was damaged") is no event;
    # an occurrence with no parties at all ("fighting broke out") still is.
    return [(None, None)] if act.bare and not act.targets else []


def _partnered(
    act: Act, pairs: list[tuple[Party, Party]]
) -> list[tuple[Party | None, Party | None]]:
    """Return the pairs a joint act adds when it is done "with" a partner.

    A meeting or call with someone is held by both ("X met with Y", "X spoke by phone
    with Y"), and so is an act called joint or mutual ("X held joint patrols with Y"):
    the partner does it to each of its doers, and doers named together do it to each
    other ("X and Y held joint drills with Z"). Other acts "with" someone stay one-way.
    """
    token, anchor = act.trigger.token, act.trigger.anchor
    joint = any(
        c.dep_ in {"amod", "advmod"} and c.lemma_.lower() in _JOINT_WORDS
        for w in {token, anchor}
        for c in w.children
    )
    if not (joint or act.code.startswith(_MEETING_PREFIXES)):
        return []
    partners = [t for t in act.targets if _with_phrase(t.token, {token.i, anchor.i})]
    if not partners:
        return []
    added: list[tuple[Party | None, Party | None]] = []
    for source in act.sources:
        added += [(t, source) for t in partners if t.code != source.code]
    added += [
        pair
        for a, b in combinations(act.sources, 2)
        if a.code != b.code
        for pair in ((a, b), (b, a))
    ]
    seen = {(a.code, b.code) for a, b in pairs}
    return [p for p in added if p[0] and p[1] and (p[0].code, p[1].code) not in seen]


def _met_abroad(
    act: Act, pairs: list[tuple[Party, Party]], roles: RoleReader
) -> list[tuple[Party | None, Party | None]]:
    """Return the pairs a meeting on a third party's ground adds: each met the other.

    CAMEO's 044 is a meeting at a third location: "X met Y in Z" (Z neither's) is held
    by both, X->Y and Y->X. Met at home or abroad at the other's ("X met Y in X's
    capital"), it stays one-way: a visit and its hosting are acts of their own.
    """
    if not act.code.startswith(_THIRD_PLACE_MEETING):
        return []
    token = act.trigger.token
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "met Y in Z": on Y
    places = {p.code for word in ("in", "at") for p in roles.phrase_parties(heads, word)}
    sides = {p.code for pair in pairs for p in pair}
    if not places or places & sides:
        return []
    seen = {(a.code, b.code) for a, b in pairs}
    return [(b, a) for a, b in pairs if (b.code, a.code) not in seen]


def _with_phrase(word: Token, heads: set[int]) -> bool:
    """Whether a party word is named in a "with" phrase of the act's words.

    "met with Y", "held talks with Y" (the phrase of the act noun or of its verb), "with
    the leaders of Y".
    """
    for ancestor in word.ancestors:
        if ancestor.i in heads:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ == "with":
            governor = ancestor.head
            return governor.i in heads or governor.head.i in heads
        if ancestor.dep_ not in {"pobj", "prep", "conj", "appos", "compound"}:
            return False
    return False


def _reciprocal(verb: Token) -> bool:
    """Return whether a verb is done to "each other" or "one another".

    "X and Y accused each other of ...", "X and Y blamed one another", "each side blamed
    the other": each does it to the other, whatever the act. So is what two sides trade
    ("X and Y exchanged accusations", "traded fire", "swapped prisoners").
    """
    if verb.lemma_.lower() in _TRADED:
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "prep"}]
    objects += [o for c in objects if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    each = any(_determined(c) & {"each"} for c in verb.children if c.dep_ == "nsubj")
    for word in objects:
        pair = {word.lower_} | _determined(word)
        if pair in ({"other", "each"}, {"one", "another"}) or (each and word.lower_ == "other"):
            return True  # "each side blamed the other"
    return False


def _determined(word: Token) -> set[str]:
    """Return the determiners of a word ("each", "the")."""
    return {c.lower_ for c in word.children if c.dep_ == "det"}


def _mutual(act: Act) -> bool:
    """Return whether a joint act is done to each other (no object of its own).

    "X and Y clashed" is mutual; "X and Y will fight jihadist groups" is not.
    """
    if act.code[:2] != "19":
        return True
    if act.trigger.license != "verb":
        # "fighting between X and Y" is mutual; "X and Y launched an offensive" is joint
        return act.trigger.license == "occur" or any(
            c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in act.trigger.token.children
        )
    if act.trigger.token.lemma_.lower() in _TRADED:
        return True  # "exchanged fire" is done to each other
    # "X and Y fought a border war" is fought against each other; "fought jihadists" is not
    return not any(
        c.dep_ == "dobj" and c.lemma_.lower() not in _WARS for c in act.trigger.token.children
    )


def _participant(party: Party | None) -> Participant | None:
    if party is None:
        return None
    mention = party.mention
    return Participant(
        party=mention.party, text=mention.text, span=mention.span, sector=mention.sector
    )


def _evidence(sent: SpacySpan) -> tuple[str, Span]:
    text = sent.text
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], Span(sent.start_char + start, sent.start_char + end)


def _own_time(doc: Doc, noun: Token, times: Sequence[TimeExpr]) -> bool:
    """Whether a time expression modifies ``noun`` itself, not a clause inside its phrase."""
    left = noun.left_edge.idx
    right = noun.right_edge.idx + len(noun.right_edge)
    for time in times:
        if not left <= time.span.start < right:
            continue
        span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        node = span.root
        for _ in range(8):
            if node.head.i == node.i or node.pos_ in {"VERB", "AUX"}:
                break
            node = node.head
            if node.i == noun.i:
                return True
    return False


def _date(
    doc: Doc, act: Act, times: Sequence[TimeExpr], published: date | None
) -> DateWindow | None:
    """Date an act by its own time expression, else by its frame's (a claim is as old as its telling).

    An event noun with a time of its own is dated by it, whatever verb carries it ("the
    killing of X late last month, which it blames on Y": last month, not the blaming).
    """
    noun = act.trigger.token
    if noun.i != act.trigger.anchor.i and _own_time(doc, noun, times):
        return date_at(doc, noun.i, times, published=published)
    anchor = act.trigger.anchor
    if act.frame is not None and act.frame.kind in {"report", "accuse", "aside"}:
        left = anchor.left_edge.idx
        right = anchor.right_edge.idx + len(anchor.right_edge)
        if not any(left <= t.span.start and t.span.end <= right for t in times):
            anchor = act.frame.verb
    return date_at(doc, anchor.i, times, published=published)
