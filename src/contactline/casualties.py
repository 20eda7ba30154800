"""Casualty counts: people reported killed, wounded, missing or captured.

A count is read around a quantity in a sentence:

1. The quantity: digits ('84', '1,200'), number words ('twelve', 'twenty-five'), an article
   before a singular group noun ('a 12-year-old boy': one), or a vague
   quantity ('several dozen', 'hundreds') kept as a range (``low``/``high``, ``count`` None);
   a modifier before it ('at least', 'more than', 'up to', 'nearly') sets which bounds are
   known. Numbers inside a time expression are not counts.
2. What happened, from the words around it: a casualty word before ('killed 20 civilians',
   'killing at least 12'), between the quantity and the group ('several dozen wounded and
   killed civilians'), after the group ('84 soldiers have been killed', 'were missing'),
   standing for the group ('30 dead', '45 deaths'), or the parse (the group is the subject or
   object of a casualty verb). Both killed and wounded, or 'casualties', make
   ``killed_or_wounded``. A count with no casualty word is not a casualty.
3. Who reports it: the subject of a reporting verb above it ('Baku reported ...', '..., the
   ministry said') or 'according to X', resolved through the actor mentions to a party.
4. Where: a place named after 'in', 'near', 'at'... in the same sentence.
5. When: ``timex.date_at`` on the casualty word.

The words live in ``data/casualties/lexicon.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from contactline.actors import mention_for
from contactline.errors import DictionaryError
from contactline.records import Casualty, Mention, Span, TimeExpr
from contactline.timex import date_at

__all__ = ["CasualtyLexicon", "extract_casualties", "load_casualty_lexicon"]

_KINDS = ("kind", "group", "number", "vague", "report", "toll")
_CASUALTY_KINDS = {"killed", "wounded", "killed_or_wounded", "missing", "captured"}
#: modifier -> which of (count, low, high) the written number gives
_MODIFIERS = {
    "at least": "low",
    "more than": "above",
    "over": "above",
    "upwards of": "above",
    "up to": "high",
    "as many as": "high",
    "at most": "high",
    "nearly": "high",
    "almost": "high",
    "fewer than": "below",
    "less than": "below",
    "about": "approx",
    "around": "approx",
    "some": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "an estimated": "approx",
    "estimated": "approx",
}
_LINKS = {
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "be",
    "being",
    "reportedly",
    "also",
    "later",
    "taken",
    "held",
    "found",
    "left",
    "confirmed",
    "now",
    "so",
    "far",
    "lost",
    "their",
    "shot",  # 'were shot dead'
}
_MODIFIERS_LONGEST_FIRST = sorted(
    ((phrase.split(), meaning) for phrase, meaning in _MODIFIERS.items()), key=lambda m: -len(m[0])
)
_LONGEST_MODIFIER = max(len(m[0]) for m in _MODIFIERS_LONGEST_FIRST)
_MODIFIER_STARTS = frozenset(phrase.split()[0] for phrase in _MODIFIERS)

#: words that may stand between a quantity and its group ('dozens of its soldiers')
_FILLERS = {"and", "or", ",", "more", "the", "its", "their", "his", "her", "our", "other", "others"}
#: dependencies of words that may stand there too ("of the group's fighters", "militia fighters")
_FILLER_DEPS = {"poss", "case", "det", "compound"}
_PLACE_PREPS = {"in", "near", "at", "outside", "around", "across", "on", "from", "inside"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_REMEMBERED = 1 << 17


@dataclass(frozen=True, slots=True)
class CasualtyLexicon:
    """The words of casualty reports."""

    kinds: dict[str, str]
    groups: dict[str, str]
    numbers: dict[str, int]
    vague: dict[tuple[str, ...], tuple[int, int]]
    reports: frozenset[str]
    tolls: frozenset[str]
    #: whether a lemma's or a lower-case form's hash is a casualty word, as found so far
    #: (a text repeats the same few thousand words)
    seen_lemmas: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)
    seen_forms: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int
    end: int
    count: int | None
    low: int | None
    high: int | None


def load_casualty_lexicon(path: Path | None = None) -> CasualtyLexicon:
    """Load the casualty lexicon.

    Args:
        path: a lexicon file; the packaged ``data/casualties/lexicon.tsv`` when omitted.

    Returns:
        The lexicon.

    Raises:
        DictionaryError: on an unknown kind, a missing value or a bad number or range.
    """
    if path is None:
        path = Path(str(resources.files("contactline") / "data" / "casualties" / "lexicon.tsv"))
    return _load(path)


@cache
def _load(path: Path) -> CasualtyLexicon:
    table: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + [""]
        kind, word, value = cells[0], cells[1], cells[2]
        if kind not in table:
            raise DictionaryError(str(path), number, f"unknown kind {kind!r}; use one of {_KINDS}")
        if not word:
            raise DictionaryError(str(path), number, "missing word")
        if kind in {"kind", "group", "number", "vague"} and not value:
            raise DictionaryError(str(path), number, f"a {kind} needs a value in the third column")
        if kind == "kind" and value not in _CASUALTY_KINDS:
            raise DictionaryError(str(path), number, f"unknown casualty kind {value!r}")
        if (kind == "number" and not value.isdigit()) or (
            kind == "vague" and not re.fullmatch(r"\d+\.\.\d+", value)
        ):
            raise DictionaryError(str(path), number, f"bad {kind} value {value!r}")
        table[kind][word.lower()] = value
    vague = {
        tuple(w.split()): (int(v.split("..")[0]), int(v.split("..")[1]))
        for w, v in table["vague"].items()
    }
    return CasualtyLexicon(
        kinds=table["kind"],
        groups=table["group"],
        numbers={w: int(v) for w, v in table["number"].items()},
        vague=vague,
        reports=frozenset(table["report"]),
        tolls=frozenset(table["toll"]),
    )


def extract_casualties(
    doc: Doc,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    *,
    published: date | None,
    lexicon: CasualtyLexicon | None = None,
) -> list[Casualty]:
    """Find the counts of people killed, wounded, missing or captured.

    Args:
        doc: the parsed analysis text.
        mentions: the actor mentions (for who reports a count).
        times: the time expressions (numbers inside them are not counts; dating).
        published: the publication date.
        lexicon: the casualty words; the packaged lexicon when omitted.

    Returns:
        Casualty records in text order.
    """
    lex = lexicon or load_casualty_lexicon()
    in_time = {i for t in times for i in _token_range(doc, t.span)}
    starters = _MODIFIER_STARTS | {words[0] for words in lex.vague} | lex.numbers.keys()
    found: list[Casualty] = []
    marked = _casualty_words(doc, lex)
    for sent in doc.sents:
        # One cheap pass first: most sentences name no casualty at all.
        if not any(marked[sent.start : sent.end]):
            continue
        previous: Casualty | None = None
        i = sent.start
        while i < sent.end:
            token = doc[i]
            candidate = token.like_num or token.lower_ in starters or _one_person(token, lex)
            quantity = (
                None if i in in_time or not candidate else _quantity_at(doc, i, sent.end, lex)
            )
            if quantity is None:
                i += 1
                continue
            casualty = _read(doc, sent, quantity, lex, mentions, times, published, previous)
            if casualty is not None:
                found.append(casualty)
                if previous is not None and casualty.group is None:
                    casualty = replace(casualty, group=previous.group)
                previous = casualty
            i = quantity.end
    return found


def _casualty_words(doc: Doc, lex: CasualtyLexicon) -> list[bool]:
    """For each token, whether it is a casualty word (``_kind``) or a toll word.

    Read from the lemma and lower-case arrays, one look-up per distinct word ever met
    (remembered in the lexicon), so the pass over the whole document makes no ``Token``.
    """
    strings = doc.vocab.strings
    lemmas, forms = lex.seen_lemmas, lex.seen_forms
    marked: list[bool] = []
    for lemma, lower in doc.to_array(["LEMMA", "LOWER"]).tolist():
        mark = lemmas.get(lemma)
        if mark is None:
            mark = bool(lex.kinds.get(strings[lemma].lower()))
            if len(lemmas) < _REMEMBERED:
                lemmas[lemma] = mark
        if not mark:
            mark = forms.get(lower)
            if mark is None:
                word = strings[lower]
                mark = bool(lex.kinds.get(word)) or word in lex.tolls
                if len(forms) < _REMEMBERED:
                    forms[lower] = mark
        marked.append(mark)
    return marked


def _token_range(doc: Doc, span: Span) -> range:
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    return range(chars.start, chars.end) if chars is not None else range(0)


def _one_person(token: Token, lex: CasualtyLexicon) -> bool:
    """'a 12-year-old boy', 'a Palestinian man': an article before a singular group noun."""
    if token.lower_ not in {"a", "an"} or token.dep_ != "det":
        return False
    head = token.head
    return head.tag_ == "NN" and head.i > token.i and _group(head, lex) is not None


def _quantity_at(doc: Doc, i: int, end: int, lex: CasualtyLexicon) -> _Quantity | None:
    """Read a (modified) number or vague quantity starting at token ``i``."""
    if _one_person(doc[i], lex):
        return _Quantity(i, doc[i].head.i, 1, 1, 1)
    j, modifier = i, None
    ahead = [t.lower_ for t in doc[i : min(end, i + _LONGEST_MODIFIER)]]
    for written, meaning in _MODIFIERS_LONGEST_FIRST:
        if ahead[: len(written)] == written:
            j, modifier = i + len(written), meaning
            break
    vague = sorted(lex.vague.items(), key=lambda v: -len(v[0]))
    longest = len(vague[0][0]) if vague else 0
    ahead = [t.lower_ for t in doc[j : min(end, j + longest)]]
    for words, (low, high) in vague:
        if tuple(ahead[: len(words)]) == words:
            if low == high:
                return _bounded(i, j + len(words), low, modifier)
            return _Quantity(i, j + len(words), None, low, high)
    value, k = _number(doc, j, end, lex)
    if value is None:
        return None
    if k < end and doc[k].lower_ in {"%", "percent", "per"}:
        return None
    return _bounded(i, k, value, modifier)


def _bounded(start: int, end: int, value: int, modifier: str | None) -> _Quantity:
    if modifier == "low":
        return _Quantity(start, end, value, value, None)
    if modifier == "above":
        return _Quantity(start, end, None, value + 1, None)
    if modifier == "high":
        return _Quantity(start, end, None, None, value)
    if modifier == "below":
        return _Quantity(start, end, None, None, value - 1)
    if modifier == "approx":
        return _Quantity(start, end, value, None, None)
    return _Quantity(start, end, value, value, value)


def _number(doc: Doc, j: int, end: int, lex: CasualtyLexicon) -> tuple[int | None, int]:
    """Digits or number words from token ``j``: ('84' | 'twenty - five' | 'two hundred')."""
    if j >= end:
        return None, j
    token = doc[j]
    digits = token.text.replace(",", "")
    if digits.isdigit():
        return int(digits), j + 1
    total, current, k = 0, None, j
    while k < end:
        word = doc[k].lower_
        if word in lex.numbers:
            value = lex.numbers[word]
            if value >= 100 and word != "dozen":
                current = (current or 1) * value
                if value >= 1000:
                    total, current = total + current, 0
            else:
                current = (current or 0) + value
            k += 1
        elif (
            word in {"-", "and"}
            and current is not None
            and k + 1 < end
            and doc[k + 1].lower_ in lex.numbers
        ):
            k += 1
        else:
            break
    if current is None and total == 0:
        return None, j
    return total + (current or 0), k


def _read(
    doc: Doc,
    sent: SpacySpan,
    q: _Quantity,
    lex: CasualtyLexicon,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    published: date | None,
    previous: Casualty | None,
) -> Casualty | None:
    """Build a casualty around a quantity, or None when no casualty word goes with it.

    A count coordinated with the one before it shares what that one lacks: '43 civilians
    were killed and more than 150 wounded' (the group), 'killed 50 Russians and 10
    soldiers' (the casualty verb), 'the toll rose to 89, including 31 women and five
    children' (what happened).
    """
    before = _kind_before(doc, sent, q, lex)
    coordinated = previous is not None and doc[q.start - 1].lower_ in {"and", ",", "including"}
    phrase = _Phrase(last=q.end - 1)
    k = _between(doc, sent, q, lex, phrase)
    if before is None and (
        phrase.group_token is not None
        or (not phrase.kinds and k < sent.end and doc[k].lower_ in _LINKS)
    ):
        _after(doc, sent, k, lex, phrase)
    if phrase.group_token is not None:
        head = phrase.group_token.head
        head_kind = _kind(head, lex)
        if phrase.group_token.dep_ in {"nsubj", "nsubjpass", "dobj"} and head_kind:
            phrase.kinds.append((head_kind, head))
            phrase.last = max(phrase.last, head.i)
    kinds = ([before] if before is not None else []) + phrase.kinds
    if not kinds and coordinated and phrase.group is not None and previous is not None:
        verb = doc.char_span(previous.span.start, previous.span.end, alignment_mode="expand")
        kinds = [(found, t) for t in (verb or ()) if (found := _kind(t, lex)) and t.pos_ == "VERB"][
            :1
        ]
        kinds = kinds or [(previous.kind, doc[q.start])]  # '89 dead, including 31 women'
    if not kinds or _negated(kinds):
        return None
    if kinds[0][1].lemma_.lower() == "lose" and phrase.group is None:
        return None  # 'lost three tanks': losses of people only
    group = phrase.group
    # 'killed two civilians and wounded five': the second verb is joined to the first
    verb_joined = before is not None and before[1].dep_ == "conj" and _kind(before[1].head, lex)
    others = q.end < sent.end and doc[q.end].lower_ in {"more", "others", "other"}
    if group is None and previous is not None and (coordinated or verb_joined or others):
        group = previous.group
    names = {kind for kind, _ in kinds}
    kind = "killed_or_wounded" if {"killed", "wounded"} <= names else kinds[0][0]
    anchor = kinds[0][1]
    first, last = min(q.start, anchor.i), max(phrase.last, anchor.i)
    rule = "casualty word+count" if before is not None else phrase.rule
    return Casualty(
        kind=kind,  # type: ignore[arg-type]
        group=group,
        count=q.count,
        low=q.low,
        high=q.high,
        reported_by=_reporter(doc, sent, anchor, lex, mentions),
        location=_place(sent, anchor, mentions),
        date=date_at(doc, anchor.i, times, published=published),
        evidence=sent.text.strip(),
        span=Span(doc[first].idx, doc[last].idx + len(doc[last].text)),
        rule=f"{rule}:{'+'.join(sorted(names))}"
        + (f"+{phrase.group_token.lemma_}" if phrase.group_token is not None else ""),
    )


@dataclass(slots=True)
class _Phrase:
    """What the words after a quantity say: the group counted and what happened to it."""

    last: int
    group: str | None = None
    group_token: Token | None = None
    kinds: list[tuple[str, Token]] = field(default_factory=list)
    rule: str = "count"


def _between(doc: Doc, sent: SpacySpan, q: _Quantity, lex: CasualtyLexicon, phrase: _Phrase) -> int:
    """Read from the quantity to the group: 'several dozen wounded and killed civilians'.

    Returns:
        The index of the first token after what was read.
    """
    k = q.end + (1 if q.end < sent.end and doc[q.end].lower_ == "of" else 0)
    while k < sent.end and k - q.end < 8:
        token = doc[k]
        kind = _kind(token, lex)
        group = _group(token, lex)
        if group is not None:
            phrase.group, phrase.group_token, phrase.last = group, token, k
            if kind:  # 'took 50 hostages'
                phrase.kinds.append((kind, token))
            return k + 1
        if kind:
            phrase.kinds.append((kind, token))
            phrase.last = k
            if not _modifies_next(doc, k, sent, lex):
                phrase.rule = "count+casualty word"
                return sent.end
        elif not (
            token.lower_ in _FILLERS
            or token.pos_ in {"ADJ", "PROPN"}
            or token.is_quote
            or token.dep_ in _FILLER_DEPS
        ):
            return k
        k += 1
    return k


def _after(doc: Doc, sent: SpacySpan, k: int, lex: CasualtyLexicon, phrase: _Phrase) -> None:
    """Read after the group: '84 soldiers have been killed', 'lost their lives', 'or wounded'."""
    while k < sent.end:
        token = doc[k]
        kind = _kind(token, lex) if token.lower_ not in _LINKS else None
        if kind and token.pos_ in {"VERB", "ADJ", "NOUN"}:
            phrase.kinds.append((kind, token))
            phrase.last = k
        elif not (token.lower_ in _LINKS or (phrase.kinds and token.lower_ in {"and", "or"})):
            return
        k += 1


def _group(token: Token, lex: CasualtyLexicon) -> str | None:
    """The group a noun names; a plural nationality ('Palestinians') counts as people."""
    group = lex.groups.get(token.lemma_.lower())
    if group is None and token.ent_type_ == "NORP" and token.tag_ in {"NNS", "NNPS"}:
        return "people"
    return group


def _kind(token: Token, lex: CasualtyLexicon) -> str | None:
    return lex.kinds.get(token.lemma_.lower()) or lex.kinds.get(token.lower_)


def _linked(doc: Doc, last: int, k: int) -> bool:
    """Only linking words (auxiliaries, 'and', 'or') between two tokens."""
    return all(t.lower_ in _LINKS | {"and", "or", ","} for t in doc[last + 1 : k])


def _modifies_next(doc: Doc, k: int, sent: SpacySpan, lex: CasualtyLexicon) -> bool:
    """'wounded and killed civilians': a casualty word before more of them or a group noun."""
    for token in doc[k + 1 : min(sent.end, k + 5)]:
        if token.lemma_.lower() in lex.groups:
            return True
        if token.lower_ not in {"and", "or", ","} and not _kind(token, lex) and token.pos_ != "ADJ":
            return False
    return False


def _kind_before(
    doc: Doc, sent: SpacySpan, q: _Quantity, lex: CasualtyLexicon
) -> tuple[str, Token] | None:
    """'killed 20 civilians', 'killing at least 12', 'the deaths of 12', 'the toll rose to 45'."""
    if q.start == sent.start:
        return None
    before = doc[q.start - 1]
    if before.is_quote and q.start - 2 >= sent.start:  # 'had killed "hundreds of ..."'
        before = doc[q.start - 2]
    if before.lower_ == "of" and before.i - 1 >= sent.start:
        noun = doc[before.i - 1]
        kind = _kind(noun, lex)
        return (kind, noun) if kind and noun.pos_ == "NOUN" else None
    kind = _kind(before, lex)
    if kind and before.pos_ == "VERB":
        return kind, before
    window = doc[max(sent.start, q.start - 6) : q.start]
    if before.lower_ in {"to", "at", "reached", "hit", "of"} and any(
        t.lemma_.lower() in lex.tolls for t in window
    ):
        toll = next(t for t in window if t.lemma_.lower() in lex.tolls)
        return "killed", toll
    if before.lower_ in {"to", "at", "reached", "hit"}:
        # 'The death toll from a drone attack on ... rose to 89': the toll is the subject
        verb = before.head if before.dep_ == "prep" else before
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lemma_.lower() in lex.tolls:
            return "killed", subject
    return None


def _negated(kinds: list[tuple[str, Token]]) -> bool:
    return any(c.dep_ == "neg" for _, token in kinds for c in token.children)


def _reporter(
    doc: Doc, sent: SpacySpan, anchor: Token, lex: CasualtyLexicon, mentions: Sequence[Mention]
) -> str | None:
    """The party of whoever the sentence attributes the count to."""
    token = anchor
    for _ in range(10):
        if token.lemma_.lower() in lex.reports and token.pos_ == "VERB":
            if token.lemma_.lower() == "accord":
                subject = next(
                    (g for c in token.children if c.lower_ == "to" for g in c.children), None
                )
            else:
                subject = next(
                    (c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None
                )
            party = _party(subject, mentions) if subject is not None else None
            if party:
                return party
        if token.head.i == token.i:
            break
        token = token.head
    for token in sent:
        if token.lower_ == "according":
            pobj = next((g for c in token.children if c.lower_ == "to" for g in c.children), None)
            if pobj is not None:
                return _party(pobj, mentions)
    return None


def _party(token: Token, mentions: Sequence[Mention]) -> str | None:
    """The party of the actor mention that stands for the noun phrase headed by ``token``."""
    mention = mention_for(token.doc, token.i, mentions)
    return mention.party if mention is not None else None


def _place(sent: SpacySpan, anchor: Token, mentions: Sequence[Mention]) -> str | None:
    """A place named after 'in', 'near', 'at'... in the sentence, the nearest to the anchor."""
    places: list[tuple[int, str]] = []
    for token in sent:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPS:
            continue
        if token.ent_type_ in _PLACE_LABELS:
            ent = next((e for e in sent.ents if e.start <= token.i < e.end), None)
            places.append((abs(token.i - anchor.i), ent.text if ent is not None else token.text))
            continue
        for m in mentions:
            if m.kind in {"state", "region"} and m.span.start <= token.idx < m.span.end:
                places.append((abs(token.i - anchor.i), m.text))
                break
    return min(places)[1] if places else None
