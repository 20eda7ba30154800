"""Cross-document fusion: same-happening rules, contested claims, order-independent timeline."""

from __future__ import annotations

import itertools
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _factories import event, result
from contactline.fuse import EventView, components, contest, day_bounds, same_happening
from contactline.store import open_store


def view(
    doc: str, cameo: str, evidence: str = "Fighting broke out in the region.", **kw: object
) -> EventView:
    base: dict[str, object] = {
        "document_id": doc,
        "event_id": "e1",
        "cameo": cameo,
        "quad_class": None,
        "source": None,
        "target": None,
        "date_start": "2020-09-27",
        "date_end": None,
        "location": None,
        "modality": "asserted",
        "reported_by": None,
        "evidence": evidence,
    }
    return EventView(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2020-09-27", None, (date(2020, 9, 27), date(2020, 9, 27))),
        ("1988-02", None, (date(1988, 2, 1), date(1988, 2, 29))),
        ("1992/1994", None, (date(1992, 1, 1), date(1994, 12, 31))),
        ("2020-09-27", "2020-09-29", (date(2020, 9, 27), date(2020, 9, 29))),
        ("2020-11-09TNI", None, (date(2020, 11, 9), date(2020, 11, 9))),
        ("P3D", None, None),
        (None, None, None),
    ],
)
def test_fuse_day_bounds(start: str | None, end: str | None, expected: object) -> None:
    assert day_bounds(start, end) == expected


def test_fuse_same_root_same_day_is_one_happening() -> None:
    link = same_happening(
        view("a", "190", source="AZE", target="ARM"), view("b", "193", source="ARM")
    )
    assert link is not None
    assert "same CAMEO root 19" in link.reason and "2020-09-27" in link.reason


def test_fuse_violent_sides_may_be_swapped() -> None:
    a = view("a", "190", source="AZE", target="ARM")
    b = view("b", "195", source="ARM", target="AZE")
    assert same_happening(a, b) is not None


def test_fuse_each_side_striking_the_other_is_two_happenings() -> None:
    a = view("a", "195", "Russian drones struck an airfield.", source="RUS", target="UKR")
    b = view("b", "190", "Ukrainian artillery shelled border villages.", source="UKR", target="RUS")
    assert same_happening(a, b) is None
    assert (
        same_happening(
            a,
            view(
                "c",
                "190",
                "Ukraine accused Russia.",
                source="UKR",
                target="RUS",
                modality="claimed",
                reported_by="RUS",
            ),
        )
        is not None
    )


def test_fuse_unlike_precision_does_not_chain() -> None:
    month = view("b", "190", "Clashes went on all month.", date_start="2020-09")
    assert same_happening(view("a", "190"), month) is None
    assert (
        same_happening(
            view("a", "190"), view("c", "190", date_start="2020-09-27", date_end="2020-09-29")
        )
        is not None
    )


def test_fuse_other_parties_are_another_happening() -> None:
    a = view("a", "190", source="RUS", target="UKR")
    b = view("b", "190", source="SDN", target="RSF")
    assert same_happening(a, b) is None


def test_fuse_violent_pairs_must_agree() -> None:
    a = view("a", "190", source="AZE", target="ARM")
    assert same_happening(a, view("b", "190", source="AZE", target="RUS")) is None
    assert same_happening(a, view("b", "190", target="ARM")) is not None


def test_fuse_non_violent_needs_the_same_source() -> None:
    a = view("a", "036", source="CSTO", target="ARM")
    b = view("b", "036", source="RUS", target="ARM")
    assert same_happening(a, b) is None


def test_fuse_different_places_are_another_happening() -> None:
    a = view("a", "190", location="Mariupol", evidence="Shelling hit Mariupol.")
    b = view("b", "190", location="Kharkiv", evidence="Missiles struck Kharkiv overnight.")
    assert same_happening(a, b) is None


def test_fuse_days_apart_are_another_happening() -> None:
    assert same_happening(view("a", "190"), view("b", "190", date_start="2020-10-05")) is None


def test_fuse_denial_is_not_the_same_happening() -> None:
    assert same_happening(view("a", "190"), view("b", "190", modality="negated")) is None


def test_fuse_wide_window_needs_similar_wording() -> None:
    wide: dict[str, object] = {"date_start": "2020-09-01", "date_end": "2020-11-30"}
    similar = view("b", "190", "Fighting broke out in the region again.", **wide)
    other = view("c", "190", "Drones hit an airbase near the capital.", **wide)
    assert same_happening(view("a", "190"), similar) is not None
    assert same_happening(view("a", "190"), other) is None


def test_fuse_different_roots_same_stated_date_and_wording() -> None:
    a = view(
        "a", "0233", "The region announced its secession from the republic.", date_start="1988-02"
    )
    b = view(
        "b",
        "190",
        "The conflict broke out after the region announced its withdrawal from the republic.",
        date_start="1988-02",
    )
    assert same_happening(a, b) is not None
    assert same_happening(a, view("c", "190", "Talks were held.", date_start="1988-02")) is None


