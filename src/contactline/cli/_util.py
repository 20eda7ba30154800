"""Helpers shared by the commands."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """Global options, handed to every command through ``click.Context.obj``."""

    db: str
    model: str
