"""Import every command module so that each registers itself on ``main``.

To add a command: write ``cli/<name>.py`` defining ``@main.command()`` and add its
import here.
"""

from __future__ import annotations

from contactline.cli import extract  # noqa: F401
from contactline.cli import eval  # noqa: F401
from contactline.cli import ingest  # noqa: F401
from contactline.cli import explain  # noqa: F401
from contactline.cli import timeline  # noqa: F401
from contactline.cli import claims  # noqa: F401
from contactline.cli import actors  # noqa: F401
from contactline.cli import search  # noqa: F401
from contactline.cli import serve  # noqa: F401
from contactline.cli import export  # noqa: F401
from contactline.cli import show  # noqa: F401
from contactline.cli import stats  # noqa: F401
from contactline.cli import statements  # noqa: F401
from contactline.cli import timex_eval  # noqa: F401
