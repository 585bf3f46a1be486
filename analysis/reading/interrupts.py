"""A signal that asked the run to stop, remembered until the run ends.

A signal handler's exception is dropped when it fires inside a fork hook, a finaliser or a
weak-reference callback (Python prints "Exception ignored in ..." and goes on), so the run
could finish and write its outputs after Ctrl-C or SIGTERM. The command line's handlers
call `received` before they raise; `stop_if_received` raises again wherever outputs are
committed, and the command line checks `pending` before it reports success.
"""
from __future__ import annotations

_pending: list[type[BaseException]] = []


def received(exc_type: type[BaseException]) -> None:
    """Remember that a signal asked to stop, with the exception that stands for it."""
    if not _pending:
        _pending.append(exc_type)


def pending() -> type[BaseException] | None:
    """Give the exception of the signal received so far, or None."""
    return _pending[0] if _pending else None


def stop_if_received() -> None:
    """Raise the exception of a signal received earlier, if any (outputs are then not written)."""
    if _pending:
        raise _pending[0]()


def clear() -> None:
    """Forget any signal received (a new run in the same process starts clean)."""
    _pending.clear()
