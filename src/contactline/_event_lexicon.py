"""The event trigger lexicon: verb and noun patterns mapped to CAMEO codes, kept as data.

The files live in ``data/events/`` (their format is described in that folder's README.md):

    verbs.tsv    code, verb lemma, particle/preposition, object, example
    nouns.tsv    code, noun lemma, modifier, example
    classes.tsv  word classes the patterns name as ``@CLASS``
    cues.tsv     words that frame, license or qualify an event (reporting verbs, "ready to")
    derive.tsv   how a code changes under appeal, demand, intent, threat or refusal

Everything is indexed by lemma once, at load time, so that coding a document is a single
pass over its tokens with dictionary look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from contactline._actor_base import load_entities
from contactline.errors import DictionaryError

CUE_KINDS: frozenset[str] = frozenset(
    {
        "report",
        "accuse",
        "deny",
        "according",
        "intent",
        "threat",
        "refuse",
        "deontic",
        "hedge",
        "condition",
        "negation",
        "occur",
        "perform",
        "judge",
        "relational",
        "place",
        "intercept",
        "retort",
        "fear",
        "provoke",
    }
)
"""The kinds a line of ``cues.tsv`` may have."""

DERIVE_KINDS: frozenset[str] = frozenset(
    {"appeal", "demand", "intent", "threat", "refuse", "negated"}
)
"""The kinds a line of ``derive.tsv`` may have."""

PARTY_OBJECT = "@party"
CLAUSE_OBJECT = "@to"
"""Object marker met by a to-infinitive clause of the verb ("ordered X to withdraw")."""
"""An object pattern item that matches any proper name (a party): "hosted @PARTY"."""
_CODE = re.compile(r"\d{2,4}")
_NONE = "-"


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbPattern:
    """A verb trigger: lemma, with an optional particle/preposition and object words.

    ``particle`` is a tuple of lower-case words ("on", "the", "side", "of" minus articles);
    ``objects`` is the set of lemmas one of the verb's objects must have (empty: any).
    """

    code: str
    lemma: str
    particle: tuple[str, ...]
    objects: frozenset[str]
    example: str
    line: int

    @property
    def specificity(self) -> int:
        """Return how much of the pattern is constrained (more wins; an object most)."""
        return bool(self.particle) + 2 * bool(self.objects)

    @property
    def rule(self) -> str:
        """Return the name under which an event records this pattern."""
        parts = [self.lemma, " ".join(self.particle), "|".join(sorted(self.objects))[:40]]
        return "verb:" + "+".join(p for p in parts if p) + f"@{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class NounPattern:
    """A nominal trigger: noun lemma with an optional set of modifier lemmas."""

    code: str
    lemma: str
    modifiers: frozenset[str]
    example: str
    line: int

    @property
    def specificity(self) -> int:
        """Return how much of the pattern is constrained (more wins)."""
        return bool(self.modifiers)

    @property
    def rule(self) -> str:
        """Return the name under which an event records this pattern."""
        mods = "|".join(sorted(self.modifiers))[:40]
        return f"noun:{self.lemma}" + (f"+{mods}" if mods else "") + f"@{self.line}"


_P = TypeVar("_P", VerbPattern, NounPattern)


@dataclass(frozen=True, slots=True, kw_only=True)
class Authority:
    """The de facto state that governs a region in some years ("Nagorno-Karabakh": NKR)."""

    party: str
    start: date | None = None
    end: date | None = None

    def governs(self, when: date | None) -> bool:
        """Return whether the authority existed on ``when`` (unknown dates count)."""
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The loaded trigger lexicon, indexed by lemma.

    ``verbs`` and ``nouns`` map a lemma to its patterns, most specific first; ``cues``
    maps a cue kind to its words; ``derive`` maps a derivation kind to its prefix table;
    ``classes`` maps a word class name (``AERIAL``) to its lemmas.
    """

    verbs: Mapping[str, tuple[VerbPattern, ...]]
    nouns: Mapping[str, tuple[NounPattern, ...]]
    cues: Mapping[str, frozenset[str]]
    derive: Mapping[str, Mapping[str, str]]
    classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    authorities: Mapping[str, Authority] = field(default_factory=dict)

    def authority(self, region: str | None, when: date | None) -> str | None:
        """Return the de facto state governing ``region`` (its canonical name) on ``when``."""
        found = self.authorities.get(region or "")
        return found.party if found is not None and found.governs(when) else None

    def patterns(self) -> Iterator[VerbPattern | NounPattern]:
        """Yield every verb and noun pattern in file order."""
        for group in (self.verbs, self.nouns):
            items = sorted((p for ps in group.values() for p in ps), key=lambda p: p.line)
            yield from items

    def codes(self) -> frozenset[str]:
        """Return every CAMEO code some pattern codes to."""
        return frozenset(p.code for p in self.patterns())

    def is_cue(self, kind: str, word: str) -> bool:
        """Return whether ``word`` (a lemma or lower-case phrase) is a cue of ``kind``."""
        return word in self.cues.get(kind, frozenset())

    def derived(self, kind: str, code: str) -> str:
        """Return the code an act ``code`` takes under ``kind`` (appeal, demand, ...).

        The longest prefix of ``code`` in the table wins; ``=`` keeps ``code``.
        """
        table = self.derive[kind]
        for length in range(len(code), 1, -1):
            found = table.get(code[:length])
            if found is not None:
                return code if found == "=" else found
        default = table.get("*", "=")
        return code if default == "=" else default


