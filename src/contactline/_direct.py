"""Direct quotations and their attribution.

A quotation is speech when a reporting cue with a subject stands right next to it:

1. ``direct:after``: '"...," he told the agency.', '"...", said Peskov.' (the closing
   mark may be misplaced: '..., ”he told');
2. ``direct:inside``: '"A," he said, "B."': the second part joins the first;
3. ``direct:before``: 'Shuvalov told reporters: "..."', 'He said, "..."';
4. ``direct:continued``: a paragraph that is all quotation, next to a quotation left
   open at the end of a paragraph (the wire convention for long quotes), takes the
   attribution of its neighbour, before or after it.

The cue may also be a source phrase ('"...," according to the ministry.') or a phrase
ending in a verb ('"...," he was quoted as saying.').

A quotation without such a cue (a scare quote, a partial quote inside reported speech:
'stated that the time has come "to end the occupation"') is not a direct statement.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from contactline._attribution import Attribution, cue_text, is_unmade
from contactline._cues import CueLexicon, CueMatch
from contactline._quotemarks import QuoteMarks
from contactline._speakers import find_addressee, find_subject
from contactline.records import Span

_WINDOW = 25
_END_PUNCT = frozenset(",.!?…—–-:;")
_STOP_TOKENS = frozenset({".", "!", "?", ";"})
_QUOTE_TOKENS = frozenset({'"', "“", "”", "«", "»", "„"})
_LEADING_DEPS = frozenset({"advmod", "aux", "punct", "cc", "prep", "npadvmod", "advcl"})
_INVERTED_SUBJECT = frozenset({"dobj", "nsubj", "attr", "npadvmod", "appos"})


@dataclass(frozen=True, slots=True)
class _Page:
    """The parsed document with its text and token offsets, built once per call."""

    doc: Doc
    text: str
    starts: list[int]


def _first_token_at(doc: Doc, starts: Sequence[int], offset: int) -> int:
    return bisect_left(starts, offset)


def _window_after(doc: Doc, starts: Sequence[int], quote: QuoteMarks) -> list[Token]:
    """The words after the closing mark, to the end of the sentence or the next quote."""
    tokens: list[Token] = []
    for i in range(_first_token_at(doc, starts, quote.end), min(len(doc), len(starts))):
        token = doc[i]
        if "\n" in token.text or (token.text in _QUOTE_TOKENS and tokens):
            break
        if token.is_space or (not tokens and token.text in _QUOTE_TOKENS | {","}):
            continue
        tokens.append(token)
        if token.text in _STOP_TOKENS or len(tokens) >= _WINDOW:
            break
    return tokens


def _window_before(doc: Doc, starts: Sequence[int], quote: QuoteMarks) -> list[Token]:
    """The words before the opening mark, back to the sentence start.

    A paragraph ending in a colon introduces a quotation set as the next paragraph
    ('Peskov said:' / '"..."'), so the window may reach back over one line break.
    """
    tokens: list[Token] = []
    i = _first_token_at(doc, starts, quote.open) - 1
    while i >= 0 and len(tokens) < _WINDOW:
        token = doc[i]
        if "\n" in token.text and not tokens and i > 0 and doc[i - 1].text == ":":
            i -= 1
            continue
        if "\n" in token.text or token.text in _STOP_TOKENS or token.text in _QUOTE_TOKENS:
            break
        if not token.is_space:
            tokens.append(token)
        i -= 1
    return tokens[::-1]


def _title_before(window: Sequence[Token], subject: Token) -> set[int]:
    """The title phrase set off before the speaker's name: 'a spokesperson for the group, X,'.

    Returns the indices of the words from the start of the window to the comma before the
    name when they hold no verb, else nothing.
    """
    name_start = subject.left_edge.i
    before = [t for t in window if t.i < name_start]
    if len(before) < 2 or before[-1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in before):
        return set()
    return {t.i for t in before}


def _cue_in(
    window: Sequence[Token], lexicon: CueLexicon, quote: QuoteMarks
) -> tuple[CueMatch, Token] | None:
    """Find a quote cue in ``window`` whose subject is in the window and takes no other clause."""
    inside = {t.i for t in window}
    for token in window:
        match = lexicon.match_verb(token)
        if match is None or "quote" not in match.cue.frames or is_unmade(token):
            continue
        subject = find_subject(token)
        if subject is None and token.i == window[0].i:
            subject = next((c for c in token.rights if c.dep_ in _INVERTED_SUBJECT), None)
        if subject is None or subject.i not in inside:
            continue
        own = {t.i for t in subject.subtree} | set(match.tokens)
        own |= {t.i for c in token.lefts if c.dep_ in _LEADING_DEPS for t in c.subtree}
        own |= {
            c.i
            for i in match.tokens
            for c in token.doc[i].children
            if c.dep_ in ("aux", "auxpass", "advmod")
        }
        own |= _title_before(window, subject)
        own |= {t.i for t in window if subject.i < t.i < token.i and t.text == ","}
        if any(t.i < token.i and t.i not in own for t in window):
            continue
        objects = [
            c
            for c in token.children
            if c.dep_ in ("ccomp", "xcomp", "dobj")
            and not (quote.inner.start <= c.idx < quote.inner.end)
            and c.i in inside
            and c.i != subject.i
        ]
        if objects and not (
            "addressee" in match.cue.frames and all(c.dep_ == "dobj" for c in objects)
        ):
            continue
        return match, subject
    return None


def _source_in(window: Sequence[Token], lexicon: CueLexicon) -> tuple[CueMatch, Token] | None:
    """'"...," according to the ministry.': a source phrase right after the quotation."""
    if not window:
        return None
    doc = window[0].doc
    for cue in lexicon.phrases.get(window[0].lower_, ()):
        end = window[0].i + len(cue.words)
        if "source" not in cue.frames or end > len(doc):
            continue
        if [t.lower_ for t in doc[window[0].i : end]] != list(cue.words):
            continue
        speaker = next((c for c in doc[end - 1].children if c.dep_ == "pobj"), None)
        if speaker is not None and speaker.lemma_.lower() not in lexicon.not_sources:
            match = CueMatch(cue=cue, anchor=end - 1, tokens=tuple(range(window[0].i, end)))
            return match, speaker
    return None


def _ends_speech(text: str, quote: QuoteMarks) -> bool:
    """The quoted words end as a sentence or a clause does: '...,"', '...."', '...", he'."""
    if quote.close is None:
        return False
    tail = text[quote.inner.end - 1 : quote.close].strip()
    after = text[quote.end : quote.end + 2].strip()
    return bool(tail) and tail[-1] in _END_PUNCT or after.startswith(",")


def _opens_sentence(text: str, quote: QuoteMarks) -> bool:
    """The quotation starts a sentence; 'The rebels "are not ...," he said' is mixed speech."""
    i = quote.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?:”\"»'’" or text[i - 1 : i + 1] == "/."


def _begins_speech(text: str, quote: QuoteMarks, window: Sequence[Token]) -> bool:
    before = text[max(0, quote.open - 4) : quote.open].rstrip()
    return bool(before) and (before[-1] in ":," or bool(window) and window[-1].pos_ == "VERB")


def _attribution(
    page: _Page, quote: QuoteMarks, found: tuple[CueMatch, Token], rule: str
) -> Attribution:
    match, subject = found
    doc, text = page.doc, page.text
    verb = doc[match.anchor]
    return Attribution(
        cue=match,
        speaker=subject.i,
        content=quote.inner,
        text=text[quote.inner.start : quote.inner.end],
        direct=True,
        rule=f"direct:{rule}:{cue_text(doc, match).lower()}",
        addressee=find_addressee(verb, object_is_addressee="addressee" in match.cue.frames),
    )


def _join(text: str, first: Attribution, second: QuoteMarks) -> Attribution:
    content = Span(first.content.start, second.inner.end)
    words = f"{first.text} {text[second.inner.start : second.inner.end]}"
    rule = first.rule.replace("direct:after:", "direct:inside:", 1)
    return Attribution(
        cue=first.cue,
        speaker=first.speaker,
        content=content,
        text=words,
        direct=True,
        rule=rule,
        addressee=first.addressee,
    )


def _whole_paragraph(text: str, quote: QuoteMarks) -> bool:
    start = text.rfind("\n", 0, quote.open) + 1
    end = text.find("\n", quote.end)
    end = len(text) if end < 0 else end
    return not text[start : quote.open].strip() and not text[quote.end : end].strip()


def _after(
    page: _Page, lexicon: CueLexicon, quotes: Sequence[QuoteMarks], k: int
) -> tuple[Attribution | None, bool]:
    """Attribute quote ``k`` to a cue after it; joins the next quote when the cue sits inside.

    Returns:
        The attribution (or ``None``) and whether the next quotation was joined to it.
    """
    quote, text = quotes[k], page.text
    if not _ends_speech(text, quote) or not _opens_sentence(text, quote):
        return None, False
    after = _window_after(page.doc, page.starts, quote)
    cue = _cue_in(after, lexicon, quote) or _source_in(after, lexicon)
    if cue is None:
        return None, False
    hit = _attribution(page, quote, cue, "after")
    nxt = quotes[k + 1] if k + 1 < len(quotes) else None
    if nxt is None:
        return hit, False
    gap = text[after[-1].idx + len(after[-1]) : nxt.open]
    if gap.strip(" ,.\t") or "\n" in gap:
        return hit, False
    return _join(text, hit, nxt), True


def _before(page: _Page, lexicon: CueLexicon, quote: QuoteMarks) -> Attribution | None:
    before = _window_before(page.doc, page.starts, quote)
    if not _begins_speech(page.text, quote, before):
        return None
    cue = _cue_in(before, lexicon, quote)
    return _attribution(page, quote, cue, "before") if cue is not None else None


def _continues(text: str, earlier: QuoteMarks, quote: QuoteMarks) -> bool:
    """A whole-paragraph quotation after one left open: the same speaker goes on."""
    return earlier.close is None and _whole_paragraph(text, quote)


def _continued(text: str, quote: QuoteMarks, prior: Attribution) -> Attribution:
    rule = prior.rule.split(":")
    return Attribution(
        cue=prior.cue,
        speaker=prior.speaker,
        content=quote.inner,
        text=text[quote.inner.start : quote.inner.end],
        direct=True,
        rule=f"{rule[0]}:continued:{rule[-1]}",
        addressee=prior.addressee,
    )


def find_direct(
    doc: Doc, text: str, lexicon: CueLexicon, quotes: Sequence[QuoteMarks]
) -> list[Attribution]:
    """Attribute quotations in ``doc`` to the cue next to them.

    Args:
        doc: the parsed document.
        text: ``doc.text``, built once by the caller.
        lexicon: the cue lexicon.
        quotes: the quotations in the text, in order (from ``find_quotes``).

    Returns:
        One attribution per quotation that is speech (a quotation in two parts around
        its cue is one), in document order.
    """
    if not quotes:
        return []
    page = _Page(doc=doc, text=text, starts=doc.to_array("IDX").tolist())
    found: list[Attribution] = []
    joined: set[int] = set()
    previous: tuple[QuoteMarks, Attribution] | None = None
    for k, quote in enumerate(quotes):
        if k in joined:
            continue
        hit, join = _after(page, lexicon, quotes, k)
        if join:
            joined.add(k + 1)
        hit = hit or _before(page, lexicon, quote)
        if hit is None and previous is not None and _continues(text, previous[0], quote):
            hit = _continued(text, quote, previous[1])
        previous = (quotes[k + 1] if join else quote, hit) if hit is not None else None
        if hit is not None:
            found.append(hit)
    return _lead_ins(text, quotes, found)


def _lead_ins(
    text: str, quotes: Sequence[QuoteMarks], found: list[Attribution]
) -> list[Attribution]:
    """Attribute a paragraph-long quotation left open to the attributed one it runs into.

    A long quote is set as paragraphs that each open with a mark and only the last
    closes; the attribution often comes only in the last one.
    """
    by_start = {a.content.start: a for a in found}
    added: list[Attribution] = []
    for k in range(len(quotes) - 2, -1, -1):
        quote, nxt = quotes[k], quotes[k + 1]
        later = by_start.get(nxt.inner.start)
        if quote.inner.start in by_start or later is None:
            continue
        if quote.close is None and _whole_paragraph(text, quote) and _starts_paragraph(text, nxt):
            lead = _continued(text, quote, later)
            by_start[quote.inner.start] = lead
            added.append(lead)
    return sorted([*found, *added], key=lambda a: a.content.start)


def _starts_paragraph(text: str, quote: QuoteMarks) -> bool:
    start = text.rfind("\n", 0, quote.open) + 1
    return not text[start : quote.open].strip()
