"""Fusion rules for wire copy: stated dates, places, weak links that cannot chain, accusations."""

from __future__ import annotations

import random

from contactline.fuse import (
    STRONG,
    EventKey,
    EventView,
    build_entry,
    conflict,
    contest,
    group,
    places_agree,
    places_of,
    same_happening,
    stated,
)


def view(doc: str, cameo: str, evidence: str, **kw: object) -> EventView:
    base: dict[str, object] = {
        "document_id": doc,
        "event_id": "e1",
        "cameo": cameo,
        "quad_class": None,
        "source": None,
        "target": None,
        "date_start": "2024-03-05",
        "date_end": None,
        "location": None,
        "modality": "asserted",
        "reported_by": None,
        "evidence": evidence,
    }
    return EventView(**{**base, **kw})  # type: ignore[arg-type]


STRIKE = "A Russian missile struck an apartment building in Kharkiv on Tuesday."
RETOLD = "On Tuesday, a Russian missile hit an apartment block in Kharkiv, killing five."
DRONES = "Its air defenses shot down 10 Ukrainian drones over the Belgorod region on Tuesday."
DENIAL = "The Kremlin denied the accusation and said the army strikes only military targets."


def test_fuse_rules_stated_dates_are_days_or_open_ended() -> None:
    assert stated(view("a", "190", STRIKE))
    assert stated(view("a", "190", STRIKE, date_start="1988-02"))
    assert not stated(view("a", "190", STRIKE, date_end="2024-03-05"))
    assert not stated(view("a", "190", STRIKE, date_end="2024-03-07"))


def test_fuse_rules_same_stated_day_links_strongly_a_bounded_window_weakly() -> None:
    a = view("a", "195", STRIKE, source="RUS", target="UKR")
    b = view("b", "190", RETOLD, source="RUS")
    strong = same_happening(a, b)
    assert strong is not None and strong.score >= STRONG
    window = view("c", "190", RETOLD, source="RUS", date_end="2024-03-07")
    weak = same_happening(a, window)
    assert weak is not None and weak.score < STRONG


def test_fuse_rules_bounded_window_needs_wording_or_place() -> None:
    a = view("a", "195", STRIKE, source="RUS", target="UKR")
    hub = view("b", "190", DENIAL, source="RUS", date_end="2024-03-07")
    assert same_happening(a, hub) is None


def test_fuse_rules_places_come_from_location_and_evidence() -> None:
    assert places_of(view("a", "190", DRONES)) == {frozenset({"belgorod"})}
    city = "Israeli air strikes on the southern Lebanese city of Nabatieh killed 10 on Friday."
    assert places_of(view("a", "190", city)) == {frozenset({"nabatieh"})}
    owned = "The RSF shelled a market in Sudan's El Fasher on Sunday."
    assert places_of(view("a", "190", owned)) == {frozenset({"fasher"})}
    assert places_of(view("a", "190", "Talks resumed on Monday in March.")) == set()
    opening = view("a", "190", "In El Fasher, the army said shells hit the market.")
    assert places_of(opening) == {frozenset({"fasher"})}


def test_fuse_rules_places_agree_by_words_and_countries_do_not_conflict() -> None:
    long = view("a", "190", "A missile struck.", location="northeastern Ukrainian city of Kharkiv")
    assert places_agree(long, view("b", "190", RETOLD)) is True
    assert places_agree(view("a", "190", RETOLD), view("b", "190", DRONES)) is False
    country = view("c", "190", "Russian strikes hit targets in Ukraine.")
    assert places_agree(country, view("b", "190", RETOLD)) is None
    assert places_agree(view("d", "190", "A missile struck."), view("b", "190", RETOLD)) is None


def test_fuse_rules_same_day_in_other_cities_is_two_happenings() -> None:
    omdurman = view("a", "194", "The RSF shelled the Karari district of Omdurman.", source="RSF")
    fasher = view("b", "194", "The RSF shelled a market in El Fasher.", source="RSF")
    assert same_happening(omdurman, fasher) is None
    assert conflict(omdurman, fasher) == "places"


