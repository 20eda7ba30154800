"""Read articles from files, directories, JSON Lines exports, web pages and stdin.

Each reader yields :class:`~contactline.records.RawDocument` objects, or a
:class:`~contactline.errors.InputError` naming the file (and line) that could not be
read, so that a batch goes on past a bad input:

- plain text: UTF-8 with or without a BOM, CRLF and CR line ends folded to LF; bytes
  that are not UTF-8 are decoded as Windows-1252 and the fallback is noted;
- HTML (``.html``/``.htm``, or text that starts like a page): main text and metadata
  by trafilatura;
- JSON Lines (``.jsonl``): one article per line with ``text`` and optionally ``id`` or
  ``url``, ``title``, ``published`` (ISO date) and ``source``;
- a directory: every article file below it (text, HTML and JSON Lines suffixes, or no
  suffix), in sorted order; other files (``.json``, images, code) are passed over;
- ``-``: standard input, read as plain text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from contactline.errors import InputError
from contactline.records import RawDocument

MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_BINARY_SAMPLE = 4096


def read_paths(paths: Iterable[str]) -> Iterator[RawDocument | InputError]:
    """Yield the documents of every path (files, directories, ``-`` for stdin) in order.

    Args:
        paths: file or directory paths as the user gave them.

    Yields:
        A RawDocument per article, or an InputError for what could not be read.
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path)
        elif path.exists():
            yield from read_file(path, origin=name)
        else:
            yield InputError(name, "no such file or directory")


def _read_stdin() -> Iterator[RawDocument | InputError]:
    data = sys.stdin.buffer.read()
    try:
        yield _text_document("-", data)
    except InputError as exc:
        yield exc


def _read_directory(root: Path) -> Iterator[RawDocument | InputError]:
    for path in sorted(root.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        yield from read_file(path, origin=str(path))


def read_file(path: Path, *, origin: str | None = None) -> Iterator[RawDocument | InputError]:
    """Yield the documents of one file, chosen by its suffix and content.

    Args:
        path: the file.
        origin: the name to report (defaults to the path).

    Yields:
        RawDocuments, or InputErrors naming the file and line.
    """
    origin = origin or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                origin,
                f"file is {size / 1e6:.1f} MB, larger than the {MAX_BYTES / 1e6:.0f} MB an "
                "article may be; split it or pass it as JSON Lines",
            )
        data = path.read_bytes()
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(origin, f"cannot be read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(data, origin=origin)
        elif suffix in HTML_SUFFIXES or _looks_like_html(data):
            yield read_html(data, origin=origin)
        else:
            yield _text_document(origin, data)
    except InputError as exc:
        yield exc


def decode_text(data: bytes, origin: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes of an article to text with LF line ends, noting what was repaired.

    Args:
        data: the raw bytes.
        origin: the file name, for messages.

    Returns:
        The text and a tuple of notes (BOM removed, CRLF folded, Windows-1252 fallback).

    Raises:
        InputError: for an empty or binary file.
    """
    notes: list[str] = []
    if not data.strip():
        raise InputError(origin, "file is empty")
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputError(origin, "file is binary (it contains NUL bytes), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("UTF-8 byte order mark removed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        notes.append(f"not valid UTF-8 (byte {exc.start}): decoded as Windows-1252")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("CRLF line ends folded to LF")
    if _control_share(text) > 0.05:
        raise InputError(origin, "file looks binary (too many control characters), not an article")
    return text, tuple(notes)


def _control_share(text: str) -> float:
    sample = text[:_BINARY_SAMPLE]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
    return bad / max(1, len(sample))


def _text_document(origin: str, data: bytes) -> RawDocument:
    text, notes = decode_text(data, origin)
    return RawDocument(origin=origin, text=text, notes=notes)


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_html(data: bytes, *, origin: str) -> RawDocument:
    """Extract the article text and metadata of a saved web page with trafilatura.

    Raises:
        InputError: when the page holds no article text.
    """
    import trafilatura

    html, notes = decode_text(data, origin)
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text:
        raise InputError(origin, "no article text found in the HTML page")
    published = _parse_date(getattr(extracted, "date", None))
    return RawDocument(
        origin=origin,
        text=text,
        title=getattr(extracted, "title", None) or None,
        published=published,
        source=getattr(extracted, "sitename", None) or None,
        external_id=getattr(extracted, "url", None) or None,
        notes=notes + ("text extracted from HTML",),
    )


def read_jsonl(data: bytes, *, origin: str) -> Iterator[RawDocument | InputError]:
    """Yield one document per JSON Lines record; a bad line is an error, the rest go on.

    Each record needs ``text``; ``id`` or ``url``, ``title``, ``published`` (an ISO date)
    and ``source`` are taken when present and win over what is read from the text.
    """
    text, _ = decode_text(data, origin)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, origin, number)
        except InputError as exc:
            yield exc


def _jsonl_record(line: str, origin: str, number: int) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not JSON: {exc.msg} (column {exc.colno})", line=number) from exc
    if not isinstance(record, dict):
        raise InputError(origin, "a record must be a JSON object", line=number)
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(origin, "the record has no 'text' string", line=number)
    published = record.get("published")
    parsed = _parse_date(published)
    if published and parsed is None:
        raise InputError(
            origin, f"'published' must be an ISO date (YYYY-MM-DD), not {published!r}", line=number
        )
    ident = record.get("id") or record.get("url")
    return RawDocument(
        origin=str(record.get("url") or f"{origin}:{number}"),
        text=body.replace("\r\n", "\n").replace("\r", "\n"),
        title=_clean(record.get("title")),
        published=parsed,
        source=_clean(record.get("source")),
        external_id=str(ident) if ident is not None else None,
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
