"""Read a document's metadata from its text: date line, navigation, headline, dateline.

Wire copy saved from a site starts with lines that are not the story: a ``date
2020-09-29`` line, site navigation ("All news"), the headline. The story often opens
with an agency dateline that names the place, the agency and a day without a year:

    MOSCOW, March 31. /TASS/.          KYIV, Ukraine (AP) —        (Reuters) -
    Paris (AFP) -                      MOSCOW. Nov 24 (Interfax) -
    STEPANAKERT, OCTOBER 26, ARMENPRESS.

The steps, in order:

1. Drop a leading ``date YYYY-MM-DD`` (or ``Published: <date>``) line from the body and
   take the date as published.
2. Drop navigation lines at either end (a closed list of site chrome) and credit lines
   at the end ("(Reporting by ...; Editing by ...)", "X contributed to this report.").
   Date lines in other forms ("Published: March 12, 2024", "12 March 2024 10:32 GMT")
   and bylines ("By Jane Doe") before or after the headline are dropped too; the first
   such date is the publication date when no other was given.
3. Take a short first line without final punctuation, followed by more text, as the
   headline.
4. Find a dateline at the start of one of the first paragraphs: place, agency, day.
5. Give a dateline day its year: the years the text itself allows (not before the
   latest year it mentions, never after today), narrowed by a weekday the lede names
   ("said on Friday": the day of the dateline is a Friday); the latest year left wins.
   When the text names no year and no recent year fits the weekday, the weekday wins
   over recency: the latest fitting year of the last eleven.
6. Leave a paragraph that repeats an earlier one (the lede repeated in the body) out of
   the analysed body, keeping the first.

Caller-given metadata (JSON Lines fields, CLI flags) wins over all of this.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from contactline.dedup import document_id, normalise
from contactline.records import Document, RawDocument, Span, TimeExpr

NAVIGATION = frozenset(
    line.lower()
    for line in (
        "All news",
        "News",
        "Latest news",
        "Top news",
        "Home",
        "Menu",
        "Share",
        "Print",
        "Read more",
        "Read also",
        "See also",
        "Related",
        "Related news",
        "Subscribe",
        "Advertisement",
        "Skip to content",
        "Skip to main content",
        "Back to top",
        "Comments",
        "More news",
        "Most read",
        "Trending",
        "Follow us",
        "Newsletter",
    )
)

AGENCIES = {
    "tass": "TASS",
    "ap": "AP",
    "associated press": "AP",
    "reuters": "Reuters",
    "afp": "AFP",
    "interfax": "Interfax",
    "armenpress": "ARMENPRESS",
    "apa": "APA",
    "trend": "Trend",
    "xinhua": "Xinhua",
    "ria novosti": "RIA Novosti",
    "ria": "RIA Novosti",
    "sputnik": "Sputnik",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "unian": "UNIAN",
    "ukrinform": "Ukrinform",
    "dpa": "dpa",
    "bloomberg": "Bloomberg",
    "pti": "PTI",
    "ians": "IANS",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "azertac": "AZERTAC",
    "news.am": "news.am",
    "upi": "UPI",
    "kuna": "KUNA",
    "wafa": "WAFA",
    "irna": "IRNA",
    "mena": "MENA",
    "sana": "SANA",
    "petra": "Petra",
    "apa-ria": "APA",
}

_MONTH = (
    r"(?P<month>(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?"
)
_PLACE = r"(?P<place>(?:St\.\s)?[A-Z][A-Za-z'’\-]*(?:[ \-][A-Z][A-Za-z'’\-]*){0,3})"
_REGION = r"(?:,\s(?P<region>[A-Z][a-z]+(?:\s(?:of|the|and|[A-Z][a-z]+)){0,4}))?"
_DAY = rf"(?:[,.]\s{_MONTH}\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?"
_AGENCY = (  # an agency is a word of its own: 'The MNDAA said' holds no 'AA' (Anadolu)
    r"(?<![A-Za-z])(?:/(?P<a1>[A-Za-z.\- ]{2,20})/|\((?P<a2>[A-Za-z.\- ]{2,20})\)|"
    r"(?P<a3>[A-Z][A-Za-z.\-]{1,19})(?![A-Za-z]))"
)
DATELINE = re.compile(rf"(?:{_PLACE}{_REGION}{_DAY}[,.]?\s?)?{_AGENCY}\s?[.:]?\s?[—–\-]*\s*")
_DATE_LINE = re.compile(
    r"\s*(?:date|published|posted|updated)\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE
)
_MONTH_WORD = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_LOOSE_DATE_LINE = re.compile(
    r"(?i:(?:published|posted|updated|last updated|date)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_WORD})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_WORD})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))"
    r"(?:[ ,T|at-]+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*"
    r"(?:[A-Z]{2,4}|UTC|GMT)?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?\s*"
)
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_BYLINE = re.compile(
    rf"By\s+{_NAME}(?:\s*(?:,|and|&)\s+{_NAME})*(?:\s*[,|/]\s*[\w .,'’-]{{0,60}})?"
)
_TRAILER = re.compile(
    r"\((?:(?:Additional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled)\s+by\b[^()]*\)"
    r"|[A-Z][^.\n]{0,120}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story)\.?"
)
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_END_PUNCT = tuple(".!?\"”’'…:")
MAX_HEADLINE_WORDS = 25
# A month and day fall on each weekday at least once in any 11 consecutive years.
WEEKDAY_LOOKBACK_YEARS = 11


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    """A document with the metadata read from its text, and the dateline's time."""

    document: Document
    times: tuple[TimeExpr, ...]


