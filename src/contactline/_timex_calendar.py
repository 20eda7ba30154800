"""Calendar arithmetic for time values: choosing years, weekdays and units around an anchor.

``direction`` is how the clause is tensed: ``"past"`` looks back from the anchor (the
most recent occurrence, the anchor day itself included), ``"future"`` looks forward (the
anchor day included), ``"near"`` takes the closest occurrence either way (ties go to the
past, since news reports what has happened).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import Literal

Direction = Literal["past", "future", "near"]

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def iso_week(day: date) -> str:
    """Return the ISO week value of a day (``2020-W39``)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _pick(candidates: list[date], anchor: date, direction: Direction) -> date | None:
    if direction == "past":
        before = [c for c in candidates if c <= anchor]
        return max(before) if before else None
    if direction == "future":
        after = [c for c in candidates if c >= anchor]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor), default=None)


def resolve_day(
    month: int, day: int, anchor: date, direction: Direction, weekday: int | None = None
) -> tuple[date | None, bool]:
    """Choose the year of a month and day written without one.

    Args:
        month: 1-12.
        day: 1-31.
        anchor: the publication date.
        direction: the tense of the clause.
        weekday: the ISO weekday written beside the date, if any: the year must agree.

    Returns:
        The date (``None`` when no year around the anchor has such a day) and whether a
        written weekday was consistent with it.
    """
    candidates = []
    for year in range(anchor.year - 7, anchor.year + 8):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    near = [c for c in candidates if abs(c.year - anchor.year) <= 1]
    if weekday is not None:
        agreeing = [c for c in candidates if c.isoweekday() == weekday]
        close = [c for c in agreeing if abs((c - anchor).days) <= 200]
        if close:
            return _pick(close, anchor, direction) or _pick(close, anchor, "near"), True
    # February 29 may be years away: then the nearest leap year in the tense's direction
    return _pick(near or candidates, anchor, direction), weekday is None


def resolve_month(month: int, anchor: date, direction: Direction) -> int:
    """Return the year of a month named without one ('in February')."""
    firsts = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    this_month = date(anchor.year, anchor.month, 1)
    chosen = _pick(firsts, this_month, direction)
    return (chosen or date(anchor.year, month, 1)).year


def resolve_weekday(weekday: int, anchor: date, direction: Direction, shift: str | None) -> date:
    """Return the day a weekday name refers to.

    ``last Monday`` is strictly before the anchor, ``next Monday`` strictly after it, ``this
    Monday`` is in the anchor's week; a bare weekday follows the tense, the anchor day
    itself included (wire copy writes 'said on Friday' for the day of publication).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift in {"last", "past"}:
        return anchor - timedelta(days=back or 7)
    if shift in {"next", "coming"}:
        return anchor + timedelta(days=ahead or 7)
    if shift == "this":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if direction == "future":
        return anchor + timedelta(days=ahead)
    if direction == "near" and ahead < back:
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def shift_unit(anchor: date, unit: str, amount: int) -> str:
    """Return the value of the calendar unit ``amount`` units away from the anchor.

    Args:
        anchor: the reference day.
        unit: ``D``, ``W``, ``WE`` (weekend), ``M``, ``Y``, ``DE`` or ``CE``.
        amount: how many units; negative is the past.

    Returns:
        A value at the unit's precision: ``2020-09-26``, ``2020-W38``, ``2020-06``, ``2019``.
    """
    if unit == "D":
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in {"W", "WE"}:
        week = iso_week(anchor + timedelta(weeks=amount))
        return week + "-WE" if unit == "WE" else week
    if unit == "M":
        index = anchor.year * 12 + anchor.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + amount:02d}"
    raise ValueError(f"unit {unit!r} has no calendar value")


def day_of(value: str | None) -> date | None:
    """Return the day a value names, when it names one (``2020-11-09TNI`` -> 2020-11-09)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


@cache  # pure, and asked again for the same few values of a document
def window(value: str | None) -> tuple[str, str] | None:
    """Return the first and last day a TIMEX value covers.

    Args:
        value: ``2020-09-28``, ``1988-02``, ``1992``, ``199`` (a decade), ``2020-W39``,
            ``2022-SU``, ``2023-Q1``, ``2020-H2``, ``2020-11-09TNI`` (a night runs into the
            next day) or an interval ``1992/1994``.

    Returns:
        ISO days ``(first, last)``; ``None`` for durations, references such as
        ``PRESENT_REF`` and values with unknown parts (``XXXX-09-27``).
    """
    if not value:
        return None
    if "/" in value:
        first, last = (window(part) for part in value.split("/", 1))
        return (first[0], last[1]) if first and last else None
    try:
        days = _days(value)
    except ValueError:
        return None
    return (days[0].isoformat(), days[1].isoformat()) if days else None


def _days(value: str) -> tuple[date, date] | None:
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\w+))?", value):
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return day, day + timedelta(days=1 if m.group(4) == "NI" else 0)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        year, month = int(m.group(1)), int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if m.group(3)
            else (monday, monday + timedelta(days=6))
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year = int(m.group(1))
        first, last = _SEASONS[m.group(2)]
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return date(year, first, 1), date(
            end_year, end_month, calendar.monthrange(end_year, end_month)[1]
        )
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
        year, size = int(m.group(1)), 3 if m.group(2) == "Q" else 6
        first = (int(m.group(3)) - 1) * size + 1
        last = first + size - 1
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if re.fullmatch(r"\d{2,4}", value):
        span = 10 ** (4 - len(value))
        start = int(value) * span
        return date(start, 1, 1), date(start + span - 1, 12, 31)
    return None