def test_fuse_one_report_codes_different_acts_apart() -> None:
    sentence = "The authorities declared martial law and general mobilization."
    a = view("a", "1724", sentence, event_id="e1", source="NKR")
    b = view("a", "154", sentence, event_id="e2", source="NKR")
    assert same_happening(a, b) is None
    assert same_happening(a, view("b", "154", sentence, source="NKR")) is not None


def test_fuse_opposing_claims_are_contested() -> None:
    a = view("a", "190", modality="claimed", reported_by="AZE", source="ARM")
    b = view("b", "190", modality="claimed", reported_by="ARM", source="AZE")
    assert contest(a, b) == ("opposing", "claims of CAMEO root 19 by AZE and by ARM")


def test_fuse_both_sides_reporting_the_same_act_is_not_contested() -> None:
    a = view("a", "195", modality="claimed", reported_by="UKR", source="RUS", target="UKR")
    b = view("b", "190", modality="claimed", reported_by="RUS", source="RUS", target="UKR")
    assert contest(a, b) is None
    assert contest(a, view("c", "190", modality="claimed", reported_by="RUS", source="RUS")) is None


def test_fuse_a_denial_is_not_denied_and_dates_must_meet() -> None:
    denial = view("a", "190", "They denied it.", modality="negated", source="RSF", event_id="e1")
    refusal = view("a", "016", "They denied any role.", source="RSF", event_id="e2")
    assert contest(denial, refusal) is None
    background = view(
        "a", "190", "The war began in 2023.", source="RSF", event_id="e3", date_start="2023-04"
    )
    assert contest(denial, background) is None


def test_fuse_a_party_does_not_deny_its_own_claim() -> None:
    own = view("a", "190", modality="claimed", reported_by="RUS", source="RUS", event_id="e1")
    assert (
        contest(own, view("a", "120", "Moscow rejected it.", source="RUS", event_id="e2")) is None
    )


def test_fuse_denial_by_the_accused_party_is_contested() -> None:
    claim = view("a", "042", modality="claimed", reported_by="ARM", source="TUR", event_id="e1")
    denial = view("a", "150", modality="negated", source="TUR", event_id="e2")
    kind, reason = contest(claim, denial)  # type: ignore[misc]
    assert kind == "denial" and "TUR denies" in reason
    assert contest(claim, view("a", "150", modality="negated", source="RUS", event_id="e3")) is None


def test_fuse_components_are_canonical() -> None:
    keys = [("b", "1"), ("a", "1"), ("c", "1"), ("d", "1")]
    links = [(("c", "1"), ("a", "1")), (("b", "1"), ("c", "1"))]
    assert components(keys, links) == [[("a", "1"), ("b", "1"), ("c", "1")], [("d", "1")]]
    assert components(reversed(keys), reversed(links)) == components(keys, links)


FIGHT = "Heavy fighting broke out along the line of contact in Karabakh on September 27."
BATTLE = "Intense battles erupted in Karabakh on September 27, 2020, the ministry said."
CLASH = "Clashes on September 27 left soldiers dead on the line of contact, officials said."
BEGAN = "The conflict began in February 1988, when the autonomous region announced its secession."
BROKE = (
    "The conflict broke out in February 1988 after the autonomous region announced its withdrawal."
)


def _documents() -> list[object]:
    return [
        result(
            "one.txt",
            [FIGHT, BEGAN],
            [
                event("e1", "190", FIGHT, source="AZE", target="ARM", start="2020-09-27"),
                event("e2", "0233", BEGAN, start="1988-02"),
            ],
        ),
        result(
            "two.txt",
            [BATTLE, BROKE],
            [
                event("e1", "193", BATTLE, source="ARM", start="2020-09-27"),
                event("e2", "190", BROKE, start="1988-02"),
            ],
            source="TASS",
        ),
        result(
            "three.txt",
            [CLASH, "Talks resumed in Moscow."],
            [
                event("e1", "190", CLASH, start="2020-09-27", end="2020-09-29"),
                event(
                    "e2",
                    "040",
                    "Talks resumed in Moscow.",
                    source="ARM",
                    target="AZE",
                    start="2020-10-09",
                ),
            ],
            source="TASS",
        ),
    ]


def _timeline(db: Path, docs: list[object]) -> list[tuple[object, ...]]:
    store = open_store(str(db))
    for doc in docs:
        store.save(doc)  # type: ignore[arg-type]
    entries = store.timeline()
    store.close()
    return [
        (
            e.id,
            e.date_start,
            e.cameo,
            e.documents,
            e.events,
            e.corroboration,
            e.summary,
            e.contested,
        )
        for e in entries
    ]


def test_fuse_timeline_does_not_depend_on_ingest_order(tmp_path: Path) -> None:
    docs = _documents()
    timelines = [
        _timeline(tmp_path / f"{n}.db", list(order))
        for n, order in enumerate(itertools.permutations(docs))
    ]
    assert all(t == timelines[0] for t in timelines)
    by_date = {t[1]: t for t in timelines[0]}
    assert by_date["2020-09-27"][3] == ("one.txt", "three.txt", "two.txt")
    assert by_date["1988-02"][3] == ("one.txt", "two.txt")


