"""Where things live: the data dir comes from the flag, the environment, or the platform.

The data dir and the store hold team secrets: on POSIX they are the owner's
only (0700, 0600), and an existing store gets those modes back when opened.
Windows has no such modes (its folders under the user profile are private
already), so there nothing is changed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "Skiller"


def default_data_dir(profile: str = "default") -> Path:
    override = os.environ.get("SKILLER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir  # here: a command given --data-dir does not need it

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "profiles" / profile


def demo_data_dir() -> Path:
    return default_data_dir("demo")


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _posix() -> bool:
    return os.name == "posix"


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) and make it the owner's only; an existing one is fixed."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    _restrict(path, PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist, so it is never readable by others."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))


def make_private_files(*paths: Path) -> None:
    """Make existing files the owner's only (a store and its -wal/-shm); absent ones are skipped."""
    for path in paths:
        _restrict(path, PRIVATE_FILE_MODE)


def _restrict(path: Path, mode: int) -> None:
    """chmod when the mode differs; not possible (read-only media, someone else's file): left as it is."""
    if not _posix():
        return
    try:
        if (path.stat().st_mode & 0o777) != mode:
            path.chmod(mode)
    except OSError:  # absent, read-only media, not ours: opening goes on and reports what matters
        pass