def _groups(views: list[EventView], links: list[tuple[EventView, EventView]]) -> list[list[str]]:
    by_key = {v.key: v for v in views}
    scored: list[tuple[EventKey, EventKey, float]] = []
    for a, b in links:
        link = same_happening(a, b)
        assert link is not None, (a.key, b.key)
        scored.append((a.key, b.key, link.score))
    return [[doc for doc, _ in entry] for entry in group(by_key, scored)]


def test_fuse_rules_a_wide_window_does_not_chain_two_days() -> None:
    tuesday = view("a", "195", STRIKE, source="RUS", location="Kharkiv")
    thursday = view(
        "b",
        "195",
        STRIKE.replace("Tuesday", "Thursday"),
        source="RUS",
        location="Kharkiv",
        date_start="2024-03-07",
    )
    hub = view("c", "190", STRIKE, source="RUS", date_end="2024-03-07")
    entries = _groups([tuesday, thursday, hub], [(tuesday, hub), (thursday, hub)])
    assert ["a", "b"] not in entries and len(entries) == 2
    assert ["a", "c"] in entries


def test_fuse_rules_an_event_naming_no_place_cannot_bridge_two_places() -> None:
    kharkiv = view("a", "195", STRIKE, source="RUS", target="UKR")
    belgorod = view("b", "190", DRONES, target="UKR")
    vague = view("c", "190", "Russia struck again, officials said.", source="RUS", target="UKR")
    assert same_happening(kharkiv, belgorod) is None
    entries = _groups([kharkiv, belgorod, vague], [(kharkiv, vague), (belgorod, vague)])
    assert not any({"a", "b"} <= set(entry) for entry in entries)


def test_fuse_rules_grouping_does_not_depend_on_link_order() -> None:
    events = [
        view("a", "195", STRIKE, source="RUS", target="UKR"),
        view("b", "190", DRONES, target="UKR"),
        view("c", "190", "Russia struck again, officials said.", source="RUS", target="UKR"),
        view("d", "190", RETOLD, source="RUS"),
    ]
    by_key = {v.key: v for v in events}
    links = [
        (a.key, b.key, link.score)
        for i, a in enumerate(events)
        for b in events[i + 1 :]
        if (link := same_happening(a, b)) is not None
    ]
    expected = group(by_key, links)
    for seed in range(5):
        shuffled = links[:]
        random.Random(seed).shuffle(shuffled)
        assert group(dict(reversed(list(by_key.items()))), shuffled) == expected


def test_fuse_rules_accusation_denied_by_the_accused_is_contested() -> None:
    accusation = view(
        "a",
        "112",
        "Kyiv accused Moscow of waging a campaign of terror.",
        source="UKR",
        target="RUS",
        event_id="e1",
    )
    denial = view("a", "016", DENIAL, source="RUS", event_id="e2")
    kind, reason = contest(accusation, denial)  # type: ignore[misc]
    assert kind == "denial" and "RUS denies" in reason
    assert contest(accusation, view("a", "016", DENIAL, source="UKR", event_id="e3")) is None


def test_fuse_rules_declining_comment_is_no_denial() -> None:
    claim = view("a", "195", STRIKE, source="RUS", modality="claimed", reported_by="UKR")
    silent = view(
        "a", "011", "The ministry did not comment on the strike.", source="RUS", event_id="e2"
    )
    assert contest(claim, silent) is None
    assert (
        contest(
            claim,
            view("a", "010", "Moscow said it did not strike homes.", source="RUS", event_id="e3"),
        )
        is not None
    )


def test_fuse_rules_a_negated_act_denies_only_its_own_kind_of_asserted_act() -> None:
    talks = view("a", "036", "Russia met envoys on Tuesday.", source="RUS")
    negated = view(
        "a",
        "190",
        "Russia does not strike civilians.",
        source="RUS",
        modality="negated",
        event_id="e2",
    )
    assert contest(talks, negated) is None
    strike = view("b", "195", RETOLD, source="RUS")
    assert contest(strike, negated) is not None