def read_metadata(raw: RawDocument, *, today: date | None = None) -> Metadata:
    """Read the metadata of ``raw`` from its text and build the Document.

    Args:
        raw: the document as read, with any caller-given metadata.
        today: the latest date a publication may have (defaults to today).

    Returns:
        The Document (caller metadata winning) and the dateline's time expression.
    """
    today = today or date.today()
    text = raw.text
    paragraphs = _paragraphs(text)
    published: date | None = None
    basis: str | None = None
    excluded: list[Span] = []

    if paragraphs and (match := _DATE_LINE.match(text, paragraphs[0].start)):
        published = _iso(match.group(1))
        basis = f"leading date line {match.group(0).strip()!r}"
        excluded.append(Span(paragraphs[0].start, match.end()))
        if match.end() >= paragraphs[0].end:
            paragraphs = paragraphs[1:]
        else:
            paragraphs[0] = Span(match.end(), paragraphs[0].end)

    while paragraphs and _is_navigation(paragraphs[0].text_of(text)):
        excluded.append(paragraphs.pop(0))
    while paragraphs and (
        _is_navigation(paragraphs[-1].text_of(text)) or _is_trailer(paragraphs[-1].text_of(text))
    ):
        excluded.append(paragraphs.pop())

    found = _strip_header_lines(text, paragraphs, excluded)
    title = None
    if len(paragraphs) > 1 and _is_headline(paragraphs[0].text_of(text)):
        title = paragraphs[0].text_of(text).strip()
        excluded.append(paragraphs.pop(0))
    found = found or _strip_header_lines(text, paragraphs, excluded)
    if published is None and found is not None:
        published, basis = found

    dateline = _find_dateline(text, paragraphs[:3])
    times: tuple[TimeExpr, ...] = ()
    place = source = None
    if dateline is not None:
        place, source = dateline.place, dateline.agency
        excluded.append(dateline.span)
        if published is None and dateline.month is not None and dateline.day is not None:
            published, basis = _infer_year(dateline, text, paragraphs, today)
        if dateline.day_span is not None and published is not None:
            times = (
                TimeExpr(
                    text=dateline.day_span.text_of(text),
                    value=published.isoformat(),
                    type="DATE",
                    span=dateline.day_span,
                    rule="dateline",
                ),
            )

    excluded.extend(_repeated_paragraphs(text, paragraphs))
    if raw.published is not None:
        published, basis = raw.published, "given by the caller"
    document = Document(
        id=document_id(text),
        origin=raw.origin,
        text=text,
        body=_body(text, excluded),
        title=raw.title or title,
        published=published,
        published_basis=basis,
        source=raw.source or source,
        dateline=place,
        notes=raw.notes,
    )
    return Metadata(document=document, times=times)


