"""Turn records into JSON-ready values and back, losslessly.

The store keeps each record's searchable fields in columns and the whole record in a
``record`` JSON column, written by :func:`encode` and read back by :func:`decode`, so
that a saved record comes back equal to the one that was saved. The codec follows
the dataclass field types, so a field added to ``records.py`` needs no change here.
"""

from __future__ import annotations

import dataclasses
import json
import types
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from contactline import records
from contactline.records import Span

T = TypeVar("T")


def encode(value: Any) -> Any:
    """Return ``value`` (a record, tuple, date or scalar) as plain JSON-ready data.

    Args:
        value: a record from ``contactline.records`` or any value one of its fields holds.

    Returns:
        Nested dicts, lists, strings, numbers, booleans and ``None``; a ``Span`` is
        ``[start, end]`` and a ``date`` its ISO string.
    """
    if isinstance(value, Span):
        return [value.start, value.end]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from what :func:`encode` produced.

    Args:
        cls: the record class (``records.Event``, ``records.Result``...).
        data: the decoded JSON value.

    Returns:
        The record.
    """
    return _decode_as(cls, data)  # type: ignore[no-any-return]


def dumps(value: Any) -> str:
    """Return the JSON text of ``value`` encoded with :func:`encode`."""
    return json.dumps(encode(value), ensure_ascii=False, sort_keys=True)


def loads(cls: type[T], text: str) -> T:
    """Rebuild a record of type ``cls`` from JSON text written by :func:`dumps`."""
    return decode(cls, json.loads(text))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, vars(records))


def _decode_as(tp: Any, data: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        return _decode_as(options[0], data) if len(options) == 1 else data
    if origin is Literal or tp is Any or tp is object:
        return data
    if origin is tuple:
        item = get_args(tp)[0]
        return tuple(_decode_as(item, value) for value in data)
    if origin is dict:
        return dict(data)
    if tp is Span:
        return Span(int(data[0]), int(data[1]))
    if tp is date:
        return date.fromisoformat(data)
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: _decode_as(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    return data
