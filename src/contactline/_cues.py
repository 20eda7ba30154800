"""The reporting-cue lexicon: which words attribute speech, and what they can introduce.

The lexicon is data (``data/cues/cues.tsv``, described in ``data/cues/README.md``);
this module reads it once into lookup tables keyed by verb lemma and by first word,
so that matching a token is a dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from contactline.errors import DictionaryError

CUES_DIR = Path(__file__).parent / "data" / "cues"
FRAMES = frozenset({"clause", "quote", "object", "infinitive", "request", "addressee", "source"})
CueKind = Literal["verb", "phrase", "noun"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of the lexicon.

    Attributes:
        text: the cue as written in the data file ("call on", "according to").
        kind: ``verb`` (first word a lemma, the rest hang off it), ``phrase`` or ``noun``.
        words: the lower-cased words of ``text``.
        frames: what the cue can introduce (see ``FRAMES``).
    """

    text: str
    kind: CueKind
    words: tuple[str, ...]
    frames: frozenset[str]


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a document: the entry and the tokens that spell it."""

    cue: Cue
    anchor: int
    tokens: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The loaded lexicon, indexed for matching.

    Attributes:
        verbs: verb lemma -> its cues, longest first ("call on" before "call").
        phrases: first word -> phrase cues starting with it, longest first.
        nouns: noun lemma -> its cue ("claim" in "Kyiv's claim that ...").
        person_nouns: head nouns of descriptions that stand for a person.
        not_sources: head nouns that a source phrase may name but that do not speak
            ("according to plan", "according to the agreement").
    """

    verbs: Mapping[str, tuple[Cue, ...]]
    phrases: Mapping[str, tuple[Cue, ...]]
    person_nouns: frozenset[str]
    not_sources: frozenset[str] = frozenset()
    nouns: Mapping[str, Cue] = field(default_factory=dict)

    def __len__(self) -> int:
        tables = (*self.verbs.values(), *self.phrases.values())
        return sum(len(v) for v in tables) + len(self.nouns)

    def match_noun(self, token: Token) -> CueMatch | None:
        """Return the noun cue ``token`` is, if any ("claim", "warning")."""
        if token.pos_ != "NOUN":
            return None
        cue = self.nouns.get(token.lemma_.lower())
        return CueMatch(cue=cue, anchor=token.i, tokens=(token.i,)) if cue is not None else None

    def cue_lemma_tokens(self, doc: Doc) -> list[int]:
        """Return the tokens whose lower-cased lemma is a verb or noun cue, in order.

        Read from the lemma array, so the other tokens cost no ``Token``; a token listed
        here may still be no cue (``match_verb`` and ``match_noun`` decide).
        """
        strings = doc.vocab.strings
        lemmas = doc.to_array("LEMMA").tolist()
        wanted = {
            lemma
            for lemma in set(lemmas)
            if (word := strings[lemma].lower()) in self.verbs or word in self.nouns
        }
        return [i for i, lemma in enumerate(lemmas) if lemma in wanted]

    def match_verb(self, token: Token) -> CueMatch | None:
        """Return the longest verb cue anchored on ``token``, if any.

        The extra words of a multi-word cue must be children or grandchildren of the
        verb ("called on", "raised concern about", "made it clear").
        """
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN", "VBZ"):
            return None
        cues = self.verbs.get(token.lemma_.lower())
        if not cues:
            return None
        phrase = self._phrase_ending_at(token)
        if phrase is not None:
            return phrase
        near: list[Token] | None = None  # read from the parse only for a multi-word cue
        for cue in cues:
            if near is None and len(cue.words) > 1:
                children = list(token.children)
                near = children + [g for c in children for g in c.children]
            found = [token.i]
            for word in cue.words[1:]:
                hit = next(
                    (
                        t
                        for t in near or ()
                        if t.i > token.i and word in (t.lower_, t.lemma_.lower())
                    ),
                    None,
                )
                if hit is None:
                    break
                found.append(hit.i)
            else:
                return CueMatch(cue=cue, anchor=token.i, tokens=tuple(sorted(found)))
        return None

    def _phrase_ending_at(self, token: Token) -> CueMatch | None:
        """A phrase cue ending in a verb: "quoted as saying" rather than "saying"."""
        doc = token.doc
        for cues in self.phrases.values():
            for cue in cues:
                n = len(cue.words)
                if "source" in cue.frames or cue.words[-1] != token.lower_ or token.i < n - 1:
                    continue
                if all(doc[token.i - n + 1 + k].lower_ == w for k, w in enumerate(cue.words)):
                    return CueMatch(
                        cue=cue, anchor=token.i, tokens=tuple(range(token.i - n + 1, token.i + 1))
                    )
                chain = [token]
                while len(chain) < n and chain[-1].head.i != chain[-1].i:
                    chain.append(chain[-1].head)
                # "quoted by TASS as saying": the same words, further apart
                if [t.lower_ for t in reversed(chain)] == list(cue.words):
                    return CueMatch(
                        cue=cue, anchor=token.i, tokens=tuple(sorted(t.i for t in chain))
                    )
        return None

    def match_phrases(self, doc: Doc) -> list[CueMatch]:
        """Return every phrase cue in ``doc``; the anchor is the phrase's last word."""
        found: list[CueMatch] = []
        firsts = {get_string_id(word) for word in self.phrases}
        for i, lower in enumerate(doc.to_array("LOWER").tolist()):
            if lower not in firsts:
                continue  # no phrase starts here: decided from the array, without a Token
            token = doc[i]
            for cue in self.phrases.get(token.lower_, ()):
                end = token.i + len(cue.words)
                if end <= len(doc) and all(
                    doc[token.i + k].lower_ == w for k, w in enumerate(cue.words)
                ):
                    found.append(
                        CueMatch(cue=cue, anchor=end - 1, tokens=tuple(range(token.i, end)))
                    )
                    break
        return found


