"""Check the actor knowledge base for consistency across its files.

The loader rejects malformed lines; this validator finds what only the whole base can
show: references to unknown parties, names that point to two parties without a row in
ambiguous.tsv, a UN membership that does not add up, terms that end before they start.
"""

from __future__ import annotations

from collections import defaultdict

from contactline._actor_base import ActorBase
from contactline._phrase_index import fold

UN_MEMBERS = 193
UN_OBSERVERS = frozenset({"VAT", "PSE"})
AGENT_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "REB",
        "SEP",
        "CVL",
        "OPP",
        "MED",
        "LEG",
        "JUD",
        "SPY",
        "BUS",
        "HLH",
        "REF",
        "IGO",
        "NGO",
        "EDU",
        "REL",
        "LAB",
        "CRM",
        "AGR",
        "ELI",
    }
)


def check_actor_base(base: ActorBase) -> list[str]:
    """Return every inconsistency found in ``base`` as a sentence; empty when sound."""
    problems: list[str] = []
    problems += _check_states(base)
    problems += _check_references(base)
    problems += _check_collisions(base)
    problems += _check_holders(base)
    problems += _check_sectors(base)
    return problems


def _check_states(base: ActorBase) -> list[str]:
    statuses = {e.party: e.status for e in base.entities.values() if e.kind == "state" and e.status}
    members = [p for p, s in statuses.items() if s == "member"]
    observers = {p for p, s in statuses.items() if s == "observer"}
    problems = []
    if len(members) != UN_MEMBERS:
        problems.append(f"states.tsv lists {len(members)} UN members, not {UN_MEMBERS}")
    if observers != UN_OBSERVERS:
        problems.append(
            f"states.tsv lists observers {sorted(observers)}, not {sorted(UN_OBSERVERS)}"
        )
    return problems


def _check_references(base: ActorBase) -> list[str]:
    problems = []
    known = set(base.entities)
    for entry in base.name_entries:
        entity = entry.entity
        if entity.country and entity.country not in known:
            problems.append(f"{entry.surface!r}: unknown country {entity.country}")
        if entity.acts_as and entity.acts_as not in known:
            problems.append(f"{entry.surface!r}: unknown acts_as {entity.acts_as}")
        if entity.start and entity.end and entity.start > entity.end:
            problems.append(f"{entry.surface!r}: valid range ends before it starts")
    for org, members in base.members.items():
        if base.entities.get(org) is None or base.entities[org].kind != "organization":
            problems.append(f"members.tsv: {org} is no organisation")
        for member in sorted(members - known):
            problems.append(f"members.tsv: {org} lists unknown member {member}")
    for reading in (r for readings in base.readings.values() for r in readings):
        if reading.party and reading.party not in known:
            problems.append(
                f"ambiguous.tsv: {reading.name!r} reads as unknown party {reading.party}"
            )
        if reading.name not in base.names:
            problems.append(f"ambiguous.tsv: {reading.name!r} is no name of the base")
    return problems


def _check_collisions(base: ActorBase) -> list[str]:
    parties: dict[str, set[str]] = defaultdict(set)
    for entry in base.name_entries:
        parties[fold(entry.surface)].add(entry.entity.party)
    return [
        f"{name!r} names {sorted(found)}; add its readings to ambiguous.tsv"
        for name, found in sorted(parties.items())
        if len(found) > 1 and name not in base.readings
    ]


def _check_holders(base: ActorBase) -> list[str]:
    problems = []
    for holder in base.office_holders:
        if holder.party not in base.entities:
            problems.append(f"office_holders.tsv: {holder.name} acts for unknown {holder.party}")
        if holder.country and holder.country not in base.entities:
            problems.append(
                f"office_holders.tsv: {holder.name} has unknown country {holder.country}"
            )
        if holder.start and holder.end and holder.start > holder.end:
            problems.append(f"office_holders.tsv: {holder.name}'s term ends before it starts")
        if holder.sector and holder.sector not in AGENT_CODES:
            problems.append(f"office_holders.tsv: {holder.name} has unknown sector {holder.sector}")
    return problems


def _check_sectors(base: ActorBase) -> list[str]:
    problems = []
    for entry in base.name_entries:
        sector = entry.sector or entry.entity.sector
        if sector and sector not in AGENT_CODES:
            problems.append(f"{entry.surface!r}: unknown sector {sector}")
    return problems
