"""The actor knowledge base: who the names in a text can stand for.

The base is read from the tab-separated files in ``contactline/data/actors/`` (their
formats are described in the README there) plus the ISO 3166 names that pycountry
ships. :func:`load_actor_base` compiles every name into token-sequence indexes once, so
that resolving a document costs a few dictionary probes per token.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
import spacy

from contactline._phrase_index import PhraseIndex, fold
from contactline.errors import DictionaryError
from contactline.records import ActorKind

KINDS: frozenset[str] = frozenset({"state", "organization", "person", "group", "region"})
NAME_FORMS = ("name", "adjective", "capital", "seat", "institution", "body")
SECTOR_TYPES = frozenset({"office", "body"})
ANAPHOR_TARGETS = frozenset(
    {
        "person",
        "title",
        "state",
        "states",
        "sides",
        "organization",
        "agency",
        "group",
        "party",
        "subject",
        "organ",
        "court",
    }
)


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a name can stand for: a state, an organisation, a group or a region."""

    party: str
    kind: ActorKind
    name: str
    country: str | None = None
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    acts_as: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One way of naming an entity ("Yerevan" is the capital of Armenia)."""

    entity: Entity
    form: str
    surface: str
    sector: str | None = None
    role: str | None = None

    @property
    def rule(self) -> str:
        """Name the dictionary entry, as in ``capital:Yerevan->ARM``."""
        return f"{self.form}:{self.surface}->{self.entity.party}"


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A word for a part of a party ("defense ministry" is MIL) or an office."""

    phrase: str
    sector: str | None
    type: str


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """A person who held an office from ``start`` to ``end`` (``None`` is open)."""

    name: str
    variants: tuple[str, ...]
    party: str
    country: str | None
    role: str
    sector: str | None
    start: date | None
    end: date | None

    @property
    def surname(self) -> str:
        """Return the last word of the name, folded."""
        return fold(self.name.split()[-1])

    def holds_on(self, day: date) -> bool:
        """Tell whether the term covers ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def rule(self) -> str:
        """Name the entry, as in ``office-holder:Putin 2012-``."""
        start = self.start.year if self.start else ""
        end = self.end.year if self.end else ""
        return f"office-holder:{self.name.split()[-1]} {start}-{end}"


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of an ambiguous name, chosen by cue words."""

    name: str
    party: str | None
    kind: ActorKind
    cues: frozenset[str]
    doc_cues: frozenset[str]


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A word that refers back to an earlier actor ("he", "the organization")."""

    word: str
    refers_to: str
    needs_det: bool


@dataclass(frozen=True, slots=True)
class ActorBase:
    """Everything actor resolution needs, compiled for fast lookup."""

    names: PhraseIndex[NameEntry]
    sectors: PhraseIndex[SectorWord]
    holders: PhraseIndex[OfficeHolder]
    holders_by_surname: dict[str, tuple[OfficeHolder, ...]]
    anaphors: dict[str, Anaphor]
    readings: dict[str, tuple[Reading, ...]]
    entities: dict[str, Entity]
    members: dict[str, frozenset[str]]
    org_words: frozenset[str] = frozenset()
    name_entries: tuple[NameEntry, ...] = field(default=(), repr=False)
    office_holders: tuple[OfficeHolder, ...] = field(default=(), repr=False)

    def entity(self, party: str | None) -> Entity | None:
        """Return the main entity of ``party`` (the state row for a state)."""
        return self.entities.get(party) if party else None

    def first_named_holder(
        self, name: str, when: date | None, named: frozenset[str]
    ) -> OfficeHolder | None:
        """Return the office holder a family name written first stands for ("Kim"), if clear.

        The holders in office on ``when`` whose full name starts with ``name`` must all
        act for one party, and ``named`` (the parties a document names) must hold it
        ("Putin and Kim met in Pyongyang": Kim Jong Un); the first listed is meant.
        """
        if when is None:
            return None
        key = fold(name)
        found = [
            h
            for h in self.office_holders
            if h.holds_on(when) and " " in h.name and fold(h.name.split()[0]) == key
        ]
        parties = {h.party for h in found}
        return found[0] if len(parties) == 1 and parties & named else None


@dataclass(frozen=True, slots=True)
class Governor:
    """A non-state party that governed a region for a time (Tigray: the TPLF in 2020-2022)."""

    region: str
    party: str
    start: date | None = None
    end: date | None = None

    def governs(self, when: date | None) -> bool:
        """Return whether it governed on ``when``; an unknown date says nothing."""
        if when is None:
            return False
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


def _data_dir() -> Path:
    return Path(str(resources.files("contactline") / "data" / "actors"))


def _rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data line, '-' read as ''."""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != columns:
                raise DictionaryError(
                    str(path),
                    number,
                    f"expected {columns} tab-separated columns, found {len(fields)}",
                )
            yield number, ["" if f.strip() == "-" else f.strip() for f in fields]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


