"""Import every command module so that each registers itself on ``main``.

To add a command: write ``cli/<name>.py`` defining ``@main.command()`` and add its
import here.
"""

from __future__ import annotations

from contactline.cli import (
    actors,  # noqa: F401
    claims,  # noqa: F401
    eval,  # noqa: F401
    explain,  # noqa: F401
    export,  # noqa: F401
    extract,  # noqa: F401
    ingest,  # noqa: F401
    search,  # noqa: F401
    serve,  # noqa: F401
    show,  # noqa: F401
    statements,  # noqa: F401
    stats,  # noqa: F401
    timeline,  # noqa: F401
    timex_eval,  # noqa: F401
)