def load_event_lexicon(directory: Path | None = None) -> EventLexicon:
    """Read and index the event trigger lexicon.

    Args:
        directory: The folder holding the lexicon files; the packaged ``data/events``
            by default.

    Returns:
        The lexicon, indexed by lemma.

    Raises:
        DictionaryError: A line is malformed or names an unknown ``@CLASS``.
    """
    if directory is None:
        with as_file(files("contactline") / "data" / "events") as packaged:
            lexicon = _load(Path(packaged))
    else:
        lexicon = _load(directory)
    with as_file(files("contactline") / "data" / "actors" / "entities.tsv") as entities:
        return replace(lexicon, authorities=_load_authorities(Path(entities)))


def _load_authorities(path: Path) -> Mapping[str, Authority]:
    """Map each region of the actor base that a de facto state acts for to that state.

    A region whose ``acts_as`` is an armed group (Tigray: TPLF) keeps its country: the
    group does not govern it as a state.
    """
    entries = load_entities(path)
    states = {e.entity.party: e.entity for e in entries if e.entity.kind == "state"}
    found: dict[str, Authority] = {}
    for entry in entries:
        region = entry.entity
        state = states.get(region.acts_as or "")
        if region.kind == "region" and state is not None:
            found[region.name] = Authority(party=state.party, start=state.start, end=state.end)
    return MappingProxyType(found)


def _load(directory: Path) -> EventLexicon:
    classes = _load_classes(directory / "classes.tsv")
    verbs: dict[str, list[VerbPattern]] = {}
    path = directory / "verbs.tsv"
    for line, cols in _rows(path, 5):
        code, lemma, particle, objects, example = cols
        _check_code(path, line, code)
        verbs.setdefault(lemma.lower(), []).append(
            VerbPattern(
                code=code,
                lemma=lemma.lower(),
                particle=() if particle == _NONE else tuple(particle.lower().split()),
                objects=_words(path, line, objects, classes),
                example=example,
                line=line,
            )
        )
    nouns: dict[str, list[NounPattern]] = {}
    path = directory / "nouns.tsv"
    for line, cols in _rows(path, 4):
        code, lemma, modifiers, example = cols
        _check_code(path, line, code)
        nouns.setdefault(lemma.lower(), []).append(
            NounPattern(
                code=code,
                lemma=lemma.lower(),
                modifiers=_words(path, line, modifiers, classes),
                example=example,
                line=line,
            )
        )
    return EventLexicon(
        verbs=_freeze(verbs),
        nouns=_freeze(nouns),
        cues=_load_cues(directory / "cues.tsv"),
        derive=_load_derive(directory / "derive.tsv"),
        classes=MappingProxyType(classes),
    )