def _parse_line(path: Path, number: int, line: str) -> Cue:
    fields = line.split("\t")
    if len(fields) != 3:
        raise DictionaryError(
            str(path),
            number,
            f"expected 3 tab-separated fields (cue, kind, frames), got {len(fields)}",
        )
    text, kind, frame_text = (f.strip() for f in fields)
    if not text:
        raise DictionaryError(str(path), number, "empty cue")
    if kind not in ("verb", "phrase", "noun"):
        raise DictionaryError(str(path), number, f"kind {kind!r} is not 'verb', 'phrase' or 'noun'")
    frames = frozenset(f.strip() for f in frame_text.split(",") if f.strip())
    unknown = frames - FRAMES
    if not frames or unknown:
        raise DictionaryError(
            str(path),
            number,
            f"unknown frames {sorted(unknown)}; use some of {sorted(FRAMES)}",
        )
    return Cue(text=text, kind=kind, words=tuple(text.lower().split()), frames=frames)  # type: ignore[arg-type]


def _read_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read the file: {exc}") from exc
    return [(n, ln) for n, ln in enumerate(raw, 1) if ln.strip() and not ln.startswith("#")]


def load_cue_file(
    path: Path, person_nouns_path: Path, not_sources_path: Path | None = None
) -> CueLexicon:
    """Read a cue file and the noun lists into a lexicon.

    Args:
        path: a tab-separated cue file (format in ``data/cues/README.md``).
        person_nouns_path: one lemma per line.
        not_sources_path: one lemma per line (optional).

    Returns:
        The indexed lexicon.

    Raises:
        DictionaryError: on a malformed or duplicate line.
    """
    verbs: dict[str, list[Cue]] = {}
    phrases: dict[str, list[Cue]] = {}
    cue_nouns: dict[str, Cue] = {}
    seen: set[tuple[str, str]] = set()
    for number, line in _read_lines(path):
        cue = _parse_line(path, number, line)
        if (cue.text, cue.kind) in seen:
            raise DictionaryError(str(path), number, f"cue {cue.text!r} is listed twice")
        seen.add((cue.text, cue.kind))
        if cue.kind == "noun":
            cue_nouns[cue.text] = cue
            continue
        table = verbs if cue.kind == "verb" else phrases
        table.setdefault(cue.words[0], []).append(cue)
    nouns = frozenset(line.strip().lower() for _, line in _read_lines(person_nouns_path))
    not_sources = (
        frozenset(line.strip().lower() for _, line in _read_lines(not_sources_path))
        if not_sources_path is not None
        else frozenset()
    )
    return CueLexicon(
        not_sources=not_sources,
        verbs={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in verbs.items()},
        phrases={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in phrases.items()},
        person_nouns=nouns,
        nouns=cue_nouns,
    )
