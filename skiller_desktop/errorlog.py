"""The data dir's error log: where traces go, so that a terminal only ever sees one line.

One handler for the CLI and for the sync commands and the app: created at the
first record, readable by its owner only (a trace may quote someone's data).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

ERROR_LOG = "skiller-errors.log"


class ErrorLog(logging.FileHandler):
    """Warnings and errors with their traces, to `path`; a log that cannot be written is given up
    silently (never a second traceback on the terminal about the first)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))

    def _open(self):  # type: ignore[no-untyped-def]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def writes_to(handler: logging.Handler, path: Path) -> bool:
    return getattr(handler, "baseFilename", None) == os.path.abspath(path)
