"""Files the user asked for (exports, bundles, imported extras) appear whole or not at all.

Each is written to a new hidden file beside the target, then renamed over
it; a failure leaves any previous file untouched and no stray part behind.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from .errors import StorageError


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
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from None
    return staged


def write_atomically(path: Path, data: bytes, mode: int = 0o666) -> None:
    staged = stage(path, data, mode)
    try:
        os.replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
