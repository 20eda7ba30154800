"""Readers: every input kind, and every kind of bad input, named by file and line."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from contactline.errors import InputError
from contactline.ingest import MAX_BYTES, decode_text, read_file, read_paths
from contactline.records import RawDocument


def _one(path: Path) -> RawDocument | InputError:
    items = list(read_file(path))
    assert len(items) == 1
    return items[0]


def test_ingest_reads_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kyiv said on Monday that Russian forces shelled Kharkiv.\n", encoding="utf-8")
    doc = _one(path)
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("Kyiv said") and doc.notes == ()


def test_ingest_removes_bom_and_folds_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffLine one.\r\nLine two.\r\n".encode("utf-8"))
    doc = _one(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "Line one.\nLine two.\n"
    assert any("byte order mark" in n for n in doc.notes)
    assert any("CRLF" in n for n in doc.notes)


def test_ingest_falls_back_to_windows_1252_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The minister\x92s caf\xe9 talks \x93ended\x94.".encode("latin-1"))
    doc = _one(path)
    assert isinstance(doc, RawDocument)
    assert "minister\u2019s café talks \u201cended\u201d" in doc.text
    assert any("Windows-1252" in n for n in doc.notes)


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_ingest_rejects_empty_and_binary_files(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = _one(path)
    assert isinstance(error, InputError)
    assert str(path) in str(error) and problem in str(error)


def test_ingest_rejects_a_huge_file_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    error = _one(path)
    assert isinstance(error, InputError)
    assert "50.0 MB" in str(error) and str(path) in str(error)
    assert MAX_BYTES < 50_000_000


def test_ingest_directory_reads_articles_and_goes_on_past_an_unreadable_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    (tmp_path / "expected.json").write_text('{"not": "an article"}', encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    items = list(read_paths([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.text for d in docs] == ["First article text.", "Second article text."]
    assert len(errors) == 1 and "broken.txt" in str(errors[0])


def test_ingest_missing_path_is_an_error(tmp_path: Path) -> None:
    (error,) = list(read_paths([str(tmp_path / "nope.txt")]))
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_ingest_jsonl_reads_fields_and_names_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": "Sudan's army said it repelled an RSF attack.",
                "url": "https://ex.org/1",
                "title": "Army repels attack",
                "published": "2023-05-02",
                "source": "Reuters",
            }
        ),
        "{not json",
        json.dumps({"id": "x2", "text": "Mali's junta expelled the French ambassador."}),
        json.dumps({"id": "x3"}),
        json.dumps({"text": "Some text.", "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    first, bad, second, missing, bad_date = items
    assert isinstance(first, RawDocument)
    assert (first.origin, first.title, first.published, first.source) == (
        "https://ex.org/1",
        "Army repels attack",
        date(2023, 5, 2),
        "Reuters",
    )
    assert isinstance(second, RawDocument) and second.origin == f"{path}:3"
    assert isinstance(bad, InputError) and f"{path}:2" in str(bad) and "not JSON" in str(bad)
    assert (
        isinstance(missing, InputError) and f"{path}:4" in str(missing) and "'text'" in str(missing)
    )
    assert isinstance(bad_date, InputError) and "ISO date" in str(bad_date)


def test_ingest_html_page_gives_text_and_title(tmp_path: Path) -> None:
    body = " ".join(["The ceasefire between the two sides held overnight, officials said."] * 6)
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Ceasefire holds</title>"
        '<meta property="og:title" content="Ceasefire holds in the east">'
        '<meta name="date" content="2024-02-03"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>All news</a></nav>"
        f"<article><h1>Ceasefire holds in the east</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    doc = _one(path)
    assert isinstance(doc, RawDocument)
    assert "ceasefire between the two sides held" in doc.text
    assert "Copyright" not in doc.text
    assert doc.title == "Ceasefire holds in the east"
    assert doc.published == date(2024, 2, 3)


def test_ingest_decode_text_keeps_valid_utf8_untouched() -> None:
    text, notes = decode_text("Nagorno-Karabakh — “quoted”".encode(), "x")
    assert text == "Nagorno-Karabakh — “quoted”" and notes == ()