def parse_date(value: str, *, end: bool = False) -> date:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an end date takes the last day.

    Raises:
        ValueError: when the value is none of these.
    """
    parts = [int(p) for p in value.split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(value)
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    last = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last if end else 1)
    return date(year, month, day)


def _parse_valid(path: Path, number: int, value: str) -> tuple[date | None, date | None]:
    if not value:
        return None, None
    start, sep, end = value.partition("..")
    if not sep:
        raise DictionaryError(str(path), number, f"valid must read START..END, not {value!r}")
    try:
        return (parse_date(start) if start else None, parse_date(end, end=True) if end else None)
    except ValueError as exc:
        raise DictionaryError(str(path), number, f"bad date in {value!r}") from exc


def _plural(adjective: str) -> str | None:
    """Derive the plural demonym ("Armenians", "Azerbaijanis", "South Africans") where English does."""
    if adjective.endswith(("an", "i")) and not adjective.isupper():
        return adjective + "s"
    return None


def _iso_names(iso3: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def load_states(path: Path) -> list[NameEntry]:
    """Read states.tsv, adding pycountry's ISO names to the curated ones."""
    entries: list[NameEntry] = []
    for number, (iso3, status, capitals, adjectives, names) in _rows(path, 5):
        if status not in {"member", "observer", "other"}:
            raise DictionaryError(str(path), number, f"unknown status {status!r}")
        if status != "other" and pycountry.countries.get(alpha_3=iso3) is None:
            raise DictionaryError(str(path), number, f"{iso3} is no ISO 3166-1 alpha-3 code")
        curated = _split(names)
        if not curated:
            raise DictionaryError(str(path), number, "a state needs at least one name")
        entity = Entity(party=iso3, kind="state", name=curated[0], country=iso3, status=status)
        for name in dict.fromkeys(curated + _iso_names(iso3)):
            entries.append(NameEntry(entity, "name", name))
        for capital in _split(capitals):
            entries.append(NameEntry(entity, "capital", capital, sector="GOV"))
        for adjective in _split(adjectives):
            entries.append(NameEntry(entity, "adjective", adjective))
            plural = _plural(adjective)
            if plural:
                entries.append(NameEntry(entity, "adjective", plural))
    return entries


def load_entities(path: Path) -> list[NameEntry]:
    """Read entities.tsv: de facto entities, historical states, regions, organisations."""
    entries: list[NameEntry] = []
    for number, fields in _rows(path, 9):
        party, kind, country, sector, valid, names, adjectives, seats, acts_as = fields
        if kind not in KINDS - {"person"}:
            raise DictionaryError(str(path), number, f"unknown kind {kind!r}")
        name_list = _split(names)
        if not party or not name_list:
            raise DictionaryError(str(path), number, "an entity needs a party and a name")
        start, end = _parse_valid(path, number, valid)
        entity = Entity(
            party=party,
            kind=kind,  # type: ignore[arg-type]
            name=name_list[0],
            country=country or None,
            sector=sector or None,
            start=start,
            end=end,
            acts_as=acts_as or None,
        )
        entries += [NameEntry(entity, "name", n, sector=entity.sector) for n in name_list]
        for adjective in _split(adjectives):
            entries.append(NameEntry(entity, "adjective", adjective))
            plural = _plural(adjective)
            if plural:
                entries.append(NameEntry(entity, "adjective", plural))
        entries += [NameEntry(entity, "seat", s, sector="GOV") for s in _split(seats)]
    return entries