def _paragraphs(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group(0)
        if stripped.strip():
            lead = len(stripped) - len(stripped.lstrip())
            trail = len(stripped) - len(stripped.rstrip())
            spans.append(Span(start + lead, end - trail))
    return spans


def _strip_header_lines(
    text: str, paragraphs: list[Span], excluded: list[Span]
) -> tuple[date, str] | None:
    """Drop leading date lines and bylines; return the first date line's date and basis.

    "Published: March 12, 2024", "12 March 2024", "Updated: 2024-03-12 10:32 GMT" and
    "By Jane Doe" stand between the headline and the story in saved wire copy.
    """
    found: tuple[date, str] | None = None
    while paragraphs:
        line = paragraphs[0].text_of(text).strip()
        day = _loose_date(line)
        if day is None and not _BYLINE.fullmatch(line):
            break
        if day is not None and found is None:
            found = (day, f"date line {line!r}")
        excluded.append(paragraphs.pop(0))
    return found


def _loose_date(line: str) -> date | None:
    match = _LOOSE_DATE_LINE.fullmatch(line)
    if match is None:
        return None
    if match.group("iso"):
        return _iso(match.group("iso"))
    day = match.group("d1") or match.group("d2")
    year = match.group("y1") or match.group("y2")
    month = _month_number(match.group("m1") or match.group("m2"))
    return _safe_date(int(year), month, int(day)) if month else None


def _is_trailer(line: str) -> bool:
    """A credit line closing wire copy: "(Reporting by ...; Editing by ...)"."""
    return bool(_TRAILER.fullmatch(line.strip()))


def _is_navigation(line: str) -> bool:
    return line.strip().lower().rstrip(":») ") in NAVIGATION


def _is_headline(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and not line.endswith(_END_PUNCT)
        and _match_dateline(line, Span(0, len(line))) is None
        and not _DATE_LINE.match(line)
    )


@dataclass(frozen=True, slots=True)
class _Dateline:
    span: Span
    place: str | None
    agency: str
    month: int | None
    day: int | None
    year: int | None
    day_span: Span | None
    paragraph: Span


def _find_dateline(text: str, paragraphs: list[Span]) -> _Dateline | None:
    for paragraph in paragraphs:
        if (dateline := _match_dateline(text, paragraph)) is not None:
            return dateline
    return None


def _match_dateline(text: str, paragraph: Span) -> _Dateline | None:
    match = DATELINE.match(text, paragraph.start, paragraph.end)
    if match is None:
        return None
    agency_text = match.group("a1") or match.group("a2") or match.group("a3") or ""
    agency = AGENCIES.get(agency_text.strip().rstrip(".").lower())
    if agency is None:
        return None
    if match.group("a3") is not None and match.group("place") is None:
        return None  # a bare capitalised word alone opens a sentence, not a dateline
    day = int(match.group("day")) if match.group("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    place = match.group("place")
    day_span = None
    if match.group("month"):
        end = match.end("year") if match.group("year") else match.end("day")
        day_span = Span(match.start("month"), end)
    return _Dateline(
        span=Span(match.start(), match.end()),
        place=place.strip().title() if place else None,
        agency=agency,
        month=_month_number(match.group("month")),
        day=day,
        year=int(match.group("year")) if match.group("year") else None,
        day_span=day_span,
        paragraph=paragraph,
    )


def _month_number(name: str | None) -> int | None:
    if not name:
        return None
    key = name[:3].lower()
    for number in range(1, 13):
        if calendar.month_abbr[number].lower() == key:
            return number
    return None


def _infer_year(
    dateline: _Dateline, text: str, paragraphs: list[Span], today: date
) -> tuple[date | None, str | None]:
    month, day = dateline.month, dateline.day
    assert month is not None and day is not None
    label = f"{calendar.month_name[month]} {day}"
    if dateline.year is not None:
        return _safe_date(dateline.year, month, day), f"dateline '{label}, {dateline.year}'"
    years = [int(y) for y in _YEAR.findall(text) if int(y) <= today.year]
    floor = max(years) if years else today.year - 1
    candidates = [
        y
        for y in range(floor, today.year + 1)
        if (d := _safe_date(y, month, day)) is not None and d <= today
    ]
    if not candidates:
        return None, None
    lede = dateline.paragraph.text_of(text)
    weekdays = set(_WEEKDAY.findall(lede[dateline.span.end - dateline.paragraph.start :]))
    reason = (
        f"dateline '{label}' without a year; not before {floor}, the latest year the text names"
        if years
        else f"dateline '{label}' without a year"
    )
    fitting = [
        y for y in candidates if calendar.day_name[date(y, month, day).weekday()] in weekdays
    ]
    if not fitting and not years and weekdays:
        # No year in the text: the weekday outweighs recency; look back one full cycle.
        fitting = [
            y
            for y in range(today.year - WEEKDAY_LOOKBACK_YEARS, floor)
            if (d := _safe_date(y, month, day)) is not None
            and calendar.day_name[d.weekday()] in weekdays
        ]
    if fitting:
        year = fitting[-1]
        named = calendar.day_name[date(year, month, day).weekday()]
        return date(year, month, day), f"{reason}; the lede's '{named}' fits {year}"
    year = candidates[-1]
    return date(year, month, day), f"{reason}; the latest year not after today"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _repeated_paragraphs(text: str, paragraphs: list[Span]) -> list[Span]:
    """Return the paragraphs that repeat an earlier one (the first is kept)."""
    seen: list[str] = []
    repeated = []
    for span in paragraphs:
        key = normalise(span.text_of(text)).rstrip(".!?…").lower()
        if len(key) >= 40 and any(
            key == other or (len(key) > 80 and fuzz.ratio(key, other) >= 95) for other in seen
        ):
            repeated.append(span)
        else:
            seen.append(key)
    return repeated


def _body(text: str, excluded: list[Span]) -> tuple[Span, ...]:
    """Return the spans of ``text`` outside ``excluded``, trimmed of blank runs."""
    cuts = sorted(excluded, key=lambda s: s.start)
    spans: list[Span] = []
    position = 0
    for cut in cuts:
        if cut.start > position:
            spans.append(Span(position, cut.start))
        position = max(position, cut.end)
    if position < len(text):
        spans.append(Span(position, len(text)))
    return tuple(s for s in spans if s.text_of(text).strip())
