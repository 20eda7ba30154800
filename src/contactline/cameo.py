"""The CAMEO 1.1b3 event code reference: names, Goldstein scores, QuadClass and PLOVER types.

The reference lives in three data files under ``data/cameo/`` (their format and sources
are described in that folder's README.md):

    codes.tsv          code <TAB> Goldstein value <TAB> official short name
    quad_classes.tsv   root <TAB> QuadClass (1-4) <TAB> label
    plover.tsv         code prefix <TAB> PLOVER event type <TAB> why

``load_cameo()`` reads and checks them and returns a :class:`CameoTable`; a malformed
line raises :class:`~contactline.errors.DictionaryError` naming ``path:line``.

Example:
    >>> table = load_cameo()
    >>> table.get("0256").name
    'Appeal for de-escalation of military engagement'
    >>> table.get("0256").plover, table.get("0256").quad_class
    ('REQUEST', 1)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from types import MappingProxyType

from contactline.errors import DictionaryError

PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
        "OTHER",
    }
)
"""PLOVER's sixteen event types, plus ``OTHER`` for CAMEO 01 statements."""

QUAD_LABELS: Mapping[int, str] = MappingProxyType(
    {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
)

_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    """One CAMEO event code with everything that follows from it.

    ``code`` is a string with its leading zero (``"0256"``); ``root`` is its first two
    characters (``"02"``).
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    root: str

    @property
    def level(self) -> int:
        """Return 1 for a root (``"02"``), 2 for a three-digit code, 3 for a four-digit one."""
        return len(self.code) - 1

    @property
    def parent(self) -> str | None:
        """Return the code one level up (``"025"`` for ``"0256"``), or ``None`` for a root."""
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True, slots=True)
class CameoTable:
    """The loaded CAMEO reference, looked up by code string."""

    entries: Mapping[str, CameoCode]

    def get(self, code: str) -> CameoCode | None:
        """Return the entry for ``code`` (e.g. ``"0256"``), or ``None`` if CAMEO has no such code.

        Args:
            code: A CAMEO code as a string with its leading zero; ``"256"`` is not ``"0256"``.

        Returns:
            The entry, or ``None``.
        """
        return self.entries.get(code)

    def root(self, code: str) -> CameoCode | None:
        """Return the root entry (two digits) of ``code``, or ``None`` if ``code`` is unknown."""
        if code not in self.entries:
            return None
        return self.entries[code[:2]]

    def codes(self) -> tuple[str, ...]:
        """Return every code in the reference, roots first within each family, in file order."""
        return tuple(self.entries)

    def roots(self) -> tuple[str, ...]:
        """Return the twenty root codes ``"01"`` to ``"20"``."""
        return tuple(code for code in self.entries if len(code) == 2)

    def __contains__(self, code: object) -> bool:
        return code in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self.entries.values())


def load_cameo(directory: Path | None = None) -> CameoTable:
    """Read and check the CAMEO reference.

    Args:
        directory: The folder holding ``codes.tsv``, ``quad_classes.tsv`` and ``plover.tsv``;
            the packaged ``data/cameo`` by default.

    Returns:
        The table of every code.

    Raises:
        DictionaryError: A line is malformed, a code lacks its parent, a root lacks a
            QuadClass or a PLOVER type.
    """
    if directory is None:
        with as_file(files("contactline") / "data" / "cameo") as packaged:
            return _load(Path(packaged))
    return _load(directory)


def _load(directory: Path) -> CameoTable:
    quads = _read_quads(directory / "quad_classes.tsv")
    prefixes = _read_plover(directory / "plover.tsv")
    path = directory / "codes.tsv"
    entries: dict[str, CameoCode] = {}
    for line_no, fields in _rows(path):
        if len(fields) != 3:
            raise DictionaryError(
                str(path), line_no, f"expected 3 tab-separated fields, got {len(fields)}"
            )
        code, score_text, name = fields
        _check_code(path, line_no, code)
        if code in entries:
            raise DictionaryError(str(path), line_no, f"code {code} is listed twice")
        if len(code) > 2 and code[:2] not in entries:
            raise DictionaryError(
                str(path), line_no, f"code {code} comes before its root {code[:2]}"
            )
        if len(code) == 4 and code[:3] not in entries:
            raise DictionaryError(
                str(path), line_no, f"code {code} has no parent {code[:3]} listed before it"
            )
        if not name.strip():
            raise DictionaryError(str(path), line_no, f"code {code} has no name")
        root = code[:2]
        if root not in quads:
            raise DictionaryError(
                str(path), line_no, f"root {root} has no QuadClass in quad_classes.tsv"
            )
        plover = _plover_for(code, prefixes)
        if plover is None:
            raise DictionaryError(
                str(path), line_no, f"code {code} matches no prefix in plover.tsv"
            )
        entries[code] = CameoCode(
            code=code,
            name=name.strip(),
            goldstein=_score(path, line_no, score_text),
            quad_class=quads[root],
            plover=plover,
            root=root,
        )
    if not entries:
        raise DictionaryError(str(path), 1, "no CAMEO codes found")
    return CameoTable(MappingProxyType(entries))


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, tab-separated fields)`` for each non-blank, non-comment line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot be read ({exc.strerror})") from exc
    for line_no, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield line_no, line.split("\t")


def _check_code(path: Path, line_no: int, code: str) -> None:
    if not _CODE.fullmatch(code):
        raise DictionaryError(
            str(path),
            line_no,
            f"{code!r} is not a CAMEO code (2 to 4 digits with leading zero, e.g. '0256')",
        )
    if not 1 <= int(code[:2]) <= 20:
        raise DictionaryError(str(path), line_no, f"code {code} has root {code[:2]}, outside 01-20")


def _score(path: Path, line_no: int, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise DictionaryError(
            str(path), line_no, f"Goldstein value {text!r} is not a number"
        ) from None
    if not -10.0 <= value <= 10.0:
        raise DictionaryError(str(path), line_no, f"Goldstein value {value} is outside [-10, 10]")
    return value


def _read_quads(path: Path) -> dict[str, int]:
    quads: dict[str, int] = {}
    for line_no, fields in _rows(path):
        if len(fields) < 2:
            raise DictionaryError(str(path), line_no, "expected root <TAB> QuadClass <TAB> label")
        root, quad = fields[0], fields[1]
        _check_code(path, line_no, root)
        if len(root) != 2:
            raise DictionaryError(str(path), line_no, f"{root!r} is not a two-digit CAMEO root")
        if quad not in {"1", "2", "3", "4"}:
            raise DictionaryError(
                str(path), line_no, f"QuadClass {quad!r} is not one of 1, 2, 3, 4"
            )
        quads[root] = int(quad)
    return quads


def _read_plover(path: Path) -> dict[str, str]:
    prefixes: dict[str, str] = {}
    for line_no, fields in _rows(path):
        if len(fields) < 2:
            raise DictionaryError(str(path), line_no, "expected prefix <TAB> PLOVER type <TAB> why")
        prefix, plover = fields[0], fields[1].strip()
        _check_code(path, line_no, prefix)
        if plover not in PLOVER_TYPES:
            raise DictionaryError(
                str(path),
                line_no,
                f"{plover!r} is not a PLOVER type; use one of {', '.join(sorted(PLOVER_TYPES))}",
            )
        if prefix in prefixes:
            raise DictionaryError(str(path), line_no, f"prefix {prefix} is listed twice")
        prefixes[prefix] = plover
    return prefixes


def _plover_for(code: str, prefixes: Mapping[str, str]) -> str | None:
    """Return the PLOVER type of the longest prefix of ``code`` in the crosswalk."""
    for length in range(len(code), 1, -1):
        if code[:length] in prefixes:
            return prefixes[code[:length]]
    return None