def load_bodies(
    path: Path, entities: dict[str, Entity], org_names: dict[str, list[str]]
) -> list[NameEntry]:
    """Read bodies.tsv; a body matches alone (if bare) and after its organisation's names."""
    entries: list[NameEntry] = []
    for number, (org, body, sector, bare, aliases) in _rows(path, 5):
        entity = entities.get(org)
        if entity is None or entity.kind != "organization":
            raise DictionaryError(str(path), number, f"{org!r} is no organisation of entities.tsv")
        if bare not in {"yes", "no"}:
            raise DictionaryError(str(path), number, f"bare must be yes or no, not {bare!r}")
        forms = [body] if bare == "yes" else []
        forms += _split(aliases)
        for org_name in org_names.get(org, []):
            forms += [f"{org_name} {body}", f"{body} of the {org_name}", f"{body} of {org_name}"]
        for form in dict.fromkeys(forms):
            entries.append(
                NameEntry(entity, "body", form, sector=sector or entity.sector, role=body)
            )
    return entries


def load_institutions(path: Path, entities: dict[str, Entity]) -> list[NameEntry]:
    """Read institutions.tsv: national bodies and seats ("the Kremlin" -> RUS GOV)."""
    entries: list[NameEntry] = []
    for number, (name, party, sector) in _rows(path, 3):
        entity = entities.get(party)
        if entity is None:
            raise DictionaryError(str(path), number, f"unknown party {party!r}")
        entries.append(NameEntry(entity, "institution", name, sector=sector or None, role=name))
    return entries


def load_sector_words(path: Path) -> list[SectorWord]:
    """Read sectors.tsv."""
    words: list[SectorWord] = []
    for number, (phrase, sector, kind) in _rows(path, 3):
        if kind not in SECTOR_TYPES:
            raise DictionaryError(str(path), number, f"type must be office or body, not {kind!r}")
        words.append(SectorWord(phrase, sector or None, kind))
    return words


def load_office_holders(path: Path) -> list[OfficeHolder]:
    """Read office_holders.tsv."""
    holders: list[OfficeHolder] = []
    for number, (names, party, country, role, sector, start, end) in _rows(path, 7):
        variants = _split(names)
        if not variants or not party or not role:
            raise DictionaryError(
                str(path), number, "an office holder needs a name, party and role"
            )
        try:
            first = parse_date(start) if start else None
            last = parse_date(end, end=True) if end else None
        except ValueError as exc:
            raise DictionaryError(str(path), number, f"bad date {start!r} or {end!r}") from exc
        holders.append(
            OfficeHolder(
                variants[0],
                tuple(variants),
                party,
                country or None,
                role,
                sector or None,
                first,
                last,
            )
        )
    return holders


def load_readings(path: Path) -> list[Reading]:
    """Read ambiguous.tsv."""
    readings: list[Reading] = []
    for number, (name, party, kind, cues) in _rows(path, 4):
        if kind not in KINDS:
            raise DictionaryError(str(path), number, f"unknown kind {kind!r}")
        words = _split(cues)
        plain = frozenset(fold(w) for w in words if not w.startswith("doc:"))
        whole = frozenset(fold(w[4:]) for w in words if w.startswith("doc:"))
        readings.append(Reading(name, party or None, kind, plain, whole))  # type: ignore[arg-type]
    return readings


def load_anaphors(path: Path) -> list[Anaphor]:
    """Read anaphors.tsv."""
    anaphors: list[Anaphor] = []
    for number, (word, target, needs_det) in _rows(path, 3):
        if target not in ANAPHOR_TARGETS or needs_det not in {"yes", "no"}:
            raise DictionaryError(str(path), number, f"bad anaphor row {word!r}")
        anaphors.append(Anaphor(word.lower(), target, needs_det == "yes"))
    return anaphors


def load_word_list(path: Path) -> frozenset[str]:
    """Read a list of words, one a line, folded."""
    with path.open(encoding="utf-8") as handle:
        return frozenset(
            fold(line.strip()) for line in handle if line.strip() and not line.startswith("#")
        )


def load_members(path: Path) -> dict[str, frozenset[str]]:
    """Read members.tsv."""
    return {org: frozenset(_split(codes)) for _, (org, codes) in _rows(path, 2)}


