"""``python -m contactline``: the command line."""

from contactline.cli import main

main()
