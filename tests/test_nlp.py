"""The spaCy pipeline contactline loads: line breaks start sentences, the attribute ruler is indexed."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from _paths import SEEDS
from contactline.nlp import IndexedRuler

TEXTS = [
    "Y'all ain't gonna get it, nothin' doing. Let's go, c'mon! I gotta say it is what I'd do.",
    "There are reports that it was not the army but the police who fired.\n\nHe did it.",
    "Is it true that you have seen them?  Whether or not they come, we will.",
]

ANNOTATIONS = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD"]


def _seed_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _parsed_before(nlp: Language, component: str, texts: list[str]):
    before = nlp.pipe_names[: nlp.pipe_names.index(component)]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def test_nlp_line_break_starts_sentence(nlp: Language) -> None:
    doc = nlp("Azerbaijan accuses Armenia of shelling\nBAKU, Sept 28 (Reuters) - Heavy fighting")
    starts = [sent[0].text for sent in doc.sents]
    assert "BAKU" in starts


def test_nlp_indexed_ruler_replaces_the_ruler(nlp: Language) -> None:
    assert "indexed_attribute_ruler" in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled


@pytest.mark.parametrize("source", ["texts", "seeds"])
def test_nlp_indexed_ruler_finds_the_ruler_matches(nlp: Language, source: str) -> None:
    texts = TEXTS if source == "texts" else _seed_texts()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = nlp.get_pipe("indexed_attribute_ruler")
    for doc in _parsed_before(nlp, "indexed_attribute_ruler", texts):
        assert indexed.match(doc) == sorted(set(ruler.match(doc)))


def test_nlp_indexed_ruler_annotates_as_the_ruler(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = nlp.get_pipe("indexed_attribute_ruler")
    for doc in _parsed_before(nlp, "indexed_attribute_ruler", TEXTS):
        other = doc.copy()
        ruler(doc)
        indexed(other)
        assert (doc.to_array(ANNOTATIONS) == other.to_array(ANNOTATIONS)).all()
        assert [str(t.morph) for t in doc] == [str(t.morph) for t in other]


def test_nlp_indexed_ruler_declines_patterns_it_cannot_read(nlp: Language) -> None:
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TEXT": {"FUZZY": "drone"}}]], {"LEMMA": "drone"})
    assert IndexedRuler.take_over(ruler) is None
    plain = AttributeRuler(nlp.vocab)
    plain.add([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"})
    assert IndexedRuler.take_over(plain) is not None


def test_nlp_remembering_lemmatizer_replaces_the_lemmatizer(nlp: Language) -> None:
    assert "remembering_lemmatizer" in nlp.pipe_names
    assert "lemmatizer" in nlp.disabled


def test_nlp_remembering_lemmatizer_lemmatizes_as_the_lemmatizer(nlp: Language) -> None:
    docs = _parsed_before(nlp, "remembering_lemmatizer", TEXTS + _seed_texts())
    lemmatizer = nlp.get_pipe("lemmatizer")
    remembering = nlp.get_pipe("remembering_lemmatizer")
    for parsed in docs * 2:  # the second time from what it remembers
        doc, other = parsed.copy(), parsed.copy()
        lemmatizer(doc)
        remembering(other)
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in other]
        assert (doc.to_array(ANNOTATIONS) == other.to_array(ANNOTATIONS)).all()
