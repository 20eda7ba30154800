"""Reported speech over the dependency parse.

Each rule starts from a reporting cue and cuts the words attributed out of the parse:

1. ``reported:anaphoric``: "This was announced ... by X": the content is the sentence
   before ("this" stands for it).
2. ``reported:ccomp``: "X stated that ...", "..., X said on Friday": the clausal
   complement, before or after the cue.
3. ``reported:inverted`` / ``reported:as``: the cue hangs off the clause it reports
   ("the troops, X said, are ...", "as X said, ...").
4. ``reported:infinitive``: "X called on Y to cease fire": from the addressee to the end
   of the infinitive.
5. ``reported:object``: "Yerevan accused Baku of attacks", "X denied the reports".
6. ``according_to``: "According to X, ..." and other phrase cues naming their source.
7. ``reported:noun``: "Kyiv's claim that ...", "a warning by the UN that ...".
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline._attribution import (
    Attribution,
    content_from_tokens,
    cue_text,
    is_unmade,
)
from contactline._cues import CueLexicon, CueMatch
from contactline._speakers import find_addressee, find_subject
from contactline.records import Span

_DEMONSTRATIVES = frozenset({"this", "that", "it", "these"})
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
_OBJECT_STOP = frozenset({"punct", "cc", "conj", "mark", "advmod", "npadvmod"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_INVERTED_DEPS = frozenset({"ccomp", "parataxis", "conj"})
_COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
_OBJECT_DEPS = frozenset(
    {"dobj", "advcl", "prep", "pobj", "attr", "oprd", "xcomp", "pcomp", "ccomp"}
)
_RELATIVE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
_NOBODY = frozenset({"nobody", "none", "noone"})


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _holds(clause: Token, token: Token) -> bool:
    """Whether ``token`` is in the subtree of ``clause`` (outside its edges it cannot be)."""
    if not clause.left_edge.i <= token.i <= clause.right_edge.i:
        return False
    return token.i in _subtree(clause)


def _rule(kind: str, doc: Doc, match: CueMatch) -> str:
    return f"reported:{kind}:{cue_text(doc, match).lower()}"


def _substantial(doc: Doc, span: Span) -> bool:
    """Content worth a statement: two words or more, or one noun ("claimed victory")."""
    tokens: list[Token] = []
    for t in doc.char_span(span.start, span.end, alignment_mode="expand") or []:
        if not t.is_punct:
            tokens.append(t)
            if len(tokens) == 2:
                return True  # enough: the rest need not be read
    return len(tokens) == 1 and tokens[0].pos_ in ("NOUN", "PROPN", "NUM")


def _is_not_a_source(speaker: Token, lexicon: CueLexicon) -> bool:
    """True for a rule or a text, not a speaker: "according to plan", "to the agreement"."""
    return speaker.lemma_.lower() in lexicon.not_sources


def _make(
    doc: Doc, match: CueMatch, speaker: Token, indices: Collection[int], kind: str
) -> Attribution | None:
    found = content_from_tokens(doc, indices)
    if found is None or not _substantial(doc, found[0]):
        return None
    span, text = found
    verb = doc[match.anchor]
    addressee = find_addressee(verb, object_is_addressee="addressee" in match.cue.frames)
    return Attribution(
        cue=match,
        speaker=speaker.i,
        content=span,
        text=text,
        direct=False,
        rule=_rule(kind, doc, match),
        addressee=addressee,
    )


def _previous_sentence(doc: Doc, sent: SpacySpan) -> SpacySpan | None:
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    while previous.text.strip() == "" and previous.start > 0:
        previous = doc[previous.start - 1].sent
    return previous if previous.text.strip() else None


def _anaphoric(doc: Doc, match: CueMatch, verb: Token) -> Attribution | None:
    """Take the previous sentence as content: "This was announced by X", "X stated this"."""
    children = list(verb.children)  # spaCy walks the parse again on every access
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    active = next((c for c in children if c.dep_ == "dobj"), None)
    if any(c.dep_ in _CLAUSE_DEPS for c in children):
        return None  # "It was announced by X that ...": the clause is the content
    if verb.dep_ in ("ccomp", "xcomp"):
        return None  # "Hamas said it had been briefed by the mediators": reported, not anaphoric
    if passive is not None and agent is not None and passive.lower_ in _DEMONSTRATIVES:
        speaker = next((c for c in agent.children if c.dep_ == "pobj"), None)
    elif active is not None and active.lower_ in ("this", "that") and active.pos_ == "PRON":
        speaker = find_subject(verb)
    else:
        return None
    previous = _previous_sentence(doc, verb.sent)
    if speaker is None or previous is None:
        return None
    return _make(doc, match, speaker, range(previous.start, previous.end), "anaphoric")


def _that_clauses(hosts: list[Token]) -> list[Token]:
    """Clauses with a complementiser hanging off ``hosts``: "in a statement that ..."."""
    return [
        c
        for host in hosts
        for c in host.children
        if c.dep_ in ("acl", "ccomp", "relcl")
        and c.left_edge.lower_ == "that"
        and c.left_edge.dep_ not in _RELATIVE_ROLES
    ]


def _clause_tokens(clauses: list[Token]) -> set[int]:
    """The tokens of ``clauses`` without a leading complementiser the parser misread."""
    indices: set[int] = set()
    for clause in clauses:
        indices |= _subtree(clause)
        if clause.left_edge.lower_ == "that" and clause.left_edge.dep_ not in _RELATIVE_ROLES:
            indices.discard(clause.left_edge.i)
    return indices


def _is_second_cue(token: Token, lexicon: CueLexicon) -> bool:
    """True for a cue of its own inside a clause: ", adding that ...", "and added that"."""
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return lexicon.match_verb(token) is not None
    if token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return lexicon.match_verb(token) is not None
    return False


def _clausal(
    doc: Doc, match: CueMatch, verb: Token, speaker: Token, lexicon: CueLexicon
) -> Attribution | None:
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and c.i not in match.tokens]
    clauses += _that_clauses([doc[i] for i in match.tokens[1:]])
    if not clauses:
        # "said in a statement that ...": the clause hangs off the prepositional object
        objects = [
            o for p in verb.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
        ]
        clauses = _that_clauses(objects)
    clauses = [c for c in clauses if not _holds(c, speaker)]
    if not clauses:
        return None
    indices = _clause_tokens(clauses)
    for i in sorted(indices):
        token = doc[i]
        # ", adding that ...": a second statement, not part of the first
        if token.i in indices and _is_second_cue(token, lexicon):
            indices -= _subtree(token)
    return _make(doc, match, speaker, indices, "ccomp")


def _inverted(
    doc: Doc, match: CueMatch, verb: Token, speaker: Token, lexicon: CueLexicon
) -> Attribution | None:
    head = verb.head
    if speaker.head.i != verb.i:
        return None  # "X, Y said" needs Y: a subject of the cue's own
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ == "advcl" and "as" in marks:
        kind = "as"
    elif verb.dep_ == "parataxis" and head.pos_ in ("VERB", "AUX"):
        kind = "inverted"
    elif verb.dep_ in _INVERTED_DEPS and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "conj" or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
            return None
        if marks & _COMPLEMENTIZERS or (
            verb.dep_ == "ccomp" and lexicon.match_verb(head) is not None
        ):
            # "X said (that) the sides had agreed": the complement of a cue, not a frame
            return None
        kind = "inverted"
    else:
        return None
    indices = _subtree(head) - _subtree(verb)
    return _make(doc, match, speaker, indices, kind)


def _infinitive(
    doc: Doc, match: CueMatch, verb: Token, speaker: Token, *, request: bool
) -> Attribution | None:
    """From after the cue to the end of its to-infinitive.

    A request names whom it asks ("urged Baku to ...", "called on Yerevan to ..."); without
    that, "asking not to be named" is no statement.
    """
    last_cue = max(match.tokens)
    hosts = [verb] + [c for c in verb.children if c.i in match.tokens]
    hosts += [g for h in hosts for g in h.children if g.dep_ == "pobj"]
    for host in hosts:
        for child in host.children:
            if child.i <= last_cue or child.dep_ not in ("xcomp", "advcl", "ccomp", "acl", "relcl"):
                continue
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                continue
            if request and not _names_addressee(doc, last_cue, child):
                continue
            indices = set(range(last_cue + 1, child.right_edge.i + 1))
            return _make(doc, match, speaker, indices, "infinitive")
    return None


def _names_addressee(doc: Doc, last_cue: int, infinitive: Token) -> bool:
    """A noun phrase stands between the cue and its infinitive ("urged *Baku* to")."""
    start = infinitive.left_edge.i
    between = doc[last_cue + 1 : start]
    own = [t for t in infinitive.subtree if t.i < infinitive.i and t.dep_ in ("nsubj", "dobj")]
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between) or bool(own)


def _is_time(token: Token) -> bool:
    if token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and all(o.ent_type_ in _TIME_ENTS for o in objects)
    return token.ent_type_ in _TIME_ENTS


def _object(doc: Doc, match: CueMatch, verb: Token, speaker: Token) -> Attribution | None:
    last_cue = max(match.tokens)
    heads = [verb] + [doc[i] for i in match.tokens if doc[i].head.i == verb.i]
    rights = sorted(
        (c for h in heads for c in h.rights if c.i > last_cue and c.i not in match.tokens),
        key=lambda t: t.i,
    )
    rights = [c for c in rights if c.dep_ not in _OBJECT_STOP and not _is_time(c)]
    if "addressee" in match.cue.frames:
        rights = [c for c in rights if c.dep_ not in ("dobj", "dative")]
    if not any(c.dep_ in _OBJECT_DEPS for c in rights):
        return None
    if rights and rights[0].dep_ == "prep" and rights[0].lower_ in ("to", "in", "at", "on"):
        return None
    indices = {t.i for c in rights for t in c.subtree}
    return _make(doc, match, speaker, indices, "object")


def _passive_object(doc: Doc, match: CueMatch, verb: Token, speaker: Token) -> Attribution | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in _DEMONSTRATIVES:
        return None
    return _make(doc, match, speaker, _subtree(subject), "passive")


def _is_nobody(speaker: Token) -> bool:
    """True when no statement was made: "Nobody has claimed ...", "no group said ..."."""
    if speaker.lower_ in _NOBODY:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in speaker.children)


def reported_for(doc: Doc, match: CueMatch, lexicon: CueLexicon) -> Attribution | None:
    """Apply the reported-speech rules to one verb cue, most specific first."""
    verb = doc[match.anchor]
    if is_unmade(verb):
        return None
    frames = match.cue.frames
    if "clause" in frames:
        found = _anaphoric(doc, match, verb)
        if found is not None:
            return found
    speaker = find_subject(verb)
    if speaker is None or speaker.i in match.tokens or _is_nobody(speaker):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if "clause" in frames:
        found = _clausal(doc, match, verb, speaker, lexicon)
        found = found or _inverted(doc, match, verb, speaker, lexicon)
        if found is not None:
            return found
    if "infinitive" in frames or "request" in frames:
        found = _infinitive(doc, match, verb, speaker, request="request" in frames)
        if found is not None:
            return found
    if "object" in frames:
        if passive:
            return _passive_object(doc, match, verb, speaker)
        return _object(doc, match, verb, speaker)
    return None


def nominal_for(doc: Doc, match: CueMatch) -> Attribution | None:
    """Apply the ``reported:noun`` rule: "Kyiv's claim that ...", "a warning by X that ..."."""
    noun = doc[match.anchor]
    clauses = _that_clauses([noun])
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        speaker = next((o for p in by for o in p.children if o.dep_ == "pobj"), None)
    if not clauses or speaker is None:
        return None
    return _make(doc, match, speaker, _clause_tokens(clauses), "noun")


def _clause_of(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _past_appositive(doc: Doc, last: int) -> int:
    """Extend a source phrase over an appositive: "According to ISW, a think tank, ..."."""
    if last + 2 >= len(doc) or doc[last + 1].text != "," or doc[last + 2].lower_ not in ("a", "an"):
        return last
    for i in range(last + 3, min(len(doc), last + 12)):
        if doc[i].pos_ in ("VERB", "AUX") and doc[i].tag_ != "VBN":
            return last
        if doc[i].text == ",":
            return i
    return last


def source_phrase_for(doc: Doc, match: CueMatch, lexicon: CueLexicon) -> Attribution | None:
    """Apply the ``according_to`` rule: "According to X, ...", "..., according to X"."""
    last = doc[match.anchor]
    speaker = next((c for c in last.children if c.dep_ == "pobj"), None)
    if speaker is None:
        return None
    phrase = doc[match.tokens[0]]
    top = phrase if phrase.head.i not in match.tokens else phrase.head
    while top.head.i in match.tokens and top.head.i != top.i:
        top = top.head
    clause = _clause_of(top.head) if top.head.i != top.i else None
    if clause is None or clause.i in match.tokens:
        return None
    left = min(match.tokens[0], top.left_edge.i)
    right = _past_appositive(doc, max(top.right_edge.i, speaker.right_edge.i))
    hole = set(range(left, right + 1))
    indices = _subtree(clause) - hole
    found = content_from_tokens(doc, indices)
    if found is None or not _substantial(doc, found[0]):
        return None
    if doc[match.anchor].lower_ in ("to", "of") and _is_not_a_source(speaker, lexicon):
        return None
    name = "_".join(match.cue.words) if match.cue.text != "according to" else "according_to"
    return Attribution(
        cue=match,
        speaker=speaker.i,
        content=found[0],
        text=found[1],
        direct=False,
        rule=name,
    )


def find_reported(
    doc: Doc, lexicon: CueLexicon, *, skip: Collection[int], quoted: Collection[Span]
) -> list[Attribution]:
    """Find reported speech in ``doc``.

    Args:
        doc: the parsed document.
        lexicon: the cue lexicon.
        skip: token indices of cues already used for direct quotations.
        quoted: spans of attributed quotations; speech reported inside them is left out.

    Returns:
        The attributions in document order.
    """
    found: list[Attribution] = []
    for phrase in lexicon.match_phrases(doc):
        if "source" in phrase.cue.frames:
            hit = source_phrase_for(doc, phrase, lexicon)
            if hit is not None:
                found.append(hit)
    for i in lexicon.cue_lemma_tokens(doc):
        if i in skip:
            continue
        token = doc[i]
        noun_cue = lexicon.match_noun(token)
        if noun_cue is not None:
            hit = nominal_for(doc, noun_cue)
            if hit is not None:
                found.append(hit)
            continue
        verb_cue = lexicon.match_verb(token)
        if verb_cue is None:
            continue
        hit = reported_for(doc, verb_cue, lexicon)
        if hit is not None:
            found.append(hit)
    inside = [a for a in found if not any(q.start <= doc[a.cue.anchor].idx < q.end for q in quoted)]
    return sorted(inside, key=lambda a: a.content.start)