def test_fuse_rules_opposing_claims_must_answer_each_other() -> None:
    lebanon = view(
        "a",
        "190",
        "An Israeli drone strike hit a car.",
        source="ISR",
        target="LBN",
        modality="claimed",
        reported_by="LBN",
    )
    yemen = view(
        "b",
        "190",
        "The Houthis will continue attacks until the war ends.",
        source="HOUTHIS",
        modality="claimed",
        reported_by="HOUTHIS",
    )
    assert contest(lebanon, yemen) is None
    israel = view(
        "c",
        "190",
        "Hezbollah fired rockets at Kiryat Shmona.",
        source="HEZBOLLAH",
        target="ISR",
        modality="claimed",
        reported_by="ISR",
    )
    assert (
        contest(
            view(
                "d",
                "190",
                "Israel struck Lebanon.",
                source="ISR",
                target="LBN",
                modality="claimed",
                reported_by="LBN",
            ),
            israel,
        )
        is not None
    )


def test_fuse_rules_entry_tells_the_happening_by_its_best_report() -> None:
    rockets = view(
        "a",
        "195",
        "Hezbollah fired rockets at Kiryat Shmona.",
        source="HEZBOLLAH",
        target="ISR",
        modality="claimed",
        reported_by="ISR",
    )
    toll = view(
        "a",
        "190",
        "More than 200 Hezbollah fighters have been killed.",
        target="HEZBOLLAH",
        date_end="2024-03-05",
        event_id="e2",
    )
    entry = build_entry([toll, rockets], origins={}, outlets={}, contested=False)
    assert entry.summary == rockets.evidence
    assert (entry.source, entry.target) == ("HEZBOLLAH", "ISR")
    partial = view("b", "195", "Hezbollah fired rockets.", source="HEZBOLLAH", event_id="e3")
    entry = build_entry([partial, toll], origins={}, outlets={}, contested=False)
    assert entry.source == "HEZBOLLAH" and entry.target != "HEZBOLLAH"


def test_fuse_rules_an_event_naming_no_party_cannot_bridge_two_actors() -> None:
    russia = view("a", "195", "Russian forces struck on Tuesday.", source="RUS")
    rsf = view("b", "194", "The RSF shelled homes on Tuesday.", source="RSF")
    vague = view("c", "190", "Fighting broke out on Tuesday, officials said.")
    assert conflict(russia, rsf) == "parties"
    assert conflict(rsf, view("d", "190", "Shells hit Sudan on Tuesday.", target="SDN")) is None
    entries = _groups([russia, rsf, vague], [(russia, vague), (rsf, vague)])
    assert not any({"a", "b"} <= set(entry) for entry in entries)


def test_fuse_rules_a_bounded_report_prefers_the_act_of_its_own_side() -> None:
    said = "In El Fasher, the army said RSF shells hit the market."
    shelling = view(
        "a",
        "194",
        "The RSF shelled a market in El Fasher.",
        source="RSF",
        target="SDN",
        modality="claimed",
        reported_by="SDN",
        date_start="2024-05-12",
    )
    raid = view(
        "b",
        "195",
        "On Monday, the army carried out air strikes east of El Fasher.",
        source="SDN",
        target="RSF",
        modality="claimed",
        date_start="2024-05-13",
    )
    report = view(
        "c",
        "194",
        said,
        source="RSF",
        target="SDN",
        modality="claimed",
        reported_by="SDN",
        date_start="2024-05-12",
        date_end="2024-05-13",
    )
    to_shelling, to_raid = same_happening(report, shelling), same_happening(report, raid)
    assert to_shelling is not None and to_raid is not None
    assert to_shelling.score > to_raid.score and "sides swapped" in to_raid.reason
    entries = _groups([shelling, raid, report], [(report, shelling), (report, raid)])
    assert ["a", "c"] in entries


def test_fuse_entry_status_keeps_claims_apart_from_facts() -> None:
    from contactline.fuse import claimants, entry_status

    assert entry_status([("claimed", "AZE"), ("asserted", None)]) == "reported"
    assert claimants([("claimed", "AZE"), ("asserted", None)]) == ()
    assert entry_status([("claimed", "AZE"), ("claimed", "ARM")]) == "claimed"
    assert claimants([("claimed", "AZE"), ("claimed", "ARM")]) == ("ARM", "AZE")
    assert entry_status([("intended", None)]) == "intended"
