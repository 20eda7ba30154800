"""Tests of the CAMEO reference: the packaged tables and the loader's checks."""

from __future__ import annotations

import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from contactline.cameo import PLOVER_TYPES, CameoTable, load_cameo
from contactline.errors import DictionaryError


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return load_cameo()


@pytest.fixture
def cameo_dir(tmp_path: Path) -> Path:
    """A writable copy of the packaged data folder."""
    with as_file(files("contactline") / "data" / "cameo") as packaged:
        shutil.copytree(packaged, tmp_path / "cameo")
    return tmp_path / "cameo"


def _replace_line(path: Path, startswith: str, new: str) -> int:
    """Replace the first line starting with ``startswith``; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith(startswith):
            lines[i] = new
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return i + 1
    raise AssertionError(f"no line starts with {startswith!r}")


def test_cameo_has_twenty_roots_and_every_code(table: CameoTable) -> None:
    assert table.roots() == tuple(f"{r:02d}" for r in range(1, 21))
    assert len(table) == 311
    assert table.codes()[:3] == ("01", "010", "011")


def test_cameo_codes_keep_leading_zeros(table: CameoTable) -> None:
    entry = table.get("0256")
    assert entry is not None
    assert entry.name == "Appeal for de-escalation of military engagement"
    assert entry.root == "02" and entry.parent == "025" and entry.level == 3
    assert table.get("256") is None
    assert table.get("2") is None


def test_cameo_every_code_has_root_and_parent(table: CameoTable) -> None:
    for entry in table:
        assert isinstance(entry.code, str) and entry.code.isdigit() and 2 <= len(entry.code) <= 4
        assert entry.root in table
        assert table.root(entry.code) == table.get(entry.root)
        if len(entry.code) == 4:
            assert entry.code[:3] in table, entry.code


def test_cameo_scores_within_goldstein_range(table: CameoTable) -> None:
    assert all(-10.0 <= entry.goldstein <= 10.0 for entry in table)
    assert table.get("0874").goldstein == 10.0
    assert table.get("1823").goldstein == -10.0
    assert table.get("057").goldstein == 8.0
    assert table.get("0256").goldstein == -0.3


@pytest.mark.parametrize(
    ("roots", "quad"),
    [(range(1, 6), 1), (range(6, 10), 2), (range(10, 15), 3), (range(15, 21), 4)],
)
def test_cameo_quad_class_by_root(table: CameoTable, roots: range, quad: int) -> None:
    for root in roots:
        family = [e for e in table if e.root == f"{root:02d}"]
        assert family and all(e.quad_class == quad for e in family)


def test_cameo_every_root_has_plover_type(table: CameoTable) -> None:
    for root in table.roots():
        assert table.get(root).plover in PLOVER_TYPES
    assert {entry.plover for entry in table} <= PLOVER_TYPES


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("010", "OTHER"),
        ("016", "OTHER"),
        ("0256", "REQUEST"),
        ("1056", "REQUEST"),
        ("0334", "AGREE"),
        ("046", "CONSULT"),
        ("057", "SUPPORT"),
        ("062", "COOPERATE"),
        ("074", "AID"),
        ("081", "CONCEDE"),
        ("0831", "CONCEDE"),
        ("0814", "RETREAT"),
        ("0841", "RETREAT"),
        ("0871", "RETREAT"),
        ("093", "ACCUSE"),
        ("112", "ACCUSE"),
        ("125", "REJECT"),
        ("1384", "THREATEN"),
        ("141", "PROTEST"),
        ("154", "MOBILIZE"),
        ("161", "SANCTION"),
        ("163", "COERCE"),
        ("1724", "COERCE"),
        ("1712", "ASSAULT"),
        ("175", "ASSAULT"),
        ("186", "ASSAULT"),
        ("191", "COERCE"),
        ("192", "COERCE"),
        ("195", "ASSAULT"),
        ("2041", "ASSAULT"),
    ],
)
def test_cameo_plover_crosswalk(table: CameoTable, code: str, plover: str) -> None:
    assert table.get(code).plover == plover


def test_cameo_root_of_unknown_code_is_none(table: CameoTable) -> None:
    assert table.root("0299") is None


def test_cameo_copy_of_data_loads(cameo_dir: Path) -> None:
    assert len(load_cameo(cameo_dir)) == 311


@pytest.mark.parametrize(
    ("prefix", "bad", "problem"),
    [
        ("0256\t", "02x6\t-0.3\tAppeal", "not a CAMEO code"),
        ("0256\t", "0256\t-12.0\tAppeal", "outside [-10, 10]"),
        ("0256\t", "0256\tlow\tAppeal", "is not a number"),
        ("0256\t", "0256\t-0.3", "expected 3 tab-separated fields"),
        ("0256\t", "0256\t-0.3\t ", "has no name"),
        # 026 comes after the 025x codes, so a 026x in their place has no parent yet
        ("0256\t", "0266\t-0.3\tAppeal", "has no parent 026"),
        ("0256\t", "0255\t-0.3\tAppeal", "listed twice"),
        ("0256\t", "2156\t-0.3\tAppeal", "outside 01-20"),
    ],
)
def test_cameo_malformed_code_line_names_path_and_line(
    cameo_dir: Path, prefix: str, bad: str, problem: str
) -> None:
    path = cameo_dir / "codes.tsv"
    line = _replace_line(path, prefix, bad)
    with pytest.raises(DictionaryError) as err:
        load_cameo(cameo_dir)
    assert err.value.line == line
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert problem in str(err.value)


def test_cameo_unknown_plover_type_is_rejected(cameo_dir: Path) -> None:
    path = cameo_dir / "plover.tsv"
    line = _replace_line(path, "19\t", "19\tFIGHT\tolder PLOVER name")
    with pytest.raises(DictionaryError, match=r"'FIGHT' is not a PLOVER type") as err:
        load_cameo(cameo_dir)
    assert err.value.line == line


def test_cameo_root_without_plover_type_is_rejected(cameo_dir: Path) -> None:
    path = cameo_dir / "plover.tsv"
    _replace_line(path, "14\t", "# 14 removed")
    with pytest.raises(DictionaryError, match=r"code 14 matches no prefix in plover.tsv"):
        load_cameo(cameo_dir)


def test_cameo_root_without_quad_class_is_rejected(cameo_dir: Path) -> None:
    _replace_line(cameo_dir / "quad_classes.tsv", "07\t", "# 07 removed")
    with pytest.raises(DictionaryError, match=r"root 07 has no QuadClass"):
        load_cameo(cameo_dir)


def test_cameo_bad_quad_class_is_rejected(cameo_dir: Path) -> None:
    path = cameo_dir / "quad_classes.tsv"
    line = _replace_line(path, "07\t", "07\t5\tmaterial cooperation")
    with pytest.raises(DictionaryError, match=r"QuadClass '5' is not one of") as err:
        load_cameo(cameo_dir)
    assert err.value.line == line
