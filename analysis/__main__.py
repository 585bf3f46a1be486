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

status = main()
if status in (130, 143):
    # CPython kills itself with SIGINT at exit when a KeyboardInterrupt has passed through
    # code run by exec (dataclasses build their methods so), even one caught: end here,
    # with the status the command line gives
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
sys.exit(status)