def load_governors(path: Path | None = None) -> tuple[Governor, ...]:
    """Load ``governors.tsv``: who governed a region when, each keyed by the region's name.

    Raises:
        DictionaryError: on a malformed line, or a region or party the base lacks.
    """
    path = path or _data_dir() / "governors.tsv"
    entities = {e.entity.party: e.entity for e in load_entities(path.parent / "entities.tsv")}
    found = []
    for number, (region, party, valid, _basis) in _rows(path, 4):
        entity = entities.get(region)
        if entity is None or entity.kind != "region":
            raise DictionaryError(str(path), number, f"{region!r} is no region of entities.tsv")
        if party not in entities:
            raise DictionaryError(str(path), number, f"{party!r} is no party of entities.tsv")
        start, end = _parse_valid(path, number, valid)
        found.append(Governor(region=entity.name, party=party, start=start, end=end))
    return tuple(found)


def load_divisions(path: Path | None = None) -> dict[tuple[str, str], str]:
    """Load ``divisions.tsv``: the region each first-level division of a state is.

    Returns:
        The region's name (as governors are keyed) by (state, GeoNames admin1 code).

    Raises:
        DictionaryError: on a malformed line, a region the base lacks, a region of
            another state or a division listed twice.
    """
    path = path or _data_dir() / "divisions.tsv"
    entities = {e.entity.party: e.entity for e in load_entities(path.parent / "entities.tsv")}
    found: dict[tuple[str, str], str] = {}
    for number, (region, state, admin1, _city) in _rows(path, 4):
        entity = entities.get(region)
        if entity is None or entity.kind != "region":
            raise DictionaryError(str(path), number, f"{region!r} is no region of entities.tsv")
        if entity.country != state or not admin1:
            raise DictionaryError(str(path), number, f"{region!r} is no division of {state!r}")
        if (state, admin1) in found:
            raise DictionaryError(str(path), number, f"division {state}.{admin1} listed twice")
        found[state, admin1] = entity.name
    return found


def load_actor_base(directory: Path | None = None) -> ActorBase:
    """Load and compile the actor knowledge base.

    Args:
        directory: where the data files are; the packaged ones by default.

    Returns:
        The compiled base.

    Raises:
        DictionaryError: on a malformed line of any data file.
    """
    folder = directory or _data_dir()
    tokenizer = spacy.blank("en").tokenizer

    def tokenize(text: str) -> list[str]:
        return [t.text for t in tokenizer(text)]

    name_entries = load_states(folder / "states.tsv") + load_entities(folder / "entities.tsv")
    entities: dict[str, Entity] = {}
    org_names: dict[str, list[str]] = {}
    for entry in name_entries:
        entities.setdefault(entry.entity.party, entry.entity)
        if entry.form == "name" and entry.entity.kind == "organization":
            org_names.setdefault(entry.entity.party, []).append(entry.surface)
    name_entries += load_bodies(folder / "bodies.tsv", entities, org_names)
    name_entries += load_institutions(folder / "institutions.tsv", entities)
    names: PhraseIndex[NameEntry] = PhraseIndex(tokenize)
    for entry in name_entries:
        names.add(entry.surface, entry)
    sectors: PhraseIndex[SectorWord] = PhraseIndex(tokenize)
    for word in load_sector_words(folder / "sectors.tsv"):
        sectors.add(word.phrase, word)
    office_holders = load_office_holders(folder / "office_holders.tsv")
    holders: PhraseIndex[OfficeHolder] = PhraseIndex(tokenize)
    by_surname: dict[str, list[OfficeHolder]] = {}
    for holder in office_holders:
        for variant in holder.variants:
            holders.add(variant, holder)
            by_surname.setdefault(fold(variant.split()[-1]), []).append(holder)
    readings: dict[str, list[Reading]] = {}
    for reading in load_readings(folder / "ambiguous.tsv"):
        readings.setdefault(fold(reading.name), []).append(reading)
    return ActorBase(
        names=names,
        sectors=sectors,
        holders=holders,
        holders_by_surname={k: tuple(v) for k, v in by_surname.items()},
        anaphors={a.word: a for a in load_anaphors(folder / "anaphors.tsv")},
        readings={k: tuple(v) for k, v in readings.items()},
        entities=entities,
        members=load_members(folder / "members.tsv"),
        org_words=load_word_list(folder / "org_words.txt"),
        name_entries=tuple(name_entries),
        office_holders=tuple(office_holders),
    )