def test_fuse_corroboration_counts_distinct_outlets(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    for doc in _documents():
        store.save(doc)  # type: ignore[arg-type]
    (fighting,) = store.timeline(root="19", until="2020-12", since="2020-09")
    assert len(fighting.documents) == 3
    assert fighting.corroboration == 2  # two.txt and three.txt are both TASS


def test_fuse_explain_gives_the_reason_of_each_link(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    for doc in _documents():
        store.save(doc)  # type: ignore[arg-type]
    (fighting,) = store.timeline(since="2020-09", until="2020-09")
    steps = store.explain(fighting.events[0], fighting.events[-1])
    assert steps and all(step.reason for step in steps)
    assert steps[0].first == fighting.events[0] and steps[-1].second == fighting.events[-1]
    talks = store.timeline(since="2020-10")[0].events[0]
    assert store.explain(fighting.events[0], talks) == []


def test_fuse_contested_claims_flag_the_entry(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    claim = "According to Armenia, Turkish military specialists are taking part in the fighting."
    denial = "Ankara noted that they see no reason to send their military to Karabakh."
    store.save(
        result(
            "c.txt",
            [claim, denial],
            [
                event(
                    "e1",
                    "042",
                    claim,
                    source="TUR",
                    start="2020-09-29",
                    modality="claimed",
                    reported_by="ARM",
                ),
                event("e2", "150", denial, source="TUR", start="2020-09-29", modality="negated"),
            ],
        )
    )
    (pair,) = store.claims()
    assert pair.kind == "denial"
    assert {pair.first.event.id, pair.second.event.id} == {"e1", "e2"}
    (entry,) = store.timeline(contested=True)
    assert entry.events[0].endswith("/e1")  # the denied act is not a happening of its own
    assert len(store.timeline()) == 1


@pytest.mark.parametrize(
    ("cameo", "evidence", "modality", "linked"),
    [
        ("010", "Ankara noted that they see no reason to send their military.", "asserted", True),
        ("016", "Moscow denied any role in the strike.", "asserted", True),
        ("120", "Moscow rejected the accusation.", "asserted", True),
        ("010", "Ankara said it would send envoys.", "asserted", False),
        ("010", "Ankara said they didn\u2019t send anyone.", "asserted", True),
    ],
)
def test_fuse_statement_by_the_accused_can_deny_a_claim(
    cameo: str, evidence: str, modality: str, linked: bool
) -> None:
    claim = view(
        "a",
        "062",
        modality="claimed",
        reported_by="ARM",
        source="TUR",
        event_id="e1",
        date_end="2020-09-29",
    )
    answer = view("a", cameo, evidence, modality=modality, source="TUR", event_id="e2")
    assert (contest(claim, answer) is not None) == linked


_PARTIES = st.sampled_from([None, "ARM", "AZE", "RUS"])
_EVENTS = st.lists(
    st.tuples(
        st.sampled_from(["190", "193", "112", "0256", "042"]),
        _PARTIES,
        _PARTIES,
        st.sampled_from(["2020-09-27", "2020-09-28", "2020-09", "1988-02"]),
        st.sampled_from(["asserted", "claimed", "negated"]),
        st.sampled_from(["Fighting broke out.", "Shelling hit the town.", "They denied it."]),
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(docs=st.lists(_EVENTS, min_size=2, max_size=3), data=st.data())
def test_fuse_any_ingest_order_gives_the_same_timeline(
    docs: list[list[tuple[str, ...]]], data: st.DataObject
) -> None:
    results = []
    for n, specs in enumerate(docs):
        sentences = [f"Report {n} line {i}: {spec[5]}" for i, spec in enumerate(specs)]
        events = [
            event(
                f"e{i}",
                cameo,
                s,
                source=src,
                target=tgt,
                start=day,
                modality=mod,
                reported_by=src if mod == "claimed" else None,
            )
            for i, ((cameo, src, tgt, day, mod, _), s) in enumerate(
                zip(specs, sentences, strict=True)
            )
        ]
        results.append(result(f"doc{n}.txt", sentences, events))
    order = data.draw(st.permutations(results))
    with tempfile.TemporaryDirectory() as folder:
        first = _timeline(Path(folder) / "a.db", results)
        second = _timeline(Path(folder) / "b.db", list(order))
    assert first == second


def test_fuse_near_duplicates_count_as_one_outlet(tmp_db: Path) -> None:
    store = open_store(str(tmp_db))
    filler = " ".join(f"word{i}" for i in range(300))
    story = [FIGHT, filler]
    fight = event("e1", "190", FIGHT, start="2020-09-27")
    store.save(result("tass.txt", story, [fight], source="TASS"))
    assert (
        store.save(result("copy.txt", [*story, "Republished."], [fight])).status == "near-duplicate"
    )
    store.save(result("own.txt", [CLASH], [event("e1", "190", CLASH, start="2020-09-27")]))
    (entry,) = store.timeline()
    assert len(entry.documents) == 3
    assert entry.corroboration == 2
