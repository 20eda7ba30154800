"""Tests of event scoring, the gold loader, the eval command's checks and the gold set itself."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from contactline.cameo import load_cameo
from contactline.cli import main
from contactline.cli.eval import format_misses, format_scores
from contactline.errors import InputError
from contactline.evaluate import GoldEvent, GoldSentence, load_gold, score_events
from contactline.records import Event, Participant, Span

GOLD = Path(__file__).parent / "data" / "events_gold.jsonl"


def _event(
    source: str | None,
    target: str | None,
    cameo: str,
    modality: str = "asserted",
    reported_by: str | None = None,
) -> Event:
    """A hand-made system event: only the parts scoring reads are meaningful."""
    return Event(
        id=f"e-{source}-{target}-{cameo}",
        cameo=cameo,
        plover=None,
        quad_class=None,
        goldstein=None,
        source=Participant(party=source, text=source or "") if source else None,
        target=Participant(party=target, text=target or "") if target else None,
        date=None,
        location=None,
        modality=modality,  # type: ignore[arg-type]
        reported_by=reported_by,
        evidence="",
        span=Span(0, 0),
        trigger=Span(0, 0),
        rule="test",
    )


def _sentence(ident: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(id=ident, text="text", published=date(2024, 1, 1), events=events)


ACCUSE = GoldEvent(source="ARM", target="AZE", cameo="112")
CLAIM = GoldEvent(source="AZE", target="ARM", cameo="190", modality="claimed", reported_by="ARM")


def test_evaluate_perfect_prediction_scores_one() -> None:
    gold = [_sentence("s1", ACCUSE, CLAIM)]
    scores = score_events(
        gold, {"s1": [_event("ARM", "AZE", "112"), _event("AZE", "ARM", "190", "claimed", "ARM")]}
    )
    for prf in (scores.root, scores.code):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
    assert scores.modality_accuracy == 1.0
    assert scores.misses == ()


def test_evaluate_missing_event_lowers_recall_only() -> None:
    scores = score_events([_sentence("s1", ACCUSE, CLAIM)], {"s1": [_event("ARM", "AZE", "112")]})
    assert scores.root.precision == 1.0
    assert scores.root.recall == 0.5
    assert scores.root.f1 == pytest.approx(2 / 3)
    assert [(m.kind, m.gold) for m in scores.misses] == [("missed", "AZE->ARM 190 claimed by ARM")]


def test_evaluate_sentence_without_prediction_counts_as_empty() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {})
    assert (scores.root.correct, scores.root.predicted, scores.root.gold) == (0, 0, 1)
    assert scores.root.precision == 0.0 and scores.root.recall == 0.0


def test_evaluate_spurious_event_lowers_precision_only() -> None:
    gold = [_sentence("s1", ACCUSE), _sentence("neg")]
    predicted = {"s1": [_event("ARM", "AZE", "112")], "neg": [_event("RUS", "UKR", "190")]}
    scores = score_events(gold, predicted)
    assert scores.root.precision == 0.5
    assert scores.root.recall == 1.0
    assert [(m.sentence_id, m.kind) for m in scores.misses] == [("neg", "spurious")]


def test_evaluate_wrong_leaf_counts_at_root_not_at_code() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {"s1": [_event("ARM", "AZE", "111")]})
    assert scores.root.f1 == 1.0
    assert scores.code.f1 == 0.0
    assert [m.kind for m in scores.misses] == ["wrong_code"]


def test_evaluate_wrong_root_counts_nowhere() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {"s1": [_event("ARM", "AZE", "120")]})
    assert scores.root.correct == 0 and scores.code.correct == 0
    assert sorted(m.kind for m in scores.misses) == ["missed", "spurious"]


def test_evaluate_reversed_dyad_does_not_match() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {"s1": [_event("AZE", "ARM", "112")]})
    assert scores.root.correct == 0


def test_evaluate_compound_target_needs_one_event_per_pair() -> None:
    appeal_arm = GoldEvent(source="CSTO", target="ARM", cameo="0256")
    appeal_aze = GoldEvent(source="CSTO", target="AZE", cameo="0256")
    gold = [_sentence("s1", appeal_arm, appeal_aze)]
    one = score_events(gold, {"s1": [_event("CSTO", "ARM", "0256")]})
    both = score_events(
        gold, {"s1": [_event("CSTO", "AZE", "0256"), _event("CSTO", "ARM", "0256")]}
    )
    twice = score_events(
        gold, {"s1": [_event("CSTO", "ARM", "0256"), _event("CSTO", "ARM", "0256")]}
    )
    assert one.root.recall == 0.5 and one.root.precision == 1.0
    assert both.root.f1 == 1.0
    assert twice.root.correct == 1 and twice.root.precision == 0.5


def test_evaluate_party_codes_compare_case_insensitively() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {"s1": [_event("arm", "aze", "112")]})
    assert scores.root.correct == 1


def test_evaluate_modality_measured_on_matches() -> None:
    gold = [_sentence("s1", ACCUSE, CLAIM)]
    scores = score_events(gold, {"s1": [_event("ARM", "AZE", "112"), _event("AZE", "ARM", "193")]})
    assert scores.root.f1 == 1.0
    assert scores.code.correct == 1
    assert (scores.modality_correct, scores.modality_pairs) == (1, 2)
    assert scores.modality_accuracy == 0.5
    assert sorted(m.kind for m in scores.misses) == ["modality", "wrong_code"]


def test_evaluate_pairs_same_code_first() -> None:
    gold = [
        _sentence(
            "s1",
            GoldEvent(source="RUS", target="UKR", cameo="190"),
            GoldEvent(source="RUS", target="UKR", cameo="195"),
        )
    ]
    scores = score_events(gold, {"s1": [_event("RUS", "UKR", "195"), _event("RUS", "UKR", "190")]})
    assert scores.code.correct == 2
    assert scores.misses == ()


def test_evaluate_scores_by_root() -> None:
    gold = [_sentence("s1", ACCUSE, CLAIM)]
    scores = score_events(gold, {"s1": [_event("ARM", "AZE", "112"), _event("RUS", "UKR", "190")]})
    assert set(scores.by_root) == {"11", "19"}
    assert scores.by_root["11"].f1 == 1.0
    assert (
        scores.by_root["19"].correct,
        scores.by_root["19"].predicted,
        scores.by_root["19"].gold,
    ) == (0, 1, 1)


def test_evaluate_table_and_misses_render() -> None:
    scores = score_events([_sentence("s1", ACCUSE)], {"s1": [_event("ARM", "AZE", "111")]})
    table = format_scores(scores)
    assert "dyad+root" in table and "dyad+code" in table
    assert "modality accuracy 1.000 on 1 dyad+root matches" in table
    assert (
        format_misses(scores)
        == "s1            wrong_code gold ARM->AZE 112 asserted | got ARM->AZE 111 asserted"
    )


def _events_line(event: str) -> str:
    return '{"id": "x", "text": "t", "events": [' + event + "]}"


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {
        "id": "a",
        "text": "Armenia accused Azerbaijan.",
        "published": "2020-09-28",
        "events": [
            {
                "source": "ARM",
                "target": "AZE",
                "cameo": "112",
                "modality": "asserted",
                "reported_by": None,
            }
        ],
        "note": None,
    }
)


def test_evaluate_load_gold_reads_records(tmp_path: Path) -> None:
    negative = json.dumps({"id": "b", "text": "Nothing happened.", "published": None, "events": []})
    sentences = load_gold(_write(tmp_path, GOOD, "", negative))
    assert [s.id for s in sentences] == ["a", "b"]
    assert sentences[0].published == date(2020, 9, 28)
    assert sentences[0].events == (GoldEvent(source="ARM", target="AZE", cameo="112"),)
    assert sentences[1].events == () and sentences[1].line == 3


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "must be a JSON object"),
        (
            _events_line('{"source": "ARM", "target": "AZE", "cameo": 112}'),
            "'cameo' must be a code string",
        ),
        (
            _events_line(
                '{"source": "ARM", "target": "AZE", "cameo": "0256", "modality": "maybe"}'
            ),
            "'modality' must be one of",
        ),
        (
            '{"id": "x", "text": "t", "published": "29/09/2020", "events": []}',
            "'published' must be YYYY-MM-DD",
        ),
        ('{"id": "x", "text": "", "events": []}', "'text' must be a non-empty string"),
        ('{"id": "x", "text": "t"}', "'events' must be a list"),
        (
            _events_line('{"source": null, "target": null, "cameo": "190"}'),
            "needs a source or a target",
        ),
        ('{"id": "a", "text": "t", "events": []}', "id 'a' is used twice"),
    ],
)
def test_evaluate_load_gold_bad_line_names_file_and_line(
    tmp_path: Path, bad: str, problem: str
) -> None:
    path = _write(tmp_path, GOOD, bad)
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert str(err.value).startswith(f"{path}:2: ")
    assert problem in str(err.value)


def test_evaluate_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the gold file"):
        load_gold(tmp_path / "absent.jsonl")


def test_evaluate_cli_reports_bad_gold_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD, "{not json")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}:2: not JSON")


@pytest.fixture(scope="module")
def gold_set() -> list[GoldSentence]:
    return load_gold(GOLD)


def test_evaluate_gold_set_is_large_enough(gold_set: list[GoldSentence]) -> None:
    assert len(gold_set) >= 260
    assert sum(1 for s in gold_set if not s.events) >= 15


def test_evaluate_gold_set_codes_exist_in_cameo(gold_set: list[GoldSentence]) -> None:
    table = load_cameo()
    unknown = [(s.id, e.cameo) for s in gold_set for e in s.events if e.cameo not in table]
    assert unknown == []


def test_evaluate_gold_set_covers_every_root(gold_set: list[GoldSentence]) -> None:
    per_root = Counter({root: 0 for root in load_cameo().roots()})
    for sentence in gold_set:
        for root in {e.root for e in sentence.events}:
            per_root[root] += 1
    thin = {root: n for root, n in per_root.items() if n < 8}
    assert thin == {}


def test_evaluate_gold_set_covers_modalities(gold_set: list[GoldSentence]) -> None:
    modalities = Counter(e.modality for s in gold_set for e in s.events)
    assert modalities["claimed"] >= 15
    assert modalities["intended"] >= 8
    assert modalities["negated"] >= 8
    claimed = [e for s in gold_set for e in s.events if e.modality == "claimed"]
    assert sum(1 for e in claimed if e.reported_by) >= 0.8 * len(claimed)


def test_evaluate_gold_set_dates_are_published(gold_set: list[GoldSentence]) -> None:
    assert all(s.published is not None for s in gold_set)


def test_evaluate_gold_set_intent_codes_carry_intent(gold_set: list[GoldSentence]) -> None:
    wrong = [
        (s.id, e.cameo, e.modality)
        for s in gold_set
        for e in s.events
        if e.root == "03" and e.modality not in {"intended", "hypothetical"}
    ]
    assert wrong == []


def test_evaluate_gold_set_reported_by_only_on_claims(gold_set: list[GoldSentence]) -> None:
    wrong = [
        (s.id, e.cameo)
        for s in gold_set
        for e in s.events
        if e.reported_by and e.modality not in {"claimed", "negated"}
    ]
    assert wrong == []


def test_evaluate_cli_runs_pipeline_and_prints_table(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        GOOD,
        json.dumps(
            {
                "id": "b",
                "text": "Mali is a landlocked country.",
                "published": "2024-01-01",
                "events": [],
            }
        ),
    )
    result = CliRunner().invoke(main, ["eval", str(path), "-v"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "gold sentences: 2"
    assert lines[2].split()[:2] == ["dyad+root", "1"]
    assert lines[3].split()[:2] == ["dyad+code", "1"]
