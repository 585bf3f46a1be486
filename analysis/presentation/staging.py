"""A build's outputs are all or nothing: written to staging folders, swapped in at the end,
under a lock that keeps two builds out of the same folders."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Iterator

from ..reading import interrupts


class BuildBusy(OSError):
    """Another build holds the lock on an output folder; the message says which."""


@contextlib.contextmanager
def locked(folders: list[Path]) -> Iterator[None]:
    """Hold the build lock of each folder while the block runs; raise BuildBusy at once if
    another build holds one. The lock files live in the system's temporary folder, named by
    the folder's path, so the outputs hold nothing but outputs; each is removed when its
    build ends."""
    held: list[tuple[Path, object]] = []
    try:
        for folder in sorted({f.resolve() for f in folders}):
            key = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
            lock = Path(tempfile.gettempdir()) / f"airwar-build-{key}.lock"
            held.append((lock, _take(lock, folder)))
        yield
    finally:
        for lock, handle in reversed(held):
            with contextlib.suppress(OSError):
                lock.unlink()              # still ours: removed before the lock is let go
            handle.close()                 # closing releases the lock


def _take(lock: Path, folder: Path):
    """Give the open lock file `lock`, locked; raise BuildBusy if another build holds it."""
    while True:
        handle = open(lock, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise BuildBusy(f"{folder}: another build is writing here ({holder}); wait for "
                            f"it to finish or build into other folders (--reports, "
                            f"--processed)") from None
        try:
            same = os.stat(lock).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()}\n")
            handle.flush()
            return handle
        handle.close()          # the build before removed this file as it ended: take anew


def staging_folder(final: Path) -> Path:
    """Give a new, empty staging folder beside `final` (hidden, removed by `discard`)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    folder = final.parent / f".{final.name}.staging-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    return folder


def swap_in(staged: Path, final: Path) -> None:
    """Move every file of `staged` into `final`, replacing what is there, then remove
    `staged`. Each file is renamed into place, so a reader sees the old file or the new."""
    interrupts.stop_if_received()               # a signal an ignored handler dropped
    final.mkdir(parents=True, exist_ok=True)
    for path in sorted(staged.rglob("*")):
        if path.is_dir():
            (final / path.relative_to(staged)).mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in staged.rglob("*") if not p.is_dir()):
        os.replace(path, final / path.relative_to(staged))
    shutil.rmtree(staged, ignore_errors=True)


def discard(staged: Path) -> None:
    """Remove a staging folder and everything in it."""
    shutil.rmtree(staged, ignore_errors=True)
