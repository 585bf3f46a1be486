"""`python -m analysis`: see analysis.cli."""
import os
import signal
import sys


def _ended(signum, frame) -> None:
    """End quietly on a signal that comes before the command line is ready for it."""
    sys.stderr.write("interrupted\n" if signum == signal.SIGINT else "terminated\n")
    os._exit(130 if signum == signal.SIGINT else 143)


signal.signal(signal.SIGINT, _ended)
signal.signal(signal.SIGTERM, _ended)

from .cli import main  # noqa: E402  (after the handlers: the imports take a while)

sys.exit(main())
