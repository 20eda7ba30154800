"""Shared helpers of the event role tests (``test_events_roles_*.py``).

Sentences name real states with hand-made mentions so that the tests do not drift with
the actor stage; a parse the model may or may not produce is built by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from _mentions import in_order, mention_at, state_mentions
from contactline._event_lexicon import load_event_lexicon
from contactline.cameo import load_cameo
from contactline.events import extract_events
from contactline.records import Event, Mention, Span

LEXICON = load_event_lexicon()
CAMEO = load_cameo()
NAMES = {
    "Armenia": "ARM",
    "Armenian": "ARM",
    "Azerbaijan": "AZE",
    "Azerbaijani": "AZE",
    "Georgia": "GEO",
    "Georgian": "GEO",
    "Russia": "RUS",
    "Russian": "RUS",
    "Turkey": "TUR",
    "Turkish": "TUR",
    "Ukraine": "UKR",
    "Ukrainian": "UKR",
    "Kyiv": "UKR",
    "Moscow": "RUS",
    "Hungary": "HUN",
    "Hungarian": "HUN",
    "Estonia": "EST",
    "Hamas": "HAMAS",
    "Israeli": "ISR",
}


def coder(nlp) -> Callable[[str], list[Event]]:
    """Return a function that codes a text parsed by the real pipeline."""

    def run(text: str) -> list[Event]:
        return coded(nlp(text))

    return run


def pairs(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source, target, root) of each event."""
    return {
        (
            e.source.party if e.source else None,
            e.target.party if e.target else None,
            e.cameo[:2],
        )
        for e in events
    }


def coded(doc, mentions: list[Mention] | None = None) -> list[Event]:
    """Code a parsed Doc with ``mentions``, by default a mention for every known name."""
    if mentions is None:
        mentions = state_mentions(doc.text, NAMES)
    return extract_events(doc, mentions, [], [], LEXICON, CAMEO, published=None)


def hand_parsed(make_doc, rows: list[tuple[str, int, str, str, str]]):
    """Build a Doc from (word, head, dep, pos, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows))
    doc = make_doc(words, heads=heads, deps=deps, pos=pos)
    for token, lemma in zip(doc, lemmas):
        token.lemma_ = lemma
    return doc


def with_group(
    text: str, name: str, party: str, country: str, sector: str = "REB"
) -> list[Mention]:
    """State mentions plus one armed-group mention of ``name``."""
    group = mention_at(text, name, party=party, kind="group", sector=sector, country=country)
    return in_order(state_mentions(text, NAMES), group)


def pronoun(text: str, word: str, party: str) -> Mention:
    """A mention of the last ``word`` of ``text`` resolved to ``party``."""
    start = text.rindex(f" {word} ") + 1
    return Mention(
        span=Span(start, start + len(word)), text=word, party=party, kind="state", rule="coref"
    )


def sector(text: str, word: str, sector: str) -> Mention:
    """A partyless mention of ``word`` for a sector of some state's people."""
    rule = f"sector:{word.lower()}->{sector}"
    return mention_at(text, word, party=None, kind=None, sector=sector, rule=rule)


def front_group(text: str) -> list[Mention]:
    """A hand-made insurgent group of Rohan ("the Riders' Front")."""
    return [
        mention_at(
            text,
            "Riders' Front",
            party="RRF",
            kind="group",
            sector="REB",
            country="ROH",
            rule="name:Riders' Front->RRF",
        )
    ]


def opposition(text: str, words: str) -> Mention:
    return mention_at(text, words, party=None, kind=None, sector="OPP")


def militants_parse(make_doc):
    # "Militants of Estonia killed 300 people" with "killed" misparsed as a participle
    doc = hand_parsed(
        make_doc,
        [
            ("Militants", 0, "ROOT", "NOUN", "militant"),
            ("of", 0, "prep", "ADP", "of"),
            ("Estonia", 1, "pobj", "PROPN", "Estonia"),
            ("killed", 2, "acl", "VERB", "kill"),
            ("300", 5, "nummod", "NUM", "300"),
            ("people", 3, "dobj", "NOUN", "people"),
            (".", 0, "punct", "PUNCT", "."),
        ],
    )
    doc[3].tag_ = "VBN"
    doc[4].tag_ = "CD"
    return doc