def _freeze(index: dict[str, list[_P]]) -> Mapping[str, tuple[_P, ...]]:
    """Sort each lemma's patterns most specific first (file order breaks ties)."""
    return MappingProxyType(
        {k: tuple(sorted(v, key=lambda p: (-p.specificity, p.line))) for k, v in index.items()}
    )


def _load_classes(path: Path) -> dict[str, frozenset[str]]:
    classes: dict[str, frozenset[str]] = {}
    for line, (name, words) in _rows(path, 2):
        if not name.isupper():
            raise DictionaryError(str(path), line, f"class name {name!r} must be upper case")
        classes[name] = frozenset(w.strip().lower() for w in words.split("|") if w.strip())
    return classes


def _load_cues(path: Path) -> Mapping[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for line, (kind, word, _note) in _rows(path, 3, optional=1):
        if kind not in CUE_KINDS:
            raise DictionaryError(
                str(path), line, f"unknown cue kind {kind!r}; use one of {sorted(CUE_KINDS)}"
            )
        cues.setdefault(kind, set()).add(word.lower())
    return MappingProxyType({k: frozenset(v) for k, v in cues.items()})


def _load_derive(path: Path) -> Mapping[str, Mapping[str, str]]:
    tables: dict[str, dict[str, str]] = {kind: {} for kind in DERIVE_KINDS}
    for line, (kind, prefix, code) in _rows(path, 3):
        if kind not in DERIVE_KINDS:
            raise DictionaryError(
                str(path), line, f"unknown kind {kind!r}; use one of {sorted(DERIVE_KINDS)}"
            )
        if prefix != "*":
            _check_code(path, line, prefix)
        if code != "=":
            _check_code(path, line, code)
        tables[kind][prefix] = code
    return MappingProxyType({k: MappingProxyType(v) for k, v in tables.items()})


def _words(
    path: Path, line: int, field: str, classes: Mapping[str, frozenset[str]]
) -> frozenset[str]:
    if field == _NONE:
        return frozenset()
    words: set[str] = set()
    for item in field.split("|"):
        item = item.strip()
        if item == PARTY_OBJECT.upper():
            words.add(PARTY_OBJECT)
        elif item == CLAUSE_OBJECT.upper():
            words.add(CLAUSE_OBJECT)
        elif item.startswith("@"):
            if item[1:] not in classes:
                raise DictionaryError(
                    str(path), line, f"unknown class {item!r}; define it in classes.tsv"
                )
            words |= classes[item[1:]]
        elif item:
            words.add(item.lower())
    return frozenset(words)


def _check_code(path: Path, line: int, code: str) -> None:
    if not _CODE.fullmatch(code):
        raise DictionaryError(
            str(path), line, f"{code!r} is not a CAMEO code (2 to 4 digits, leading zero kept)"
        )


def _rows(path: Path, width: int, *, optional: int = 0) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, columns) for each data line; ``optional`` trailing columns may be empty."""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            text = raw.rstrip("\n")
            if not text.strip() or text.startswith("#"):
                continue
            cols = text.split("\t")
            if len(cols) < width - optional or len(cols) > width:
                raise DictionaryError(
                    str(path), number, f"expected {width} tab-separated columns, found {len(cols)}"
                )
            cols += [""] * (width - len(cols))
            if any(not c.strip() for c in cols[: width - optional]):
                raise DictionaryError(str(path), number, "empty column (write '-' for none)")
            yield number, [c.strip() for c in cols]
