"""Files the user asked for (exports, bundles, imported extras) appear whole or not at all.

Each is written to a new hidden file beside the target, then renamed over
it; a failure leaves any previous file untouched and no stray part behind.
On Windows a file another program holds open (an antivirus scan, the search
indexer, a viewer) refuses the rename for a moment: the rename is retried
for up to about two seconds before the user is told.
Files given to read (bundles, imports, identity exports) are read up to a
limit, and only when they are regular files.
"""

from __future__ import annotations

import os
import stat
import time
import uuid
from pathlib import Path

from .errors import RejectedError, StorageError
from .messages import say


def stage(target: Path, data: bytes, mode: int = 0o666) -> Path:
    """A new hidden file beside `target` holding `data`; the caller renames it into place.

    0o666 lets the user's umask decide, like any file they save; 0o600 keeps it to the owner.
    """
    target = Path(target)
    staged = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise StorageError(say("file.cannot_write", path=target, detail=exc.strerror or exc)) from None
    return staged


REPLACE_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8)  # ~2 s in all: a scan or an indexer lets go by then


def replace(source: Path, target: Path, windows: bool | None = None) -> None:
    """os.replace, retried while Windows says the target (or source) is in use by another process."""
    windows = os.name == "nt" if windows is None else windows
    for delay in (*REPLACE_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:  # Windows: ERROR_SHARING_VIOLATION / ERROR_ACCESS_DENIED while held open
            if not windows or delay is None:
                raise
            time.sleep(delay)


def write_atomically(path: Path, data: bytes, mode: int = 0o666) -> None:
    staged = stage(path, data, mode)
    try:
        replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise StorageError(say("file.cannot_write", path=path, detail=exc.strerror or exc)) from None


def read_limited(path: Path, limit: int, error: type[Exception] = RejectedError, what: str = "file") -> bytes:
    """A regular file's bytes, refused with `error` past `limit` bytes, or if it is not a regular file.

    Opened non-blocking and checked with fstat before any read, so a FIFO
    (which would block) or a device such as /dev/zero (which never ends) is
    refused at once; at most `limit` + 1 bytes are ever read, whatever the
    size said before the read.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(say("file.missing", path=path)) from None
    except IsADirectoryError:
        raise error(say("file.folder", path=path, what=what)) from None
    except OSError as exc:
        raise error(say("file.unreadable", path=path, detail=exc.strerror or exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error(say("file.folder", path=path, what=what))
        if not stat.S_ISREG(mode):
            raise error(say("file.not_regular", path=path, what=what))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(say("file.unreadable", path=path, detail=exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(say("file.too_large", path=path, what=what, limit=limit))
    return data
