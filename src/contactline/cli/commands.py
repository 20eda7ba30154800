"""Import every command module so that each registers itself on ``main``.

To add a command: write ``cli/<name>.py`` defining ``@main.command()`` and add its
import here.
"""

from __future__ import annotations

from contactline.cli import extract  # noqa: F401
from contactline.cli import eval  # noqa: F401
from contactline.cli import ingest  # noqa: F401
from contactline.cli import explain  # noqa: F401
