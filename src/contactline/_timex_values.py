"""TIMEX3 values for the matches of the time grammar, given the anchor and the clause's tense.

``normalise`` dispatches on the pattern that found a match (``Hit.kind``) to one handler
per kind; each returns a ``TimeValue`` or ``None`` when the match is no time after all.
``Context`` carries what a value may depend on: the publication date, the tense of the
clause, and the previous dated expression (for 'the same day', 'three days later').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from contactline._timex_calendar import (
    Direction,
    day_of,
    resolve_day,
    resolve_month,
    resolve_weekday,
    shift_unit,
    window,
)
from contactline._timex_grammar import Hit, TimeGrammar
from contactline.records import TimeExpr

_MODS = {
    "early": "START",
    "mid": "MID",
    "mid-": "MID",
    "late": "END",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "the first half of": "START",
    "the second half of": "END",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "almost": "LESS_THAN",
    "nearly": "LESS_THAN",
    "less than": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
}
_PREFIX_MODS = {
    "since": "ON_OR_AFTER",
    "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE",
    "before": "BEFORE",
    "prior to": "BEFORE",
    "after": "AFTER",
    "as of": None,
}
_REFS = {
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "now": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "to date": "PRESENT_REF",
    "in the future": "FUTURE_REF",
    "in the near future": "FUTURE_REF",
}
_DEICTIC = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
    "overnight": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
PART_OF_DAY = re.compile(r"T(?:MO|AF|EV|NI)$")
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_VAGUE_UNITS = {
    "years": "Y",
    "decades": "DE",
    "months": "M",
    "weeks": "W",
    "days": "D",
    "centuries": "CE",
    "hours": "TH",
}


@dataclass(frozen=True, slots=True)
class TimeValue:
    value: str | None
    type: str = "DATE"
    mod: str | None = None
    anchored: bool = True
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    anchor: date | None
    tense: str
    previous: TimeExpr | None
    text: str

    @property
    def direction(self) -> Direction:
        """Where to look from the anchor: present and unknown tenses take the nearest."""
        if self.tense == "past":
            return "past"
        return "future" if self.tense == "future" else "near"


def relative_days(ctx: Context, offset: int, part: str | None) -> TimeValue:
    if ctx.anchor is None:
        return TimeValue(None, anchored=False)
    day = (ctx.anchor + timedelta(days=offset)).isoformat()
    return TimeValue(day + (f"T{part}" if part else ""))


def normalise(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue | None:
    """Give a hit its value, dispatching on the pattern that found it."""
    handler = _HANDLERS[hit.kind]
    result = handler(hit, g, ctx)
    if result is None:
        return None
    if hit.part_of_day and result.value and re.fullmatch(r"\d{4}-\d\d-\d\d", result.value):
        code = g.parts[hit.part_of_day]
        result = TimeValue(
            f"{result.value}T{code}", result.type, result.mod, result.anchored, result.note
        )
    if hit.prefix:
        result = TimeValue(
            result.value,
            result.type,
            _PREFIX_MODS.get(hit.prefix) or result.mod,
            result.anchored,
            result.note,
        )
    return result


def _calendar_date(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue | None:
    p = hit.parts
    if hit.kind == "numeric":
        month, day, year = (
            (int(p["m"]), int(p["d"]), p["y"])
            if "m" in p
            else (int(p["m2"]), int(p["d2"]), p["y2"])
        )
        if month > 12:
            month, day = day, month
        return _day_value(int(year), month, day, None)
    month = int(p["m"]) if p["m"].isdigit() else g.month(p["m"])
    day = int(p["d"])
    weekday = g.weekdays[p["wd"].lower()] if "wd" in p else None
    last_day = int(p["d2"]) if "d2" in p else None
    result: TimeValue | None
    if "y" in p:
        result = _day_value(int(p["y"]), month, day, weekday)
    elif ctx.anchor is None:
        result = TimeValue(f"XXXX-{month:02d}-{day:02d}", anchored=False)
    else:
        chosen, agrees = resolve_day(month, day, ctx.anchor, ctx.direction, weekday)
        if chosen is None:
            return None
        result = TimeValue(
            chosen.isoformat(), note="year from anchor" + ("" if agrees else ", weekday conflict")
        )
    if result is not None and last_day and result.value and last_day > day:
        result = TimeValue(
            f"{result.value}/{result.value[:8]}{last_day:02d}",
            note=result.note,
            anchored=result.anchored,
        )
    return result


def _day_value(year: int, month: int, day: int, weekday: int | None) -> TimeValue | None:
    try:
        written = date(year, month, day)
    except ValueError:
        return None
    conflict = weekday is not None and written.isoweekday() != weekday
    return TimeValue(written.isoformat(), note="weekday conflict" if conflict else None)


def _month_year(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    return TimeValue(f"{int(p['y']):04d}-{g.month(p['m']):02d}", mod=_mod(p))


def _mod(parts: Mapping[str, str]) -> str | None:
    word = parts.get("mod")
    return _MODS.get(re.sub(r"\s+", " ", word.lower())) if word else None


def _month(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    month = g.month(p["m"])
    if ctx.anchor is None:
        return TimeValue(f"XXXX-{month:02d}", mod=_mod(p), anchored=False)
    shift = (p.get("shift") or "").lower()
    direction: Direction = ctx.direction
    if shift in {"last", "next"}:
        direction = "past" if shift == "last" else "future"
    year = resolve_month(month, ctx.anchor, direction)
    if shift == "last" and (year, month) >= (ctx.anchor.year, ctx.anchor.month):
        year -= 1
    if shift == "next" and (year, month) <= (ctx.anchor.year, ctx.anchor.month):
        year += 1
    if shift == "this":
        year = ctx.anchor.year
    return TimeValue(f"{year:04d}-{month:02d}", mod=_mod(p), note="year from anchor")


def _year(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    return TimeValue(hit.parts["y"], mod=_mod(hit.parts))


def _year_range(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue | None:
    first, second = hit.parts["y"], hit.parts["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if not first < second <= "2099":
        return None
    return TimeValue(f"{first}/{second}")


def _decade(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    return TimeValue(hit.parts["dec"], mod=_mod(hit.parts))


def _quarter(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    return TimeValue(f"{hit.parts['y']}-Q{_ORDINAL[hit.parts['q'].lower()]}")


def _season(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    code = g.seasons[p["s"].lower()]
    if "y" in p:
        return TimeValue(f"{p['y']}-{code}")
    if ctx.anchor is None:
        return TimeValue(f"XXXX-{code}", anchored=False)
    shift = (p.get("shift") or "").lower()
    current = _season_year_of(ctx.anchor, code)
    this_start = window(f"{current}-{code}")
    assert this_start is not None
    started = this_start[0] <= ctx.anchor.isoformat()
    ended = this_start[1] < ctx.anchor.isoformat()
    if shift in {"last", "past"}:
        year = current if ended else current - 1
    elif shift in {"next", "coming"}:
        year = current if not started else current + 1
    elif shift == "this":
        year = current
    elif ctx.direction == "past":
        year = current if started else current - 1
    elif ctx.direction == "future":
        year = current if not ended else current + 1
    else:
        year = current
    return TimeValue(f"{year}-{code}", note="year from anchor")


def _season_year_of(anchor: date, code: str) -> int:
    """The year whose season ``code`` is nearest the anchor (winter starts in December)."""
    return anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year


def _weekday(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    weekday = g.weekdays[p["wd"].lower()]
    part = g.parts[p["part"].lower()] if "part" in p else None
    if ctx.anchor is None:
        return TimeValue(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), anchored=False)
    shift = (p.get("shift") or "").lower() or None
    # a weekday in the present tense is a schedule: 'the truce expires on Sunday'
    direction: Direction = "future" if ctx.tense == "present" else ctx.direction
    day = resolve_weekday(weekday, ctx.anchor, direction, shift)
    note = f"{shift or direction} weekday from anchor"
    return TimeValue(day.isoformat() + (f"T{part}" if part else ""), mod=_mod(p), note=note)


def _weekend(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    """'over the weekend': the last one in a past clause, else the coming one.

    On a Saturday or Sunday the weekend under way is meant either way.
    """
    if ctx.anchor is None:
        return TimeValue(None, anchored=False)
    weekday = ctx.anchor.isoweekday()
    if weekday >= 6 or ctx.direction == "future" or (ctx.direction == "near" and weekday >= 4):
        return TimeValue(shift_unit(ctx.anchor, "WE", 0), note="weekend from anchor")
    return TimeValue(shift_unit(ctx.anchor, "WE", -1), note="weekend from anchor")


def _deictic(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    word = re.sub(r"\s+", " ", (p.get("w") or "today").lower())
    part = p.get("part") or p.get("part2")
    code = g.parts[part.lower()] if part else ("NI" if "night" in word else None)
    return relative_days(ctx, _DEICTIC[word], code)


def _amount(g: TimeGrammar, word: str) -> int | None:
    number = g.number(word)
    return int(number) if number and number.isdigit() else None


def _rel_ago(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    unit, amount = g.unit(hit.parts["u"]), _amount(g, hit.parts["n"])
    if amount is None:
        return TimeValue("PAST_REF", note="vague count")
    if ctx.anchor is None or unit.startswith("T"):
        return TimeValue(None, anchored=ctx.anchor is not None)
    return TimeValue(shift_unit(ctx.anchor, unit, -amount))


def _rel_later(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    unit, amount = g.unit(hit.parts["u"]), _amount(g, hit.parts["n"])
    base = day_of(ctx.previous.value) if ctx.previous else None
    if amount is None or base is None or unit.startswith("T"):
        return TimeValue(
            None, anchored=base is not None or ctx.anchor is not None, note="no antecedent"
        )
    sign = -1 if hit.parts["dir"].lower().startswith(("earlier", "before")) else 1
    antecedent = ctx.previous.text if ctx.previous else None
    return TimeValue(shift_unit(base, unit, sign * amount), note=f"from {antecedent!r}")


def _rel_unit(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    unit = {"weekend": "WE"}.get(p["u"].lower()) or g.unit(p["u"])
    shift = p["shift"].lower()
    amount = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(shift, 0)
    if ctx.anchor is None:
        return TimeValue(None, anchored=False)
    mod_word = (p.get("mod") or "").lower()
    mod = None if mod_word in {"earlier", "later"} else _mod(p)
    return TimeValue(shift_unit(ctx.anchor, unit, amount), mod=mod)


def _anaphor(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue | None:
    words = re.sub(r"\s+", " ", hit.parts["a"].lower())
    if ctx.previous is None:
        return TimeValue(None, note="no antecedent")
    value = ctx.previous.value
    if words.endswith(("day", "night", "morning", "evening", "afternoon")):
        base = day_of(value)
        if base is None:
            return TimeValue(None, note="no antecedent day")
        part = words.rsplit(" ", 1)[1]
        value = base.isoformat() + (f"T{g.parts[part]}" if part != "day" else "")
    mod = {
        "since then": "ON_OR_AFTER",
        "until then": "ON_OR_BEFORE",
        "till then": "ON_OR_BEFORE",
        "by then": "ON_OR_BEFORE",
    }.get(words, ctx.previous.mod)
    return TimeValue(value, mod=mod, note=f"from {ctx.previous.text!r}")


def _anaphor_day(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    direction = (hit.parts.get("dir") or hit.parts.get("dir2") or "").lower()
    if ctx.previous is None or (base := day_of(ctx.previous.value)) is None:
        return TimeValue(None, note="no antecedent")
    offset = -1 if direction in {"previous", "preceding", "before"} else 1
    day = (base + timedelta(days=offset)).isoformat()
    return TimeValue(day, note=f"from {ctx.previous.text!r}")


def _duration(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    if "vague" in p:
        unit = _VAGUE_UNITS[p["vague"].lower()]
        amount = "X"
    else:
        unit = g.unit(p["u"])
        amount = (g.number(p["n"]) if "n" in p else "1") or "X"
    value = f"PT{amount}{unit[1:]}" if unit.startswith("T") else f"P{amount}{unit}"
    return TimeValue(value, type="DURATION", mod=_mod(p))


def _ref(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    word = re.sub(r"\s+", " ", hit.parts["r"].lower())
    return TimeValue(_REFS.get(word, "PAST_REF"))


def _set(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue:
    p = hit.parts
    if "wd" in p:
        return TimeValue(f"XXXX-WXX-{g.weekdays[p['wd'].lower()]}", type="SET")
    word = p["every"].lower().split()[-1]
    unit = {
        "daily": "D",
        "weekly": "W",
        "monthly": "M",
        "annually": "Y",
        "day": "D",
        "week": "W",
        "month": "M",
        "year": "Y",
    }[word]
    return TimeValue(f"P1{unit}", type="SET")


def _range(hit: Hit, g: TimeGrammar, ctx: Context) -> TimeValue | None:
    """Join two end points; a first end point without a year takes it from the second."""
    assert hit.first is not None and hit.last is not None
    last = normalise(hit.last, g, ctx)
    if last is None or last.value is None:
        return None
    last_bounds = window(last.value)
    first_ctx = ctx
    if last_bounds is not None and "y" not in hit.first.parts:
        first_ctx = Context(date.fromisoformat(last_bounds[1]), "past", ctx.previous, ctx.text)
    first = normalise(hit.first, g, first_ctx)
    if first is None or first.value is None:
        return None
    end = last.value.split("/")[-1]
    return TimeValue(
        f"{first.value.split('/')[0]}/{end}", anchored=first.anchored and last.anchored
    )


_HANDLERS = {
    "iso": _calendar_date,
    "numeric": _calendar_date,
    "mdy": _calendar_date,
    "dmy": _calendar_date,
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "year_range": _year_range,
    "decade": _decade,
    "quarter": _quarter,
    "season_year": _season,
    "season": _season,
    "season_in": _season,
    "weekday": _weekday,
    "weekend": _weekend,
    "deictic": _deictic,
    "rel_ago": _rel_ago,
    "rel_later": _rel_later,
    "rel_unit": _rel_unit,
    "anaphor": _anaphor,
    "anaphor_day": _anaphor_day,
    "duration": _duration,
    "duration_the": _duration,
    "year_attr": _year,
    "duration_vague": _duration,
    "ref": _ref,
    "set": _set,
    "range": _range,
}
