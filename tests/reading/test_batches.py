"""The local engine gives every batch's result in order, and ends when a worker dies."""
from __future__ import annotations

import os
import signal
import time

import pytest

from analysis.reading import batches


def _square(n: int) -> int:
    return n * n


def _die_on(n: int, doomed: int) -> int:
    if n == doomed:
        os.kill(os.getpid(), signal.SIGKILL)        # as the out-of-memory killer would
    time.sleep(0.01)
    return n


def _fail_on(n: int) -> int:
    if n == 3:
        raise ValueError("bad batch 3")
    return n


def test_results_come_in_task_order():
    assert list(batches._pooled(_square, [(n,) for n in range(40)], 2)) == [
        n * n for n in range(40)]


def test_a_worker_killed_mid_task_ends_the_run_instead_of_hanging():
    started = time.monotonic()
    with pytest.raises(batches.WorkerDied):
        list(batches._pooled(_die_on, [(n, 5) for n in range(40)], 2))
    assert time.monotonic() - started < 10


def test_an_error_in_a_worker_is_raised_in_the_caller():
    with pytest.raises(ValueError, match="bad batch 3"):
        list(batches._pooled(_fail_on, [(n,) for n in range(10)], 2))


class _Unpicklable:
    def __reduce__(self):
        raise TypeError("cannot be pickled")


def _unpicklable(n: int):
    return _Unpicklable() if n == 2 else n


def _slow_then_fail(n: int) -> int:
    if n == 0:
        time.sleep(0.5)
        return 0
    raise ValueError(f"bad batch {n}")


def _die_sending(n: int):
    if n == 1:
        import threading
        threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
        return b"x" * 400_000_000        # killed while this is being sent
    return n


def test_a_result_that_cannot_be_sent_is_an_error_not_a_hang():
    with pytest.raises(batches.WorkerDied, match="could not be sent"):
        list(batches._pooled(_unpicklable, [(n,) for n in range(5)], 2))


def test_errors_come_in_task_order():
    got = batches._pooled(_slow_then_fail, [(n,) for n in range(4)], 2)
    assert next(got) == 0                 # task 0 is given before task 1's error is raised
    with pytest.raises(ValueError, match="bad batch 1"):
        next(got)


def test_a_worker_killed_while_sending_its_result_ends_the_run():
    started = time.monotonic()
    with pytest.raises(batches.WorkerDied):
        list(batches._pooled(_die_sending, [(n,) for n in range(4)], 2))
    assert time.monotonic() - started < 30
